import type { BalanceFinding } from '@revcycle/x12';
import { builder } from '../builder.ts';
import { DenialCategory, WorkItemStatus } from '../../db/prisma-client.ts';

export const BalanceFindingRef = builder.objectRef<BalanceFinding>('BalanceFinding').implement({
  description:
    'An 835 that does not add up (charge − adjustments ≠ paid, or payment ≠ Σ paid − Σ PLB), with the amounts.',
  fields: (t) => ({
    level: t.exposeString('level', { description: 'claim, service or payment.' }),
    message: t.exposeString('message'),
    expectedCents: t.expose('expectedCents', { type: 'Cents' }),
    actualCents: t.expose('actualCents', { type: 'Cents' }),
    patientControlNumber: t.exposeString('patientControlNumber', { nullable: true }),
    serviceNumber: t.exposeInt('serviceNumber', { nullable: true }),
    segmentIndex: t.exposeInt('segmentIndex'),
  }),
});

export const RemittanceAdjustmentRef = builder.prismaObject('RemittanceAdjustment', {
  description: 'A CAS adjustment as the payer sent it.',
  fields: (t) => ({
    groupCode: t.exposeString('groupCode', {
      description: 'CO contractual, PR patient responsibility, OI other insurance, PI payer initiated.',
    }),
    reasonCode: t.exposeString('reasonCode', { description: 'CARC.' }),
    amountCents: t.expose('amountCents', { type: 'Cents' }),
  }),
});

export const RemittanceServiceLineRef = builder.prismaObject('RemittanceServiceLine', {
  description: 'One SVC of a claim payment.',
  fields: (t) => ({
    procedureCode: t.exposeString('procedureCode'),
    modifiers: t.stringList({ resolve: (l) => l.modifiers?.split(',') ?? [] }),
    chargeCents: t.expose('chargeCents', { type: 'Cents' }),
    paidCents: t.expose('paidCents', { type: 'Cents' }),
    allowedCents: t.expose('allowedCents', { type: 'Cents', nullable: true }),
    expectedCents: t.expose('expectedCents', {
      type: 'Cents',
      nullable: true,
      description: 'The contracted rate from the payer’s fee schedule × units.',
    }),
    underpaid: t.exposeBoolean('underpaid'),
    serviceDate: t.expose('serviceDate', { type: 'Date', nullable: true }),
    remarkCodes: t.stringList({ resolve: (l) => l.remarkCodes?.split(',') ?? [] }),
    claimLine: t.relation('claimLine', { nullable: true }),
    adjustments: t.relation('adjustments'),
  }),
});

export const ClaimPaymentRef = builder.prismaNode('RemittanceClaim', {
  name: 'ClaimPayment',
  id: { field: 'id' },
  nullable: true,
  description:
    'One claim payment (CLP) of an 835. Unmatched ones wait in `unmatchedClaimPayments` until `matchRemittance`.',
  fields: (t) => ({
    patientControlNumber: t.exposeString('patientControlNumber'),
    statusCode: t.exposeString('statusCode', {
      description: 'CLP02: 1/2/3 processed as primary/secondary/tertiary, 4 denied, 22 reversal.',
    }),
    chargeCents: t.expose('chargeCents', { type: 'Cents' }),
    paidCents: t.expose('paidCents', { type: 'Cents' }),
    patientResponsibilityCents: t.expose('patientResponsibilityCents', { type: 'Cents' }),
    payerClaimControlNumber: t.exposeString('payerClaimControlNumber', { nullable: true }),
    patientName: t.exposeString('patientName', { nullable: true }),
    remarkCodes: t.stringList({ resolve: (c) => c.remarkCodes?.split(',') ?? [] }),
    posted: t.boolean({ resolve: (c) => c.postedAt !== null }),
    postedAt: t.expose('postedAt', { type: 'DateTime', nullable: true }),
    unbalancedCents: t.expose('unbalancedCents', {
      type: 'Cents',
      nullable: true,
      description: 'charge − adjustments − paid when the payer’s figures do not balance.',
    }),
    reviewReason: t.exposeString('reviewReason', {
      nullable: true,
      description: 'Why a biller should look at this claim payment.',
    }),
    claim: t.relation('claim', { nullable: true }),
    remittance: t.relation('remittance'),
    adjustments: t.relation('adjustments', { description: 'Claim-level and line-level adjustments.' }),
    lines: t.relation('lines'),
    ledgerEntries: t.relation('ledgerEntries', { query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } }),
  }),
});

export const ProviderAdjustmentRef = builder.prismaObject('ProviderAdjustment', {
  description: 'A PLB provider-level adjustment: interest (L6), recoupment (WO), forwarding balance (FB), …',
  fields: (t) => ({
    providerId: t.exposeString('providerId'),
    reasonCode: t.exposeString('reasonCode'),
    reference: t.exposeString('reference', { nullable: true }),
    amountCents: t.expose('amountCents', {
      type: 'Cents',
      description: 'X12 sign: positive was withheld from the payment, negative was added.',
    }),
  }),
});

export const RemittanceRef = builder.prismaNode('Remittance', {
  id: { field: 'id' },
  nullable: true,
  description: 'One imported 835 payment (BPR/TRN).',
  fields: (t) => ({
    traceNumber: t.exposeString('traceNumber'),
    payerIdentifier: t.exposeString('payerIdentifier'),
    payerName: t.exposeString('payerName'),
    paymentCents: t.expose('paymentCents', { type: 'Cents' }),
    providerAdjustmentsCents: t.expose('providerAdjustmentsCents', { type: 'Cents' }),
    paymentMethod: t.exposeString('paymentMethod'),
    paymentDate: t.expose('paymentDate', { type: 'Date', nullable: true }),
    payer: t.relation('payer', { nullable: true }),
    practice: t.relation('practice', { nullable: true }),
    claimPayments: t.relation('claims'),
    providerAdjustments: t.relation('providerAdjustments'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

export const DenialCategoryEnum = builder.enumType(DenialCategory, { name: 'DenialCategory' });

export const WorkItemStatusEnum = builder.enumType(WorkItemStatus, { name: 'WorkItemStatus' });
