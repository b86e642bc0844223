import { builder } from '../builder.ts';
import { decodeId } from '../../ids/global-id.ts';
import { StatementRef, StatementStatusEnum } from './statement-types.ts';

builder.queryField('statements', (t) =>
  t.prismaConnection({
    type: StatementRef,
    cursor: 'id',
    description: 'Statements, newest first; filter by practice, patient or status.',
    authScopes: { admin: true, biller: true, collector: true, auditor: true },
    args: { practiceId: t.arg.id(), patientId: t.arg.id(), status: t.arg({ type: StatementStatusEnum }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.statement.findMany({
        ...query,
        where: {
          ...(args.practiceId ? { practiceId: decodeId('Practice', String(args.practiceId), ['practiceId']) } : {}),
          ...(args.patientId ? { patientId: decodeId('Patient', String(args.patientId), ['patientId']) } : {}),
          ...(args.status ? { status: args.status } : {}),
        },
        orderBy: [{ statementDate: 'desc' }, { id: 'asc' }],
      }),
  }),
);
