import type { CodeSetFormat, DiagnosisEditKind } from './code-set-format.ts';
import { CodeSetFormatError } from './code-set-format.ts';
import { parseCsv } from '../../util/csv.ts';

const KINDS: readonly DiagnosisEditKind[] = ['FEMALE', 'MALE', 'NEWBORN', 'PEDIATRIC', 'MATERNITY', 'ADULT'];

/**
 * The Medicare Code Editor's sex and age diagnosis lists, one edit a row: `code,edit` with the edit named as the MCE
 * definitions manual groups its lists (FEMALE, MALE, NEWBORN, PEDIATRIC, MATERNITY, ADULT) and a header row. CMS
 * publishes the lists in the manual and the MCE software's tables, not as one flat file: this is that table, one
 * row per code and list.
 */
export const MCE_EDITS_CSV: CodeSetFormat = {
  table: 'diagnosisEdits',
  parseLine(line, lineNumber) {
    const [rawCode = '', rawEdit = ''] = (parseCsv(line)[0]?.fields ?? []).map((f) => f.trim());
    const code = rawCode.toUpperCase().replace('.', '');
    if (code === '' || (lineNumber === 1 && code === 'CODE')) return null;
    if (!/^[A-Z][0-9][0-9A-Z]{1,5}$/.test(code))
      throw new CodeSetFormatError(lineNumber, `"${rawCode}" is not an ICD-10-CM code`);
    const edit = rawEdit.toUpperCase() as DiagnosisEditKind;
    if (!KINDS.includes(edit))
      throw new CodeSetFormatError(lineNumber, `edit "${rawEdit}" is not one of ${KINDS.join(', ')}`);
    return { code, edit };
  },
};
