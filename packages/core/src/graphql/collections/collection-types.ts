import { builder } from '../builder.ts';
import { Address } from '../registration/address-types.ts';
import { DocumentRef } from '../denials/denial-types.ts';

export const CollectionAgencyRef = builder.prismaNode('CollectionAgency', {
  id: { field: 'id' },
  nullable: true,
  fields: (t) => ({
    name: t.exposeString('name'),
    exporterId: t.exposeString('exporterKey', {
      description: 'The collections exporter (plugin key) that writes its files and reads its updates.',
    }),
    reportsToCreditBureaus: t.exposeBoolean('reportsToCreditBureaus'),
    address: t.field({
      type: Address,
      nullable: true,
      description: 'The mailing address validation notices print (required before one is sent).',
      resolve: (a) => (a.addressLine1 ? a : null),
    }),
    phone: t.exposeString('phone', {
      nullable: true,
      description: 'The telephone number validation notices print (required before one is sent).',
    }),
    electronicDisputes: t.exposeString('electronicDisputes', {
      nullable: true,
      description: 'Where disputes are accepted electronically, printed on validation notices when given.',
    }),
    files: t.prismaField({
      type: [DocumentRef],
      description: 'Placement and recall files for the agency, newest first.',
      resolve: (query, a, _args, ctx) =>
        ctx.db.document.findMany({
          ...query,
          where: { agencyId: a.id, kind: { in: ['placement-file', 'recall-file'] } },
          orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        }),
    }),
  }),
});

export const PlacementStatusEnum = builder.enumType('PlacementStatus', {
  values: ['PLACED', 'DISPUTED', 'PAID', 'RECALLED', 'RETURNED'] as const,
});

export const PlacementRef = builder.prismaNode('CollectionPlacement', {
  id: { field: 'id' },
  nullable: true,
  description: 'An account placed with a collection agency, with the Regulation F itemization it was placed with.',
  fields: (t) => ({
    agencyReference: t.exposeString('id', {
      description: 'The reference the agency’s files quote for this placement (placement_id).',
    }),
    status: t.field({ type: PlacementStatusEnum, resolve: (p) => p.status }),
    statusReason: t.exposeString('statusReason', { nullable: true }),
    balanceCents: t.expose('balanceCents', { type: 'Cents', description: 'The balance when placed.' }),
    itemizationDate: t.expose('itemizationDate', { type: 'Date' }),
    itemizationBalanceCents: t.expose('itemizationBalanceCents', { type: 'Cents' }),
    firstStatementDate: t.expose('firstStatementDate', { type: 'Date' }),
    delinquencyDate: t.expose('delinquencyDate', { type: 'Date' }),
    placedAt: t.expose('placedAt', { type: 'DateTime' }),
    recalledAt: t.expose('recalledAt', { type: 'DateTime', nullable: true }),
    disputedAt: t.expose('disputedAt', { type: 'DateTime', nullable: true }),
    verifiedAt: t.expose('verifiedAt', { type: 'DateTime', nullable: true }),
    returnedAt: t.expose('returnedAt', { type: 'DateTime', nullable: true }),
    paidAt: t.expose('paidAt', { type: 'DateTime', nullable: true }),
    validationNoticeSentAt: t.expose('validationNoticeSentAt', { type: 'DateTime', nullable: true }),
    validationPeriodEnd: t.expose('validationPeriodEnd', { type: 'Date', nullable: true }),
    agency: t.relation('agency', { type: CollectionAgencyRef, nullable: true }),
    patient: t.relation('patient'),
  }),
});
