import type { EnrollmentTransaction } from '../db/prisma-client.ts';
import { parseCsv } from '../util/csv.ts';
import type { FieldChecks } from '../validation/field-checks.ts';

/** How clearinghouse payer lists name transactions, and the enrollment each one is. */
const TRANSACTION_CODES: Record<string, EnrollmentTransaction> = {
  '837P': 'CLAIMS_837P',
  '837I': 'CLAIMS_837I',
  '270': 'ELIGIBILITY_270',
  '276': 'CLAIM_STATUS_276',
  '835': 'ERA_835',
  EFT: 'EFT',
};

export interface DirectoryRow {
  line: number;
  payerIdentifier: string;
  name: string;
  supported: EnrollmentTransaction[];
  enrollmentRequired: EnrollmentTransaction[];
}

const MAX_ROWS = 50_000;

/**
 * A clearinghouse's payer list as CSV: `payer_id`, `payer_name`, `transactions` (codes separated by `;` or
 * spaces: 837P 837I 270 276 835 EFT) and `enrollment_required` (the codes that need enrollment, `Y` for every
 * supported one, `N` or empty for none). Every problem is collected with its line and column.
 */
export function readDirectory(csv: string, checks: FieldChecks): DirectoryRow[] {
  const rows = parseCsv(csv);
  const header = rows.shift();
  const columns = header?.fields.map((f) => f.trim().toLowerCase().replace(/\s+/g, '_')) ?? [];
  const missing = ['payer_id', 'payer_name', 'transactions'].filter((c) => !columns.includes(c));
  if (missing.length) {
    checks.addMessage(['input', 'csv', 1], 'MISSING_COLUMNS', `line 1: the header needs ${missing.join(', ')}`);
    return [];
  }
  if (rows.length > MAX_ROWS)
    checks.add(['input', 'csv'], 'TOO_MANY_ROWS', `at most ${MAX_ROWS} rows per import, got ${rows.length}`);
  const seen = new Map<string, number>();
  return rows.map(({ line, fields }) => {
    const value = (name: string) => (columns.includes(name) ? (fields[columns.indexOf(name)] ?? '').trim() : '');
    const fail = (column: string, code: string, message: string) =>
      checks.addMessage(['input', 'csv', line, column], code, `line ${line}, ${column}: ${message}`);
    const codes = (column: string) =>
      value(column)
        .split(/[;\s]+/)
        .filter(Boolean)
        .flatMap((code) => {
          const transaction = TRANSACTION_CODES[code.toUpperCase()];
          if (!transaction)
            fail(column, 'UNKNOWN_TRANSACTION', `"${code}" is not one of 837P, 837I, 270, 276, 835, EFT`);
          return transaction ? [transaction] : [];
        });
    const payerIdentifier = value('payer_id');
    if (!payerIdentifier) fail('payer_id', 'REQUIRED', 'the clearinghouse payer id is empty');
    else if (seen.has(payerIdentifier))
      fail('payer_id', 'DUPLICATE_ROW', `${payerIdentifier} is already on line ${seen.get(payerIdentifier)}`);
    else seen.set(payerIdentifier, line);
    const supported = codes('transactions');
    const flag = value('enrollment_required').toUpperCase();
    const enrollmentRequired =
      flag === 'Y' ? supported : flag === 'N' || flag === '' ? [] : codes('enrollment_required');
    for (const t of enrollmentRequired)
      if (!supported.includes(t))
        fail('enrollment_required', 'NOT_SUPPORTED', `${t} needs enrollment but is not among the payer's transactions`);
    return { line, payerIdentifier, name: value('payer_name'), supported, enrollmentRequired };
  });
}
