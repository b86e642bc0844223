/** A code of ICD-10-CM, HCPCS, CPT or a custom list, as a release file gives it. */
export interface CodeRow {
  code: string;
  billable: boolean;
  shortDescription: string | null;
  longDescription: string | null;
  effectiveDate: string | null;
  terminationDate: string | null;
}

/** An NCCI procedure-to-procedure edit row. */
export interface PairEditRow {
  column1: string;
  column2: string;
  effectiveDate: string;
  deletionDate: string | null;
  modifierIndicator: string;
  rationale: string | null;
}

/** A medically unlikely edit row. */
export interface UnitLimitRow {
  code: string;
  units: number;
  adjudicationIndicator: string;
  rationale: string | null;
}

/** A Medicare Code Editor edit on a diagnosis. */
export interface DiagnosisEditRow {
  code: string;
  edit: DiagnosisEditKind;
}

export type DiagnosisEditKind = 'FEMALE' | 'MALE' | 'NEWBORN' | 'PEDIATRIC' | 'MATERNITY' | 'ADULT';

/** A line that continues the previous code's long description (the HCPCS file runs one over several lines). */
export interface ContinuationLine {
  continues: string;
  text: string;
}

/** Reads one publisher's file format a line at a time; a line that is not data (a title, a header) gives null. */
export type CodeSetFormat =
  | { table: 'codes'; parseLine(line: string, lineNumber: number): CodeRow | ContinuationLine | null }
  | { table: 'pairEdits'; parseLine(line: string, lineNumber: number): PairEditRow | null }
  | { table: 'unitLimits'; parseLine(line: string, lineNumber: number): UnitLimitRow | null }
  | { table: 'diagnosisEdits'; parseLine(line: string, lineNumber: number): DiagnosisEditRow | null };

/** A format of a code list (ICD-10-CM, HCPCS, CPT, custom). */
export type CodeListFormat = Extract<CodeSetFormat, { table: 'codes' }>;

/** A line of a code-set file that its format cannot read: says which line and why. */
export class CodeSetFormatError extends Error {
  override readonly name = 'CodeSetFormatError';
  constructor(
    readonly lineNumber: number,
    readonly reason: string,
  ) {
    super(`line ${lineNumber}: ${reason}`);
  }
}

/** CCYYMMDD → YYYY-MM-DD, or the error naming the line. */
export function isoDate(value: string, lineNumber: number, what: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value.trim());
  if (!m) throw new CodeSetFormatError(lineNumber, `${what} "${value}" is not a date (CCYYMMDD)`);
  return `${m[1]}-${m[2]}-${m[3]}`;
}
