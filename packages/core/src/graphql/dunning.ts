
import { scopesOf } from './operation-scopes.ts';
import { runBillingCycle } from '../patient-billing/run-billing-cycle.ts';
import { clearAccountFlag, FLAG_KINDS, flagAccount } from '../patient-billing/account-flags.ts';
import { applyFinancialAssistance } from '../patient-billing/apply-financial-assistance.ts';
import type { BillingCycleResult } from '../patient-billing/billing-cycle.ts';
import { policyOf } from '../patient-billing/billing-policy.ts';
import { accountKeyOf, accountOfPatient, } from '../patient-billing/guarantor-account.ts';
import { addDays, } from '../util/calendar-date.ts';
import { builder } from './builder.ts';
import { DunningStepRef } from './billing-policy-types.ts';
import { decodeId, } from '../ids/global-id.ts';
import { COMMON_ERRORS } from './types/errors.ts';
import { LedgerEntryRef } from './types/ledger.ts';

const READERS = { admin: true, biller: true, collector: true, auditor: true } as const;

const CycleRef = builder.objectRef<BillingCycleResult>('BillingCycleSuccess').implement({
  description: 'What one day of a practice’s patient billing did.',
  fields: (t) => ({
    date: t.expose('date', { type: 'Date' }),
    statements: t.int({ description: 'Dunning statements (first, second, …).', resolve: (r) => r.steps.STATEMENT ?? 0 }),
    reminders: t.int({ resolve: (r) => r.steps.REMINDER ?? 0 }),
    finalNotices: t.int({ resolve: (r) => r.steps.FINAL_NOTICE ?? 0 }),
    readyForCollections: t.int({ resolve: (r) => r.steps.READY_FOR_COLLECTIONS ?? 0 }),
    cycleStatements: t.exposeInt('cycleStatements', { description: 'Statements on the practice’s cycle for accounts past dunning or held from escalation only.' }),
    held: t.exposeInt('held'),
    resolved: t.exposeInt('resolved'),
    plansCompleted: t.int({ resolve: (r) => (r.plans.COMPLETED ?? 0) + (r.plans.PAID_OFF_EARLY ?? 0) }),
    plansDefaulted: t.int({ resolve: (r) => r.plans.DEFAULTED ?? 0 }),
    plansReplanned: t.int({ resolve: (r) => r.plans.REPLANNED ?? 0 }),
    plansCancelled: t.int({ resolve: (r) => r.plans.CANCELLED ?? 0 }),
    smallBalancesWrittenOff: t.exposeInt('smallBalancesWrittenOff'),
  }),
});

builder.mutationField('runBillingCycle', (t) =>
  t.field({
    type: CycleRef,
    description: 'Runs a practice’s patient billing for a day now (the scheduler does this daily): payment plans, small balances, statements and dunning steps. Idempotent per day. Admins and billers.',
    authScopes: scopesOf(runBillingCycle),
    args: { input: t.arg({ type: builder.inputType('RunBillingCycleInput', { fields: (f) => ({ practiceId: f.id({ required: true }), date: f.field({ type: 'Date', description: '@default today in the practice’s time zone; never later than today' }) }) }), required: true }) },
    errors: { types: COMMON_ERRORS, union: { name: 'RunBillingCyclePayload' } },
    resolve: (_r, { input }, ctx) => runBillingCycle.run(ctx, { ...input, practiceId: decodeId('Practice', String(input.practiceId), ['input', 'practiceId']) }),
  }),
);

const DunningStatusEnum = builder.enumType('DunningStatus', { values: ['ACTIVE', 'HELD', 'COMPLETED', 'RESOLVED', 'PLACED'] as const });

export const DunningAccountRef = builder.prismaNode('DunningState', {
  name: 'DunningAccount',
  id: { field: 'id' },
  description: 'Where a guarantor account stands in its practice’s dunning sequence, and why.',
  fields: (t) => ({
    status: t.field({ type: DunningStatusEnum, resolve: (s) => s.status as 'ACTIVE' }),
    explanation: t.exposeString('explanation', { description: 'E.g. "Step 3 of 5 (reminder) on 2026-12-01 because second statement (step 2 of 5) ran 2026-11-16 …".' }),
    stepsDone: t.exposeInt('stepsDone'),
    sequenceStart: t.expose('sequenceStart', { type: 'Date' }),
    lastStepDate: t.expose('lastStepDate', { type: 'Date', nullable: true }),
    evaluatedOn: t.expose('lastEvaluatedDate', { type: 'Date', nullable: true }),
    patient: t.prismaField({ type: 'Patient', resolve: (query, s, _a, ctx) => ctx.db.patient.findUniqueOrThrow({ ...query, where: { id: s.patientId } }) }),
    nextStep: t.field({
      type: builder.objectRef<{ step: { name: string; dayOffset: number; action: string; channels: string[]; template: string }; dueDate: string }>('DunningNextStep').implement({
        fields: (f) => ({ step: f.field({ type: DunningStepRef, resolve: (n) => n.step as never }), dueDate: f.expose('dueDate', { type: 'Date' }) }),
      }),
      nullable: true,
      description: 'The next step and the day it is due (held accounts: the day it would be due without the hold).',
      resolve: async (s, _a, ctx) => {
        const practice = await ctx.db.practice.findUnique({ where: { id: s.practiceId } });
        const step = practice ? policyOf(practice).dunningSteps[s.stepsDone] : undefined;
        return step && s.status !== 'RESOLVED' && s.status !== 'PLACED' ? { step, dueDate: addDays(s.anchorDate, step.dayOffset) } : null;
      },
    }),
  }),
});

const dunningWhere = (args: { practiceId: string | number; status?: string | null }) => ({ practiceId: decodeId('Practice', String(args.practiceId), ['practiceId']), ...(args.status ? { status: args.status } : {}) });

builder.queryField('dunningAccounts', (t) =>
  t.prismaConnection({
    type: DunningAccountRef,
    cursor: 'id',
    description: 'Accounts in dunning for a practice, by status; each says where it is and why.',
    authScopes: READERS,
    args: { practiceId: t.arg.id({ required: true }), status: t.arg({ type: DunningStatusEnum }) },
    resolve: (query, _r, args, ctx) => ctx.db.dunningState.findMany({ ...query, where: dunningWhere(args), orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }] }),
    totalCount: (_parent, args, ctx) => ctx.db.dunningState.count({ where: dunningWhere(args) }),
  }),
);

builder.prismaObjectField('Patient', 'dunning', (t) =>
  t.field({
    type: DunningAccountRef,
    nullable: true,
    description: 'The dunning position of the patient’s guarantor account.',
    select: { id: true, guarantorId: true },
    resolve: (p, _a, ctx) => ctx.db.dunningState.findFirst({ where: { accountKey: accountKeyOf(accountOfPatient(p)) } }),
  }),
);

const FlagKindEnum = builder.enumType('AccountFlagKind', { values: FLAG_KINDS, description: 'Facts that hold dunning and collections while they stand.' });

export const AccountFlagRef = builder.prismaNode('AccountFlag', {
  id: { field: 'id' },
  fields: (t) => ({
    kind: t.field({ type: FlagKindEnum, resolve: (f) => f.kind as 'DISPUTE' }),
    note: t.exposeString('note', { nullable: true }),
    setAt: t.expose('setAt', { type: 'DateTime' }),
    clearedAt: t.expose('clearedAt', { type: 'DateTime', nullable: true }),
    patient: t.relation('patient'),
  }),
});

builder.prismaObjectField('Patient', 'accountFlags', (t) => t.relation('accountFlags', { type: AccountFlagRef, description: 'Flags on the patient’s account that are still standing.', query: { where: { clearedAt: null }, orderBy: { setAt: 'asc' } } }));

builder.mutationField('flagAccount', (t) =>
  t.field({
    type: AccountFlagRef,
    description: 'Flags the patient’s guarantor account (dispute, financial-assistance review, deceased, bankruptcy): dunning holds while it stands. Admins, billers, collectors.',
    authScopes: scopesOf(flagAccount),
    args: { input: t.arg({ type: builder.inputType('FlagAccountInput', { fields: (f) => ({ patientId: f.id({ required: true }), kind: f.field({ type: FlagKindEnum, required: true }), note: f.string() }) }), required: true }) },
    errors: { types: COMMON_ERRORS, union: { name: 'FlagAccountPayload' } },
    resolve: (_r, { input }, ctx) => flagAccount.run(ctx, { ...input, patientId: decodeId('Patient', String(input.patientId), ['input', 'patientId']) }),
  }),
);

builder.mutationField('clearAccountFlag', (t) =>
  t.field({
    type: AccountFlagRef,
    description: 'Clears a flag (the dispute is resolved, …); dunning resumes on the next cycle. Admins, billers, collectors.',
    authScopes: scopesOf(clearAccountFlag),
    args: { input: t.arg({ type: builder.inputType('ClearAccountFlagInput', { fields: (f) => ({ flagId: f.id({ required: true }) }) }), required: true }) },
    errors: { types: COMMON_ERRORS, union: { name: 'ClearAccountFlagPayload' } },
    resolve: (_r, { input }, ctx) => clearAccountFlag.run(ctx, { flagId: decodeId('AccountFlag', String(input.flagId), ['input', 'flagId']) }),
  }),
);

builder.mutationField('applyFinancialAssistance', (t) =>
  t.field({
    type: [LedgerEntryRef],
    description: 'Grants one of the practice’s financial-assistance programs to the patient’s account: its discount is posted against each open visit as an adjustment with the reason, and a financial-assistance review flag is cleared. Admins and billers.',
    authScopes: scopesOf(applyFinancialAssistance),
    args: { input: t.arg({ type: builder.inputType('ApplyFinancialAssistanceInput', { fields: (f) => ({ patientId: f.id({ required: true }), program: f.string({ required: true }), note: f.string() }) }), required: true }) },
    errors: { types: COMMON_ERRORS, union: { name: 'ApplyFinancialAssistancePayload' }, result: { name: 'ApplyFinancialAssistanceSuccess' } },
    resolve: (_r, { input }, ctx) => applyFinancialAssistance.run(ctx, { ...input, patientId: decodeId('Patient', String(input.patientId), ['input', 'patientId']) }),
  }),
);

const ContactChannelEnum = builder.enumType('CommunicationChannel', { values: ['MAIL', 'EMAIL', 'SMS', 'PHONE'] as const });

export const CommunicationRef = builder.prismaNode('Communication', {
  id: { field: 'id' },
  description: 'A contact with a patient about money owed (statement, reminder, final notice, call), with how it went.',
  fields: (t) => ({
    channel: t.field({ type: ContactChannelEnum, resolve: (c) => c.channel }),
    direction: t.exposeString('direction'),
    purpose: t.exposeString('purpose'),
    template: t.exposeString('template', { nullable: true }),
    outcome: t.exposeString('outcome', { nullable: true }),
    notifier: t.exposeString('notifierKey', { nullable: true }),
    externalRef: t.exposeString('externalRef', { nullable: true }),
    occurredAt: t.expose('occurredAt', { type: 'DateTime' }),
    patient: t.relation('patient'),
  }),
});

builder.prismaObjectField('Patient', 'communications', (t) => t.relation('communications', { type: CommunicationRef, description: 'Contacts about the account, newest first.', query: { orderBy: [{ occurredAt: 'desc' }, { id: 'asc' }] } }));
