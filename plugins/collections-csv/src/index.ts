import { defineCollectionsExporter, parseCsv } from '@revcycle/core';
import type { AgencyUpdate, CollectionsExporter, PlacementRecord, RecallRecord } from '@revcycle/core';
import { csvLine, dollars, parseDollars } from './csv-fields.ts';

/** The placement file's columns, in order (see the README for each one's meaning). */
export const PLACEMENT_COLUMNS = [
  'placement_id',
  'account_number',
  'guarantor_last_name',
  'guarantor_first_name',
  'guarantor_dob',
  'address_line1',
  'address_line2',
  'city',
  'state',
  'postal_code',
  'phone',
  'email',
  'balance',
  'itemization_date',
  'itemization_balance',
  'interest',
  'fees',
  'payments',
  'credits',
  'dates_of_service',
  'first_statement_date',
  'delinquency_date',
  'placed_on',
  'creditor_name',
  'creditor_tax_id',
  'creditor_phone',
  'credit_reporting',
  'credit_reporting_reason',
] as const;
export const RECALL_COLUMNS = ['placement_id', 'account_number', 'recalled_on', 'reason'] as const;
export const UPDATE_COLUMNS = ['placement_id', 'type', 'date', 'amount', 'commission', 'note'] as const;
const UPDATE_TYPES = ['PAYMENT', 'ADJUSTMENT', 'DISPUTE', 'RETURN', 'STATUS'] as const;

const encoder = new TextEncoder();
const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * Writes each field from a named property of the record: nothing else of the object (however much it holds) can
 * reach the file, so a record carrying clinical data by mistake still produces a minimum-necessary file.
 */
function placementRow(p: PlacementRecord): string {
  const g = p.guarantor;
  return csvLine([
    p.placementId,
    p.accountNumber,
    g.lastName,
    g.firstName,
    g.dateOfBirth,
    g.addressLine1,
    g.addressLine2,
    g.city,
    g.state,
    g.postalCode,
    g.phone,
    g.email,
    dollars(p.balanceCents),
    p.itemization.itemizationDate,
    dollars(p.itemization.itemizationBalanceCents),
    dollars(p.itemization.interestCents),
    dollars(p.itemization.feesCents),
    dollars(p.itemization.paymentsCents),
    dollars(p.itemization.creditsCents),
    p.datesOfService.join(';'),
    p.firstStatementDate,
    p.delinquencyDate,
    p.placedOn,
    p.practice.name,
    p.practice.taxId,
    p.practice.phone,
    p.creditReporting?.action ?? 'NOT_REPORTED_BY_AGENCY',
    p.creditReporting?.reason,
  ]);
}

function updateOf(fields: string[], line: number): AgencyUpdate {
  const at = (i: number) => (fields[i] ?? '').trim();
  const fail = (column: string, why: string): never => {
    throw new Error(`line ${line}, ${column}: ${why}`);
  };
  const [placementId, type, date, amount, commission, note] = [at(0), at(1).toUpperCase(), at(2), at(3), at(4), at(5)];
  if (!placementId) fail('placement_id', 'missing');
  if (!(UPDATE_TYPES as readonly string[]).includes(type))
    fail('type', `"${type}" is not one of ${UPDATE_TYPES.join(', ')}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) fail('date', `"${date}" is not a YYYY-MM-DD date`);
  const update: AgencyUpdate = {
    kind: type as AgencyUpdate['kind'],
    placementId,
    date,
    line,
    ...(note ? { note } : {}),
  };
  if (type === 'PAYMENT' || type === 'ADJUSTMENT') {
    const cents = parseDollars(amount);
    if (cents === null || cents === 0) fail('amount', `"${amount}" is not a positive amount in dollars and cents`);
    update.amountCents = cents!;
    if (commission) {
      const fee = parseDollars(commission);
      if (fee === null || fee > cents!) fail('commission', `"${commission}" is not an amount up to the payment`);
      update.commissionCents = fee!;
    }
  }
  return update;
}

/**
 * A collections exporter speaking plain CSV (UTF-8, a header row, RFC 4180 quoting, amounts in dollars and cents
 * with a dot, dates YYYY-MM-DD): placement files, recall files, and the agency's update files. The format is
 * documented in the package README for agencies to build against.
 */
export function csvCollectionsExporter(options: { instanceId?: string } = {}): CollectionsExporter {
  const spec: Omit<CollectionsExporter, 'kind'> = {
    id: 'collections-csv',
    ...(options.instanceId ? { instanceId: options.instanceId } : {}),
    displayName: 'Collections CSV',
    async exportPlacements(placements: readonly PlacementRecord[], batch) {
      const text = `${[csvLine([...PLACEMENT_COLUMNS]), ...placements.map(placementRow)].join('\r\n')}\r\n`;
      return [
        {
          contentType: 'text/csv; charset=utf-8',
          fileName: `placements-${slug(batch.agencyName)}-${batch.batchDate}.csv`,
          bytes: encoder.encode(text),
        },
      ];
    },
    async exportRecalls(recalls: readonly RecallRecord[], batch) {
      const text = `${[
        csvLine([...RECALL_COLUMNS]),
        ...recalls.map((r) => csvLine([r.placementId, r.accountNumber, r.recalledOn, r.reason])),
      ].join('\r\n')}\r\n`;
      return [
        {
          contentType: 'text/csv; charset=utf-8',
          fileName: `recalls-${slug(batch.agencyName)}-${batch.batchDate}.csv`,
          bytes: encoder.encode(text),
        },
      ];
    },
    async parseUpdates(file) {
      const rows = parseCsv(file.content.replace(/^\uFEFF/, '')).filter((r) => r.fields.some((f) => f.trim() !== ''));
      const header = rows.shift();
      if (!header || header.fields.map((f) => f.trim().toLowerCase()).join(',') !== UPDATE_COLUMNS.join(',')) {
        throw new Error(`line ${header?.line ?? 1}: the header must be ${UPDATE_COLUMNS.join(',')}`);
      }
      return rows.map((r) => updateOf(r.fields, r.line));
    },
  };
  return defineCollectionsExporter(spec);
}
