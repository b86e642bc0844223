import { audited } from '../../audit/audited.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../errors/billing-errors.ts';
import { accountWhere, balanceOf } from '../../ledger/balances.ts';
import { recordPatientPayment } from '../../ledger/patient-payments.ts';
import { Posting } from '../../ledger/post-entries.ts';
import { policyOf } from '../../patient-billing/billing-policy.ts';
import { reviewPaymentPlan } from '../../patient-billing/payment-plans.ts';
import { recallPlacements } from '../../collections/recall.ts';
import { accountOfPatient, accountPatientIds } from '../../patient-billing/guarantor-account.ts';
import { isCalendarDate, todayIn } from '../../util/calendar-date.ts';
import { builder } from '../builder.ts';
import { decodeId, globalId } from '../../ids/global-id.ts';
import { COMMON_ERRORS } from '../types/errors.ts';
import { LedgerAccountEnum, LedgerEntryRef } from '../types/ledger.ts';

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
    patient: t.relation('patient'),
    allocations: t.relation('ledgerEntries', { description: 'One entry per claim paid, and one for any unapplied credit.', query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

function positiveCents(value: number, path: string[]): number {
  if (!Number.isSafeInteger(value) || value <= 0) throw new ValidationError([{ path, code: 'OUT_OF_RANGE', message: `${path.join('.')}: must be a positive number of cents` }]);
  return value;
}

const RecordPatientPaymentInput = builder.inputType('RecordPatientPaymentInput', {
  fields: (t) => ({
    patientId: t.id({ required: true }),
    amountCents: t.field({ type: 'Cents', required: true }),
    method: t.field({ type: PaymentMethodEnum, required: true }),
    reference: t.string({ description: 'Check number, card authorization, …' }),
    receivedDate: t.field({ type: 'Date', description: 'Defaults to today in the practice’s time zone.' }),
    claimIds: t.idList({ description: 'Pay these claims’ patient shares in this order; without it, the oldest balances first.' }),
    idempotencyKey: t.string({ description: 'The same key records the payment once (a retried request).' }),
  }),
});

builder.mutationField('recordPatientPayment', (t) =>
  t.field({
    type: PatientPaymentRef,
    description: 'Records a patient payment and allocates it (oldest first or to named claims); any excess is an unapplied credit. Admins, billers, front desk.',
    authScopes: { admin: true, biller: true, frontdesk: true },
    args: { input: t.arg({ type: RecordPatientPaymentInput, required: true }) },
    errors: { types: [...COMMON_ERRORS], union: { name: 'RecordPatientPaymentPayload' } },
    resolve: (_root, { input }, ctx) =>
      audited(ctx, 'recordPatientPayment', async (tx) => {
        const patientId = decodeId('Patient', String(input.patientId), ['input', 'patientId']);
        const patient = await tx.patient.findUnique({ where: { id: patientId }, include: { practice: true } });
        if (!patient) throw new NotFoundError('Patient', String(input.patientId));
        const amountCents = positiveCents(input.amountCents, ['input', 'amountCents']);
        if (input.receivedDate && !isCalendarDate(input.receivedDate)) throw new ValidationError([{ path: ['input', 'receivedDate'], code: 'INVALID_DATE', message: 'receivedDate: not a calendar date' }]);
        if (input.idempotencyKey) {
          const earlier = await tx.patientPayment.findFirst({ where: { idempotencyKey: input.idempotencyKey } });
          if (earlier) {
            if (earlier.patientId !== patientId || earlier.amountCents !== amountCents) throw new ConflictError('This idempotency key was used for a different payment');
            return { result: earlier, recordIds: [globalId('PatientPayment', earlier.id)], practiceId: earlier.practiceId };
          }
        }
        const posting = new Posting(tx, ctx.principal.organizationId, { type: 'USER', id: ctx.principal.userId });
        const today = todayIn(patient.practice.timeZone, ctx.clock.now());
        const payment = await recordPatientPayment(tx, posting, ctx.principal.organizationId, {
          patient, amountCents, method: input.method, reference: input.reference, receivedDate: input.receivedDate ?? today,
          claimIds: input.claimIds?.map((id, i) => decodeId('Claim', String(id), ['input', 'claimIds', i])), idempotencyKey: input.idempotencyKey, createdById: ctx.principal.userId,
        });
        // A payment on an account with a plan is applied to its installments now (and a payoff closes the plan).
        const plan = await tx.paymentPlan.findFirst({ where: { status: 'ACTIVE', ...accountWhere(accountOfPatient(patient)) }, include: { installments: true } });
        if (plan) await reviewPaymentPlan(tx, plan, policyOf(patient.practice), today, ctx.clock.now());
        // A payment at the practice on an account placed with an agency takes the account back (a recall file is written).
        await recallPlacements(ctx, tx, await accountPatientIds(tx, patient), `the patient paid ${amountCents} cents at the practice`, today);
        return { result: payment, recordIds: [globalId('PatientPayment', payment.id)], practiceId: patient.practiceId, balanceChanges: posting.balanceChanges() };
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
    description: 'Refunds (part of) a credit balance on the patient’s guarantor account; never more than the credit. Admins and billers.',
    authScopes: { admin: true, biller: true },
    args: { input: t.arg({ type: RefundInput, required: true }) },
    errors: { types: [...COMMON_ERRORS], union: { name: 'RefundCreditBalancePayload' } },
    resolve: (_root, { input }, ctx) =>
      audited(ctx, 'refundCreditBalance', async (tx) => {
        const patientId = decodeId('Patient', String(input.patientId), ['input', 'patientId']);
        const patient = await tx.patient.findUnique({ where: { id: patientId }, include: { practice: true } });
        if (!patient) throw new NotFoundError('Patient', String(input.patientId));
        const amountCents = positiveCents(input.amountCents, ['input', 'amountCents']);
        const balance = await balanceOf(tx, { patientId, account: 'PATIENT' });
        if (-balance.patientCents < amountCents) {
          throw new ValidationError([{ path: ['input', 'amountCents'], code: 'EXCEEDS_CREDIT', message: `amountCents: the credit balance is ${Math.max(0, -balance.patientCents)} cents` }]);
        }
        const posting = new Posting(tx, ctx.principal.organizationId, { type: 'USER', id: ctx.principal.userId });
        const [entry] = await posting.post([{
          practiceId: patient.practiceId, account: 'PATIENT', kind: 'REFUND', amountCents, patientId, guarantorId: patient.guarantorId,
          effectiveDate: todayIn(patient.practice.timeZone, ctx.clock.now()), memo: `refund by ${input.method}${input.reference ? ` ${input.reference}` : ''}`,
        }]);
        return { result: entry!, recordIds: [globalId('LedgerEntry', entry!.id)], practiceId: patient.practiceId, balanceChanges: posting.balanceChanges() };
      }),
  }),
);

const WriteOffInput = builder.inputType('WriteOffInput', {
  fields: (t) => ({
    claimId: t.id({ required: true }),
    account: t.field({ type: LedgerAccountEnum, required: true, description: 'INSURANCE or PATIENT: whose balance on the claim to write off.' }),
    amountCents: t.field({ type: 'Cents', description: 'Defaults to the whole open balance.' }),
    reason: t.string({ required: true, description: 'Why (small balance, hardship, timely filing, bad debt, …): kept on the entry.' }),
  }),
});

builder.mutationField('writeOff', (t) =>
  t.field({
    type: LedgerEntryRef,
    description: 'Writes off (part of) a claim’s insurance or patient balance, with a reason. Admins and billers; never more than is open.',
    authScopes: { admin: true, biller: true },
    args: { input: t.arg({ type: WriteOffInput, required: true }) },
    errors: { types: [...COMMON_ERRORS], union: { name: 'WriteOffPayload' } },
    resolve: (_root, { input }, ctx) =>
      audited(ctx, 'writeOff', async (tx) => {
        const claimId = decodeId('Claim', String(input.claimId), ['input', 'claimId']);
        const claim = await tx.claim.findUnique({ where: { id: claimId }, include: { patient: true, practice: true, lines: true } });
        if (!claim) throw new NotFoundError('Claim', String(input.claimId));
        if (input.account === 'PRACTICE') throw new ValidationError([{ path: ['input', 'account'], code: 'INVALID_ACCOUNT', message: 'account: claims have INSURANCE and PATIENT balances only' }]);
        if (!input.reason.trim()) throw new ValidationError([{ path: ['input', 'reason'], code: 'REQUIRED', message: 'reason: say why the balance is written off' }]);
        const open = await balanceOf(tx, { claimId, account: input.account });
        const openCents = input.account === 'INSURANCE' ? open.insuranceCents : open.patientCents;
        const amountCents = input.amountCents == null ? openCents : positiveCents(input.amountCents, ['input', 'amountCents']);
        if (amountCents <= 0 || amountCents > openCents) {
          throw new ValidationError([{ path: ['input', 'amountCents'], code: 'EXCEEDS_BALANCE', message: `amountCents: the open ${input.account.toLowerCase()} balance is ${Math.max(0, openCents)} cents` }]);
        }
        const agingDate = claim.lines.map((l) => l.serviceDate).sort()[0];
        const posting = new Posting(tx, ctx.principal.organizationId, { type: 'USER', id: ctx.principal.userId });
        const [entry] = await posting.post([{
          practiceId: claim.practiceId, account: input.account, kind: 'WRITE_OFF', amountCents: -amountCents, patientId: claim.patientId, guarantorId: claim.patient.guarantorId,
          claimId, coverageId: input.account === 'INSURANCE' ? claim.coverageId : null, payerId: input.account === 'INSURANCE' ? claim.payerId : null,
          effectiveDate: todayIn(claim.practice.timeZone, ctx.clock.now()), agingDate, memo: input.reason.trim(),
        }]);
        return { result: entry!, recordIds: [globalId('LedgerEntry', entry!.id)], practiceId: claim.practiceId, balanceChanges: posting.balanceChanges() };
      }),
  }),
);

builder.mutationField('reverseLedgerEntry', (t) =>
  t.field({
    type: LedgerEntryRef,
    description: 'Corrects a mistaken entry with a new one of the opposite amount (entries are never edited). Admins only.',
    authScopes: { admin: true },
    args: { entryId: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
    errors: { types: [...COMMON_ERRORS], union: { name: 'ReverseLedgerEntryPayload' } },
    resolve: (_root, args, ctx) =>
      audited(ctx, 'reverseLedgerEntry', async (tx) => {
        const id = decodeId('LedgerEntry', String(args.entryId), ['entryId']);
        const entry = await tx.ledgerEntry.findUnique({ where: { id }, include: { reversedBy: true } });
        if (!entry) throw new NotFoundError('LedgerEntry', String(args.entryId));
        if (entry.kind === 'REVERSAL' || entry.reversedBy.length) throw new ConflictError('This entry is a reversal or has been reversed already');
        if (!args.reason.trim()) throw new ValidationError([{ path: ['reason'], code: 'REQUIRED', message: 'reason: say why the entry is reversed' }]);
        // The two halves of a transfer are reversed together, so a transfer can never be half undone.
        const originals = entry.transferId ? await tx.ledgerEntry.findMany({ where: { transferId: entry.transferId, kind: { not: 'REVERSAL' } } }) : [entry];
        const posting = new Posting(tx, ctx.principal.organizationId, { type: 'USER', id: ctx.principal.userId });
        const { timeZone } = await tx.practice.findUniqueOrThrow({ where: { id: entry.practiceId }, select: { timeZone: true } });
        const reversals = await posting.reverse(originals, args.reason.trim(), { effectiveDate: todayIn(timeZone, ctx.clock.now()) });
        const mine = reversals.find((r) => r.reversesEntryId === id)!;
        return { result: mine, recordIds: reversals.map((r) => globalId('LedgerEntry', r.id)), practiceId: entry.practiceId, balanceChanges: posting.balanceChanges() };
      }),
  }),
);

