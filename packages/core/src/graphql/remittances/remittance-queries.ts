import type { Adjustment, ProviderAdjustment, ServicePayment } from '@revcycle/x12';
import { AGGREGATE_COST, builder } from '../builder.ts';
import { previewRemittance } from '../../remittance/preview-remittance.ts';
import type { ClaimPaymentPreview, PaymentPreview, RemittancePreview } from '../../remittance/preview-remittance.ts';
import { X12InputError } from '../../errors/billing-errors.ts';
import { pageSizeOptions } from '../connections.ts';
import { ClaimRef } from '../claims/claim-types.ts';
import { BalanceFindingRef, ClaimPaymentRef } from './remittance-types.ts';

const AdjustmentPreviewRef = builder.objectRef<Adjustment>('AdjustmentPreview').implement({
  fields: (t) => ({
    groupCode: t.exposeString('groupCode'),
    reasonCode: t.exposeString('reasonCode'),
    amountCents: t.expose('amountCents', { type: 'Cents' }),
  }),
});

const ServicePaymentPreviewRef = builder.objectRef<ServicePayment>('ServicePaymentPreview').implement({
  fields: (t) => ({
    procedureCode: t.string({ resolve: (s) => s.procedure.code }),
    modifiers: t.stringList({ resolve: (s) => s.procedure.modifiers }),
    chargeCents: t.expose('chargeCents', { type: 'Cents' }),
    paidCents: t.expose('paidCents', { type: 'Cents' }),
    serviceDate: t.expose('serviceDate', { type: 'Date', nullable: true }),
    lineControlNumber: t.exposeString('lineControlNumber', { nullable: true }),
    adjustments: t.field({ type: [AdjustmentPreviewRef], resolve: (s) => s.adjustments }),
    remarkCodes: t.exposeStringList('remarkCodes'),
  }),
});

const ClaimPaymentPreviewRef = builder.objectRef<ClaimPaymentPreview>('ClaimPaymentPreview').implement({
  fields: (t) => ({
    patientControlNumber: t.string({ resolve: (c) => c.payment.patientControlNumber }),
    statusCode: t.string({ resolve: (c) => c.payment.statusCode }),
    chargeCents: t.field({ type: 'Cents', resolve: (c) => c.payment.chargeCents }),
    paidCents: t.field({ type: 'Cents', resolve: (c) => c.payment.paidCents }),
    patientResponsibilityCents: t.field({ type: 'Cents', resolve: (c) => c.payment.patientResponsibilityCents }),
    payerClaimControlNumber: t.string({ nullable: true, resolve: (c) => c.payment.payerClaimControlNumber ?? null }),
    claim: t.field({
      type: ClaimRef,
      nullable: true,
      description: 'The claim it matches (by patient control number), or null.',
      resolve: (c) => c.claim,
    }),
    adjustments: t.field({
      type: [AdjustmentPreviewRef],
      description: 'Claim- and service-level adjustments.',
      resolve: (c) => c.adjustments,
    }),
    remarkCodes: t.stringList({ resolve: (c) => c.payment.remarkCodes }),
    services: t.field({ type: [ServicePaymentPreviewRef], resolve: (c) => c.payment.services }),
  }),
});

const ProviderAdjustmentPreviewRef = builder.objectRef<ProviderAdjustment>('ProviderAdjustmentPreview').implement({
  fields: (t) => ({
    providerId: t.exposeString('providerId'),
    reasonCode: t.exposeString('reasonCode'),
    reference: t.exposeString('reference', { nullable: true }),
    amountCents: t.expose('amountCents', { type: 'Cents' }),
  }),
});

const PaymentPreviewRef = builder.objectRef<PaymentPreview>('PaymentPreview').implement({
  fields: (t) => ({
    amountCents: t.field({ type: 'Cents', resolve: (p) => p.header.amountCents }),
    method: t.string({ resolve: (p) => p.header.method, description: 'BPR04: ACH, CHK, FWT, BOP, NON.' }),
    traceNumber: t.string({ resolve: (p) => p.header.traceNumber }),
    paymentDate: t.field({ type: 'Date', nullable: true, resolve: (p) => p.header.paymentDate ?? null }),
    payerName: t.exposeString('payerName'),
    payerIdentifier: t.exposeString('payerIdentifier'),
    alreadyPosted: t.exposeBoolean('alreadyPosted', {
      description: 'This payer’s trace number was imported before: importing it again posts nothing.',
    }),
    claimPayments: t.field({ type: [ClaimPaymentPreviewRef], resolve: (p) => p.claimPayments }),
    providerAdjustments: t.field({ type: [ProviderAdjustmentPreviewRef], resolve: (p) => p.providerAdjustments }),
  }),
});

const RemittancePreviewRef = builder.objectRef<RemittancePreview>('RemittancePreview').implement({
  description: 'What an 835 says and what importing it would do; nothing is changed.',
  fields: (t) => ({
    payments: t.field({ type: [PaymentPreviewRef], resolve: (p) => p.payments }),
    findings: t.field({ type: [BalanceFindingRef], resolve: (p) => p.findings }),
    totalPaidCents: t.expose('totalPaidCents', { type: 'Cents', description: 'Σ CLP04.' }),
    providerAdjustmentsCents: t.expose('providerAdjustmentsCents', { type: 'Cents', description: 'Σ PLB, X12 sign.' }),
    paymentCents: t.expose('paymentCents', { type: 'Cents', description: 'Σ BPR02.' }),
    warnings: t.stringList({
      resolve: (p) =>
        p.warnings.map(
          (w) =>
            `${w.segmentId}${String(w.elementPosition).padStart(2, '0')} at segment ${w.segmentIndex}: ${w.message}`,
        ),
    }),
  }),
});

builder.queryField('previewRemittance', (t) =>
  t.field({
    type: RemittancePreviewRef,
    description:
      'Parses an 835 and shows its payments, matches, adjustments, balancing findings and totals, without changing anything.',
    complexity: AGGREGATE_COST,
    authScopes: { admin: true, biller: true, auditor: true },
    args: { x12: t.arg.string({ required: true }) },
    errors: { types: [X12InputError], union: { name: 'PreviewRemittanceResult' } },
    resolve: (_root, { x12 }, ctx) => previewRemittance(ctx.db, x12),
  }),
);

builder.queryField('unmatchedClaimPayments', (t) =>
  t.prismaConnection({
    type: ClaimPaymentRef,
    cursor: 'id',
    description: 'Claim payments that matched no claim, oldest first: nothing an 835 says is lost.',
    authScopes: { admin: true, biller: true, auditor: true },
    ...pageSizeOptions,
    resolve: (query, _root, _args, ctx) =>
      ctx.db.remittanceClaim.findMany({
        ...query,
        where: { postedAt: null },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      }),
    totalCount: (_parent, _args, ctx) => ctx.db.remittanceClaim.count({ where: { postedAt: null } }),
  }),
);

builder.queryField('claimPaymentsForReview', (t) =>
  t.prismaConnection({
    type: ClaimPaymentRef,
    cursor: 'id',
    description:
      'Claim payments flagged for review, newest first: posted ones (unbalanced, OI with no next coverage, reversal ' +
      'of nothing) and ones held unposted (another payer’s 835, an overpayment) until matchRemittance posts them.',
    authScopes: { admin: true, biller: true, auditor: true },
    ...pageSizeOptions,
    resolve: (query, _root, _args, ctx) =>
      ctx.db.remittanceClaim.findMany({
        ...query,
        where: { reviewReason: { not: null } },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      }),
    totalCount: (_parent, _args, ctx) => ctx.db.remittanceClaim.count({ where: { reviewReason: { not: null } } }),
  }),
);

builder.queryField('remittances', (t) =>
  t.prismaConnection({
    type: 'Remittance',
    cursor: 'id',
    description: 'Imported 835 payments, newest first.',
    authScopes: { admin: true, biller: true, auditor: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.db.remittance.findMany({ ...query, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
  }),
);
