
import { scopesOf } from './operation-scopes.ts';
import { cancelPaymentPlan, createPaymentPlan } from '../patient-billing/payment-plan-operations.ts';
import { InvalidStateTransitionError, } from '../errors/billing-errors.ts';
import { PLAN_FREQUENCIES } from '../patient-billing/plan-schedule.ts';
import { builder } from './builder.ts';
import { decodeId, } from '../ids/global-id.ts';
import { COMMON_ERRORS } from './types/errors.ts';

const PlanStatusEnum = builder.enumType('PaymentPlanStatus', { values: ['ACTIVE', 'COMPLETED', 'DEFAULTED', 'CANCELLED'] as const });
const FrequencyEnum = builder.enumType('PaymentPlanFrequency', { values: PLAN_FREQUENCIES });
const InstallmentStatusEnum = builder.enumType('InstallmentStatus', { values: ['SCHEDULED', 'PAID', 'MISSED'] as const });

const InstallmentRef = builder.prismaObject('PaymentPlanInstallment', {
  name: 'PaymentPlanInstallment',
  fields: (t) => ({
    sequence: t.exposeInt('sequence'),
    dueDate: t.expose('dueDate', { type: 'Date' }),
    amountCents: t.expose('amountCents', { type: 'Cents' }),
    paidCents: t.expose('paidCents', { type: 'Cents', description: 'Payments since the plan was agreed, applied to installments oldest first.' }),
    status: t.field({ type: InstallmentStatusEnum, resolve: (i) => i.status as 'PAID' }),
  }),
});

export const PaymentPlanRef = builder.prismaNode('PaymentPlan', {
  id: { field: 'id' },
  description: 'A payment plan for a guarantor account’s balance: an exact schedule in cents, kept, paid off, defaulted, re-planned or cancelled.',
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

builder.prismaObjectField('Patient', 'paymentPlans', (t) => t.relation('paymentPlans', { type: PaymentPlanRef, description: 'Plans on the patient’s account, newest first.', query: { orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] } }));

const CreateInput = builder.inputType('CreatePaymentPlanInput', {
  fields: (t) => ({
    patientId: t.id({ required: true, description: 'Any patient on the guarantor account; the plan covers the account’s whole balance.' }),
    installmentCount: t.int({ description: 'Equal installments, the remainder on the last. Give this or installmentCents.' }),
    installmentCents: t.field({ type: 'Cents', description: 'A fixed amount each time, the last one smaller.' }),
    startDate: t.field({ type: 'Date', required: true, description: 'The first due date.' }),
    frequency: t.field({ type: FrequencyEnum, required: true }),
    autopayReference: t.string({ description: 'The processor’s token or mandate id for automatic payments (never a card number).' }),
  }),
});

builder.mutationField('createPaymentPlan', (t) =>
  t.field({
    type: PaymentPlanRef,
    description: 'Agrees a payment plan for the account’s balance; dunning holds while it is kept. Admins, billers, front desk.',
    authScopes: scopesOf(createPaymentPlan),
    args: { input: t.arg({ type: CreateInput, required: true }) },
    errors: { types: COMMON_ERRORS, union: { name: 'CreatePaymentPlanPayload' } },
    resolve: (_r, { input }, ctx) => createPaymentPlan.run(ctx, { ...input, patientId: decodeId('Patient', String(input.patientId), ['input', 'patientId']) }),
  }),
);

builder.mutationField('cancelPaymentPlan', (t) =>
  t.field({
    type: PaymentPlanRef,
    description: 'Ends an active plan at the guarantor’s or practice’s request; dunning resumes on the next cycle. Admins and billers.',
    authScopes: scopesOf(cancelPaymentPlan),
    args: { input: t.arg({ type: builder.inputType('CancelPaymentPlanInput', { fields: (f) => ({ paymentPlanId: f.id({ required: true }), reason: f.string({ required: true }) }) }), required: true }) },
    errors: { types: [...COMMON_ERRORS, InvalidStateTransitionError], union: { name: 'CancelPaymentPlanPayload' } },
    resolve: (_r, { input }, ctx) =>
      cancelPaymentPlan.run(ctx, { ...input, paymentPlanId: decodeId('PaymentPlan', String(input.paymentPlanId), ['input', 'paymentPlanId']) }),
  }),
);

builder.queryField('paymentPlans', (t) =>
  t.prismaConnection({
    type: PaymentPlanRef,
    cursor: 'id',
    description: 'Payment plans of a practice or a patient’s account, by status.',
    authScopes: { admin: true, biller: true, collector: true, frontdesk: true, auditor: true },
    args: { practiceId: t.arg.id(), patientId: t.arg.id(), status: t.arg({ type: PlanStatusEnum }) },
    resolve: (query, _r, args, ctx) =>
      ctx.db.paymentPlan.findMany({
        ...query,
        where: {
          ...(args.practiceId ? { practiceId: decodeId('Practice', String(args.practiceId), ['practiceId']) } : {}),
          ...(args.patientId ? { patientId: decodeId('Patient', String(args.patientId), ['patientId']) } : {}),
          ...(args.status ? { status: args.status } : {}),
        },
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      }),
  }),
);
