import { importRemittance } from '../../remittance/import-remittance.ts';
import type { RemittanceImportSummary } from '../../remittance/import-remittance.ts';
import { builder } from '../builder.ts';
import { InvalidStateTransitionError, X12InputError } from '../../errors/billing-errors.ts';
import { scopesOf } from '../operation-scopes.ts';
import { COMMON_ERRORS } from '../errors.ts';
import { matchRemittance } from '../../remittance/match-remittance.ts';
import { decodeId } from '../../ids/global-id.ts';
import { BalanceFindingRef, ClaimPaymentRef, RemittanceRef } from './remittance-types.ts';

const ImportRemittanceSummaryRef = builder.objectRef<RemittanceImportSummary>('ImportRemittanceSuccess').implement({
  description: 'What the import posted.',
  fields: (t) => ({
    remittances: t.field({ type: [RemittanceRef], resolve: (s) => s.remittances }),
    payments: t.exposeInt('payments'),
    claimPayments: t.exposeInt('claimPayments'),
    matched: t.exposeInt('matched'),
    unmatched: t.exposeInt('unmatched', {
      description: 'Claim payments that matched no claim: in unmatchedClaimPayments, to post with matchRemittance.',
    }),
    held: t.exposeInt('held', {
      description:
        'Matched claim payments held unposted for review: the 835’s payer is not the claim’s, or posting would leave ' +
        'an insurance credit. Each says why in claimPaymentsForReview; post one with matchRemittance.',
    }),
    totalPaidCents: t.expose('totalPaidCents', { type: 'Cents' }),
    providerAdjustmentsCents: t.expose('providerAdjustmentsCents', { type: 'Cents' }),
    findings: t.field({ type: [BalanceFindingRef], resolve: (s) => s.findings }),
    duplicate: t.exposeBoolean('duplicate', {
      description: 'Every payment of the file had been posted before: nothing was posted now.',
    }),
    duplicatePayments: t.exposeInt('duplicatePayments'),
    warnings: t.exposeStringList('warnings', {
      description:
        'What a biller should know: ERAs from a payer for an NPI whose ERA enrollment with it is required and not live.',
    }),
  }),
});

builder.mutationField('importRemittance', (t) =>
  t.field({
    type: ImportRemittanceSummaryRef,
    description:
      'Posts an 835 to the ledger, all or nothing; the same payment posts once however often it is sent. Admins and billers.',
    authScopes: scopesOf(importRemittance),
    args: {
      input: t.arg({
        type: builder.inputType('ImportRemittanceInput', {
          fields: (f) => ({
            x12: f.string({ required: true }),
            progressKey: f.string({
              description: 'A key of yours: importProgress(progressKey) subscribers hear after each chunk of the file.',
            }),
          }),
        }),
        required: true,
      }),
    },
    errors: { types: [X12InputError, ...COMMON_ERRORS], union: { name: 'ImportRemittancePayload' } },
    resolve: (_root, { input }, ctx) =>
      importRemittance.run(ctx, { x12: input.x12, progressKey: input.progressKey ?? null }),
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
