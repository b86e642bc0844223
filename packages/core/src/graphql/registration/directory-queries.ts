import type { Principal } from '../../auth/principal.ts';
import { builder } from '../builder.ts';
import type { Prisma } from '../../db/prisma-client.ts';
import type { BillingContext } from '../context.ts';
import { keyPrefixRange } from '../../db/search-keys.ts';
import { decodeId } from '../../ids/global-id.ts';
import { pageSizeOptions } from '../connections.ts';
import { EncounterStatusEnum } from './encounter-types.ts';

const Viewer = builder.objectRef<Principal>('Viewer').implement({
  description: 'The caller, as the token describes them.',
  fields: (t) => ({
    userId: t.exposeString('userId'),
    roles: t.stringList({ resolve: (p) => [...p.roles] }),
    practiceIds: t.idList({
      nullable: true,
      description: 'Practices the caller is limited to; null when the caller sees the whole organization.',
      resolve: (p) => (p.practiceIds ? [...p.practiceIds] : null),
    }),
    organization: t.prismaField({
      type: 'Organization',
      resolve: (query, p, _args, ctx) =>
        ctx.db.organization.findUniqueOrThrow({ ...query, where: { id: p.organizationId } }),
    }),
  }),
});

const PatientFilter = builder.inputType('PatientFilter', {
  description: 'All given conditions must hold.',
  fields: (t) => ({
    practiceId: t.id({ description: 'Only patients of this practice.' }),
    name: t.string({ description: 'Last name prefix, or "Last, First" / "First Last" prefixes; case-insensitive.' }),
    dateOfBirth: t.field({ type: 'Date' }),
    memberId: t.string({ description: 'A member id of any of the patient’s coverages (exact).' }),
    accountNumber: t.string({ description: 'Exact.' }),
  }),
});

const EncounterFilter = builder.inputType('EncounterFilter', {
  description: 'All given conditions must hold.',
  fields: (t) => ({
    practiceId: t.id(),
    patientId: t.id(),
    providerId: t.id({ description: 'The rendering provider.' }),
    status: t.field({ type: EncounterStatusEnum }),
    dateFrom: t.field({ type: 'Date', description: 'Dates of service from this day (inclusive).' }),
    dateTo: t.field({ type: 'Date', description: 'Dates of service up to this day (inclusive).' }),
  }),
});

const FeeScheduleFilter = builder.inputType('FeeScheduleFilter', {
  fields: (t) => ({
    practiceId: t.id(),
    payerId: t.id({ description: 'That payer’s contracted rates.' }),
    chargeMaster: t.boolean({ description: 'true: only charge masters; false: only payer schedules.' }),
  }),
});

type PatientFilterShape =
  | {
      practiceId?: string | number | null;
      name?: string | null;
      dateOfBirth?: string | null;
      memberId?: string | null;
      accountNumber?: string | null;
    }
  | null
  | undefined;

async function patientWhere(ctx: BillingContext, filter: PatientFilterShape): Promise<Prisma.PatientWhereInput> {
  const where: Prisma.PatientWhereInput = {};
  if (filter?.practiceId) where.practiceId = decodeId('Practice', String(filter.practiceId), ['filter', 'practiceId']);
  if (filter?.dateOfBirth) where.dateOfBirth = filter.dateOfBirth;
  if (filter?.accountNumber) where.accountNumber = filter.accountNumber;
  if (filter?.memberId) {
    // Two indexed lookups: a relation filter (EXISTS over coverages) was measured at hundreds of ms per query.
    const coverages = await ctx.db.coverage.findMany({
      where: { memberId: filter.memberId },
      select: { patientId: true },
      take: 1000,
    });
    where.id = { in: [...new Set(coverages.map((c) => c.patientId))] };
  }
  const name = filter?.name?.trim();
  if (name) {
    // "Last, First" is unambiguous; "First Last" is tried both ways round. Prefixes match search keys (indexed ranges).
    const comma = name.includes(',');
    const [a = '', b] = comma ? name.split(',').map((s) => s.trim()) : name.split(/\s+/);
    const match = (last: string, first?: string): Prisma.PatientWhereInput => ({
      lastNameKey: keyPrefixRange(last) ?? {},
      ...(first && keyPrefixRange(first) ? { firstNameKey: keyPrefixRange(first) } : {}),
    });
    where.AND = [comma || !b ? match(a, b) : { OR: [match(b, a), match(a, b)] }];
  }
  return where;
}

type EncounterFilterShape =
  | {
      practiceId?: string | number | null;
      patientId?: string | number | null;
      providerId?: string | number | null;
      status?: 'OPEN' | 'BILLED' | 'CLOSED' | 'VOIDED' | null;
      dateFrom?: string | null;
      dateTo?: string | null;
    }
  | null
  | undefined;

function encounterWhere(filter: EncounterFilterShape): Prisma.EncounterWhereInput {
  const where: Prisma.EncounterWhereInput = {};
  if (filter?.practiceId) where.practiceId = decodeId('Practice', String(filter.practiceId), ['filter', 'practiceId']);
  if (filter?.patientId) where.patientId = decodeId('Patient', String(filter.patientId), ['filter', 'patientId']);
  if (filter?.providerId)
    where.renderingProviderId = decodeId('Provider', String(filter.providerId), ['filter', 'providerId']);
  if (filter?.status) where.status = filter.status;
  if (filter?.dateFrom || filter?.dateTo)
    where.dateOfService = {
      ...(filter.dateFrom ? { gte: filter.dateFrom } : {}),
      ...(filter.dateTo ? { lte: filter.dateTo } : {}),
    };
  return where;
}

type FeeScheduleFilterShape =
  | { practiceId?: string | number | null; payerId?: string | number | null; chargeMaster?: boolean | null }
  | null
  | undefined;

function feeScheduleWhere(filter: FeeScheduleFilterShape): Prisma.FeeScheduleWhereInput {
  const where: Prisma.FeeScheduleWhereInput = {};
  if (filter?.practiceId) where.practiceId = decodeId('Practice', String(filter.practiceId), ['filter', 'practiceId']);
  if (filter?.payerId) where.payerId = decodeId('Payer', String(filter.payerId), ['filter', 'payerId']);
  if (filter?.chargeMaster === true) where.payerId = null;
  if (filter?.chargeMaster === false) where.payerId = { not: null };
  return where;
}

builder.queryFields((t) => ({
  viewer: t.field({ type: Viewer, authScopes: { anyRole: true }, resolve: (_root, _args, ctx) => ctx.principal }),
  practices: t.prismaConnection({
    type: 'Practice',
    cursor: 'id',
    authScopes: { anyRole: true },
    totalCount: (_parent, _args, ctx) => ctx.db.practice.count(),
    ...pageSizeOptions,
    resolve: (query, _root, _args, ctx) => ctx.db.practice.findMany({ ...query, orderBy: { id: 'asc' } }),
  }),
  payers: t.prismaConnection({
    type: 'Payer',
    cursor: 'id',
    authScopes: { anyRole: true },
    totalCount: (_parent, _args, ctx) => ctx.db.payer.count(),
    ...pageSizeOptions,
    resolve: (query, _root, _args, ctx) => ctx.db.payer.findMany({ ...query, orderBy: { id: 'asc' } }),
  }),
  patients: t.prismaConnection({
    type: 'Patient',
    cursor: 'id',
    description: 'Patients by name, date of birth, member id or account number, in a stable order.',
    authScopes: { anyRole: true },
    args: { filter: t.arg({ type: PatientFilter }) },
    totalCount: async (_parent, args, ctx) => ctx.db.patient.count({ where: await patientWhere(ctx, args.filter) }),
    ...pageSizeOptions,
    resolve: async (query, _root, args, ctx) =>
      ctx.db.patient.findMany({ ...query, where: await patientWhere(ctx, args.filter), orderBy: { id: 'asc' } }),
  }),
  encounters: t.prismaConnection({
    type: 'Encounter',
    cursor: 'id',
    description: 'Encounters, newest date of service first.',
    authScopes: { anyRole: true },
    args: { filter: t.arg({ type: EncounterFilter }) },
    totalCount: (_parent, args, ctx) => ctx.db.encounter.count({ where: encounterWhere(args.filter) }),
    ...pageSizeOptions,
    resolve: (query, _root, args, ctx) =>
      ctx.db.encounter.findMany({
        ...query,
        where: encounterWhere(args.filter),
        orderBy: [{ dateOfService: 'desc' }, { id: 'desc' }],
      }),
  }),
  feeSchedules: t.prismaConnection({
    type: 'FeeSchedule',
    cursor: 'id',
    authScopes: { anyRole: true },
    args: { filter: t.arg({ type: FeeScheduleFilter }) },
    totalCount: (_parent, args, ctx) => ctx.db.feeSchedule.count({ where: feeScheduleWhere(args.filter) }),
    ...pageSizeOptions,
    resolve: (query, _root, args, ctx) =>
      ctx.db.feeSchedule.findMany({ ...query, where: feeScheduleWhere(args.filter), orderBy: { id: 'asc' } }),
  }),
  auditEvents: t.prismaConnection({
    type: 'AuditEvent',
    cursor: 'id',
    description: 'The audit log, newest first. Admins and auditors only.',
    authScopes: { admin: true, auditor: true },
    totalCount: (_parent, _args, ctx) => ctx.db.auditEvent.count(),
    ...pageSizeOptions,
    resolve: (query, _root, _args, ctx) =>
      ctx.db.auditEvent.findMany({ ...query, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
  }),
}));

/** `<entity>ByExternalId(externalId:)`: the record created with the vendor's own id, or null. */
builder.queryFields((t) => {
  const args = { externalId: t.arg.string({ required: true }) };
  const options = { nullable: true, authScopes: { anyRole: true }, args } as const;
  return {
    practiceByExternalId: t.prismaField({
      ...options,
      type: 'Practice',
      resolve: (query, _r, a, ctx) => ctx.db.practice.findFirst({ ...query, where: { externalId: a.externalId } }),
    }),
    payerByExternalId: t.prismaField({
      ...options,
      type: 'Payer',
      resolve: (query, _r, a, ctx) => ctx.db.payer.findFirst({ ...query, where: { externalId: a.externalId } }),
    }),
    patientByExternalId: t.prismaField({
      ...options,
      type: 'Patient',
      resolve: (query, _r, a, ctx) => ctx.db.patient.findFirst({ ...query, where: { externalId: a.externalId } }),
    }),
    providerByExternalId: t.prismaField({
      ...options,
      type: 'Provider',
      resolve: (query, _r, a, ctx) => ctx.db.provider.findFirst({ ...query, where: { externalId: a.externalId } }),
    }),
    facilityByExternalId: t.prismaField({
      ...options,
      type: 'Facility',
      resolve: (query, _r, a, ctx) => ctx.db.facility.findFirst({ ...query, where: { externalId: a.externalId } }),
    }),
    encounterByExternalId: t.prismaField({
      ...options,
      type: 'Encounter',
      resolve: (query, _r, a, ctx) => ctx.db.encounter.findFirst({ ...query, where: { externalId: a.externalId } }),
    }),
  };
});
