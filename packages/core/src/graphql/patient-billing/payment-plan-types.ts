import { builder } from '../builder.ts';
import { PLAN_FREQUENCIES } from '../../patient-billing/plan-schedule.ts';

export const PlanStatusEnum = builder.enumType('PaymentPlanStatus', {
  values: ['ACTIVE', 'COMPLETED', 'DEFAULTED', 'CANCELLED'] as const,
});

export const FrequencyEnum = builder.enumType('PaymentPlanFrequency', { values: PLAN_FREQUENCIES });

const InstallmentStatusEnum = builder.enumType('InstallmentStatus', {
  values: ['SCHEDULED', 'PAID', 'MISSED'] as const,
});

const InstallmentRef = builder.prismaObject('PaymentPlanInstallment', {
  name: 'PaymentPlanInstallment',
  fields: (t) => ({
    sequence: t.exposeInt('sequence'),
    dueDate: t.expose('dueDate', { type: 'Date' }),
    amountCents: t.expose('amountCents', { type: 'Cents' }),
    paidCents: t.expose('paidCents', {
      type: 'Cents',
      description: 'Payments since the plan was agreed, applied to installments oldest first.',
    }),
    status: t.field({ type: InstallmentStatusEnum, resolve: (i) => i.status as 'PAID' }),
  }),
});

export const PaymentPlanRef = builder.prismaNode('PaymentPlan', {
  id: { field: 'id' },
  nullable: true,
  description:
    'A payment plan for a guarantor account’s balance: an exact schedule in cents, kept, paid off, defaulted, re-planned or cancelled.',
  fields: (t) => ({
    totalCents: t.expose('totalCents', { type: 'Cents' }),
    installmentCents: t.expose('installmentCents', { type: 'Cents' }),
    frequency: t.field({ type: FrequencyEnum, resolve: (p) => p.frequency as 'MONTHLY' }),
    startDate: t.expose('startDate', { type: 'Date' }),
    agreedDate: t.expose('agreedDate', { type: 'Date' }),
    autopayReference: t.exposeString('autopayReference', { nullable: true }),
    status: t.field({ type: PlanStatusEnum, resolve: (p) => p.status }),
    statusReason: t.exposeString('statusReason', { nullable: true }),
    endedAt: t.expose('endedAt', { type: 'DateTime', nullable: true }),
    installments: t.relation('installments', { type: InstallmentRef, query: { orderBy: { sequence: 'asc' } } }),
    patient: t.relation('patient'),
  }),
});

builder.prismaObjectField('Patient', 'paymentPlans', (t) =>
  t.relation('paymentPlans', {
    type: PaymentPlanRef,
    description: 'Plans on the patient’s account, newest first.',
    query: { orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] },
  }),
);
