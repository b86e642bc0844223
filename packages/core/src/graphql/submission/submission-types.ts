import { builder } from '../builder.ts';

export const SubmissionBatchRef = builder.prismaNode('SubmissionBatch', {
  id: { field: 'id' },
  nullable: true,
  description: 'One 837 interchange handed to a payer connector.',
  fields: (t) => ({
    connectorId: t.exposeString('connectorId'),
    status: t.exposeString('status', {
      description: 'PENDING, SENT, ACKNOWLEDGED (999 accepted), REJECTED (999 rejected) or FAILED (not delivered).',
    }),
    interchangeControlNumber: t.exposeString('interchangeControlNumber'),
    format: t.exposeString('format'),
    claimCount: t.exposeInt('claimCount'),
    totalChargeCents: t.expose('totalChargeCents', { type: 'Cents' }),
    connectorReference: t.exposeString('connectorReference', { nullable: true }),
    failureReason: t.exposeString('failureReason', { nullable: true }),
    content: t.exposeString('content', { description: 'The X12 file exactly as sent.' }),
    claims: t.relation('claims'),
    submittedAt: t.expose('submittedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});
