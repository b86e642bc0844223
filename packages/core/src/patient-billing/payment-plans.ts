import type { Db, Patient, PaymentPlan, PaymentPlanInstallment } from '../db/prisma-client.ts';
import { ConflictError, ValidationError } from '../errors/billing-errors.ts';
import { accountPatientCents, accountWhere } from '../ledger/balances.ts';
import { addDays } from '../util/calendar-date.ts';
import { formatCents } from '../util/money.ts';
import type { PatientBillingPolicy } from './billing-policy.ts';
import { accountOf, accountOfPatient } from './guarantor-account.ts';
import { planSchedule } from './plan-schedule.ts';
import type { PlanFrequency } from './plan-schedule.ts';

export interface PaymentPlanTerms {
  installmentCount?: number | null;
  installmentCents?: number | null;
  startDate: string;
  frequency: PlanFrequency;
  autopayReference?: string | null;
}

/** The patient-account balance of the patient's guarantor account. */
export async function accountBalanceCents(db: Db, patient: Pick<Patient, 'id' | 'guarantorId'>): Promise<number> {
  return accountPatientCents(db, accountOfPatient(patient));
}

/**
 * Agrees a plan for the whole balance of the patient's guarantor account: the schedule is computed in exact cents
 * (equal installments with the remainder on the last, or a fixed amount with a smaller last one). One active plan
 * per account.
 */
export async function agreePaymentPlan(
  tx: Db,
  organizationId: string,
  patient: Patient,
  terms: PaymentPlanTerms,
  policy: PatientBillingPolicy,
  today: string,
): Promise<PaymentPlan & { installments: PaymentPlanInstallment[] }> {
  const hasCount = terms.installmentCount != null;
  if (hasCount === (terms.installmentCents != null))
    throw new ValidationError([
      {
        path: ['input', 'installmentCount'],
        code: 'ONE_OF',
        message: 'installmentCount or installmentCents: give exactly one',
      },
    ]);
  const totalCents = await accountBalanceCents(tx, patient);
  if (totalCents <= 0)
    throw new ValidationError([
      { path: ['input', 'patientId'], code: 'NOTHING_OWED', message: 'patientId: the account owes nothing to plan' },
    ]);
  if (terms.startDate < today)
    throw new ValidationError([
      {
        path: ['input', 'startDate'],
        code: 'IN_THE_PAST',
        message: `startDate: the first installment cannot be due before today (${today})`,
      },
    ]);
  if (
    hasCount &&
    (!Number.isSafeInteger(terms.installmentCount) || terms.installmentCount! < 1 || terms.installmentCount! > 120)
  )
    throw new ValidationError([
      { path: ['input', 'installmentCount'], code: 'OUT_OF_RANGE', message: 'installmentCount: from 1 to 120' },
    ]);
  const schedule = planSchedule(
    totalCents,
    hasCount ? { count: Math.min(terms.installmentCount!, totalCents) } : { installmentCents: terms.installmentCents! },
    terms.startDate,
    terms.frequency,
  );
  const installmentCents = schedule[0]!.amountCents;
  if (schedule.length > 1 && installmentCents < policy.paymentPlans.minimumInstallmentCents) {
    throw new ValidationError([
      {
        path: ['input', hasCount ? 'installmentCount' : 'installmentCents'],
        code: 'BELOW_MINIMUM',
        message: `${hasCount ? 'installmentCount' : 'installmentCents'}: installments would be ${formatCents(installmentCents)}, under the practice's minimum of ${formatCents(policy.paymentPlans.minimumInstallmentCents)}`,
      },
    ]);
  }
  if (schedule.length > 120)
    throw new ValidationError([
      {
        path: ['input', 'installmentCents'],
        code: 'OUT_OF_RANGE',
        message: `installmentCents: ${schedule.length} installments; a plan has at most 120`,
      },
    ]);
  const active = await tx.paymentPlan.findFirst({
    where: { status: 'ACTIVE', ...accountWhere(accountOfPatient(patient)) },
  });
  if (active) throw new ConflictError('This account already has an active payment plan; cancel or re-plan it first');
  return tx.paymentPlan.create({
    data: {
      organizationId,
      practiceId: patient.practiceId,
      patientId: patient.id,
      guarantorId: patient.guarantorId,
      totalCents,
      installmentCents,
      frequency: terms.frequency,
      startDate: terms.startDate,
      agreedDate: today,
      autopay: Boolean(terms.autopayReference),
      autopayReference: terms.autopayReference ?? null,
      installments: {
        create: schedule.map((i) => ({
          organizationId,
          sequence: i.sequence,
          dueDate: i.dueDate,
          amountCents: i.amountCents,
        })),
      },
    },
    include: { installments: { orderBy: { sequence: 'asc' } } },
  });
}

/** What the patient has paid on the account since the plan was agreed (payments less their reversals). */
async function paidSinceAgreed(db: Db, plan: PaymentPlan, today: string): Promise<number> {
  const account = accountOf(plan);
  const rows = await db.ledgerEntry.aggregate({
    where: {
      ...accountWhere(account),
      account: 'PATIENT',
      effectiveDate: { gte: plan.agreedDate, lte: today },
      OR: [{ kind: 'PATIENT_PAYMENT' }, { kind: 'REVERSAL', reverses: { kind: 'PATIENT_PAYMENT' } }],
    },
    _sum: { amountCents: true },
  });
  return -Number(rows._sum.amountCents ?? 0);
}

export type PlanReview = 'KEPT' | 'COMPLETED' | 'PAID_OFF_EARLY' | 'DEFAULTED' | 'REPLANNED' | 'CANCELLED';

/**
 * The plan as of `today`: payments since it was agreed are applied to installments oldest first; a balance paid
 * off closes it (early payoff when installments were still ahead); an installment unpaid past its grace period
 * defaults it (dunning then resumes); a balance that changed under it (a late insurance payment, a new charge) is
 * re-planned at the same installment amount or cancels the plan, as the practice's policy says.
 */
export async function reviewPaymentPlan(
  tx: Db,
  plan: PaymentPlan & { installments: PaymentPlanInstallment[] },
  policy: PatientBillingPolicy,
  today: string,
  now: Date,
): Promise<PlanReview> {
  const account = accountOf(plan);
  const balance = await accountPatientCents(tx, account);
  let paid = await paidSinceAgreed(tx, plan, today);
  const installments = [...plan.installments].sort((a, b) => a.sequence - b.sequence);
  let missed: PaymentPlanInstallment | undefined;
  for (const installment of installments) {
    const paidCents = Math.max(0, Math.min(paid, installment.amountCents));
    paid -= paidCents;
    const late =
      paidCents < installment.amountCents && addDays(installment.dueDate, policy.paymentPlans.graceDays) < today;
    const status = paidCents === installment.amountCents ? 'PAID' : late ? 'MISSED' : 'SCHEDULED';
    if (status === 'MISSED') missed ??= installment;
    if (paidCents !== installment.paidCents || status !== installment.status)
      await tx.paymentPlanInstallment.update({ where: { id: installment.id }, data: { paidCents, status } });
    installment.paidCents = paidCents;
  }
  const end = (status: 'COMPLETED' | 'DEFAULTED' | 'CANCELLED', statusReason: string) =>
    tx.paymentPlan.update({ where: { id: plan.id }, data: { status, statusReason, endedAt: now } });
  if (balance <= 0) {
    const ahead = installments.filter((i) => i.dueDate > today).length;
    await end(
      'COMPLETED',
      ahead
        ? `paid off early on ${today} (${ahead} installment${ahead === 1 ? ' was' : 's were'} not yet due)`
        : `paid in full on ${today}`,
    );
    return ahead ? 'PAID_OFF_EARLY' : 'COMPLETED';
  }
  if (missed) {
    await end(
      'DEFAULTED',
      `installment ${missed.sequence} of ${formatCents(missed.amountCents)} due ${missed.dueDate} was not paid within ${policy.paymentPlans.graceDays} days`,
    );
    return 'DEFAULTED';
  }
  const stillScheduled = installments.reduce((s, i) => s + i.amountCents - i.paidCents, 0);
  if (balance === stillScheduled) return 'KEPT';
  if (policy.paymentPlans.onBalanceChange === 'CANCEL') {
    await end(
      'CANCELLED',
      `the balance changed from ${formatCents(stillScheduled)} to ${formatCents(balance)} on ${today}; the practice's policy ends the plan`,
    );
    return 'CANCELLED';
  }
  // Re-plan: what is paid stays; the open balance is spread again at the same installment from the next due date.
  const open = installments.filter((i) => i.paidCents < i.amountCents);
  const firstOpen = open[0] ?? { sequence: installments.length + 1, dueDate: today, paidCents: 0 };
  const partial = firstOpen.paidCents;
  for (const i of open) await tx.paymentPlanInstallment.delete({ where: { id: i.id } });
  const schedule = planSchedule(
    balance + partial,
    { installmentCents: plan.installmentCents },
    firstOpen.dueDate < today ? today : firstOpen.dueDate,
    plan.frequency as PlanFrequency,
    firstOpen.sequence,
  );
  for (const [n, i] of schedule.entries()) {
    const paidCents = n === 0 ? Math.min(partial, i.amountCents) : 0;
    await tx.paymentPlanInstallment.create({
      data: {
        organizationId: plan.organizationId,
        paymentPlanId: plan.id,
        sequence: i.sequence,
        dueDate: i.dueDate,
        amountCents: i.amountCents,
        paidCents,
        status: paidCents === i.amountCents ? 'PAID' : 'SCHEDULED',
      },
    });
  }
  const paidBefore = installments.reduce((s, i) => s + i.paidCents, 0) - partial;
  await tx.paymentPlan.update({
    where: { id: plan.id },
    data: {
      totalCents: paidBefore + balance + partial,
      statusReason: `re-planned on ${today}: the open balance changed from ${formatCents(stillScheduled)} to ${formatCents(balance)}`,
    },
  });
  return 'REPLANNED';
}
