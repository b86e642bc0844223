import { builder } from '../builder.ts';
import { pageSizeOptions } from '../connections.ts';

const UnmatchedResponseRef = builder.prismaNode('UnmatchedResponse', {
  id: { field: 'id' },
  nullable: true,
  description: 'An acknowledgement that matched no batch or claim: review it.',
  fields: (t) => ({
    kind: t.exposeString('kind'),
    reference: t.exposeString('reference'),
    detail: t.exposeString('detail'),
    fileName: t.exposeString('fileName', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.queryField('unmatchedResponses', (t) =>
  t.prismaConnection({
    type: UnmatchedResponseRef,
    cursor: 'id',
    description: 'The review list: acknowledgements that matched nothing, newest first.',
    authScopes: { admin: true, biller: true, auditor: true },
    ...pageSizeOptions,
    resolve: (query, _root, _args, ctx) =>
      ctx.db.unmatchedResponse.findMany({
        ...query,
        where: { resolvedAt: null },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      }),
    totalCount: (_parent, _args, ctx) => ctx.db.unmatchedResponse.count({ where: { resolvedAt: null } }),
  }),
);
