import type { Db, Patient } from '../db/prisma-client.ts';
import { formatCents } from '../util/money.ts';
import { addDays } from '../util/calendar-date.ts';
import type { PatientBillingPolicy, SkipCondition } from './billing-policy.ts';

export interface Hold {
  condition: SkipCondition;
  /** In words, for the account's explanation: "insurance still owes $120.00 on 1 visit". */
  reason: string;
}

/** Account flags and the skip condition each one raises. */
const FLAG_CONDITIONS: Record<string, SkipCondition> = { DISPUTE: 'DISPUTE', FINANCIAL_ASSISTANCE: 'FINANCIAL_ASSISTANCE', DECEASED: 'DECEASED', BANKRUPTCY: 'BANKRUPTCY' };

/**
 * Every reason an account's dunning must wait today, among the conditions the practice turned on (a written
 * cease-communication request always counts). Empty: dunning may go on.
 */
export async function holdsOn(db: Db, patients: Patient[], policy: PatientBillingPolicy, today: string, now: Date): Promise<Hold[]> {
  const on = new Set<SkipCondition>([...policy.skipConditions, 'CEASE_COMMUNICATION']);
  const patientIds = patients.map((p) => p.id);
  const holds: Hold[] = [];
  const ceased = patients.find((p) => p.ceaseCommunicationAt && p.ceaseCommunicationAt <= now);
  if (ceased) holds.push({ condition: 'CEASE_COMMUNICATION', reason: `a written request to stop communicating was received ${ceased.ceaseCommunicationAt!.toISOString().slice(0, 10)}` });
  if (on.has('INSURANCE_PENDING')) {
    const pending = await db.ledgerEntry.groupBy({ by: ['claimId'], where: { patientId: { in: patientIds }, account: 'INSURANCE' }, _sum: { amountCents: true } });
    const open = pending.filter((p) => Number(p._sum.amountCents ?? 0) > 0);
    if (open.length) holds.push({ condition: 'INSURANCE_PENDING', reason: `insurance still owes ${formatCents(open.reduce((s, p) => s + Number(p._sum.amountCents ?? 0), 0))} on ${open.length} visit${open.length === 1 ? '' : 's'}` });
  }
  if (on.has('PAYMENT_PLAN')) {
    const plan = await db.paymentPlan.findFirst({ where: { patientId: { in: patientIds }, status: 'ACTIVE' } });
    if (plan) holds.push({ condition: 'PAYMENT_PLAN', reason: `a payment plan of ${formatCents(plan.installmentCents)} ${plan.frequency.toLowerCase()} is being kept` });
  }
  if (on.has('RECENT_PAYMENT') && policy.recentPaymentDays > 0) {
    const since = addDays(today, -policy.recentPaymentDays);
    const payment = await db.ledgerEntry.findFirst({ where: { patientId: { in: patientIds }, kind: 'PATIENT_PAYMENT', effectiveDate: { gt: since, lte: today } }, orderBy: { effectiveDate: 'desc' } });
    if (payment) holds.push({ condition: 'RECENT_PAYMENT', reason: `a payment was received ${payment.effectiveDate} (within ${policy.recentPaymentDays} days)` });
  }
  const flags = await db.accountFlag.findMany({ where: { patientId: { in: patientIds }, clearedAt: null }, orderBy: { setAt: 'asc' } });
  for (const flag of flags) {
    const condition = FLAG_CONDITIONS[flag.kind];
    if (condition && on.has(condition)) holds.push({ condition, reason: `flagged ${flag.kind.toLowerCase().replace('_', ' ')} on ${flag.setAt.toISOString().slice(0, 10)}${flag.note ? ` (${flag.note})` : ''}` });
  }
  return holds;
}

/** Holds that stop statements too (not just escalation): nobody should be billed while these stand. */
export const STATEMENT_HOLDS: ReadonlySet<SkipCondition> = new Set(['CEASE_COMMUNICATION', 'DISPUTE', 'DECEASED', 'BANKRUPTCY', 'FINANCIAL_ASSISTANCE']);
