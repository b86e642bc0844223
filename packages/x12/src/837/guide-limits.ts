import { X12WriteError } from '../writer/x12-write-error.ts';
import { checkAdjustmentGroups } from './adjustment-rules.ts';
import type { Claim837, DateValue, Procedure, Submission837 } from './types.ts';

const isDate = (value: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return day.getUTCMonth() === Number(m[2]) - 1 && day.getUTCDate() === Number(m[3]);
};

/** The most service lines one claim may carry (2400 loop repeat). */
export const MAX_LINES = { professional: 50, institutional: 999 } as const;

/**
 * What the 837P and 837I guides require of one claim that a value-by-value check cannot see: at least one line
 * and no more than the loop allows, CLM02 equal to the sum of the line charges, no negative charge, at most 12
 * codes in an HI, CAS groups the guide allows, at most 4 modifiers and 4 diagnosis pointers (each 1–12) on a line, real calendar dates. Throws
 * the first problem as an X12WriteError naming the segment and element.
 */
export function checkClaimAgainstGuide(claim: Claim837, kind: Submission837['kind']): void {
  const fail = (code: X12WriteError['code'], detail: string, segmentId: string, position: number): never => {
    throw new X12WriteError(code, detail, segmentId, position);
  };
  if (claim.lines.length === 0) fail('MISSING', 'a claim needs at least one service line', 'LX', 0);
  if (claim.lines.length > MAX_LINES[kind])
    fail(
      'TOO_MANY',
      `${claim.lines.length} service lines; an 837${kind === 'professional' ? 'P' : 'I'} claim carries at most ${MAX_LINES[kind]}`,
      'LX',
      0,
    );
  const lineSegment = kind === 'professional' ? 'SV1' : 'SV2';
  let sum = 0;
  for (const line of claim.lines) {
    const detail = line.professional ?? line.institutional;
    if (!detail) continue;
    const chargePosition = kind === 'professional' ? 2 : 3;
    if (detail.chargeCents < 0)
      fail('BAD_VALUE', `line ${line.lineNumber}: the charge is negative`, lineSegment, chargePosition);
    sum += detail.chargeCents;
    const procedure = line.professional?.procedure ?? line.institutional?.procedure;
    if (procedure) checkProcedure(procedure, line.lineNumber, lineSegment, kind === 'professional' ? 1 : 2);
    const pointers = line.professional?.diagnosisPointers ?? [];
    if (pointers.length > 4)
      fail('TOO_MANY', `line ${line.lineNumber}: ${pointers.length} diagnosis pointers; at most 4`, 'SV1', 7);
    if (pointers.some((p) => !Number.isInteger(p) || p < 1 || p > 12))
      fail('BAD_VALUE', `line ${line.lineNumber}: diagnosis pointers are 1 to 12`, 'SV1', 7);
    checkDates(line.dates);
  }
  if (claim.totalChargeCents < 0) fail('BAD_VALUE', 'the total charge is negative', 'CLM', 2);
  if (sum !== claim.totalChargeCents)
    fail(
      'INCONSISTENT',
      `the total charge ${claim.totalChargeCents} cents is not the sum of the lines (${sum} cents)`,
      'CLM',
      2,
    );
  for (const other of claim.otherPayers) checkAdjustmentGroups(other.adjustmentGroups, 'other payer (2320)');
  for (const line of claim.lines)
    for (const a of line.adjudications)
      checkAdjustmentGroups(a.adjustmentGroups, `line ${line.lineNumber} adjudication (2430)`);
  for (const hi of claim.healthCareCodes)
    if (hi.length > 12) fail('TOO_MANY', `${hi.length} codes in one HI; at most 12`, 'HI', 0);
  checkDates(claim.dates);
}

function checkProcedure(p: Procedure, lineNumber: number, segmentId: string, position: number): void {
  if (p.modifiers.length > 4)
    throw new X12WriteError(
      'TOO_MANY',
      `line ${lineNumber}: ${p.modifiers.length} modifiers; at most 4`,
      segmentId,
      position,
    );
}

function checkDates(dates: DateValue[]): void {
  for (const d of dates)
    for (const value of [d.date, d.endDate])
      if (value !== undefined && !isDate(value))
        throw new X12WriteError(
          'BAD_VALUE',
          `DTP ${d.qualifier}: "${value}" is not a calendar date (YYYY-MM-DD)`,
          'DTP',
          3,
        );
}
