import { filter, pipe } from 'graphql-yoga';
import type { ImportProgressPayload } from '../../pubsub/billing-events.ts';
import { importRemittance } from '../../remittance/import-remittance.ts';
import { builder } from '../builder.ts';
import { requireRole } from '../require-role.ts';

const ImportProgressEvent = builder.objectRef<ImportProgressPayload>('ImportProgressEvent').implement({
  description:
    'How far an import has come, after each chunk of 500 claim payments. Nothing is committed until the ' +
    'mutation answers: its answer, not this event, says what was posted.',
  fields: (t) => ({
    progressKey: t.exposeString('progressKey', { description: 'The key the import was given.' }),
    payments: t.exposeInt('payments', { description: 'Payments (BPR/TRN) begun so far.' }),
    claimPayments: t.exposeInt('claimPayments', { description: 'Claim payments stored and posted so far.' }),
    matched: t.exposeInt('matched', { description: 'Claim payments posted to a claim so far.' }),
    unmatched: t.exposeInt('unmatched', { description: 'Claim payments that matched no claim so far.' }),
    bytesRead: t.exposeInt('bytesRead', { description: 'Bytes of the file read so far.' }),
    at: t.field({ type: 'DateTime', resolve: (e) => e.at }),
  }),
});

builder.subscriptionField('importProgress', (t) =>
  t.field({
    type: ImportProgressEvent,
    description:
      'The progress of the importRemittance call made with this progressKey (admins and billers): subscribe ' +
      'first, then import with the same key.',
    authScopes: { admin: true, biller: true },
    args: { progressKey: t.arg.string({ required: true, description: 'The key given to importRemittance.' }) },
    subscribe: (_root, args, ctx) => {
      requireRole(ctx, importRemittance.roles, 'Subscription.importProgress');
      return pipe(
        ctx.pubsub.subscribe('importProgress', ctx.principal.organizationId),
        filter((event: ImportProgressPayload) => event.progressKey === args.progressKey),
      );
    },
    resolve: (event) => event as ImportProgressPayload,
  }),
);
