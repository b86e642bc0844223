import { builder } from '../builder.ts';
import { createPayer, updatePayer } from '../../registration/payers.ts';
import type { CreatePayerInput as CreatePayerFields } from '../../registration/payers.ts';
import type { Payer } from '../../db/prisma-client.ts';
import { scopesOf } from '../operation-scopes.ts';
import { COMMON_ERRORS } from '../errors.ts';
import { decodeId } from '../../ids/global-id.ts';
import { PayerRef } from './payer-types.ts';
import { AddressInput } from './address-types.ts';

type InputFieldBuilder = Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0];

// `required` makes the create input's fields non-null in the schema, which Pothos's types cannot follow: the
// resolvers pass them on as the operation's input type.
const payerFields = (t: InputFieldBuilder, required: boolean) => ({
  name: t.string({ required }),
  payerIdentifier: t.string({ required, description: 'The payer id your clearinghouse uses (X12 2010BB NM109).' }),
  claimFilingIndicator: t.string({
    required,
    description: 'X12 SBR09, e.g. MB (Medicare B), MC (Medicaid), CI (commercial), BL (Blue Cross).',
  }),
  timelyFilingDays: t.int({ description: 'Days from the date of service to file a claim. @default 365' }),
  appealWindowDays: t.int({ description: 'Days from a denial to appeal. @default 180' }),
  connectorId: t.string({ description: 'Key of a configured payer connector (id, or id:instanceId).' }),
  forbidsBalanceBilling: t.boolean({
    description:
      'A payer of last resort that forbids balance billing (Medicaid): what it leaves to the patient is written off, never billed or placed. @default false',
  }),
  paperOnly: t.boolean({
    description:
      'Takes no EDI: submitClaims prints its claims on CMS-1500 or UB-04 forms (a print batch) instead of sending an 837. @default false',
  }),
  address: t.field({ type: AddressInput, description: 'Where paper claims are mailed.' }),
});

const CreatePayerInput = builder.inputType('CreatePayerInput', {
  fields: (t) => ({
    externalId: t.string({ description: 'Your id for the payer; creating again with it updates the same payer.' }),
    ...payerFields(t, true),
  }),
});

const UpdatePayerInput = builder.inputType('UpdatePayerInput', {
  description: 'Only the fields given change.',
  fields: (t) => ({ id: t.id({ required: true }), ...payerFields(t, false) }),
});

const PayerPayload = builder.objectRef<{ payer: Payer }>('PayerSuccess').implement({
  fields: (t) => ({ payer: t.field({ type: PayerRef, resolve: (r) => r.payer }) }),
});

builder.mutationField('createPayer', (t) =>
  t.field({
    type: PayerPayload,
    description: 'Adds a payer to your organization (or updates the one with this external id). Admins and billers.',
    authScopes: scopesOf(createPayer),
    args: { input: t.arg({ type: CreatePayerInput, required: true }) },
    errors: { types: COMMON_ERRORS, union: { name: 'CreatePayerPayload' } },
    resolve: (_root, { input }, ctx) => createPayer.run(ctx, input as CreatePayerFields),
  }),
);

builder.mutationField('updatePayer', (t) =>
  t.field({
    type: PayerPayload,
    description: 'Changes a payer. Admins and billers.',
    authScopes: scopesOf(updatePayer),
    args: { input: t.arg({ type: UpdatePayerInput, required: true }) },
    errors: { types: COMMON_ERRORS, union: { name: 'UpdatePayerPayload' } },
    resolve: (_root, { input }, ctx) =>
      updatePayer.run(ctx, { ...input, id: decodeId('Payer', String(input.id), ['input', 'id']) }),
  }),
);
