import type { CodeSetFormat } from './code-set-format.ts';
import { CodeSetFormatError, isoDate } from './code-set-format.ts';

/**
 * The NCCI procedure-to-procedure edit files (practitioner and hospital outpatient, CMS quarterly), tab-delimited:
 * column 1, column 2, "*" when in existence before 1996, effective date, deletion date ("*" none), modifier
 * indicator (0, 1, 9), PTP edit rationale. The copyright and header lines before the data are skipped.
 */
export const NCCI_PTP_FILE: CodeSetFormat = {
  table: 'pairEdits',
  parseLine(line, lineNumber) {
    const cells = line.split('\t').map((c) => c.trim());
    const [column1 = '', column2 = '', , effective = '', deletion = '', indicator = '', rationale = ''] = cells;
    // Data rows start with two procedure codes; everything else (titles, the header row) is not data.
    if (!/^[0-9A-Z]{4}[0-9A-Z]$/.test(column1) || !/^[0-9A-Z]{5}$/.test(column2)) return null;
    if (!/^[019]$/.test(indicator))
      throw new CodeSetFormatError(lineNumber, `modifier indicator "${indicator}" is not 0, 1 or 9`);
    return {
      column1,
      column2,
      effectiveDate: isoDate(effective, lineNumber, 'effective date'),
      deletionDate: deletion === '*' || deletion === '' ? null : isoDate(deletion, lineNumber, 'deletion date'),
      modifierIndicator: indicator,
      rationale: rationale || null,
    };
  },
};
