import type { BillingCycleResult } from '../../patient-billing/billing-cycle.ts';
import { builder } from '../builder.ts';
import { scopesOf } from '../operation-scopes.ts';
import { runBillingCycle } from '../../patient-billing/run-billing-cycle.ts';
import { decodeId } from '../../ids/global-id.ts';
import { COMMON_ERRORS } from '../errors.ts';
import { clearAccountFlag, flagAccount } from '../../patient-billing/account-flags.ts';
import { AccountFlagRef, FlagKindEnum } from './dunning-types.ts';
import { applyFinancialAssistance } from '../../patient-billing/apply-financial-assistance.ts';
import { LedgerEntryRef } from '../ledger/ledger-types.ts';

const CycleRef = builder.objectRef<BillingCycleResult>('BillingCycleSuccess').implement({
  description: 'What one day of a practice’s patient billing did.',
  fields: (t) => ({
    date: t.expose('date', { type: 'Date' }),
    statements: t.int({
      description: 'Dunning statements (first, second, …).',
      resolve: (r) => r.steps.STATEMENT ?? 0,
    }),
    reminders: t.int({ resolve: (r) => r.steps.REMINDER ?? 0 }),
    finalNotices: t.int({ resolve: (r) => r.steps.FINAL_NOTICE ?? 0 }),
    readyForCollections: t.int({ resolve: (r) => r.steps.READY_FOR_COLLECTIONS ?? 0 }),
    cycleStatements: t.exposeInt('cycleStatements', {
      description: 'Statements on the practice’s cycle for accounts past dunning or held from escalation only.',
    }),
    held: t.exposeInt('held'),
    resolved: t.exposeInt('resolved'),
    plansCompleted: t.int({ resolve: (r) => (r.plans.COMPLETED ?? 0) + (r.plans.PAID_OFF_EARLY ?? 0) }),
    plansDefaulted: t.int({ resolve: (r) => r.plans.DEFAULTED ?? 0 }),
    plansReplanned: t.int({ resolve: (r) => r.plans.REPLANNED ?? 0 }),
    plansCancelled: t.int({ resolve: (r) => r.plans.CANCELLED ?? 0 }),
    smallBalancesWrittenOff: t.exposeInt('smallBalancesWrittenOff'),
    creditsApplied: t.exposeInt('creditsApplied', {
      description: 'Accounts whose credits were applied to their visits still owing (policy APPLY).',
    }),
  }),
});

builder.mutationField('runBillingCycle', (t) =>
  t.field({
    type: CycleRef,
    description:
      'Runs a practice’s patient billing for a day now (the scheduler does this daily): payment plans, small balances, statements and dunning steps. Idempotent per day. Admins and billers.',
    authScopes: scopesOf(runBillingCycle),
    args: {
      input: t.arg({
        type: builder.inputType('RunBillingCycleInput', {
          fields: (f) => ({
            practiceId: f.id({ required: true }),
            date: f.field({
              type: 'Date',
              description: '@default today in the practice’s time zone; never later than today',
            }),
          }),
        }),
        required: true,
      }),
    },
    errors: { types: COMMON_ERRORS, union: { name: 'RunBillingCyclePayload' } },
    resolve: (_r, { input }, ctx) =>
      runBillingCycle.run(ctx, {
        ...input,
        practiceId: decodeId('Practice', String(input.practiceId), ['input', 'practiceId']),
      }),
  }),
);

builder.mutationField('flagAccount', (t) =>
  t.field({
    type: AccountFlagRef,
    description:
      'Flags the patient’s guarantor account (dispute, financial-assistance review, deceased, bankruptcy): dunning holds while it stands. Admins, billers, collectors.',
    authScopes: scopesOf(flagAccount),
    args: {
      input: t.arg({
        type: builder.inputType('FlagAccountInput', {
          fields: (f) => ({
            patientId: f.id({ required: true }),
            kind: f.field({ type: FlagKindEnum, required: true }),
            note: f.string(),
          }),
        }),
        required: true,
      }),
    },
    errors: { types: COMMON_ERRORS, union: { name: 'FlagAccountPayload' } },
    resolve: (_r, { input }, ctx) =>
      flagAccount.run(ctx, {
        ...input,
        patientId: decodeId('Patient', String(input.patientId), ['input', 'patientId']),
      }),
  }),
);

builder.mutationField('clearAccountFlag', (t) =>
  t.field({
    type: AccountFlagRef,
    description:
      'Clears a flag (the dispute is resolved, …); dunning resumes on the next cycle. Admins, billers, collectors.',
    authScopes: scopesOf(clearAccountFlag),
    args: {
      input: t.arg({
        type: builder.inputType('ClearAccountFlagInput', { fields: (f) => ({ flagId: f.id({ required: true }) }) }),
        required: true,
      }),
    },
    errors: { types: COMMON_ERRORS, union: { name: 'ClearAccountFlagPayload' } },
    resolve: (_r, { input }, ctx) =>
      clearAccountFlag.run(ctx, { flagId: decodeId('AccountFlag', String(input.flagId), ['input', 'flagId']) }),
  }),
);

builder.mutationField('applyFinancialAssistance', (t) =>
  t.field({
    type: [LedgerEntryRef],
    description:
      'Grants one of the practice’s financial-assistance programs to the patient’s account: its discount is posted against each open visit as an adjustment with the reason, and a financial-assistance review flag is cleared. Admins and billers.',
    authScopes: scopesOf(applyFinancialAssistance),
    args: {
      input: t.arg({
        type: builder.inputType('ApplyFinancialAssistanceInput', {
          fields: (f) => ({
            patientId: f.id({ required: true }),
            program: f.string({ required: true }),
            note: f.string(),
          }),
        }),
        required: true,
      }),
    },
    errors: {
      types: COMMON_ERRORS,
      union: { name: 'ApplyFinancialAssistancePayload' },
      result: { name: 'ApplyFinancialAssistanceSuccess' },
    },
    resolve: (_r, { input }, ctx) =>
      applyFinancialAssistance.run(ctx, {
        ...input,
        patientId: decodeId('Patient', String(input.patientId), ['input', 'patientId']),
      }),
  }),
);
