import { filter, pipe } from 'graphql-yoga';
import type { AuditEventRecordedPayload } from '../pubsub/billing-events.ts';
import { builder } from './builder.ts';
import { requireRole } from './require-role.ts';

builder.subscriptionField('auditEventRecorded', (t) =>
  t.prismaField({
    type: 'AuditEvent',
    description:
      'Every audit event of your organization as it is recorded (admins and auditors). A user limited to ' +
      'practices only receives events of those practices.',
    authScopes: { admin: true, auditor: true },
    subscribe: (_root, _args, ctx) => {
      // Checked here as well: field auth scopes run per event, and a subscriber without the role must be told now.
      requireRole(ctx, ['admin', 'auditor'], 'Subscription.auditEventRecorded');
      const allowed = ctx.principal.practiceIds;
      return pipe(
        ctx.pubsub.subscribe('auditEventRecorded', ctx.principal.organizationId),
        filter((event: AuditEventRecordedPayload) => !allowed || (event.practiceId !== null && allowed.includes(event.practiceId))),
      );
    },
    resolve: (query, event, _args, ctx) =>
      ctx.db.auditEvent.findUniqueOrThrow({ ...query, where: { id: (event as AuditEventRecordedPayload).auditEventId } }),
  }),
);
