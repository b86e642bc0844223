/** A line's modifiers in order, without the empty places (a line has up to four: modifier1 … modifier4). */
export function modifiersOf(line: {
  modifier1: string | null;
  modifier2: string | null;
  modifier3: string | null;
  modifier4: string | null;
}): string[] {
  return [line.modifier1, line.modifier2, line.modifier3, line.modifier4].filter((m): m is string => Boolean(m));
}
