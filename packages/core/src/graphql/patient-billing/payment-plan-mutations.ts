import { builder } from '../builder.ts';
import { FrequencyEnum, PaymentPlanRef } from './payment-plan-types.ts';
import { scopesOf } from '../operation-scopes.ts';
import { cancelPaymentPlan, createPaymentPlan } from '../../patient-billing/payment-plan-operations.ts';
import { decodeId } from '../../ids/global-id.ts';
import { COMMON_ERRORS } from '../errors.ts';
import { InvalidStateTransitionError } from '../../errors/billing-errors.ts';

const CreateInput = builder.inputType('CreatePaymentPlanInput', {
  fields: (t) => ({
    patientId: t.id({
      required: true,
      description: 'Any patient on the guarantor account; the plan covers the account’s whole balance.',
    }),
    installmentCount: t.int({
      description: 'Equal installments, the remainder on the last. Give this or installmentCents.',
    }),
    installmentCents: t.field({ type: 'Cents', description: 'A fixed amount each time, the last one smaller.' }),
    startDate: t.field({ type: 'Date', required: true, description: 'The first due date.' }),
    frequency: t.field({ type: FrequencyEnum, required: true }),
    autopayReference: t.string({
      description: 'The processor’s token or mandate id for automatic payments (never a card number).',
    }),
  }),
});

builder.mutationField('createPaymentPlan', (t) =>
  t.field({
    type: PaymentPlanRef,
    description:
      'Agrees a payment plan for the account’s balance; dunning holds while it is kept. Admins, billers, front desk.',
    authScopes: scopesOf(createPaymentPlan),
    args: { input: t.arg({ type: CreateInput, required: true }) },
    errors: { types: COMMON_ERRORS, union: { name: 'CreatePaymentPlanPayload' } },
    resolve: (_r, { input }, ctx) =>
      createPaymentPlan.run(ctx, {
        ...input,
        patientId: decodeId('Patient', String(input.patientId), ['input', 'patientId']),
      }),
  }),
);

builder.mutationField('cancelPaymentPlan', (t) =>
  t.field({
    type: PaymentPlanRef,
    description:
      'Ends an active plan at the guarantor’s or practice’s request; dunning resumes on the next cycle. Admins and billers.',
    authScopes: scopesOf(cancelPaymentPlan),
    args: {
      input: t.arg({
        type: builder.inputType('CancelPaymentPlanInput', {
          fields: (f) => ({ paymentPlanId: f.id({ required: true }), reason: f.string({ required: true }) }),
        }),
        required: true,
      }),
    },
    errors: { types: [...COMMON_ERRORS, InvalidStateTransitionError], union: { name: 'CancelPaymentPlanPayload' } },
    resolve: (_r, { input }, ctx) =>
      cancelPaymentPlan.run(ctx, {
        ...input,
        paymentPlanId: decodeId('PaymentPlan', String(input.paymentPlanId), ['input', 'paymentPlanId']),
      }),
  }),
);
