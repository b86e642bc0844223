import { EnrollmentStatus, EnrollmentTransaction } from '../../db/prisma-client.ts';
import { builder } from '../builder.ts';
import { PayerRef } from '../registration/payer-types.ts';

export const EnrollmentTransactionEnum = builder.enumType(EnrollmentTransaction, {
  name: 'EnrollmentTransaction',
  description: 'What a provider enrolls for with a payer.',
});

export const EnrollmentStatusEnum = builder.enumType(EnrollmentStatus, {
  name: 'EnrollmentStatus',
  description: 'Where an enrollment stands.',
});

export const PayerEnrollmentRef = builder.prismaNode('PayerEnrollment', {
  id: { field: 'id' },
  nullable: true,
  description:
    'One NPI’s enrollment with one payer for one transaction: claims to a payer whose enrollment is required and not live draw a scrub warning, ERAs for one an import warning.',
  fields: (t) => ({
    payer: t.relation('payer', { type: PayerRef, description: 'The payer enrolled with.' }),
    npi: t.exposeString('npi', { description: 'The practice’s group NPI or a provider’s.' }),
    transaction: t.field({
      type: EnrollmentTransactionEnum,
      description: 'What it enrolls for.',
      resolve: (e) => e.transaction,
    }),
    status: t.field({ type: EnrollmentStatusEnum, description: 'Where it stands.', resolve: (e) => e.status }),
    submittedOn: t.expose('submittedOn', { type: 'Date', nullable: true, description: 'When it was sent.' }),
    liveOn: t.expose('liveOn', { type: 'Date', nullable: true, description: 'When it went live.' }),
    note: t.exposeString('note', { nullable: true, description: 'The biller’s note (a tracking number, …).' }),
  }),
});

builder.prismaObjectField('Practice', 'payerEnrollments', (t) =>
  t.relation('payerEnrollments', {
    type: PayerEnrollmentRef,
    description: 'The practice’s and its providers’ enrollments with payers, by payer, NPI and transaction.',
    query: { orderBy: [{ payerId: 'asc' }, { npi: 'asc' }, { transaction: 'asc' }] },
  }),
);
