import { builder } from '../builder.ts';

export const SubmissionBatchRef = builder.prismaNode('SubmissionBatch', {
  id: { field: 'id' },
  nullable: true,
  description:
    'One 837 interchange handed to a payer connector, or a print batch of paper claims (format CMS-1500 or UB-04).',
  fields: (t) => ({
    connectorId: t.exposeString('connectorId'),
    status: t.exposeString('status', {
      description: 'PENDING, SENT, ACKNOWLEDGED (999 accepted), REJECTED (999 rejected) or FAILED (not delivered).',
    }),
    interchangeControlNumber: t.exposeString('interchangeControlNumber'),
    format: t.exposeString('format', { description: '837P, 837I, or CMS-1500 / UB-04 for a print batch.' }),
    claimCount: t.exposeInt('claimCount'),
    totalChargeCents: t.expose('totalChargeCents', { type: 'Cents' }),
    connectorReference: t.exposeString('connectorReference', { nullable: true }),
    failureReason: t.exposeString('failureReason', { nullable: true }),
    content: t.exposeString('content', { description: 'The X12 file exactly as sent (empty for a print batch).' }),
    printFile: t.relation('document', {
      nullable: true,
      description: "A print batch's forms: the PDF to print on the red OCR forms and mail. Null for an 837.",
    }),
    claims: t.relation('claims'),
    submittedAt: t.expose('submittedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});
