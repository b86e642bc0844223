import { audited } from '../audit/audited.ts';
import type { DomainContext } from '../context/domain-context.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';
import { recallPlacements } from '../collections/recall.ts';
import type { PatientPayment } from '../db/prisma-client.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors/billing-errors.ts';
import { globalId } from '../ids/global-id.ts';
import { defineOperation } from '../operations/define-operation.ts';
import { policyOf } from '../patient-billing/billing-policy.ts';
import { accountOfPatient, accountPatientIds } from '../patient-billing/guarantor-account.ts';
import { reviewPaymentPlan } from '../patient-billing/payment-plans.ts';
import { isCalendarDate, todayIn } from '../util/calendar-date.ts';
import { accountWhere } from './balances.ts';
import { positiveCents } from './money-checks.ts';
import { allocatePatientPayment } from './patient-payments.ts';
import { payingAccountOf } from './paying-account.ts';
import { Posting } from './post-entries.ts';

export type PatientPaymentMethod = 'CASH' | 'CHECK' | 'CARD' | 'ACH' | 'OTHER';

export interface RecordPatientPaymentInput {
  patientId: string;
  amountCents: number;
  method: PatientPaymentMethod;
  /** Check number, card authorization, … */
  reference?: string | null;
  /** @default today in the practice's time zone */
  receivedDate?: string | null;
  /** When it was deposited at the bank: on or after the day it was received. */
  depositDate?: string | null;
  /** Pay these claims' patient shares in this order; without it, the oldest balances first. */
  claimIds?: string[] | null;
  /** The same key records the payment once (a retried request). */
  idempotencyKey?: string | null;
}

/** Records a patient payment and allocates it (oldest first or to named claims); any excess is an unapplied credit. */
export const recordPatientPayment = defineOperation({
  name: 'recordPatientPayment',
  roles: ['admin', 'biller', 'frontdesk'],
  run: async (ctx, input: RecordPatientPaymentInput): Promise<PatientPayment> => {
    try {
      // A key is looked up only when it has been seen: a new key's payment is written straight away, and the
      // unique key on (organization, key) catches the repeat, which is then answered with the earlier payment.
      return await record(ctx, input, { lookUpKey: false });
    } catch (error) {
      // A retried request, or the same key sent twice at once: the first commits, this one finds its payment.
      if (input.idempotencyKey && isUniqueViolation(error)) return record(ctx, input, { lookUpKey: true });
      throw error;
    }
  },
});

function record(
  ctx: DomainContext,
  input: RecordPatientPaymentInput,
  options: { lookUpKey: boolean },
): Promise<PatientPayment> {
  return audited(ctx, 'recordPatientPayment', async (tx) => {
    const { patientId, idempotencyKey } = input;
    const account = await payingAccountOf(ctx.db, tx, patientId);
    if (!account) throw new NotFoundError('Patient', globalId('Patient', patientId));
    const { patient, practice } = account;
    const amountCents = positiveCents(input.amountCents, ['input', 'amountCents']);
    if (input.receivedDate && !isCalendarDate(input.receivedDate)) {
      throw new ValidationError([
        { path: ['input', 'receivedDate'], code: 'INVALID_DATE', message: 'receivedDate: not a calendar date' },
      ]);
    }
    const today = todayIn(practice.timeZone, ctx.clock.now());
    const receivedDate = input.receivedDate ?? today;
    if (input.depositDate != null && (!isCalendarDate(input.depositDate) || input.depositDate < receivedDate)) {
      const message = isCalendarDate(input.depositDate)
        ? `depositDate: ${input.depositDate} is before the payment was received (${receivedDate})`
        : 'depositDate: not a calendar date';
      throw new ValidationError([{ path: ['input', 'depositDate'], code: 'INVALID_DATE', message }]);
    }
    if (idempotencyKey && options.lookUpKey) {
      const earlier = await tx.patientPayment.findFirst({ where: { idempotencyKey } });
      if (earlier) {
        if (earlier.patientId !== patientId || earlier.amountCents !== amountCents) {
          throw new ConflictError('This idempotency key was used for a different payment');
        }
        return {
          result: earlier,
          recordIds: [globalId('PatientPayment', earlier.id)],
          practiceId: earlier.practiceId,
        };
      }
    }
    const actor = { type: 'USER' as const, id: ctx.principal.userId };
    const posting = new Posting(tx, ctx.principal.organizationId, actor, { scoped: ctx.db });
    const payment = await allocatePatientPayment(ctx.db, tx, posting, {
      organizationId: ctx.principal.organizationId,
      patient,
      amountCents,
      method: input.method,
      reference: input.reference,
      receivedDate,
      depositDate: input.depositDate ?? null,
      claimIds: input.claimIds ?? undefined,
      idempotencyKey,
      createdById: ctx.principal.userId,
      openShares: account.openShares,
    });
    // A payment on an account with a plan is applied to its installments now (and a payoff closes the plan).
    const plan = account.hasActivePlan
      ? await tx.paymentPlan.findFirst({
          where: { status: 'ACTIVE', ...accountWhere(accountOfPatient(patient)) },
          include: { installments: true },
        })
      : null;
    if (plan) await reviewPaymentPlan(tx, plan, policyOf(practice), today, ctx.clock.now());
    // A payment at the practice on an account placed with an agency takes the account back (a recall file is written).
    const reason = `the patient paid ${amountCents} cents at the practice`;
    if (account.isPlaced) await recallPlacements(ctx, tx, await accountPatientIds(tx, patient), reason, today);
    return {
      result: payment,
      recordIds: [globalId('PatientPayment', payment.id)],
      practiceId: patient.practiceId,
      balanceChanges: posting.balanceChanges(),
    };
  });
}
