import { StatementStatus } from '../../db/prisma-client.ts';
import { builder } from '../builder.ts';
import { DocumentRef } from '../denials/denial-types.ts';

export const StatementStatusEnum = builder.enumType(StatementStatus, { name: 'StatementStatus' });

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
    newChargesCents: t.expose('newChargesCents', {
      type: 'Cents',
      description: 'Patient shares that reached the account since the prior statement.',
    }),
    paymentsSinceCents: t.expose('paymentsSinceCents', { type: 'Cents' }),
    adjustmentsSinceCents: t.expose('adjustmentsSinceCents', {
      type: 'Cents',
      description:
        'Write-offs, refunds and other changes since the prior statement: prior + new charges − payments − adjustments = amount due.',
    }),
    status: t.expose('status', { type: StatementStatusEnum }),
    channel: t.exposeString('channel', { nullable: true }),
    sentAt: t.expose('sentAt', { type: 'DateTime', nullable: true }),
    snapshot: t.field({
      type: 'JSON',
      description: 'Everything the statement shows (visits, aging, addresses, how to pay), as of its date.',
      resolve: (s) => s.snapshot,
    }),
    patient: t.relation('patient'),
    files: t.relation('documents', {
      type: DocumentRef,
      description: 'The rendered files (one per configured statement renderer).',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});
