import { builder } from '../builder.ts';
import { pageSizeOptions } from '../connections.ts';

export const OrganizationRef = builder.prismaNode('Organization', {
  // A record of another tenant is simply not found: node(id:) answers null, never an error.
  nullable: true,
  id: { field: 'id' },
  description: 'The tenant: every record belongs to exactly one organization, and a token sees only its own.',
  fields: (t) => ({
    name: t.exposeString('name'),
    nonprofit: t.exposeBoolean('nonprofit', { description: 'Bound by IRS 501(r) collection limits.' }),
    practices: t.relatedConnection('practices', { cursor: 'id', totalCount: true, ...pageSizeOptions }),
    payers: t.relatedConnection('payers', { cursor: 'id', totalCount: true, ...pageSizeOptions }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});
