import { StatementStatus } from '../db/prisma-client.ts';
import { markStatementSent } from '../statements/mark-statement-sent.ts';
import { InvalidStateTransitionError, } from '../errors/billing-errors.ts';
import { runStatements } from '../statements/run-statements-operation.ts';
import type { StatementRunResult } from '../statements/run-statements.ts';
import { builder } from './builder.ts';
import { scopesOf } from './operation-scopes.ts';
import { decodeId, } from '../ids/global-id.ts';
import { COMMON_ERRORS } from './types/errors.ts';
import { DocumentRef } from './types/denial.ts';

const StatementStatusEnum = builder.enumType(StatementStatus, { name: 'StatementStatus' });

export const StatementRef = builder.prismaNode('Statement', {
  id: { field: 'id' },
  nullable: true,
  description: 'A statement to a guarantor account, kept exactly as it was produced (snapshot and files never change).',
  fields: (t) => ({
    accountNumber: t.exposeString('accountNumber'),
    statementDate: t.expose('statementDate', { type: 'Date' }),
    dueDate: t.expose('dueDate', { type: 'Date' }),
    amountDueCents: t.expose('balanceCents', { type: 'Cents' }),
    priorBalanceCents: t.expose('priorBalanceCents', { type: 'Cents' }),
    paymentsSinceCents: t.expose('paymentsSinceCents', { type: 'Cents' }),
    status: t.expose('status', { type: StatementStatusEnum }),
    channel: t.exposeString('channel', { nullable: true }),
    sentAt: t.expose('sentAt', { type: 'DateTime', nullable: true }),
    snapshot: t.field({ type: 'JSON', description: 'Everything the statement shows (visits, aging, addresses, how to pay), as of its date.', resolve: (s) => s.snapshot }),
    patient: t.relation('patient'),
    files: t.relation('documents', { type: DocumentRef, description: 'The rendered files (one per configured statement renderer).' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const RunResultRef = builder.objectRef<StatementRunResult>('StatementRunSuccess').implement({
  fields: (t) => ({
    statements: t.field({ type: [StatementRef], resolve: (r) => r.created }),
    alreadyStated: t.exposeInt('alreadyStated', { description: 'Accounts that already had a statement dated that day.' }),
    belowMinimum: t.exposeInt('belowMinimum'),
  }),
});

builder.mutationField('runStatements', (t) =>
  t.field({
    type: RunResultRef,
    description: 'A statement run for a practice: a statement for every guarantor account owing at least the minimum, rendered and stored. Idempotent per account and date. Admins and billers.',
    authScopes: scopesOf(runStatements),
    args: {
      input: t.arg({
        type: builder.inputType('RunStatementsInput', { fields: (f) => ({ practiceId: f.id({ required: true }), statementDate: f.field({ type: 'Date', description: '@default today in the practice’s time zone' }), minimumBalanceCents: f.field({ type: 'Cents', description: '@default the practice policy’s minimum ($5.00 unless set)' }) }) }),
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
    args: { input: t.arg({ type: builder.inputType('MarkStatementSentInput', { fields: (f) => ({ statementId: f.id({ required: true }), channel: f.field({ type: ChannelEnum, required: true }) }) }), required: true }) },
    errors: { types: [...COMMON_ERRORS, InvalidStateTransitionError], union: { name: 'MarkStatementSentPayload' } },
    resolve: (_root, { input }, ctx) =>
      markStatementSent.run(ctx, { ...input, statementId: decodeId('Statement', String(input.statementId), ['input', 'statementId']) }),
  }),
);

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
