import type { Prisma } from '../db/prisma-client.ts';
import { todayIn } from '../util/calendar-date.ts';
import { builder } from './builder.ts';
import { pageSizeOptions } from './connections.ts';
import { decodeId } from './global-id.ts';
import { ClaimStatusEnum } from './types/claim.ts';

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
  values: { OLDEST_FIRST: { description: 'Earliest date of service first (the default).' }, NEWEST_FIRST: {}, LARGEST_FIRST: { description: 'Highest charge first.' } } as const,
});

type Filter = { statuses?: string[] | null; payerId?: string | number | null; practiceId?: string | number | null; patientId?: string | number | null; minAgeDays?: number | null; maxAgeDays?: number | null; minChargeCents?: number | null; maxChargeCents?: number | null } | null | undefined;

function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

function claimWhere(filter: Filter): Prisma.ClaimWhereInput {
  const where: Prisma.ClaimWhereInput = {};
  if (filter?.statuses?.length) where.status = { in: filter.statuses as Prisma.EnumClaimStatusFilter['in'] };
  if (filter?.payerId) where.payerId = decodeId('Payer', String(filter.payerId), ['filter', 'payerId']);
  if (filter?.practiceId) where.practiceId = decodeId('Practice', String(filter.practiceId), ['filter', 'practiceId']);
  if (filter?.patientId) where.patientId = decodeId('Patient', String(filter.patientId), ['filter', 'patientId']);
  if (filter?.minChargeCents != null || filter?.maxChargeCents != null) {
    where.totalChargeCents = { ...(filter.minChargeCents != null ? { gte: filter.minChargeCents } : {}), ...(filter.maxChargeCents != null ? { lte: filter.maxChargeCents } : {}) };
  }
  if (filter?.minAgeDays != null || filter?.maxAgeDays != null) {
    // Ages count calendar days to the date of service (UTC today: a day's difference at most near midnight).
    const today = todayIn('UTC');
    where.encounter = {
      dateOfService: {
        ...(filter.minAgeDays != null ? { lte: shiftDays(today, filter.minAgeDays) } : {}),
        ...(filter.maxAgeDays != null ? { gte: shiftDays(today, filter.maxAgeDays) } : {}),
      },
    };
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
    totalCount: (_parent, args, ctx) => ctx.db.claim.count({ where: claimWhere(args.filter) }),
    ...pageSizeOptions,
    resolve: (query, _root, args, ctx) => ctx.db.claim.findMany({ ...query, where: claimWhere(args.filter), orderBy: ORDERS[args.orderBy ?? 'OLDEST_FIRST'] }),
  }),
);
