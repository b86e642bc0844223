import type { Principal } from '../auth/principal.ts';
import { builder } from './builder.ts';
import { pageSizeOptions } from './connections.ts';

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
      resolve: (query, p, _args, ctx) => ctx.db.organization.findUniqueOrThrow({ ...query, where: { id: p.organizationId } }),
    }),
  }),
});

const PatientFilter = builder.inputType('PatientFilter', {
  fields: (t) => ({
    practiceId: t.id({ description: 'Only patients of this practice (global id).' }),
    lastName: t.string({ description: 'Last name starts with (case as stored).' }),
    dateOfBirth: t.field({ type: 'Date' }),
  }),
});

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
    authScopes: { anyRole: true },
    args: { filter: t.arg({ type: PatientFilter }) },
    totalCount: (_parent, args, ctx) => ctx.db.patient.count({ where: patientWhere(args.filter) }),
    ...pageSizeOptions,
    resolve: (query, _root, args, ctx) =>
      ctx.db.patient.findMany({ ...query, where: patientWhere(args.filter), orderBy: { id: 'asc' } }),
  }),
  auditEvents: t.prismaConnection({
    type: 'AuditEvent',
    cursor: 'id',
    description: 'The audit log, newest first. Admins and auditors only.',
    authScopes: { admin: true, auditor: true },
    totalCount: (_parent, _args, ctx) => ctx.db.auditEvent.count(),
    ...pageSizeOptions,
    resolve: (query, _root, _args, ctx) => ctx.db.auditEvent.findMany({ ...query, orderBy: { id: 'desc' } }),
  }),
}));

type PatientFilterShape = { practiceId?: string | null; lastName?: string | null; dateOfBirth?: string | null } | null | undefined;

function patientWhere(filter: PatientFilterShape) {
  return {
    ...(filter?.practiceId ? { practiceId: decodeId('Practice', filter.practiceId, ['filter', 'practiceId']) } : {}),
    ...(filter?.lastName ? { lastName: { startsWith: filter.lastName } } : {}),
    ...(filter?.dateOfBirth ? { dateOfBirth: filter.dateOfBirth } : {}),
  };
}

import { decodeId } from './global-id.ts';
