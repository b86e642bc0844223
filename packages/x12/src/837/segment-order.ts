import type { RawSegment } from './types.ts';

/** Implementation-guide order of segments inside a loop; ids not listed go last, in their original order. */
export const ORDER = {
  entity: ['NM1', 'PRV', 'N3', 'N4', 'DMG', 'DTP', 'REF', 'PER'],
  claim: ['CLM', 'DTP', 'CL1', 'PWK', 'CN1', 'AMT', 'REF', 'K3', 'NTE', 'CR1', 'CR2', 'CR3', 'CR4', 'CR5', 'CR6', 'CR8', 'CRC', 'HI', 'HCP'],
  line: ['LX', 'SV1', 'SV2', 'SV5', 'PWK', 'CR1', 'CR3', 'CR4', 'CR5', 'CRC', 'DTP', 'QTY', 'MEA', 'CN1', 'REF', 'AMT', 'K3', 'NTE', 'PS1', 'HCP'],
  otherPayer: ['SBR', 'CAS', 'AMT', 'OI', 'MIA', 'MOA'],
  adjudication: ['SVD', 'CAS', 'DTP', 'AMT'],
} as const;

/** Stable sort of a loop's segments by the guide's order. */
export function inGuideOrder(segments: RawSegment[], order: readonly string[]): RawSegment[] {
  const rank = (id: string) => {
    const i = order.indexOf(id);
    return i < 0 ? order.length : i;
  };
  return segments.map((s, i) => [s, i] as const).sort((a, b) => rank(a[0][0]!) - rank(b[0][0]!) || a[1] - b[1]).map(([s]) => s);
}
