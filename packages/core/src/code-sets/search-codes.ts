import type { CodeSystem, Db, MedicalCode } from '../db/prisma-client.ts';

export interface CodeSearch {
  system: CodeSystem;
  /** A code prefix (E11, e11.6) or words that must all appear in the description ("type 2 diab"). */
  search: string;
  /** The release in force on this day is searched. */
  onDate: string;
  first: number;
}

/**
 * Searches the release of a system in force on a day, among its codes valid that day: by code prefix (dot and case
 * ignored) or, failing that, by every word in the short or long description, case-insensitively; codes in order,
 * at most `first`.
 */
export async function searchCodes(
  root: Db,
  provider: 'sqlite' | 'postgresql',
  query: CodeSearch,
): Promise<{ version: string | null; codes: MedicalCode[] }> {
  const release = await root.codeSetRelease.findFirst({
    where: { system: query.system, status: 'READY', effectiveDate: { lte: query.onDate } },
    orderBy: { effectiveDate: 'desc' },
  });
  if (!release) return { version: null, codes: [] };
  const text = query.search.trim();
  const prefix = text.toUpperCase().replace('.', '');
  const take = Math.min(Math.max(query.first, 1), 50);
  // SQLite's LIKE ignores ASCII case already; PostgreSQL needs ILIKE.
  const contains = (word: string) =>
    provider === 'postgresql' ? { contains: word, mode: 'insensitive' as const } : { contains: word };
  // Only codes valid that day: a code added later in the release's year, or terminated before, is not offered.
  const validOn = [
    { OR: [{ effectiveDate: null }, { effectiveDate: { lte: query.onDate } }] },
    { OR: [{ terminationDate: null }, { terminationDate: { gte: query.onDate } }] },
  ];
  if (/^[0-9A-Z]{1,7}$/.test(prefix)) {
    const byCode = await root.medicalCode.findMany({
      where: { releaseId: release.id, code: { startsWith: prefix }, AND: validOn },
      orderBy: { code: 'asc' },
      take,
    });
    if (byCode.length > 0) return { version: release.version, codes: byCode };
  }
  const words = text.split(/\s+/).filter(Boolean);
  const codes = await root.medicalCode.findMany({
    where: {
      releaseId: release.id,
      AND: [
        ...validOn,
        ...words.map((w) => ({ OR: [{ longDescription: contains(w) }, { shortDescription: contains(w) }] })),
      ],
    },
    orderBy: { code: 'asc' },
    take,
  });
  return { version: release.version, codes };
}
