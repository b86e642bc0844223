import { builder } from '../builder.ts';
import { decodeId } from '../../ids/global-id.ts';
import { applyPatientCredit } from '../../patient-billing/apply-patient-credit.ts';
import type { PatientCreditApplied } from '../../patient-billing/apply-patient-credit.ts';
import { scopesOf } from '../operation-scopes.ts';
import { COMMON_ERRORS } from '../errors.ts';

const CreditAppliedRef = builder.objectRef<PatientCreditApplied>('PatientCreditApplied').implement({
  description: 'A guarantor account’s credits applied to its visits still owing.',
  fields: (t) => ({
    appliedCents: t.expose('appliedCents', {
      type: 'Cents',
      description: 'What moved from the credits onto visits still owing.',
    }),
    accountBalanceCents: t.expose('accountBalanceCents', {
      type: 'Cents',
      description: 'The account’s patient balance afterwards; negative while a credit is left to refund.',
    }),
  }),
});

const ApplyPatientCreditInput = builder.inputType('ApplyPatientCreditInput', {
  fields: (t) => ({ patientId: t.id({ required: true, description: 'A patient of the guarantor account.' }) }),
});

builder.mutationField('applyPatientCredit', (t) =>
  t.field({
    type: CreditAppliedRef,
    description:
      'Applies the credits on a patient’s guarantor account to its visits still owing, oldest first (the daily cycle does it by itself under policy APPLY). Admins and billers.',
    authScopes: scopesOf(applyPatientCredit),
    args: { input: t.arg({ type: ApplyPatientCreditInput, required: true }) },
    errors: { types: [...COMMON_ERRORS], union: { name: 'ApplyPatientCreditPayload' } },
    resolve: (_root, { input }, ctx) =>
      applyPatientCredit.run(ctx, { patientId: decodeId('Patient', String(input.patientId), ['input', 'patientId']) }),
  }),
);
