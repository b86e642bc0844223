import type { CodeListFormat } from './code-set-format.ts';
import { CodeSetFormatError } from './code-set-format.ts';
import { parseCsv } from '../../util/csv.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The generic list any code set fits: `code,description,effective,termination` (dates YYYY-MM-DD, both optional),
 * with a header row. CPT from a vendor's licensed file comes this way through a CodeSetProvider.
 */
export const CUSTOM_CSV: CodeListFormat = {
  table: 'codes',
  parseLine(line, lineNumber) {
    if (line.trim() === '') return null;
    const [rawCode = '', description = '', effective = '', termination = ''] = cellsOf(line);
    const code = rawCode.toUpperCase().replace('.', '');
    if (lineNumber === 1 && code === 'CODE') return null;
    if (!/^[0-9A-Z]{1,10}$/.test(code)) throw new CodeSetFormatError(lineNumber, `"${rawCode}" is not a code`);
    for (const [value, what] of [
      [effective, 'effective'],
      [termination, 'termination'],
    ] as const)
      if (value && !DATE.test(value))
        throw new CodeSetFormatError(lineNumber, `${what} date "${value}" is not YYYY-MM-DD`);
    return {
      code,
      billable: true,
      shortDescription: description || null,
      longDescription: null,
      effectiveDate: effective || null,
      terminationDate: termination || null,
    };
  },
};

/** The trimmed cells of one CSV line. */
const cellsOf = (line: string) => (parseCsv(line)[0]?.fields ?? []).map((f) => f.trim());
