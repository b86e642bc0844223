import { builder } from '../builder.ts';
import {
  DunningActionEnum,
  DunningChannelEnum,
  PlanBalanceChangeEnum,
  NoticeDeliveryEnum,
  PatientCreditPolicyEnum,
  PolicyRef,
  SkipConditionEnum,
} from './billing-policy-types.ts';
import { scopesOf } from '../operation-scopes.ts';
import { setPatientBillingPolicy } from '../../patient-billing/set-patient-billing-policy.ts';
import { decodeId } from '../../ids/global-id.ts';
import { COMMON_ERRORS } from '../errors.ts';

const StepInput = builder.inputType('DunningStepInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    dayOffset: t.int({ required: true, description: 'Days after the first statement (step 1 is day 0).' }),
    action: t.field({ type: DunningActionEnum, required: true }),
    channels: t.field({ type: [DunningChannelEnum], required: true }),
    template: t.string({ required: true }),
  }),
});

const ProgramInput = builder.inputType('FinancialAssistanceProgramInput', {
  fields: (t) => ({ program: t.string({ required: true }), discountPercent: t.int({ required: true }) }),
});

const SetPolicyInput = builder.inputType('SetPatientBillingPolicyInput', {
  description: 'Fields left out keep their current value.',
  fields: (t) => ({
    practiceId: t.id({ required: true }),
    statementCycleDays: t.int(),
    minimumBalanceCents: t.field({ type: 'Cents' }),
    dueInDays: t.int(),
    dunningSteps: t.field({ type: [StepInput] }),
    skipConditions: t.field({ type: [SkipConditionEnum] }),
    recentPaymentDays: t.int(),
    paymentPlanGraceDays: t.int(),
    onPlanBalanceChange: t.field({ type: PlanBalanceChangeEnum }),
    minimumInstallmentCents: t.field({ type: 'Cents' }),
    smallBalanceWriteOffBelowCents: t.field({ type: 'Cents' }),
    smallBalanceAfterStatements: t.int(),
    collectionMinimumCents: t.field({ type: 'Cents' }),
    financialAssistancePrograms: t.field({ type: [ProgramInput] }),
    patientCredits: t.field({
      type: PatientCreditPolicyEnum,
      description:
        'APPLY a guarantor account’s credits to its visits still owing in the daily cycle, or leave them to REFUND.',
    }),
    validationNoticeDelivery: t.field({
      type: NoticeDeliveryEnum,
      description: 'MAIL, or EMAIL where the consumer gave E-SIGN consent for the address.',
    }),
    validationNoticeSpanishOffer: t.boolean({ description: 'Offer a Spanish copy on the validation notice.' }),
  }),
});

builder.mutationField('setPatientBillingPolicy', (t) =>
  t.field({
    type: PolicyRef,
    description:
      'Sets the practice’s patient billing policy (statement cycle, dunning steps and skip conditions, plans, small balances, assistance). Admins.',
    authScopes: scopesOf(setPatientBillingPolicy),
    args: { input: t.arg({ type: SetPolicyInput, required: true }) },
    errors: { types: COMMON_ERRORS, union: { name: 'SetPatientBillingPolicyPayload' } },
    resolve: (_r, { input }, ctx) =>
      setPatientBillingPolicy.run(ctx, {
        ...input,
        practiceId: decodeId('Practice', String(input.practiceId), ['input', 'practiceId']),
      }),
  }),
);
