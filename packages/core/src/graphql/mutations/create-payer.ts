import type { Payer } from '../../db/prisma-client.ts';
import { audited } from '../../audit/audited.ts';
import { FieldChecks } from '../../domain/field-checks.ts';
import { NotFoundError } from '../../errors/billing-errors.ts';
import { builder } from '../builder.ts';
import type { BillingContext } from '../context.ts';
import { decodeId, globalId } from '../global-id.ts';
import { COMMON_ERRORS } from '../types/errors.ts';
import { PayerRef } from '../types/payer.ts';
import { upsertByExternalId } from './upsert-by-external-id.ts';

type InputFieldBuilder = Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0];
const payerFields = (t: InputFieldBuilder, required: boolean) => ({
  name: t.string({ required }),
  payerIdentifier: t.string({ required, description: 'The payer id your clearinghouse uses (X12 2010BB NM109).' }),
  claimFilingIndicator: t.string({ required, description: 'X12 SBR09, e.g. MB (Medicare B), MC (Medicaid), CI (commercial), BL (Blue Cross).' }),
  timelyFilingDays: t.int({ description: 'Days from the date of service to file a claim. @default 365' }),
  appealWindowDays: t.int({ description: 'Days from a denial to appeal. @default 180' }),
  connectorId: t.string({ description: 'Key of a configured payer connector (id, or id:instanceId).' }),
});

const CreatePayerInput = builder.inputType('CreatePayerInput', {
  fields: (t) => ({ externalId: t.string({ description: 'Your id for the payer; creating again with it updates the same payer.' }), ...payerFields(t, true) }),
});
const UpdatePayerInput = builder.inputType('UpdatePayerInput', {
  description: 'Only the fields given change.',
  fields: (t) => ({ id: t.id({ required: true }), ...payerFields(t, false) }),
});

const PayerPayload = builder.objectRef<{ payer: Payer }>('PayerSuccess').implement({
  fields: (t) => ({ payer: t.field({ type: PayerRef, resolve: (r) => r.payer }) }),
});

type PayerInput = { name?: string | null; payerIdentifier?: string | null; claimFilingIndicator?: string | null; timelyFilingDays?: number | null; appealWindowDays?: number | null; connectorId?: string | null };

function check(input: PayerInput, ctx: BillingContext): void {
  const checks = new FieldChecks()
    .notBlank(['input', 'name'], input.name)
    .notBlank(['input', 'payerIdentifier'], input.payerIdentifier)
    .positive(['input', 'timelyFilingDays'], input.timelyFilingDays)
    .positive(['input', 'appealWindowDays'], input.appealWindowDays);
  if (input.claimFilingIndicator != null && !/^[A-Z0-9]{2}$/.test(input.claimFilingIndicator)) {
    checks.add(['input', 'claimFilingIndicator'], 'INVALID_CODE', 'a claim filing indicator is 2 characters, e.g. MB');
  }
  if (input.connectorId && !ctx.plugins.payers.has(input.connectorId)) {
    checks.add(['input', 'connectorId'], 'UNKNOWN_CONNECTOR', `no payer connector "${input.connectorId}" is configured`);
  }
  checks.throwIfAny();
}

function payerData(input: PayerInput): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const key of ['payerIdentifier', 'claimFilingIndicator', 'timelyFilingDays', 'appealWindowDays', 'connectorId'] as const) {
    if (input[key] != null) data[key] = input[key];
  }
  if (input.name != null) data.name = input.name.trim();
  return data;
}

builder.mutationField('createPayer', (t) =>
  t.field({
    type: PayerPayload,
    description: 'Adds a payer to your organization (or updates the one with this external id). Admins and billers.',
    authScopes: { admin: true, biller: true },
    args: { input: t.arg({ type: CreatePayerInput, required: true }) },
    errors: { types: COMMON_ERRORS, union: { name: 'CreatePayerPayload' } },
    resolve: (_root, { input }, ctx) =>
      audited(ctx, 'createPayer', async (tx) => {
        check(input, ctx);
        const data = payerData(input);
        const { record } = await upsertByExternalId(tx.payer, input.externalId, { ...data, organizationId: ctx.principal.organizationId }, data);
        return { result: { payer: record }, recordIds: [globalId('Payer', record.id)] };
      }),
  }),
);

builder.mutationField('updatePayer', (t) =>
  t.field({
    type: PayerPayload,
    description: 'Changes a payer. Admins and billers.',
    authScopes: { admin: true, biller: true },
    args: { input: t.arg({ type: UpdatePayerInput, required: true }) },
    errors: { types: COMMON_ERRORS, union: { name: 'UpdatePayerPayload' } },
    resolve: (_root, { input }, ctx) =>
      audited(ctx, 'updatePayer', async (tx) => {
        const id = decodeId('Payer', String(input.id), ['input', 'id']);
        if (!(await tx.payer.findUnique({ where: { id } }))) throw new NotFoundError('Payer', String(input.id));
        check(input, ctx);
        const payer = await tx.payer.update({ where: { id }, data: payerData(input) });
        return { result: { payer }, recordIds: [globalId('Payer', id)] };
      }),
  }),
);
