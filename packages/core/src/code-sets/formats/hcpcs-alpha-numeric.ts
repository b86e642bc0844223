import type { CodeListFormat, CodeRow } from './code-set-format.ts';
import { CodeSetFormatError, isoDate } from './code-set-format.ts';
import { CUSTOM_CSV } from './custom-csv.ts';

/**
 * The CMS annual HCPCS Level II alpha-numeric file (HCPCyyyy_JAN_ANWEB_….txt), fixed width, 320 columns a record
 * (CMS record layout): code 1–5, sequence number 6–10, record identification 11 (3 a procedure's first line,
 * 4 its continuation, 7 a modifier's first line, 8 its continuation), long description 12–91, short description
 * 92–119, date added 269–276, action effective date 277–284, termination date 285–292 (CCYYMMDD), action code 293.
 * A long description runs on over continuation lines; a modifier (two characters) is kept as a code of the release
 * too, so `codes(system: HCPCS, search: "LT")` finds it and no procedure code (five characters) is mistaken for it.
 * The code is valid from the date it was added (the action effective date when no date is given) to its
 * termination. A file that is not in this layout is read as the generic `code,description,effective,termination` CSV.
 */
export const HCPCS_ALPHA_NUMERIC_FILE: CodeListFormat = {
  table: 'codes',
  parseLine(line, lineNumber) {
    if (line.trim() === '') return null;
    if (!isFixedWidthRecord(line)) return CUSTOM_CSV.parseLine(line, lineNumber);
    const code = line.slice(0, 5).trim();
    const kind = line[10];
    const longDescription = line.slice(11, 91).trim();
    if (kind === '4' || kind === '8') return { continues: code, text: longDescription };
    if ((kind === '3' && !/^[A-Z]\d{4}$/.test(code)) || (kind === '7' && !/^[A-Z0-9]{2}$/.test(code)))
      throw new CodeSetFormatError(lineNumber, `"${code}" is not a HCPCS ${kind === '3' ? 'code' : 'modifier'}`);
    return procedureOrModifier(line, code, longDescription, lineNumber);
  },
};

/** Columns 1–5 a code (left-aligned), 11 a record identification code, long enough to hold the short description. */
function isFixedWidthRecord(line: string): boolean {
  return line.length >= 119 && /^[A-Z0-9]{2}[A-Z0-9 ]{3}$/.test(line.slice(0, 5)) && '3478'.includes(line[10]!);
}

function procedureOrModifier(line: string, code: string, longDescription: string, lineNumber: number): CodeRow {
  const added = dateAt(line, 268, lineNumber, 'date added (columns 269–276)');
  const actionEffective = dateAt(line, 276, lineNumber, 'action effective date (columns 277–284)');
  return {
    code,
    billable: true,
    shortDescription: line.slice(91, 119).trim() || null,
    longDescription: longDescription || null,
    effectiveDate: added ?? actionEffective,
    terminationDate: dateAt(line, 284, lineNumber, 'termination date (columns 285–292)'),
  };
}

/** The CCYYMMDD date at a column, or null when the columns are blank (the file pads short records). */
function dateAt(line: string, start: number, lineNumber: number, what: string): string | null {
  const value = line.slice(start, start + 8);
  return value.trim() === '' ? null : isoDate(value, lineNumber, what);
}
