/**
 * Splits a list into pieces of at most `size`: a query's parameter list stays bounded whatever the file's size
 * (SQLite refuses more than 32 766 parameters in one statement, and a Prisma `include` adds the parent ids again).
 */
export function chunks<T>(items: readonly T[], size = 500): T[][] {
  const pieces: T[][] = [];
  for (let i = 0; i < items.length; i += size) pieces.push(items.slice(i, i + size));
  return pieces;
}
