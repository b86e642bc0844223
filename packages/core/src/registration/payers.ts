import { audited } from '../audit/audited.ts';
import type { DomainContext } from '../context/domain-context.ts';
import type { Payer } from '../db/prisma-client.ts';
import { NotFoundError } from '../errors/billing-errors.ts';
import { globalId } from '../ids/global-id.ts';
import { defineOperation } from '../operations/define-operation.ts';
import { FieldChecks } from '../validation/field-checks.ts';
import { upsertByExternalId } from './upsert-by-external-id.ts';
import { addressColumns } from './address.ts';
import type { AddressInput } from './address.ts';

export interface PayerFields {
  name?: string | null;
  /** The payer id the clearinghouse uses (X12 2010BB NM109). */
  payerIdentifier?: string | null;
  /** X12 SBR09, e.g. MB (Medicare B), MC (Medicaid), CI (commercial). */
  claimFilingIndicator?: string | null;
  /** @default 365 */
  timelyFilingDays?: number | null;
  /** @default 180 */
  appealWindowDays?: number | null;
  /** Key of a configured payer connector (id, or id:instanceId). */
  connectorId?: string | null;
  /** Payer of last resort that forbids balance billing (Medicaid): its patient share is written off. @default false */
  forbidsBalanceBilling?: boolean | null;
  /** Takes no EDI: its claims are printed on CMS-1500 or UB-04 forms by `submitClaims`. @default false */
  paperOnly?: boolean | null;
  /** Where paper claims are mailed (the CMS-1500's carrier block). */
  address?: AddressInput | null;
}

export interface CreatePayerInput extends PayerFields {
  name: string;
  payerIdentifier: string;
  claimFilingIndicator: string;
  externalId?: string | null;
}

function check(input: PayerFields, ctx: DomainContext): void {
  const checks = new FieldChecks()
    .notBlank(['input', 'name'], input.name)
    .notBlank(['input', 'payerIdentifier'], input.payerIdentifier)
    .positive(['input', 'timelyFilingDays'], input.timelyFilingDays)
    .positive(['input', 'appealWindowDays'], input.appealWindowDays)
    .state(['input', 'address', 'state'], input.address?.state)
    .postalCode(['input', 'address', 'postalCode'], input.address?.postalCode);
  if (input.claimFilingIndicator != null && !/^[A-Z0-9]{2}$/.test(input.claimFilingIndicator)) {
    checks.add(['input', 'claimFilingIndicator'], 'INVALID_CODE', 'a claim filing indicator is 2 characters, e.g. MB');
  }
  if (input.connectorId && !ctx.plugins.payers.has(input.connectorId)) {
    checks.add(
      ['input', 'connectorId'],
      'UNKNOWN_CONNECTOR',
      `no payer connector "${input.connectorId}" is configured`,
    );
  }
  checks.throwIfAny();
}

function payerData(input: PayerFields): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const key of [
    'payerIdentifier',
    'claimFilingIndicator',
    'timelyFilingDays',
    'appealWindowDays',
    'connectorId',
    'forbidsBalanceBilling',
    'paperOnly',
  ] as const) {
    if (input[key] != null) data[key] = input[key];
  }
  if (input.address) Object.assign(data, addressColumns(input.address));
  if (input.name != null) data.name = input.name.trim();
  return data;
}

/** Adds a payer to the organization (or updates the one with this external id). */
export const createPayer = defineOperation({
  name: 'createPayer',
  roles: ['admin', 'biller'],
  run: (ctx, input: CreatePayerInput): Promise<{ payer: Payer }> =>
    audited(ctx, 'createPayer', async (tx) => {
      check(input, ctx);
      const data = payerData(input);
      const create = { ...data, organizationId: ctx.principal.organizationId };
      const { record } = await upsertByExternalId(tx.payer, input.externalId, create, data);
      return { result: { payer: record }, recordIds: [globalId('Payer', record.id)] };
    }),
});

/** Changes a payer; only the fields given change. */
export const updatePayer = defineOperation({
  name: 'updatePayer',
  roles: ['admin', 'biller'],
  run: (ctx, input: PayerFields & { id: string }): Promise<{ payer: Payer }> =>
    audited(ctx, 'updatePayer', async (tx) => {
      const { id } = input;
      if (!(await tx.payer.findUnique({ where: { id } }))) throw new NotFoundError('Payer', globalId('Payer', id));
      check(input, ctx);
      const payer = await tx.payer.update({ where: { id }, data: payerData(input) });
      return { result: { payer }, recordIds: [globalId('Payer', id)] };
    }),
});
