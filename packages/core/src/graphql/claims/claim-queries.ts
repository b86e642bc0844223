import { builder } from '../builder.ts';
import type { Prisma } from '../../db/prisma-client.ts';
import { addDays } from '../../util/calendar-date.ts';
import type { BillingContext } from '../context.ts';
import { decodeId } from '../../ids/global-id.ts';
import { practiceDates } from '../../registration/practice-dates.ts';
import { pageSizeOptions } from '../connections.ts';
import { ClaimStatusEnum } from './claim-types.ts';

const ClaimFilter = builder.inputType('ClaimFilter', {
  description: 'A work list: all given conditions must hold.',
  fields: (t) => ({
    statuses: t.field({ type: [ClaimStatusEnum] }),
    payerId: t.id(),
    practiceId: t.id(),
    patientId: t.id(),
    minAgeDays: t.int({ description: 'Dates of service at least this many days ago.' }),
    maxAgeDays: t.int({ description: 'Dates of service at most this many days ago.' }),
    minChargeCents: t.field({ type: 'Cents' }),
    maxChargeCents: t.field({ type: 'Cents' }),
  }),
});

const ClaimOrder = builder.enumType('ClaimOrder', {
  values: {
    OLDEST_FIRST: { description: 'Earliest date of service first (the default).' },
    NEWEST_FIRST: {},
    LARGEST_FIRST: { description: 'Highest charge first.' },
  } as const,
});

type Filter =
  | {
      statuses?: string[] | null;
      payerId?: string | number | null;
      practiceId?: string | number | null;
      patientId?: string | number | null;
      minAgeDays?: number | null;
      maxAgeDays?: number | null;
      minChargeCents?: number | null;
      maxChargeCents?: number | null;
    }
  | null
  | undefined;

async function claimWhere(filter: Filter, ctx: BillingContext): Promise<Prisma.ClaimWhereInput> {
  const where: Prisma.ClaimWhereInput = {};
  if (filter?.statuses?.length) where.status = { in: filter.statuses as Prisma.EnumClaimStatusFilter['in'] };
  if (filter?.payerId) where.payerId = decodeId('Payer', String(filter.payerId), ['filter', 'payerId']);
  if (filter?.practiceId) where.practiceId = decodeId('Practice', String(filter.practiceId), ['filter', 'practiceId']);
  if (filter?.patientId) where.patientId = decodeId('Patient', String(filter.patientId), ['filter', 'patientId']);
  if (filter?.minChargeCents != null || filter?.maxChargeCents != null) {
    where.totalChargeCents = {
      ...(filter.minChargeCents != null ? { gte: filter.minChargeCents } : {}),
      ...(filter.maxChargeCents != null ? { lte: filter.maxChargeCents } : {}),
    };
  }
  if (filter?.minAgeDays != null || filter?.maxAgeDays != null) {
    // Ages count calendar days from the date of service to the claim's practice's today (its zone, the clock).
    const { minAgeDays, maxAgeDays } = filter;
    where.OR = (await practiceDates(ctx)).map(({ practiceId, date: today }) => ({
      practiceId,
      encounter: {
        dateOfService: {
          ...(minAgeDays != null ? { lte: addDays(today, -minAgeDays) } : {}),
          ...(maxAgeDays != null ? { gte: addDays(today, -maxAgeDays) } : {}),
        },
      },
    }));
  }
  return where;
}

const ORDERS: Record<string, Prisma.ClaimOrderByWithRelationInput[]> = {
  OLDEST_FIRST: [{ encounter: { dateOfService: 'asc' } }, { id: 'asc' }],
  NEWEST_FIRST: [{ encounter: { dateOfService: 'desc' } }, { id: 'desc' }],
  LARGEST_FIRST: [{ totalChargeCents: 'desc' }, { id: 'asc' }],
};

builder.queryField('claims', (t) =>
  t.prismaConnection({
    type: 'Claim',
    cursor: 'id',
    description: 'Claims by status, payer, age and amount, with a total count: the billers’ work lists.',
    authScopes: { anyRole: true },
    args: { filter: t.arg({ type: ClaimFilter }), orderBy: t.arg({ type: ClaimOrder }) },
    totalCount: async (_parent, args, ctx) => ctx.db.claim.count({ where: await claimWhere(args.filter, ctx) }),
    ...pageSizeOptions,
    resolve: async (query, _root, args, ctx) =>
      ctx.db.claim.findMany({
        ...query,
        where: await claimWhere(args.filter, ctx),
        orderBy: ORDERS[args.orderBy ?? 'OLDEST_FIRST'],
      }),
  }),
);
