import { importPayerDirectory } from '../../enrollment/import-payer-directory.ts';
import type { PayerDirectoryImported } from '../../enrollment/import-payer-directory.ts';
import { setPayerEnrollment } from '../../enrollment/set-payer-enrollment.ts';
import { decodeId } from '../../ids/global-id.ts';
import { builder } from '../builder.ts';
import { COMMON_ERRORS } from '../errors.ts';
import { scopesOf } from '../operation-scopes.ts';
import { EnrollmentStatusEnum, EnrollmentTransactionEnum, PayerEnrollmentRef } from './enrollment-types.ts';

const SetPayerEnrollmentInput = builder.inputType('SetPayerEnrollmentInput', {
  fields: (t) => ({
    practiceId: t.id({ required: true }),
    payerId: t.id({ required: true }),
    npi: t.string({ description: 'The NPI enrolled. @default the practice’s group NPI' }),
    transaction: t.field({ type: EnrollmentTransactionEnum, required: true }),
    status: t.field({ type: EnrollmentStatusEnum, required: true }),
    submittedOn: t.field({ type: 'Date', description: 'When it was sent to the payer.' }),
    liveOn: t.field({ type: 'Date', description: 'When it went live; required for LIVE.' }),
    note: t.string({ description: 'A tracking number or what the payer said.' }),
  }),
});

builder.mutationField('setPayerEnrollment', (t) =>
  t.field({
    type: PayerEnrollmentRef,
    description:
      'Records where an NPI’s enrollment with a payer for a transaction stands (the same practice, payer, NPI and transaction update one record). Admins and billers.',
    authScopes: scopesOf(setPayerEnrollment),
    args: { input: t.arg({ type: SetPayerEnrollmentInput, required: true }) },
    errors: { types: COMMON_ERRORS, union: { name: 'SetPayerEnrollmentPayload' } },
    resolve: (_r, { input }, ctx) =>
      setPayerEnrollment.run(ctx, {
        ...input,
        practiceId: decodeId('Practice', String(input.practiceId), ['input', 'practiceId']),
        payerId: decodeId('Payer', String(input.payerId), ['input', 'payerId']),
      }),
  }),
);

const DirectoryImportedRef = builder.objectRef<PayerDirectoryImported>('PayerDirectoryImported').implement({
  description: 'What a clearinghouse payer list changed.',
  fields: (t) => ({
    rows: t.exposeInt('rows', { description: 'Payers in the list.' }),
    payersMapped: t.exposeInt('payersMapped', {
      description: 'The organization’s payers found in the list that now submit claims through the connector.',
    }),
    enrollmentsRequired: t.exposeInt('enrollmentsRequired', {
      description: 'REQUIRED enrollments recorded for practices’ group NPIs where none was on record.',
    }),
    payersNotListed: t.exposeStringList('payersNotListed', {
      description: 'The organization’s payers the list does not name (their claims do not go through it).',
    }),
  }),
});

builder.mutationField('importPayerDirectory', (t) =>
  t.field({
    type: DirectoryImportedRef,
    description:
      'Reads a clearinghouse’s payer list (CSV: payer_id, payer_name, transactions, enrollment_required): listed payers with claims are routed through the connector, and required enrollments are recorded as REQUIRED for each practice’s group NPI unless one is on record. Admins of the whole organization.',
    authScopes: scopesOf(importPayerDirectory),
    args: {
      input: t.arg({
        type: builder.inputType('ImportPayerDirectoryInput', {
          fields: (f) => ({
            connectorId: f.string({ required: true, description: 'The configured connector the list comes from.' }),
            csv: f.string({
              required: true,
              description:
                'Header payer_id, payer_name, transactions (837P 837I 270 276 835 EFT), enrollment_required.',
            }),
          }),
        }),
        required: true,
      }),
    },
    errors: { types: COMMON_ERRORS, union: { name: 'ImportPayerDirectoryPayload' } },
    resolve: (_r, { input }, ctx) => importPayerDirectory.run(ctx, input),
  }),
);
