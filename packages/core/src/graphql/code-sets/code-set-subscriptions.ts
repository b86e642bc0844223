import { filter, pipe } from 'graphql-yoga';
import { importCodeSetOperation } from '../../code-sets/code-set-operations.ts';
import type { CodeSetImportProgressPayload } from '../../pubsub/billing-events.ts';
import { builder } from '../builder.ts';
import { requireRole } from '../require-role.ts';

const CodeSetImportProgressEvent = builder
  .objectRef<CodeSetImportProgressPayload>('CodeSetImportProgressEvent')
  .implement({
    description:
      'How far a code-set import has come, after every 1 000 rows. The release is used only once the mutation ' +
      'answers: its answer, not this event, says what was imported.',
    fields: (t) => ({
      progressKey: t.exposeString('progressKey', { description: 'The key the import was given.' }),
      rows: t.exposeInt('rows', { description: 'Rows written so far.' }),
      at: t.field({ type: 'DateTime', resolve: (e) => e.at }),
    }),
  });

builder.subscriptionField('codeSetImportProgress', (t) =>
  t.field({
    type: CodeSetImportProgressEvent,
    description:
      'The progress of the importCodeSet call made with this progressKey (admins): subscribe first, then import ' +
      'with the same key.',
    authScopes: { admin: true },
    args: { progressKey: t.arg.string({ required: true, description: 'The key given to importCodeSet.' }) },
    subscribe: (_root, args, ctx) => {
      requireRole(ctx, importCodeSetOperation.roles, 'Subscription.codeSetImportProgress');
      return pipe(
        ctx.pubsub.subscribe('codeSetImportProgress', ctx.principal.organizationId),
        filter((event: CodeSetImportProgressPayload) => event.progressKey === args.progressKey),
      );
    },
    resolve: (event) => event as CodeSetImportProgressPayload,
  }),
);
