import type { DenialDeadlinePayload } from '../../pubsub/billing-events.ts';
import { builder } from '../builder.ts';
import { filter, pipe } from 'graphql-yoga';
import { decodeId } from '../../ids/global-id.ts';
import { DenialRef, READERS } from './denial-types.ts';

const DeadlineEventRef = builder.objectRef<DenialDeadlinePayload>('DenialDeadlineEvent').implement({
  fields: (t) => ({
    denial: t.prismaField({
      type: DenialRef,
      nullable: true,
      resolve: (q, e, _a, ctx) => ctx.db.denial.findUnique({ ...q, where: { id: e.denialId } }),
    }),
    dueDate: t.expose('dueDate', { type: 'Date' }),
    daysLeft: t.exposeInt('daysLeft'),
    passed: t.exposeBoolean('passed', { description: 'The deadline has passed (announced once).' }),
  }),
});

builder.subscriptionField('denialDeadlineApproaching', (t) =>
  t.field({
    type: DeadlineEventRef,
    description: 'An open work item’s appeal deadline is close (announced once, 14 days ahead) or has passed.',
    authScopes: READERS,
    args: { practiceId: t.arg.id() },
    subscribe: (_root, args, ctx) => {
      const practiceId = args.practiceId ? decodeId('Practice', String(args.practiceId), ['practiceId']) : undefined;
      const allowed = ctx.principal.practiceIds;
      return pipe(
        ctx.pubsub.subscribe('denialDeadlineApproaching', ctx.principal.organizationId),
        filter(
          (e: DenialDeadlinePayload) =>
            (!practiceId || e.practiceId === practiceId) && (!allowed || allowed.includes(e.practiceId)),
        ),
      );
    },
    resolve: (e) => e as DenialDeadlinePayload,
  }),
);
