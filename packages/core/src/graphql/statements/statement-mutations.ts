import type { StatementRunResult } from '../../statements/run-statements.ts';
import { builder } from '../builder.ts';
import { StatementRef } from './statement-types.ts';
import { runStatements } from '../../statements/run-statements-operation.ts';
import { scopesOf } from '../operation-scopes.ts';
import { decodeId } from '../../ids/global-id.ts';
import { COMMON_ERRORS } from '../errors.ts';
import { markStatementSent } from '../../statements/mark-statement-sent.ts';
import { InvalidStateTransitionError } from '../../errors/billing-errors.ts';

const RunResultRef = builder.objectRef<StatementRunResult>('StatementRunSuccess').implement({
  fields: (t) => ({
    statements: t.field({ type: [StatementRef], resolve: (r) => r.created }),
    alreadyStated: t.exposeInt('alreadyStated', {
      description: 'Accounts that already had a statement dated that day.',
    }),
    belowMinimum: t.exposeInt('belowMinimum'),
    held: t.exposeInt('held', {
      description:
        'Accounts not stated because a statement hold stands: cease communication, dispute, deceased, bankruptcy, financial assistance, or a later payer still owing.',
    }),
  }),
});

builder.mutationField('runStatements', (t) =>
  t.field({
    type: RunResultRef,
    description:
      'A statement run for a practice: a statement for every guarantor account owing at least the minimum, rendered and stored. Idempotent per account and date. Admins and billers.',
    authScopes: scopesOf(runStatements),
    args: {
      input: t.arg({
        type: builder.inputType('RunStatementsInput', {
          fields: (f) => ({
            practiceId: f.id({ required: true }),
            statementDate: f.field({ type: 'Date', description: '@default today in the practice’s time zone' }),
            minimumBalanceCents: f.field({
              type: 'Cents',
              description: '@default the practice policy’s minimum ($5.00 unless set)',
            }),
          }),
        }),
        required: true,
      }),
    },
    errors: { types: COMMON_ERRORS, union: { name: 'RunStatementsPayload' } },
    resolve: (_root, { input }, ctx) =>
      runStatements.run(ctx, {
        practiceId: decodeId('Practice', String(input.practiceId), ['input', 'practiceId']),
        statementDate: input.statementDate,
        minimumBalanceCents: input.minimumBalanceCents,
      }),
  }),
);

const ChannelEnum = builder.enumType('StatementChannel', { values: ['MAIL', 'EMAIL', 'PORTAL'] as const });

builder.mutationField('markStatementSent', (t) =>
  t.field({
    type: StatementRef,
    description: 'Records that the statement went out (mailed, emailed, posted to the portal).',
    authScopes: scopesOf(markStatementSent),
    args: {
      input: t.arg({
        type: builder.inputType('MarkStatementSentInput', {
          fields: (f) => ({
            statementId: f.id({ required: true }),
            channel: f.field({ type: ChannelEnum, required: true }),
          }),
        }),
        required: true,
      }),
    },
    errors: { types: [...COMMON_ERRORS, InvalidStateTransitionError], union: { name: 'MarkStatementSentPayload' } },
    resolve: (_root, { input }, ctx) =>
      markStatementSent.run(ctx, {
        ...input,
        statementId: decodeId('Statement', String(input.statementId), ['input', 'statementId']),
      }),
  }),
);
