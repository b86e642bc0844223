import type { CodeSetFormat } from './code-set-format.ts';
import { CodeSetFormatError } from './code-set-format.ts';
import { parseCsv } from '../../util/csv.ts';

/**
 * The medically unlikely edit files (practitioner and outpatient hospital, CMS quarterly) saved as CSV: HCPCS/CPT
 * code, MUE value (units per day), MUE adjudication indicator ("2 Date of Service Edit: Policy" — its first digit),
 * MUE rationale. The copyright and header lines before the data are skipped.
 */
export const MUE_FILE: CodeSetFormat = {
  table: 'unitLimits',
  parseLine(line, lineNumber) {
    const [code = '', units = '', indicator = '', rationale = ''] = cellsOf(line);
    if (!/^[0-9A-Z]{4}[0-9A-Z]$/.test(code)) return null;
    if (!/^\d+$/.test(units)) throw new CodeSetFormatError(lineNumber, `MUE value "${units}" is not a whole number`);
    const mai = /^([123])\b/.exec(indicator)?.[1];
    if (!mai) throw new CodeSetFormatError(lineNumber, `adjudication indicator "${indicator}" is not 1, 2 or 3`);
    return { code, units: Number(units), adjudicationIndicator: mai, rationale: rationale || null };
  },
};

/** The trimmed cells of one CSV line. */
const cellsOf = (line: string) => (parseCsv(line)[0]?.fields ?? []).map((f) => f.trim());
