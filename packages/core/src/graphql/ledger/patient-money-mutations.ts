import { builder } from '../builder.ts';
import { decodeId } from '../../ids/global-id.ts';
import { recordPatientPayment } from '../../ledger/record-patient-payment.ts';
import { scopesOf } from '../operation-scopes.ts';
import { COMMON_ERRORS } from '../errors.ts';
import { refundCreditBalance } from '../../ledger/refund-credit-balance.ts';
import { writeOff } from '../../ledger/write-off.ts';
import { reverseLedgerEntry } from '../../ledger/reverse-ledger-entry.ts';
import { LedgerAccountEnum, LedgerEntryRef } from './ledger-types.ts';

const PAYMENT_METHODS = ['CASH', 'CHECK', 'CARD', 'ACH', 'OTHER'] as const;

const PaymentMethodEnum = builder.enumType('PatientPaymentMethod', { values: PAYMENT_METHODS });

const PatientPaymentRef = builder.prismaNode('PatientPayment', {
  id: { field: 'id' },
  nullable: true,
  description: 'Money received from a patient or guarantor; its ledger entries say where it was applied.',
  fields: (t) => ({
    amountCents: t.expose('amountCents', { type: 'Cents' }),
    method: t.exposeString('method'),
    reference: t.exposeString('reference', { nullable: true }),
    receivedDate: t.expose('receivedDate', { type: 'Date' }),
    depositDate: t.expose('depositDate', {
      type: 'Date',
      nullable: true,
      description: 'When it was deposited at the bank; null until known.',
    }),
    patient: t.relation('patient'),
    allocations: t.relation('ledgerEntries', {
      description: 'One entry per claim paid, and one for any unapplied credit.',
      query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const RecordPatientPaymentInput = builder.inputType('RecordPatientPaymentInput', {
  fields: (t) => ({
    patientId: t.id({ required: true }),
    amountCents: t.field({ type: 'Cents', required: true }),
    method: t.field({ type: PaymentMethodEnum, required: true }),
    reference: t.string({ description: 'Check number, card authorization, …' }),
    receivedDate: t.field({ type: 'Date', description: 'Defaults to today in the practice’s time zone.' }),
    depositDate: t.field({ type: 'Date', description: 'When it was deposited at the bank: on or after receivedDate.' }),
    claimIds: t.idList({
      description: 'Pay these claims’ patient shares in this order; without it, the oldest balances first.',
    }),
    idempotencyKey: t.string({ description: 'The same key records the payment once (a retried request).' }),
  }),
});

builder.mutationField('recordPatientPayment', (t) =>
  t.field({
    type: PatientPaymentRef,
    description:
      'Records a patient payment and allocates it (oldest first or to named claims); any excess is an unapplied credit. Admins, billers, front desk.',
    authScopes: scopesOf(recordPatientPayment),
    args: { input: t.arg({ type: RecordPatientPaymentInput, required: true }) },
    errors: { types: [...COMMON_ERRORS], union: { name: 'RecordPatientPaymentPayload' } },
    resolve: (_root, { input }, ctx) =>
      recordPatientPayment.run(ctx, {
        ...input,
        patientId: decodeId('Patient', String(input.patientId), ['input', 'patientId']),
        claimIds: input.claimIds?.map((id, i) => decodeId('Claim', String(id), ['input', 'claimIds', i])),
      }),
  }),
);

const RefundInput = builder.inputType('RefundCreditBalanceInput', {
  fields: (t) => ({
    patientId: t.id({ required: true }),
    amountCents: t.field({ type: 'Cents', required: true }),
    method: t.field({ type: PaymentMethodEnum, required: true }),
    reference: t.string(),
  }),
});

builder.mutationField('refundCreditBalance', (t) =>
  t.field({
    type: LedgerEntryRef,
    description:
      'Refunds (part of) a credit balance on the patient’s guarantor account; never more than the credit. Admins and billers.',
    authScopes: scopesOf(refundCreditBalance),
    args: { input: t.arg({ type: RefundInput, required: true }) },
    errors: { types: [...COMMON_ERRORS], union: { name: 'RefundCreditBalancePayload' } },
    resolve: (_root, { input }, ctx) =>
      refundCreditBalance.run(ctx, {
        ...input,
        patientId: decodeId('Patient', String(input.patientId), ['input', 'patientId']),
      }),
  }),
);

const WriteOffInput = builder.inputType('WriteOffInput', {
  fields: (t) => ({
    claimId: t.id({ required: true }),
    account: t.field({
      type: LedgerAccountEnum,
      required: true,
      description: 'INSURANCE or PATIENT: whose balance on the claim to write off.',
    }),
    amountCents: t.field({ type: 'Cents', description: 'Defaults to the whole open balance.' }),
    reason: t.string({
      required: true,
      description: 'Why (small balance, hardship, timely filing, bad debt, …): kept on the entry.',
    }),
  }),
});

builder.mutationField('writeOff', (t) =>
  t.field({
    type: LedgerEntryRef,
    description:
      'Writes off (part of) a claim’s insurance or patient balance, with a reason. Admins and billers; never more than is open.',
    authScopes: scopesOf(writeOff),
    args: { input: t.arg({ type: WriteOffInput, required: true }) },
    errors: { types: [...COMMON_ERRORS], union: { name: 'WriteOffPayload' } },
    resolve: (_root, { input }, ctx) =>
      writeOff.run(ctx, { ...input, claimId: decodeId('Claim', String(input.claimId), ['input', 'claimId']) }),
  }),
);

builder.mutationField('reverseLedgerEntry', (t) =>
  t.field({
    type: LedgerEntryRef,
    description:
      'Corrects a mistaken entry with a new one of the opposite amount (entries are never edited). Admins only.',
    authScopes: scopesOf(reverseLedgerEntry),
    args: { entryId: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
    errors: { types: [...COMMON_ERRORS], union: { name: 'ReverseLedgerEntryPayload' } },
    resolve: (_root, args, ctx) =>
      reverseLedgerEntry.run(ctx, {
        entryId: decodeId('LedgerEntry', String(args.entryId), ['entryId']),
        reason: args.reason,
      }),
  }),
);
