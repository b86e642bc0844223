import { AGGREGATE_COST, builder } from '../builder.ts';
import { approachingDeadlineWhere, claimsDueForFiling } from '../../denials/work-lists.ts';
import type { Prisma } from '../../db/prisma-client.ts';
import type { DenialCategory } from '../../db/prisma-client.ts';
import { ValidationError } from '../../errors/billing-errors.ts';
import { isCalendarDate } from '../../util/calendar-date.ts';
import { decodeId } from '../../ids/global-id.ts';
import { AppealLevelEnum, DenialRef, READERS } from './denial-types.ts';
import { DEADLINE_WARNING_DAYS } from '../../denials/deadline-sweep.ts';
import { pageSizeOptions } from '../connections.ts';
import { denialFigures } from '../../denials/denial-figures.ts';
import type { DenialFigures } from '../../denials/denial-figures.ts';
import { DenialCategoryEnum, WorkItemStatusEnum } from '../remittances/remittance-types.ts';

const DenialFilter = builder.inputType('DenialFilter', {
  fields: (t) => ({
    status: t.field({ type: [WorkItemStatusEnum], description: 'Default: OPEN and IN_PROGRESS.' }),
    category: t.field({ type: [DenialCategoryEnum] }),
    kind: t.stringList({ description: 'CLAIM_DENIED, LINE_DENIED, UNDERPAID.' }),
    payerId: t.id(),
    practiceId: t.id(),
    ownerId: t.string(),
    unassigned: t.boolean(),
    dueBefore: t.field({ type: 'Date', description: 'Appeal deadline on or before this date.' }),
    deadlinePassed: t.boolean(),
  }),
});

const DenialOrderField = builder.enumType('DenialOrderField', {
  values: ['PRIORITY', 'DUE_DATE', 'AMOUNT', 'CREATED_AT'] as const,
});

const OrderDirection = builder.enumType('DenialOrderDirection', { values: ['ASC', 'DESC'] as const });

const DenialOrder = builder.inputType('DenialOrder', {
  fields: (t) => ({
    field: t.field({ type: DenialOrderField, required: true }),
    direction: t.field({ type: OrderDirection }),
  }),
});

type FilterInput = typeof DenialFilter.$inferInput;

function whereOf(f: FilterInput | null | undefined): Prisma.DenialWhereInput {
  if (f?.dueBefore && !isCalendarDate(f.dueBefore))
    throw new ValidationError([
      { path: ['filter', 'dueBefore'], code: 'INVALID_DATE', message: 'dueBefore: not a calendar date' },
    ]);
  return {
    status: { in: f?.status?.length ? f.status : ['OPEN', 'IN_PROGRESS'] },
    ...(f?.category?.length ? { category: { in: f.category } } : {}),
    ...(f?.kind?.length ? { kind: { in: f.kind } } : {}),
    ...(f?.payerId ? { payerId: decodeId('Payer', String(f.payerId), ['filter', 'payerId']) } : {}),
    ...(f?.practiceId ? { practiceId: decodeId('Practice', String(f.practiceId), ['filter', 'practiceId']) } : {}),
    ...(f?.ownerId ? { ownerId: f.ownerId } : {}),
    ...(f?.unassigned ? { ownerId: null } : {}),
    ...(f?.dueBefore ? { dueDate: { lte: f.dueBefore } } : {}),
    ...(f?.deadlinePassed === undefined || f.deadlinePassed === null ? {} : { deadlinePassed: f.deadlinePassed }),
  };
}

const ORDER_COLUMN = {
  PRIORITY: 'priority',
  DUE_DATE: 'dueDate',
  AMOUNT: 'amountAtStakeCents',
  CREATED_AT: 'createdAt',
} as const;

builder.queryField('denials', (t) =>
  t.prismaConnection({
    type: DenialRef,
    cursor: 'id',
    description:
      'The denial and underpayment work queue: filter by status, category, kind, payer, practice, owner and deadline; sort by priority (default), deadline, amount or age.',
    authScopes: READERS,
    args: { filter: t.arg({ type: DenialFilter }), orderBy: t.arg({ type: DenialOrder }) },
    resolve: (query, _root, args, ctx) => {
      const field = ORDER_COLUMN[args.orderBy?.field ?? 'PRIORITY'];
      const direction = (args.orderBy?.direction ?? (field === 'dueDate' ? 'ASC' : 'DESC')).toLowerCase() as
        | 'asc'
        | 'desc';
      return ctx.db.denial.findMany({
        ...query,
        where: whereOf(args.filter),
        orderBy: [{ [field]: direction }, { id: 'asc' }],
      });
    },
    totalCount: (_parent, args, ctx) => ctx.db.denial.count({ where: whereOf(args.filter) }),
  }),
);

const CategorySummaryRef = builder
  .objectRef<{ category: DenialCategory; count: number; amountAtStakeCents: number }>('DenialCategorySummary')
  .implement({
    fields: (t) => ({
      category: t.field({ type: DenialCategoryEnum, resolve: (s) => s.category }),
      count: t.exposeInt('count'),
      amountAtStakeCents: t.expose('amountAtStakeCents', { type: 'Cents' }),
    }),
  });

builder.queryField('denialSummary', (t) =>
  t.field({
    type: [CategorySummaryRef],
    description: 'Counts and amounts at stake per category for the items the filter selects (one aggregate).',
    complexity: AGGREGATE_COST,
    authScopes: READERS,
    args: { filter: t.arg({ type: DenialFilter }) },
    resolve: async (_root, args, ctx) => {
      const rows = await ctx.db.denial.groupBy({
        by: ['category'],
        where: whereOf(args.filter),
        _count: { _all: true },
        _sum: { amountAtStakeCents: true },
      });
      return rows
        .map((r) => ({
          category: r.category,
          count: r._count._all,
          amountAtStakeCents: Number(r._sum.amountAtStakeCents ?? 0),
        }))
        .sort((a, b) => b.amountAtStakeCents - a.amountAtStakeCents);
    },
  }),
);

builder.queryField('denialsApproachingDeadline', (t) =>
  t.prismaConnection({
    type: DenialRef,
    cursor: 'id',
    description: `Open items whose appeal deadline is within \`withinDays\` (default ${DEADLINE_WARNING_DAYS}) or already passed, soonest first.`,
    authScopes: READERS,
    args: {
      withinDays: t.arg.int({ description: `Days ahead of each practice's today. @default ${DEADLINE_WARNING_DAYS}` }),
    },
    ...pageSizeOptions,
    resolve: async (query, _root, args, ctx) =>
      ctx.db.denial.findMany({
        ...query,
        where: await approachingDeadlineWhere(ctx, args.withinDays),
        orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
      }),
    totalCount: async (_parent, args, ctx) =>
      ctx.db.denial.count({ where: await approachingDeadlineWhere(ctx, args.withinDays) }),
  }),
);

builder.queryField('claimsApproachingTimelyFiling', (t) =>
  t.prismaConnection({
    type: 'Claim',
    cursor: 'id',
    description:
      'Claims not yet accepted by the payer (draft, scrub failed, ready, rejected) whose timely-filing limit ends within `withinDays` (default 30), oldest first.',
    authScopes: READERS,
    args: { withinDays: t.arg.int({ description: "Days ahead of each practice's today. @default 30" }) },
    ...pageSizeOptions,
    resolve: async (query, _root, args, ctx) =>
      ctx.db.claim.findMany({
        ...query,
        where: { id: { in: await claimsDueForFiling(ctx, args.withinDays) } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      }),
    totalCount: async (_parent, args, ctx) => (await claimsDueForFiling(ctx, args.withinDays)).length,
  }),
);

const RateRef = builder.objectRef<DenialFigures['denialRates'][number]>('DenialRateByPayer').implement({
  fields: (t) => ({
    payer: t.prismaField({
      type: 'Payer',
      nullable: true,
      resolve: (q, r, _a, ctx) => (r.payerId ? ctx.db.payer.findUnique({ ...q, where: { id: r.payerId } }) : null),
    }),
    category: t.field({ type: DenialCategoryEnum, resolve: (r) => r.category }),
    denials: t.exposeInt('denials'),
    claimPayments: t.exposeInt('claimPayments', {
      description: 'Claim payments posted in the period on claims billed to this payer (whoever’s 835 carried them).',
    }),
    rate: t.exposeFloat('rate', {
      nullable: true,
      description: 'denials ÷ claimPayments, 0–1; null when the payer adjudicated nothing in the period.',
    }),
  }),
});

const OverturnRef = builder.objectRef<DenialFigures['overturnRates'][number]>('AppealOverturnRate').implement({
  fields: (t) => ({
    category: t.field({ type: DenialCategoryEnum, resolve: (r) => r.category }),
    level: t.field({ type: AppealLevelEnum, resolve: (r) => r.level }),
    decided: t.exposeInt('decided'),
    overturned: t.exposeInt('overturned', { description: 'Overturned or partially overturned.' }),
    rate: t.exposeFloat('rate'),
  }),
});

const FiguresRef = builder.objectRef<DenialFigures>('DenialFigures').implement({
  fields: (t) => ({
    denialRates: t.field({ type: [RateRef], resolve: (f) => f.denialRates }),
    overturnRates: t.field({ type: [OverturnRef], resolve: (f) => f.overturnRates }),
    resolvedItems: t.exposeInt('resolvedItems'),
    averageDaysToResolution: t.exposeFloat('averageDaysToResolution', { nullable: true }),
    recoveredCents: t.expose('recoveredCents', {
      type: 'Cents',
      description: 'What payments recovered on items resolved in the period.',
    }),
  }),
});

builder.queryField('denialFigures', (t) =>
  t.field({
    type: FiguresRef,
    description:
      'Denial rate by payer and category, overturn rate by category and level, days to resolution and dollars recovered, for a period.',
    complexity: AGGREGATE_COST,
    authScopes: READERS,
    args: { from: t.arg({ type: 'Date', required: true }), to: t.arg({ type: 'Date', required: true }) },
    resolve: (_root, args, ctx) => {
      for (const [name, value] of [
        ['from', args.from],
        ['to', args.to],
      ] as const)
        if (!isCalendarDate(value))
          throw new ValidationError([{ path: [name], code: 'INVALID_DATE', message: `${name}: not a calendar date` }]);
      return denialFigures(ctx, args.from, args.to);
    },
  }),
);
