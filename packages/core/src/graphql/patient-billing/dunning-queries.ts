import { decodeId } from '../../ids/global-id.ts';
import { builder } from '../builder.ts';
import { DunningAccountRef, DunningStatusEnum } from './dunning-types.ts';

const READERS = { admin: true, biller: true, collector: true, auditor: true } as const;

const dunningWhere = (args: { practiceId: string | number; status?: string | null }) => ({
  practiceId: decodeId('Practice', String(args.practiceId), ['practiceId']),
  ...(args.status ? { status: args.status } : {}),
});

builder.queryField('dunningAccounts', (t) =>
  t.prismaConnection({
    type: DunningAccountRef,
    cursor: 'id',
    description: 'Accounts in dunning for a practice, by status; each says where it is and why.',
    authScopes: READERS,
    args: { practiceId: t.arg.id({ required: true }), status: t.arg({ type: DunningStatusEnum }) },
    resolve: (query, _r, args, ctx) =>
      ctx.db.dunningState.findMany({
        ...query,
        where: dunningWhere(args),
        orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
      }),
    totalCount: (_parent, args, ctx) => ctx.db.dunningState.count({ where: dunningWhere(args) }),
  }),
);
