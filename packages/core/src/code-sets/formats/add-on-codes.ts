import type { CodeSetFormat } from './code-set-format.ts';
import { CodeSetFormatError, isoDate } from './code-set-format.ts';
import { parseCsv } from '../../util/csv.ts';

/**
 * The CMS add-on code edit tables (types 1, 2 and 3) saved as CSV, one row per add-on and primary code: add-on code,
 * primary code (empty for type 2, which lists none), edit type, effective date and deletion date (CCYYMMDD, "*"
 * none). Title and header rows are skipped. Stored as pairs: column 1 the primary, column 2 the add-on.
 */
export const ADD_ON_CODES_CSV: CodeSetFormat = {
  table: 'pairEdits',
  parseLine(line, lineNumber) {
    const [addOn = '', primary = '', type = '', effective = '', deletion = ''] = (parseCsv(line)[0]?.fields ?? []).map(
      (f) => f.trim(),
    );
    if (!/^[0-9A-Z]{5}$/.test(addOn) || !/^[123]$/.test(type)) return null;
    if (primary !== '' && !/^[0-9A-Z]{5}$/.test(primary))
      throw new CodeSetFormatError(lineNumber, `primary code "${primary}" is not a procedure code`);
    return {
      column1: primary,
      column2: addOn,
      effectiveDate: isoDate(effective, lineNumber, 'effective date'),
      deletionDate: deletion === '*' || deletion === '' ? null : isoDate(deletion, lineNumber, 'deletion date'),
      modifierIndicator: type,
      rationale: null,
    };
  },
};
