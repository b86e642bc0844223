import type { Payer } from '../../db/prisma-client.ts';
import { PayerRef } from '../types/payer.ts';
import { audited } from '../../audit/audited.ts';
import { FieldChecks } from '../../domain/field-checks.ts';
import { builder } from '../builder.ts';
import { globalId } from '../global-id.ts';
import { COMMON_ERRORS } from '../types/errors.ts';

const CreatePayerInput = builder.inputType('CreatePayerInput', {
  fields: (t) => ({
    externalId: t.string({ description: 'Your id for the payer; creating again with it returns the same payer.' }),
    name: t.string({ required: true }),
    payerIdentifier: t.string({ required: true, description: 'The payer id your clearinghouse uses (X12 2010BB NM109).' }),
    claimFilingIndicator: t.string({ required: true, description: 'X12 SBR09, e.g. MB (Medicare B), CI (commercial).' }),
    timelyFilingDays: t.int({ description: 'Days from the date of service to file. @default 365' }),
    appealWindowDays: t.int({ description: 'Days from a denial to appeal. @default 180' }),
    connectorId: t.string({ description: 'Key of a configured payer connector.' }),
  }),
});

const CreatePayerSuccess = builder.objectRef<{ payer: Payer }>('CreatePayerSuccess').implement({
  fields: (t) => ({ payer: t.field({ type: PayerRef, resolve: (r) => r.payer }) }),
});

builder.mutationField('createPayer', (t) =>
  t.field({
    type: CreatePayerSuccess,
    description: 'Adds a payer to your organization. Admins and billers.',
    authScopes: { admin: true, biller: true },
    args: { input: t.arg({ type: CreatePayerInput, required: true }) },
    errors: { types: COMMON_ERRORS, union: { name: 'CreatePayerPayload' } },
    resolve: (_root, { input }, ctx) =>
      audited(ctx, 'createPayer', async (tx) => {
        const checks = new FieldChecks()
          .notBlank(['input', 'name'], input.name)
          .nonNegative(['input', 'timelyFilingDays'], input.timelyFilingDays)
          .nonNegative(['input', 'appealWindowDays'], input.appealWindowDays);
        if (!/^[A-Z0-9]{2}$/.test(input.claimFilingIndicator)) {
          checks.add(['input', 'claimFilingIndicator'], 'INVALID_CODE', 'a claim filing indicator is 2 characters, e.g. MB');
        }
        if (input.connectorId && !ctx.plugins.payers.has(input.connectorId)) {
          checks.add(['input', 'connectorId'], 'UNKNOWN_CONNECTOR', `no payer connector "${input.connectorId}" is configured`);
        }
        checks.throwIfAny();
        const existing = input.externalId ? await tx.payer.findFirst({ where: { externalId: input.externalId } }) : null;
        const payer =
          existing ??
          (await tx.payer.create({
            data: {
              organizationId: ctx.principal.organizationId,
              externalId: input.externalId ?? null,
              name: input.name.trim(),
              payerIdentifier: input.payerIdentifier,
              claimFilingIndicator: input.claimFilingIndicator,
              timelyFilingDays: input.timelyFilingDays ?? 365,
              appealWindowDays: input.appealWindowDays ?? 180,
              connectorId: input.connectorId ?? null,
            },
          }));
        return { result: { payer }, recordIds: [globalId('Payer', payer.id)] };
      }),
  }),
);
