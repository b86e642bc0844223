import {
  DUNNING_ACTIONS,
  DUNNING_CHANNELS,
  NOTICE_DELIVERIES,
  SKIP_CONDITIONS,
  policyOf,
} from '../../patient-billing/billing-policy.ts';
import type { PatientBillingPolicy } from '../../patient-billing/billing-policy.ts';
import { builder } from '../builder.ts';

export const DunningActionEnum = builder.enumType('DunningAction', { values: DUNNING_ACTIONS });

export const DunningChannelEnum = builder.enumType('DunningChannel', { values: DUNNING_CHANNELS });

export const SkipConditionEnum = builder.enumType('DunningSkipCondition', {
  values: [...SKIP_CONDITIONS, 'CEASE_COMMUNICATION'] as const,
});

export const PatientCreditPolicyEnum = builder.enumType('PatientCreditPolicy', {
  description: 'What the daily cycle does with a credit on a guarantor account.',
  values: {
    APPLY: { description: 'Apply it to the account’s visits still owing, oldest first.' },
    REFUND: { description: 'Leave it for a refund (creditBalances lists it).' },
  } as const,
});

export const NoticeDeliveryEnum = builder.enumType('ValidationNoticeDelivery', {
  description: 'How the validation notice goes out.',
  values: NOTICE_DELIVERIES,
});

export const PlanBalanceChangeEnum = builder.enumType('PlanBalanceChangePolicy', {
  values: ['REPLAN', 'CANCEL'] as const,
});

type Step = PatientBillingPolicy['dunningSteps'][number];

export const DunningStepRef = builder.objectRef<Step>('DunningStep').implement({
  description: 'One step of a dunning sequence: what happens how many days after the first statement.',
  fields: (t) => ({
    name: t.exposeString('name'),
    dayOffset: t.exposeInt('dayOffset'),
    action: t.expose('action', { type: DunningActionEnum }),
    channels: t.expose('channels', { type: [DunningChannelEnum] }),
    template: t.exposeString('template'),
  }),
});

const ProgramRef = builder
  .objectRef<{ program: string; discountPercent: number }>('FinancialAssistanceProgram')
  .implement({
    fields: (t) => ({ program: t.exposeString('program'), discountPercent: t.exposeInt('discountPercent') }),
  });

export const PolicyRef = builder.objectRef<PatientBillingPolicy>('PatientBillingPolicy').implement({
  description:
    'How a practice bills patients, as data: statement cycle, dunning steps and skips, payment plans, small balances, financial assistance.',
  fields: (t) => ({
    statementCycleDays: t.exposeInt('statementCycleDays'),
    minimumBalanceCents: t.expose('minimumBalanceCents', { type: 'Cents' }),
    dueInDays: t.exposeInt('dueInDays'),
    dunningSteps: t.field({ type: [DunningStepRef], resolve: (p) => p.dunningSteps }),
    skipConditions: t.field({
      type: [SkipConditionEnum],
      description: 'Turned-on conditions that hold dunning (a written cease-communication request always does).',
      resolve: (p) => p.skipConditions,
    }),
    recentPaymentDays: t.exposeInt('recentPaymentDays'),
    paymentPlanGraceDays: t.int({ resolve: (p) => p.paymentPlans.graceDays }),
    onPlanBalanceChange: t.field({ type: PlanBalanceChangeEnum, resolve: (p) => p.paymentPlans.onBalanceChange }),
    minimumInstallmentCents: t.field({ type: 'Cents', resolve: (p) => p.paymentPlans.minimumInstallmentCents }),
    smallBalanceWriteOffBelowCents: t.field({
      type: 'Cents',
      description: '0: small balances are never written off.',
      resolve: (p) => p.smallBalance.writeOffBelowCents,
    }),
    smallBalanceAfterStatements: t.int({ resolve: (p) => p.smallBalance.afterStatements }),
    collectionMinimumCents: t.expose('collectionMinimumCents', {
      type: 'Cents',
      description: 'Accounts owing less are not placed with an agency.',
    }),
    financialAssistancePrograms: t.field({ type: [ProgramRef], resolve: (p) => p.financialAssistance }),
    patientCredits: t.field({
      type: PatientCreditPolicyEnum,
      description: 'What the daily cycle does with a credit on a guarantor account.',
      resolve: (p) => p.patientCredits,
    }),
    validationNoticeDelivery: t.field({
      type: NoticeDeliveryEnum,
      description:
        'MAIL, or EMAIL where the consumer gave E-SIGN consent for the address (otherwise mailed, the reason kept).',
      resolve: (p) => p.validationNotice.delivery,
    }),
    validationNoticeSpanishOffer: t.boolean({
      description: 'Whether the validation notice offers a Spanish copy (optional, 12 CFR 1006.34(d)(3)(vi)).',
      resolve: (p) => p.validationNotice.spanishOffer,
    }),
  }),
});

builder.prismaObjectField('Practice', 'patientBillingPolicy', (t) =>
  t.field({
    type: PolicyRef,
    description: 'The practice’s patient billing policy (defaults until it sets one).',
    select: { patientBillingPolicy: true },
    resolve: (p) => policyOf(p),
  }),
);
