import { builder } from '../builder.ts';
import { decodeId } from '../../ids/global-id.ts';
import { refundPayerOverpayment } from '../../ledger/refund-payer-overpayment.ts';
import { scopesOf } from '../operation-scopes.ts';
import { COMMON_ERRORS } from '../errors.ts';
import { LedgerEntryRef } from './ledger-types.ts';

const RefundPayerOverpaymentInput = builder.inputType('RefundPayerOverpaymentInput', {
  fields: (t) => ({
    claimId: t.id({ required: true, description: 'The claim whose insurance balance is a credit.' }),
    amountCents: t.field({ type: 'Cents', required: true, description: 'At most the claim’s insurance credit.' }),
    reason: t.string({
      required: true,
      description: 'Why the payer is owed it (duplicate payment, wrong patient, …): kept on the entry.',
    }),
    reference: t.string({ required: true, description: 'The refund check number or EFT trace.' }),
  }),
});

builder.mutationField('refundPayerOverpayment', (t) =>
  t.field({
    type: LedgerEntryRef,
    description:
      'Sends a payer back (part of) its overpayment on a claim: a REFUND entry on the claim’s insurance account, never more than its credit. Admins and billers.',
    authScopes: scopesOf(refundPayerOverpayment),
    args: { input: t.arg({ type: RefundPayerOverpaymentInput, required: true }) },
    errors: { types: [...COMMON_ERRORS], union: { name: 'RefundPayerOverpaymentPayload' } },
    resolve: (_root, { input }, ctx) =>
      refundPayerOverpayment.run(ctx, {
        ...input,
        claimId: decodeId('Claim', String(input.claimId), ['input', 'claimId']),
      }),
  }),
);
