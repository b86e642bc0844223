import { builder } from '../builder.ts';

export const AuditEventRef = builder.prismaNode('AuditEvent', {
  // A record of another tenant is simply not found: node(id:) answers null, never an error.
  nullable: true,
  id: { field: 'id' },
  description: 'One mutation, as recorded in the append-only audit log: who, what, when, which records.',
  authScopes: { admin: true, auditor: true },
  fields: (t) => ({
    actorId: t.exposeString('actorId', { description: 'The user (token `sub`) who made the change.' }),
    actorRoles: t.stringList({ resolve: (e) => e.actorRoles.split(',').filter(Boolean) }),
    action: t.exposeString('action', { description: 'The mutation, e.g. createPatient.' }),
    outcome: t.exposeString('outcome', { description: 'SUCCEEDED, or the error code of an expected failure.' }),
    recordIds: t.idList({
      description: 'Global ids of the records the mutation created or changed.',
      resolve: (e) => (Array.isArray(e.recordIds) ? (e.recordIds as string[]) : []),
    }),
    requestId: t.exposeString('requestId', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});
