import { builder } from '../builder.ts';
import { globalId } from '../../ids/global-id.ts';
import { policyOf } from '../../patient-billing/billing-policy.ts';
import { addDays } from '../../util/calendar-date.ts';
import { accountKeyOf, accountOfPatient } from '../../patient-billing/guarantor-account.ts';
import { FLAG_KINDS } from '../../patient-billing/account-flags.ts';
import { DunningStepRef } from './billing-policy-types.ts';

export const DunningStatusEnum = builder.enumType('DunningStatus', {
  values: ['ACTIVE', 'HELD', 'COMPLETED', 'RESOLVED', 'PLACED'] as const,
});

export const DunningAccountRef = builder.prismaNode('DunningState', {
  name: 'DunningAccount',
  id: { field: 'id' },
  nullable: true,
  description: 'Where a guarantor account stands in its practice’s dunning sequence, and why.',
  fields: (t) => ({
    status: t.field({ type: DunningStatusEnum, resolve: (s) => s.status as 'ACTIVE' }),
    explanation: t.exposeString('explanation', {
      description:
        'E.g. "Step 3 of 5 (reminder) on 2026-12-01 because second statement (step 2 of 5) ran 2026-11-16 …".',
    }),
    stepsDone: t.exposeInt('stepsDone'),
    sequenceStart: t.expose('sequenceStart', { type: 'Date' }),
    lastStepDate: t.expose('lastStepDate', { type: 'Date', nullable: true }),
    evaluatedOn: t.expose('lastEvaluatedDate', { type: 'Date', nullable: true }),
    patient: t.prismaField({
      type: 'Patient',
      resolve: (query, s, _a, ctx) => ctx.db.patient.findUniqueOrThrow({ ...query, where: { id: s.patientId } }),
    }),
    nextStep: t.field({
      type: builder
        .objectRef<{
          step: { name: string; dayOffset: number; action: string; channels: string[]; template: string };
          dueDate: string;
        }>('DunningNextStep')
        .implement({
          fields: (f) => ({
            step: f.field({ type: DunningStepRef, resolve: (n) => n.step as never }),
            dueDate: f.expose('dueDate', { type: 'Date' }),
          }),
        }),
      nullable: true,
      description: 'The next step and the day it is due (held accounts: the day it would be due without the hold).',
      resolve: async (s, _a, ctx) => {
        const practice = await ctx.db.practice.findUnique({ where: { id: s.practiceId } });
        const step = practice ? policyOf(practice).dunningSteps[s.stepsDone] : undefined;
        return step && s.status !== 'RESOLVED' && s.status !== 'PLACED'
          ? { step, dueDate: addDays(s.anchorDate, step.dayOffset) }
          : null;
      },
    }),
  }),
});

builder.prismaObjectField('Patient', 'dunning', (t) =>
  t.field({
    type: DunningAccountRef,
    nullable: true,
    description: 'The dunning position of the patient’s guarantor account.',
    select: { id: true, guarantorId: true },
    resolve: (p, _a, ctx) =>
      ctx.db.dunningState.findFirst({ where: { accountKey: accountKeyOf(accountOfPatient(p)) } }),
  }),
);

export const FlagKindEnum = builder.enumType('AccountFlagKind', {
  values: FLAG_KINDS,
  description: 'Facts that hold dunning and collections while they stand.',
});

export const AccountFlagRef = builder.prismaNode('AccountFlag', {
  id: { field: 'id' },
  nullable: true,
  fields: (t) => ({
    kind: t.field({ type: FlagKindEnum, resolve: (f) => f.kind as 'DISPUTE' }),
    note: t.exposeString('note', { nullable: true }),
    setAt: t.expose('setAt', { type: 'DateTime' }),
    clearedAt: t.expose('clearedAt', { type: 'DateTime', nullable: true }),
    patient: t.relation('patient'),
  }),
});

builder.prismaObjectField('Patient', 'accountFlags', (t) =>
  t.relation('accountFlags', {
    type: AccountFlagRef,
    description: 'Flags on the patient’s account that are still standing.',
    query: { where: { clearedAt: null }, orderBy: { setAt: 'asc' } },
  }),
);

const ContactChannelEnum = builder.enumType('CommunicationChannel', {
  values: ['MAIL', 'EMAIL', 'SMS', 'PHONE'] as const,
});

export const CommunicationRef = builder.prismaNode('Communication', {
  id: { field: 'id' },
  nullable: true,
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
    sentTo: t.exposeString('sentTo', {
      nullable: true,
      description: 'Where it went (or, inbound, where it came from): the address, number or e-mail.',
    }),
    content: t.field({
      type: 'JSON',
      nullable: true,
      description:
        'What was sent, as the notifier was given it (template, variables, opt-out notice); inbound, the text.',
      resolve: (c) => c.content,
    }),
    documentId: t.field({
      type: 'ID',
      nullable: true,
      description: 'The stored document that was sent (a validation notice), as a global id.',
      resolve: (c) => (c.documentId ? globalId('Document', c.documentId) : null),
    }),
    allowed: t.exposeBoolean('allowed', { description: 'False when the compliance engine refused the attempt.' }),
    complianceRule: t.exposeString('complianceRule', {
      nullable: true,
      description: 'The rule that decided, with its citation.',
    }),
    patient: t.relation('patient'),
  }),
});

builder.prismaObjectField('Patient', 'communications', (t) =>
  t.relation('communications', {
    type: CommunicationRef,
    description: 'Contacts about the account, newest first.',
    query: { orderBy: [{ occurredAt: 'desc' }, { id: 'asc' }] },
  }),
);
