import { AppealLevel, AppealOutcome } from '../../db/prisma-client.ts';
import { builder } from '../builder.ts';
import { NEXT_ACTIONS, denialPolicyOf, nextActionFor } from '../../denials/next-action.ts';
import type { NextAction } from '../../denials/next-action.ts';
import { carcMeaning, rarcMeaning } from '../../denials/code-meanings.ts';
import { daysBetween, todayIn } from '../../util/calendar-date.ts';
import { DenialCategoryEnum, WorkItemStatusEnum } from '../remittances/remittance-types.ts';

export const AppealLevelEnum = builder.enumType(AppealLevel, {
  name: 'AppealLevel',
  description: 'RECONSIDERATION, then FIRST_LEVEL, SECOND_LEVEL, EXTERNAL_REVIEW.',
});

export const AppealOutcomeEnum = builder.enumType(AppealOutcome, { name: 'AppealOutcome' });

export const NextActionEnum = builder.enumType('DenialNextAction', {
  values: Object.fromEntries(Object.entries(NEXT_ACTIONS).map(([k, description]) => [k, { description }])) as Record<
    NextAction,
    { description: string }
  >,
});

const CodeRef = builder.objectRef<{ code: string; meaning: string | null }>('AdjustmentCode').implement({
  description: 'A CARC (with its group, e.g. CO-16) or RARC, and what it means in plain language.',
  fields: (t) => ({ code: t.exposeString('code'), meaning: t.exposeString('meaning', { nullable: true }) }),
});

const NextActionRef = builder.objectRef<{ action: NextAction }>('DenialRecommendation').implement({
  fields: (t) => ({
    action: t.field({ type: NextActionEnum, resolve: (r) => r.action }),
    description: t.string({ resolve: (r) => NEXT_ACTIONS[r.action] }),
  }),
});

export const DocumentRef = builder.prismaNode('Document', {
  id: { field: 'id' },
  nullable: true,
  description: 'A rendered file (an appeal letter, a notice, a print batch of claim forms), kept exactly as produced.',
  fields: (t) => ({
    kind: t.exposeString('kind'),
    contentType: t.exposeString('contentType'),
    fileName: t.exposeString('fileName'),
    sizeBytes: t.int({ resolve: (d) => d.bytes.length }),
    contentBase64: t.string({
      description: 'The file, base64-encoded.',
      resolve: (d) => Buffer.from(d.bytes).toString('base64'),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

export const AppealRef = builder.prismaNode('Appeal', {
  id: { field: 'id' },
  nullable: true,
  description: 'One level of appeal: letter, attachments, when it was sent, and the payer’s answer.',
  fields: (t) => ({
    level: t.expose('level', { type: AppealLevelEnum }),
    argument: t.exposeString('argument'),
    attachments: t.field({ type: 'JSON', nullable: true, resolve: (a) => a.attachments }),
    deadlineDate: t.expose('deadlineDate', { type: 'Date' }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime', nullable: true }),
    answeredAt: t.expose('answeredAt', { type: 'DateTime', nullable: true }),
    outcome: t.expose('outcome', { type: AppealOutcomeEnum, nullable: true }),
    expectedPaymentCents: t.expose('expectedPaymentCents', { type: 'Cents', nullable: true }),
    payerResponse: t.exposeString('payerResponse', { nullable: true }),
    letter: t.relation('document', {
      nullable: true,
      description: 'The rendered letter (PDF with the default renderer).',
    }),
    denial: t.relation('denial'),
  }),
});

// Referred to by name ('DenialNote') from Denial.notes.
builder.prismaObject('DenialNote', {
  fields: (t) => ({
    text: t.exposeString('text'),
    authorId: t.exposeString('authorId', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

export const DenialRef = builder.prismaNode('Denial', {
  id: { field: 'id' },
  nullable: true,
  description: 'A denied claim, denied line or underpaid line on the work list, worked to an outcome.',
  fields: (t) => ({
    kind: t.exposeString('kind', { description: 'CLAIM_DENIED, LINE_DENIED or UNDERPAID.' }),
    category: t.expose('category', { type: DenialCategoryEnum }),
    reasons: t.field({
      type: [CodeRef],
      resolve: (d) =>
        d.reasonCodes
          .split(',')
          .filter((c) => c && c !== 'UNDERPAID')
          .map((code) => ({ code, meaning: carcMeaning(code) ?? null })),
    }),
    remarks: t.field({
      type: [CodeRef],
      resolve: (d) =>
        (d.remarkCodes?.split(',').filter(Boolean) ?? []).map((code) => ({ code, meaning: rarcMeaning(code) ?? null })),
    }),
    reasonCodes: t.stringList({ resolve: (d) => d.reasonCodes.split(',').filter(Boolean) }),
    amountAtStakeCents: t.expose('amountAtStakeCents', { type: 'Cents' }),
    expectedCents: t.expose('expectedCents', { type: 'Cents', nullable: true }),
    paidCents: t.expose('paidCents', { type: 'Cents', nullable: true }),
    recoveredCents: t.expose('recoveredCents', { type: 'Cents' }),
    priority: t.exposeInt('priority', {
      description: 'Dollars at stake × (1 + 30 ÷ days left to the deadline); higher first.',
    }),
    appealDeadline: t.expose('dueDate', {
      type: 'Date',
      nullable: true,
      description: 'The payment date plus the payer’s appeal window.',
    }),
    daysToDeadline: t.int({
      nullable: true,
      description: 'Days from the practice’s today to the appeal deadline (negative once it passed).',
      select: { claim: { select: { practice: { select: { timeZone: true } } } } },
      resolve: (d, _args, ctx) =>
        d.dueDate ? daysBetween(todayIn(d.claim.practice.timeZone, ctx.clock.now()), d.dueDate) : null,
    }),
    deadlinePassed: t.exposeBoolean('deadlinePassed'),
    status: t.expose('status', { type: WorkItemStatusEnum }),
    outcome: t.exposeString('outcome', { nullable: true }),
    ownerId: t.exposeString('ownerId', { nullable: true }),
    recommendation: t.field({
      type: NextActionRef,
      description: 'The recommended next step, from the item’s state, the practice’s policy and the category.',
      resolve: async (d, _a, ctx) => {
        const [appeals, practice] = await Promise.all([
          ctx.db.appeal.findMany({ where: { denialId: d.id }, orderBy: { createdAt: 'asc' } }),
          ctx.db.practice.findUnique({ where: { id: d.practiceId }, select: { denialPolicy: true } }),
        ]);
        return { action: nextActionFor(d, appeals, denialPolicyOf(practice?.denialPolicy)) };
      },
    }),
    claim: t.relation('claim'),
    correctedClaim: t.relation('correctedClaim', { nullable: true }),
    claimPayment: t.relation('remittanceClaim', { nullable: true }),
    payer: t.prismaField({
      type: 'Payer',
      nullable: true,
      resolve: (q, d, _a, ctx) => (d.payerId ? ctx.db.payer.findUnique({ ...q, where: { id: d.payerId } }) : null),
    }),
    claimLine: t.prismaField({
      type: 'ClaimLine',
      nullable: true,
      resolve: (q, d, _a, ctx) =>
        d.claimLineId ? ctx.db.claimLine.findUnique({ ...q, where: { id: d.claimLineId } }) : null,
    }),
    appeals: t.relation('appeals', { query: { orderBy: { createdAt: 'asc' } } }),
    notes: t.relation('notes', { query: { orderBy: { createdAt: 'asc' } } }),
    resolvedAt: t.expose('resolvedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.prismaObjectField('Claim', 'denials', (t) =>
  t.relation('denials', { description: 'Work items opened on this claim.', query: { orderBy: { createdAt: 'asc' } } }),
);

export const READERS = { admin: true, biller: true, auditor: true } as const;
