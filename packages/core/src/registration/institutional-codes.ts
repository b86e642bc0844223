import type { EncounterCodeKind } from '../db/prisma-client.ts';
import { normalizeIcd10 } from '../validation/medical-codes.ts';
import type { FieldChecks } from '../validation/field-checks.ts';

/** A code with the date it happened on: ICD-10-PCS procedures and UB-04 occurrence codes. */
export interface DatedCode {
  code: string;
  date: string;
}

/** What an institutional visit's UB-04 carries beyond its diagnoses; every list is optional. */
export interface InstitutionalCodesInput {
  /** ICD-10-CM, inpatient bills. */
  admittingDiagnosis?: string | null;
  /** ICD-10-CM, up to 3: why the patient came (unscheduled outpatient visits). */
  reasonsForVisit?: string[] | null;
  /** ICD-10-PCS (7 characters) with its date, inpatient bills. */
  principalProcedure?: DatedCode | null;
  otherProcedures?: DatedCode[] | null;
  /** UB-04 occurrence codes (2 characters) with their dates. */
  occurrences?: DatedCode[] | null;
  /** UB-04 value codes (2 characters) with their amounts. */
  values?: Array<{ code: string; amountCents: number }> | null;
  /** UB-04 condition codes (2 characters). */
  conditions?: string[] | null;
}

/** How many of each the 837I holds: one HI for the first three, two HIs of 12 for the lists. */
export const INSTITUTIONAL_CODE_LIMITS = {
  reasonsForVisit: 3,
  otherProcedures: 24,
  occurrences: 24,
  values: 24,
  conditions: 24,
} as const;

export interface EncounterCodeRow {
  kind: EncounterCodeKind;
  sequence: number;
  code: string;
  date: string | null;
  amountCents: number | null;
}

const UB04_CODE = /^[0-9A-Z]{2}$/;
const ICD10_PCS = /^[0-9A-HJ-NP-Z]{7}$/;

/**
 * Checks the codes as the UB-04 and the 837I define them (shape, count, dates not after `today`), adding a field
 * error under `input.institutional.<field>` for each problem.
 */
export function checkInstitutionalCodes(checks: FieldChecks, codes: InstitutionalCodesInput, today: string): void {
  const at = (...path: Array<string | number>) => ['input', 'institutional', ...path];
  const tooMany = (field: keyof typeof INSTITUTIONAL_CODE_LIMITS, count: number) => {
    const max = INSTITUTIONAL_CODE_LIMITS[field];
    if (count > max) checks.add(at(field), 'OUT_OF_RANGE', `at most ${max} fit on the 837I, got ${count}`);
  };
  if (codes.admittingDiagnosis) checks.icd10(at('admittingDiagnosis'), codes.admittingDiagnosis.trim().toUpperCase());
  const reasons = codes.reasonsForVisit ?? [];
  tooMany('reasonsForVisit', reasons.length);
  for (const [i, r] of reasons.entries()) checks.icd10(at('reasonsForVisit', i), r.trim().toUpperCase());
  const procedure = (path: Array<string | number>, p: DatedCode) => {
    if (!ICD10_PCS.test(p.code.trim().toUpperCase()))
      checks.add([...path, 'code'], 'INVALID_CODE', `"${p.code}" is not an ICD-10-PCS code (7 characters)`);
    checks.pastDate([...path, 'date'], p.date, today);
  };
  if (codes.principalProcedure) procedure(at('principalProcedure'), codes.principalProcedure);
  const others = codes.otherProcedures ?? [];
  tooMany('otherProcedures', others.length);
  for (const [i, p] of others.entries()) procedure(at('otherProcedures', i), p);
  if (others.length > 0 && !codes.principalProcedure)
    checks.add(at('principalProcedure'), 'REQUIRED', 'other procedures need the principal procedure first');
  const ub04 = (path: Array<string | number>, code: string, what: string) => {
    if (!UB04_CODE.test(code.trim().toUpperCase()))
      checks.add(path, 'INVALID_CODE', `"${code}" is not a UB-04 ${what} code (2 letters or digits)`);
  };
  const occurrences = codes.occurrences ?? [];
  tooMany('occurrences', occurrences.length);
  occurrences.forEach((o, i) => {
    ub04(at('occurrences', i, 'code'), o.code, 'occurrence');
    checks.pastDate(at('occurrences', i, 'date'), o.date, today);
  });
  const values = codes.values ?? [];
  tooMany('values', values.length);
  values.forEach((v, i) => {
    ub04(at('values', i, 'code'), v.code, 'value');
    if (!Number.isInteger(v.amountCents)) checks.add(at('values', i, 'amountCents'), 'OUT_OF_RANGE', 'whole cents');
  });
  const conditions = codes.conditions ?? [];
  tooMany('conditions', conditions.length);
  for (const [i, c] of conditions.entries()) ub04(at('conditions', i), c, 'condition');
}

/** The rows stored for an encounter, numbered within each kind in the order given. */
export function institutionalCodeRows(codes: InstitutionalCodesInput): EncounterCodeRow[] {
  const rows: EncounterCodeRow[] = [];
  const push = (kind: EncounterCodeKind, code: string, extra: { date?: string; amountCents?: number } = {}) =>
    rows.push({
      kind,
      sequence: rows.filter((r) => r.kind === kind).length + 1,
      code: code.trim().toUpperCase(),
      date: extra.date ?? null,
      amountCents: extra.amountCents ?? null,
    });
  if (codes.admittingDiagnosis) push('ADMITTING_DIAGNOSIS', normalizeIcd10(codes.admittingDiagnosis.trim()));
  for (const r of codes.reasonsForVisit ?? []) push('REASON_FOR_VISIT', normalizeIcd10(r.trim()));
  if (codes.principalProcedure)
    push('PRINCIPAL_PROCEDURE', codes.principalProcedure.code, { date: codes.principalProcedure.date });
  for (const p of codes.otherProcedures ?? []) push('OTHER_PROCEDURE', p.code, { date: p.date });
  for (const o of codes.occurrences ?? []) push('OCCURRENCE', o.code, { date: o.date });
  for (const v of codes.values ?? []) push('VALUE', v.code, { amountCents: v.amountCents });
  for (const c of codes.conditions ?? []) push('CONDITION', c);
  return rows;
}
