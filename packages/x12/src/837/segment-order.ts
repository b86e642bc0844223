import type { RawSegment } from './types.ts';

/** Implementation-guide order of segments inside a loop; ids not listed go last, in their original order. */
export const ORDER = {
  entity: ['NM1', 'PRV', 'N3', 'N4', 'DMG', 'DTP', 'REF', 'PER'],
  claim: [
    'CLM',
    'DTP',
    'CL1',
    'PWK',
    'CN1',
    'AMT',
    'REF',
    'K3',
    'NTE',
    'CR1',
    'CR2',
    'CR3',
    'CR4',
    'CR5',
    'CR6',
    'CR8',
    'CRC',
    'HI',
    'HCP',
  ],
  line: [
    'LX',
    'SV1',
    'SV2',
    'SV5',
    'PWK',
    'CR1',
    'CR3',
    'CR4',
    'CR5',
    'CRC',
    'DTP',
    'QTY',
    'MEA',
    'CN1',
    'REF',
    'AMT',
    'K3',
    'NTE',
    'PS1',
    'HCP',
  ],
  otherPayer: ['SBR', 'CAS', 'AMT', 'OI', 'MIA', 'MOA'],
  adjudication: ['SVD', 'CAS', 'DTP', 'AMT'],
} as const;

/** Each order as a map from segment id to its rank, built once. */
const RANKS = new Map<readonly string[], Map<string, number>>(
  Object.values(ORDER).map((order) => [order, new Map(order.map((id, i) => [id, i]))]),
);

/**
 * Stable sort of a loop's segments by the guide's order. The writer builds most loops in order already (only
 * caller-supplied extra segments need placing), so an ordered loop is returned as it is, without sorting.
 */
export function inGuideOrder(segments: RawSegment[], order: readonly string[]): RawSegment[] {
  const ranks = RANKS.get(order) ?? new Map(order.map((id, i) => [id, i]));
  const rank = (s: RawSegment) => ranks.get(s[0]!) ?? order.length;
  let ordered = true;
  for (let i = 1; i < segments.length && ordered; i++) ordered = rank(segments[i - 1]!) <= rank(segments[i]!);
  if (ordered) return segments;
  return segments
    .map((s, i) => [s, rank(s), i] as const)
    .sort((a, b) => a[1] - b[1] || a[2] - b[2])
    .map(([s]) => s);
}
