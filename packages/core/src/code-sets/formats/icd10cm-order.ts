import type { CodeSetFormat } from './code-set-format.ts';
import { CodeSetFormatError } from './code-set-format.ts';

/**
 * The ICD-10-CM order file (icd10cm_order_YYYY.txt, CMS/CDC), fixed width: order number (columns 1–5), code
 * (7–13, left-aligned), header flag (15: 0 a header, not valid for a claim; 1 billable), short description (17–76),
 * long description (78 to the end).
 */
export const ICD10CM_ORDER_FILE: CodeSetFormat = {
  table: 'codes',
  parseLine(line, lineNumber) {
    if (line.trim() === '') return null;
    const code = line.slice(6, 13).trim();
    const flag = line.slice(14, 15);
    if (!/^\d{5}$/.test(line.slice(0, 5)) || !/^[A-Z][0-9][0-9A-Z]{1,5}$/.test(code) || !/^[01]$/.test(flag))
      throw new CodeSetFormatError(lineNumber, 'not an ICD-10-CM order-file record (order, code, 0/1 flag)');
    return {
      code,
      billable: flag === '1',
      shortDescription: line.slice(16, 76).trim() || null,
      longDescription: line.slice(77).trim() || null,
      effectiveDate: null,
      terminationDate: null,
    };
  },
};
