import { AGGREGATE_COST, builder } from '../builder.ts';
import { collectionCandidates } from '../../collections/collection-candidates.ts';
import { pageSizeOptions } from '../connections.ts';
import { CollectionAgencyRef, PlacementRef, PlacementStatusEnum } from './collection-types.ts';
import type { CollectionCandidate } from '../../collections/eligibility.ts';
import { resolveArrayConnection } from '@pothos/plugin-relay';
import { decodeId } from '../../ids/global-id.ts';
import { DunningAccountRef } from '../patient-billing/dunning-types.ts';

const COLLECTORS = { admin: true, biller: true, collector: true } as const;

builder.queryField('collectionAgencies', (t) =>
  t.prismaConnection({
    type: CollectionAgencyRef,
    cursor: 'id',
    description: 'The collection agencies of the organization, by name.',
    authScopes: { ...COLLECTORS, auditor: true },
    ...pageSizeOptions,
    resolve: (query, _r, _a, ctx) =>
      ctx.db.collectionAgency.findMany({ ...query, orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
    totalCount: (_parent, _args, ctx) => ctx.db.collectionAgency.count(),
  }),
);

const CheckRef = builder.objectRef<CollectionCandidate['checks'][number]>('PlacementEligibilityCheck').implement({
  fields: (t) => ({
    check: t.exposeString('check'),
    passed: t.exposeBoolean('passed'),
    detail: t.exposeString('detail'),
  }),
});

const CandidateRef = builder.objectRef<CollectionCandidate>('CollectionCandidate').implement({
  description: 'An account and whether it may be placed with an agency today, with every check that decided.',
  fields: (t) => ({
    account: t.field({ type: DunningAccountRef, resolve: (c) => c.state }),
    eligible: t.exposeBoolean('eligible'),
    balanceCents: t.expose('balanceCents', { type: 'Cents' }),
    checks: t.field({ type: [CheckRef], resolve: (c) => c.checks }),
  }),
});

builder.queryField('collectionCandidates', (t) =>
  t.connection({
    type: CandidateRef,
    description:
      'The practice’s accounts in or past dunning, each with whether it may be placed with an agency today and why (or why not), least recently stepped first.',
    complexity: AGGREGATE_COST,
    authScopes: { ...COLLECTORS, auditor: true },
    args: {
      practiceId: t.arg.id({ required: true }),
      eligibleOnly: t.arg.boolean({ description: 'Only the accounts that may be placed today. @default false' }),
    },
    ...pageSizeOptions,
    // Eligibility is decided per account from the ledger, plans and flags, so the list is computed, then paged.
    resolve: async (_r, args, ctx) =>
      resolveArrayConnection(
        { args },
        await collectionCandidates(
          ctx,
          decodeId('Practice', String(args.practiceId), ['practiceId']),
          args.eligibleOnly ?? false,
        ),
      ),
  }),
);

builder.queryField('collectionPlacements', (t) =>
  t.prismaConnection({
    type: PlacementRef,
    cursor: 'id',
    authScopes: { ...COLLECTORS, auditor: true },
    args: { practiceId: t.arg.id(), agencyId: t.arg.id(), status: t.arg({ type: PlacementStatusEnum }) },
    resolve: (query, _r, args, ctx) =>
      ctx.db.collectionPlacement.findMany({
        ...query,
        where: {
          ...(args.practiceId ? { practiceId: decodeId('Practice', String(args.practiceId), ['practiceId']) } : {}),
          ...(args.agencyId ? { agencyId: decodeId('CollectionAgency', String(args.agencyId), ['agencyId']) } : {}),
          ...(args.status ? { status: args.status } : {}),
        },
        orderBy: [{ placedAt: 'desc' }, { id: 'asc' }],
      }),
  }),
);
