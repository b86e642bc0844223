
import type { Adjustment, ProviderAdjustment, ServicePayment } from '@revcycle/x12';
import { InvalidStateTransitionError, X12InputError } from '../../errors/billing-errors.ts';
import { importRemittance } from '../../remittance/import-remittance.ts';
import type { RemittanceImportSummary } from '../../remittance/import-remittance.ts';
import { previewRemittance } from '../../remittance/preview-remittance.ts';
import type { ClaimPaymentPreview, PaymentPreview, RemittancePreview } from '../../remittance/preview-remittance.ts';
import { builder } from '../builder.ts';
import { scopesOf } from '../operation-scopes.ts';
import { matchRemittance } from '../../remittance/match-remittance.ts';
import { pageSizeOptions } from '../connections.ts';
import { decodeId, } from '../../ids/global-id.ts';
import { ClaimRef } from '../types/claim.ts';
import { COMMON_ERRORS } from '../types/errors.ts';
import { BalanceFindingRef, ClaimPaymentRef, RemittanceRef } from '../types/remittance.ts';

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
    claim: t.field({ type: ClaimRef, nullable: true, description: 'The claim it matches (by patient control number), or null.', resolve: (c) => c.claim }),
    adjustments: t.field({ type: [AdjustmentPreviewRef], description: 'Claim- and service-level adjustments.', resolve: (c) => c.adjustments }),
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
    alreadyPosted: t.exposeBoolean('alreadyPosted', { description: 'This payer’s trace number was imported before: importing it again posts nothing.' }),
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
    warnings: t.stringList({ resolve: (p) => p.warnings.map((w) => `${w.segmentId}${String(w.elementPosition).padStart(2, '0')} at segment ${w.segmentIndex}: ${w.message}`) }),
  }),
});

builder.queryField('previewRemittance', (t) =>
  t.field({
    type: RemittancePreviewRef,
    description: 'Parses an 835 and shows its payments, matches, adjustments, balancing findings and totals, without changing anything.',
    authScopes: { admin: true, biller: true, auditor: true },
    args: { x12: t.arg.string({ required: true }) },
    errors: { types: [X12InputError], union: { name: 'PreviewRemittanceResult' } },
    resolve: (_root, { x12 }, ctx) => previewRemittance(ctx.db, x12),
  }),
);

const ImportRemittanceSummaryRef = builder.objectRef<RemittanceImportSummary>('ImportRemittanceSuccess').implement({
  description: 'What the import posted.',
  fields: (t) => ({
    remittances: t.field({ type: [RemittanceRef], resolve: (s) => s.remittances }),
    payments: t.exposeInt('payments'),
    claimPayments: t.exposeInt('claimPayments'),
    matched: t.exposeInt('matched'),
    unmatched: t.exposeInt('unmatched', { description: 'Claim payments that matched no claim: in unmatchedClaimPayments, to post with matchRemittance.' }),
    totalPaidCents: t.expose('totalPaidCents', { type: 'Cents' }),
    providerAdjustmentsCents: t.expose('providerAdjustmentsCents', { type: 'Cents' }),
    findings: t.field({ type: [BalanceFindingRef], resolve: (s) => s.findings }),
    duplicate: t.exposeBoolean('duplicate', { description: 'Every payment of the file had been posted before: nothing was posted now.' }),
    duplicatePayments: t.exposeInt('duplicatePayments'),
  }),
});

builder.mutationField('importRemittance', (t) =>
  t.field({
    type: ImportRemittanceSummaryRef,
    description: 'Posts an 835 to the ledger, all or nothing; the same payment posts once however often it is sent. Admins and billers.',
    authScopes: scopesOf(importRemittance),
    args: { input: t.arg({ type: builder.inputType('ImportRemittanceInput', { fields: (f) => ({ x12: f.string({ required: true }) }) }), required: true }) },
    errors: { types: [X12InputError, ...COMMON_ERRORS], union: { name: 'ImportRemittancePayload' } },
    resolve: (_root, { input }, ctx) => importRemittance.run(ctx, { x12: input.x12 }),
  }),
);

builder.mutationField('matchRemittance', (t) =>
  t.field({
    type: ClaimPaymentRef,
    description: 'Posts an unmatched claim payment to the claim it belongs to. Admins and billers.',
    authScopes: scopesOf(matchRemittance),
    args: { claimPaymentId: t.arg.id({ required: true }), claimId: t.arg.id({ required: true }) },
    errors: { types: [...COMMON_ERRORS, InvalidStateTransitionError], union: { name: 'MatchRemittancePayload' } },
    resolve: (_root, args, ctx) =>
      matchRemittance.run(ctx, {
        claimPaymentId: decodeId('ClaimPayment', String(args.claimPaymentId), ['claimPaymentId']),
        claimId: decodeId('Claim', String(args.claimId), ['claimId']),
      }),
  }),
);

builder.queryField('unmatchedClaimPayments', (t) =>
  t.prismaConnection({
    type: ClaimPaymentRef,
    cursor: 'id',
    description: 'Claim payments that matched no claim, oldest first: nothing an 835 says is lost.',
    authScopes: { admin: true, biller: true, auditor: true },
    ...pageSizeOptions,
    resolve: (query, _root, _args, ctx) => ctx.db.remittanceClaim.findMany({ ...query, where: { postedAt: null }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    totalCount: (_parent, _args, ctx) => ctx.db.remittanceClaim.count({ where: { postedAt: null } }),
  }),
);

builder.queryField('claimPaymentsForReview', (t) =>
  t.prismaConnection({
    type: ClaimPaymentRef,
    cursor: 'id',
    description: 'Posted claim payments flagged for review (unbalanced, OI with no next coverage, reversal of nothing), newest first.',
    authScopes: { admin: true, biller: true, auditor: true },
    ...pageSizeOptions,
    resolve: (query, _root, _args, ctx) => ctx.db.remittanceClaim.findMany({ ...query, where: { reviewReason: { not: null } }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
    totalCount: (_parent, _args, ctx) => ctx.db.remittanceClaim.count({ where: { reviewReason: { not: null } } }),
  }),
);

builder.queryField('remittances', (t) =>
  t.prismaConnection({
    type: 'Remittance',
    cursor: 'id',
    description: 'Imported 835 payments, newest first.',
    authScopes: { admin: true, biller: true, auditor: true },
    resolve: (query, _root, _args, ctx) => ctx.db.remittance.findMany({ ...query, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
  }),
);
