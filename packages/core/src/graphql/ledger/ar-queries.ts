import { AGGREGATE_COST, builder } from '../builder.ts';
import { arAging, sumBuckets } from '../../ledger/ar-aging.ts';
import type { ArAgingRow, ArBuckets, ArGroupBy } from '../../ledger/ar-aging.ts';
import { ValidationError } from '../../errors/billing-errors.ts';
import { isCalendarDate } from '../../util/calendar-date.ts';
import { keyFigures } from '../../ledger/key-figures.ts';
import type { KeyFigures } from '../../ledger/key-figures.ts';
import { decodeId } from '../../ids/global-id.ts';
import { LedgerAccountEnum } from './ledger-types.ts';
import { DenialCategoryEnum } from '../remittances/remittance-types.ts';

const ArGroupByEnum = builder.enumType('ArGroupBy', { values: ['PAYER', 'PATIENT', 'PRACTICE'] as const });

const ArBucketsInterface = builder.interfaceRef<ArBuckets>('ArBuckets').implement({
  description: 'A/R by age of the claim (from its first date of service).',
  fields: (t) => ({
    days0to30Cents: t.expose('days0to30Cents', { type: 'Cents' }),
    days31to60Cents: t.expose('days31to60Cents', { type: 'Cents' }),
    days61to90Cents: t.expose('days61to90Cents', { type: 'Cents' }),
    days91to120Cents: t.expose('days91to120Cents', { type: 'Cents' }),
    over120Cents: t.expose('over120Cents', { type: 'Cents' }),
    creditsCents: t.expose('creditsCents', {
      type: 'Cents',
      description: 'Credit balances (≤ 0: claims overpaid, patient money not applied), apart from the aged debits.',
    }),
    totalCents: t.expose('totalCents', { type: 'Cents', description: 'The buckets plus the credits: the net A/R.' }),
  }),
});

const ArBucketsRef = builder.objectRef<ArBuckets>('ArTotals').implement({
  description: 'Totals of one account over every group.',
  interfaces: [ArBucketsInterface],
  fields: () => ({}),
});

const ArAgingRowRef = builder.objectRef<ArAgingRow>('ArAgingRow').implement({
  description: 'One group’s A/R in one account (insurance, patient, or practice-level).',
  interfaces: [ArBucketsInterface],
  fields: (t) => ({
    account: t.field({ type: LedgerAccountEnum, resolve: (r) => r.account }),
    payer: t.prismaField({
      type: 'Payer',
      nullable: true,
      resolve: (q, r, _a, ctx) => (r.groupId ? ctx.db.payer.findFirst({ ...q, where: { id: r.groupId } }) : null),
    }),
    patient: t.prismaField({
      type: 'Patient',
      nullable: true,
      resolve: (q, r, _a, ctx) => (r.groupId ? ctx.db.patient.findFirst({ ...q, where: { id: r.groupId } }) : null),
    }),
    practice: t.prismaField({
      type: 'Practice',
      nullable: true,
      resolve: (q, r, _a, ctx) => (r.groupId ? ctx.db.practice.findFirst({ ...q, where: { id: r.groupId } }) : null),
    }),
  }),
});

interface ArAgingReport {
  asOf: string;
  groupBy: ArGroupBy;
  rows: ArAgingRow[];
}

const ArAgingReportRef = builder.objectRef<ArAgingReport>('ArAgingReport').implement({
  fields: (t) => ({
    asOf: t.expose('asOf', { type: 'Date' }),
    rows: t.field({
      type: [ArAgingRowRef],
      description: 'One row per account and group (payer, patient or practice).',
      resolve: (r) => r.rows,
    }),
    insurance: t.field({
      type: ArBucketsRef,
      resolve: (r) => sumBuckets(r.rows.filter((x) => x.account === 'INSURANCE')),
    }),
    patient: t.field({ type: ArBucketsRef, resolve: (r) => sumBuckets(r.rows.filter((x) => x.account === 'PATIENT')) }),
    practiceLevel: t.field({
      type: ArBucketsRef,
      description: 'PLB interest, recoupments and offsets.',
      resolve: (r) => sumBuckets(r.rows.filter((x) => x.account === 'PRACTICE')),
    }),
  }),
});

function checkDate(value: string, path: string): string {
  if (!isCalendarDate(value))
    throw new ValidationError([
      { path: [path], code: 'INVALID_DATE', message: `${path}: not a calendar date (YYYY-MM-DD)` },
    ]);
  return value;
}

builder.queryField('arAging', (t) =>
  t.field({
    type: ArAgingReportRef,
    description:
      'Accounts receivable in 0–30, 31–60, 61–90, 91–120 and 120+ day buckets, insurance and patient apart, as of a date.',
    complexity: AGGREGATE_COST,
    authScopes: { admin: true, biller: true, auditor: true, collector: true },
    args: { asOf: t.arg({ type: 'Date', required: true }), groupBy: t.arg({ type: ArGroupByEnum, required: true }) },
    resolve: async (_root, args, ctx) => ({
      asOf: args.asOf,
      groupBy: args.groupBy,
      rows: await arAging(ctx.db, checkDate(args.asOf, 'asOf'), args.groupBy),
    }),
  }),
);

const DenialRateRef = builder.objectRef<KeyFigures['denials'][number]>('DenialRate').implement({
  fields: (t) => ({
    category: t.field({ type: DenialCategoryEnum, resolve: (d) => d.category }),
    count: t.exposeInt('count'),
    rate: t.exposeFloat('rate', {
      description: 'Denials of this category ÷ claim payments adjudicated in the period.',
    }),
  }),
});

const KeyFiguresRef = builder.objectRef<KeyFigures>('ArKeyFigures').implement({
  fields: (t) => ({
    from: t.expose('from', { type: 'Date' }),
    to: t.expose('to', { type: 'Date' }),
    chargesCents: t.expose('chargesCents', { type: 'Cents' }),
    paymentsCents: t.expose('paymentsCents', {
      type: 'Cents',
      description: 'Insurance and patient payments, net of refunds and of recoupments a payer took from a claim.',
    }),
    contractualAdjustmentsCents: t.expose('contractualAdjustmentsCents', { type: 'Cents' }),
    daysInAr: t.exposeFloat('daysInAr', {
      nullable: true,
      description: 'A/R on `to` ÷ average daily charges over the 90 days before it.',
    }),
    netCollectionRate: t.exposeFloat('netCollectionRate', {
      nullable: true,
      description: 'Payments ÷ (charges − contractual adjustments), 0–1.',
    }),
    claimPaymentsAdjudicated: t.exposeInt('claimPaymentsAdjudicated'),
    denialRates: t.field({ type: [DenialRateRef], resolve: (k) => k.denials }),
  }),
});

builder.queryField('arKeyFigures', (t) =>
  t.field({
    type: KeyFiguresRef,
    description: 'Days in A/R, net collection rate and denial rate by category for a period.',
    complexity: AGGREGATE_COST,
    authScopes: { admin: true, biller: true, auditor: true },
    args: {
      from: t.arg({ type: 'Date', required: true }),
      to: t.arg({ type: 'Date', required: true }),
      practiceId: t.arg.id(),
    },
    resolve: (_root, args, ctx) => {
      const practiceId = args.practiceId ? decodeId('Practice', String(args.practiceId), ['practiceId']) : undefined;
      return keyFigures(ctx.db, checkDate(args.from, 'from'), checkDate(args.to, 'to'), practiceId);
    },
  }),
);
