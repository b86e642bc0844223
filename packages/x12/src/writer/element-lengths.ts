import { X12WriteError } from './x12-write-error.ts';

/**
 * Maximum lengths of the free-text and identifier elements writers fill from data, from the X12 data element
 * dictionary (the same in every 5010 transaction): a longer value is refused, never cut.
 */
const MAX_LENGTH: Record<string, number> = {
  BHT03: 50,
  CLM01: 38,
  NM103: 60,
  NM104: 35,
  NM105: 25,
  NM107: 10,
  NM109: 80,
  N301: 55,
  N302: 55,
  N401: 30,
  N402: 2,
  N403: 15,
  REF02: 50,
  PER02: 60,
  PER04: 256,
  PER06: 256,
  PER08: 256,
  SBR03: 50,
  SBR04: 60,
  PRV03: 50,
  TRN02: 50,
  CLP01: 38,
  CLP07: 50,
  GS02: 15,
  GS03: 15,
};

/** Refuses a value longer than its element allows. */
export function checkLength(value: string, segmentId: string, position: number): void {
  const max = MAX_LENGTH[`${segmentId}${String(position).padStart(2, '0')}`];
  if (max !== undefined && value.length > max)
    throw new X12WriteError(
      'TOO_LONG',
      `"${value}" is ${value.length} characters; at most ${max}`,
      segmentId,
      position,
    );
}
