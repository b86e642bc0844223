import type { AccountFlag, Db, Patient, PaymentPlan } from '../db/prisma-client.ts';
import { chunks } from '../util/chunks.ts';
import { formatCents } from '../util/money.ts';
import { addDays, todayIn } from '../util/calendar-date.ts';
import type { PatientBillingPolicy, SkipCondition } from './billing-policy.ts';

export interface Hold {
  condition: SkipCondition;
  /** In words, for the account's explanation: "insurance still owes $120.00 on 1 visit". */
  reason: string;
}

/** Account flags and the skip condition each one raises. */
const FLAG_CONDITIONS: Record<string, SkipCondition> = {
  DISPUTE: 'DISPUTE',
  FINANCIAL_ASSISTANCE: 'FINANCIAL_ASSISTANCE',
  DECEASED: 'DECEASED',
  BANKRUPTCY: 'BANKRUPTCY',
};

/**
 * What the hold conditions are judged on, per patient, loaded in a handful of queries for many accounts at once
 * (a practice's whole daily cycle) rather than several per account.
 */
export interface HoldFacts {
  /** Open insurance balance per patient: cents and the number of visits. */
  insurancePending: Map<string, { cents: number; visits: number }>;
  /** The part of it a secondary or tertiary payer owes. */
  laterPayerPending: Map<string, { cents: number; visits: number }>;
  activePlans: Map<string, PaymentPlan>;
  /** The latest patient payment (YYYY-MM-DD) per patient, up to today. */
  lastPayment: Map<string, string>;
  flags: Map<string, AccountFlag[]>;
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => map.set(key, [...(map.get(key) ?? []), value]);

/** Loads the hold facts of a practice's patients, or of the given patients (one account). */
export async function loadHoldFacts(
  db: Db,
  scope: { practiceId: string } | { patientIds: string[] },
  today: string,
): Promise<HoldFacts> {
  const byPatient = 'patientIds' in scope ? { patientId: { in: scope.patientIds } } : { practiceId: scope.practiceId };
  const [pending, plans, payments, flags] = await Promise.all([
    db.ledgerEntry.groupBy({
      by: ['patientId', 'claimId'],
      where: { ...byPatient, account: 'INSURANCE' },
      _sum: { amountCents: true },
    }),
    db.paymentPlan.findMany({ where: { ...byPatient, status: 'ACTIVE' } }),
    db.ledgerEntry.groupBy({
      by: ['patientId'],
      where: { ...byPatient, kind: 'PATIENT_PAYMENT', effectiveDate: { lte: today } },
      _max: { effectiveDate: true },
    }),
    db.accountFlag.findMany({
      where: {
        ...('patientIds' in scope
          ? { patientId: { in: scope.patientIds } }
          : { patient: { practiceId: scope.practiceId } }),
        clearedAt: null,
      },
      orderBy: { setAt: 'asc' },
    }),
  ]);
  const facts: HoldFacts = {
    insurancePending: new Map(),
    laterPayerPending: new Map(),
    activePlans: new Map(),
    lastPayment: new Map(),
    flags: new Map(),
  };
  const owing = pending.filter((p) => Number(p._sum.amountCents ?? 0) > 0 && p.patientId && p.claimId);
  const later = new Set<string>();
  for (const ids of chunks(owing.map((p) => p.claimId!))) {
    const claims = await db.claim.findMany({
      where: { id: { in: ids }, primaryClaimId: { not: null } },
      select: { id: true },
    });
    for (const c of claims) later.add(c.id);
  }
  const add = (map: Map<string, { cents: number; visits: number }>, patientId: string, cents: number) => {
    const current = map.get(patientId) ?? { cents: 0, visits: 0 };
    map.set(patientId, { cents: current.cents + cents, visits: current.visits + 1 });
  };
  for (const p of owing) {
    const cents = Number(p._sum.amountCents);
    add(facts.insurancePending, p.patientId!, cents);
    if (later.has(p.claimId!)) add(facts.laterPayerPending, p.patientId!, cents);
  }
  for (const plan of plans) facts.activePlans.set(plan.patientId, plan);
  for (const p of payments)
    if (p.patientId && p._max.effectiveDate) facts.lastPayment.set(p.patientId, p._max.effectiveDate);
  for (const flag of flags) push(facts.flags, flag.patientId, flag);
  return facts;
}

/**
 * Every reason an account's dunning must wait today, among the conditions the practice turned on (a written
 * cease-communication request always counts). Empty: dunning may go on.
 */
export function holdsFrom(
  facts: HoldFacts,
  patients: Patient[],
  policy: PatientBillingPolicy,
  today: string,
  now: Date,
  timeZone: string,
): Hold[] {
  // Dates in reasons are the practice's calendar days, as every other date a biller reads.
  const dayOf = (at: Date) => todayIn(timeZone, at);
  const on = new Set<SkipCondition>([...policy.skipConditions, 'CEASE_COMMUNICATION']);
  const holds: Hold[] = [];
  const ceased = patients.find((p) => p.ceaseCommunicationAt && p.ceaseCommunicationAt <= now);
  if (ceased)
    holds.push({
      condition: 'CEASE_COMMUNICATION',
      reason: `a written request to stop communicating was received ${dayOf(ceased.ceaseCommunicationAt!)}`,
    });
  const later = patients.map((p) => facts.laterPayerPending.get(p.id)).filter((o) => o !== undefined);
  const laterVisits = later.reduce((s, o) => s + o.visits, 0);
  if (laterVisits)
    holds.push({
      condition: 'LATER_PAYER_PENDING',
      reason: `a secondary or tertiary payer still owes ${formatCents(later.reduce((s, o) => s + o.cents, 0))} on ${laterVisits} visit${laterVisits === 1 ? '' : 's'}`,
    });
  if (on.has('INSURANCE_PENDING')) {
    const open = patients
      .map((p) => facts.insurancePending.get(p.id))
      .filter((o): o is { cents: number; visits: number } => Boolean(o));
    const visits = open.reduce((s, o) => s + o.visits, 0);
    if (visits)
      holds.push({
        condition: 'INSURANCE_PENDING',
        reason: `insurance still owes ${formatCents(open.reduce((s, o) => s + o.cents, 0))} on ${visits} visit${visits === 1 ? '' : 's'}`,
      });
  }
  if (on.has('PAYMENT_PLAN')) {
    const plan = patients.map((p) => facts.activePlans.get(p.id)).find(Boolean);
    if (plan)
      holds.push({
        condition: 'PAYMENT_PLAN',
        reason: `a payment plan of ${formatCents(plan.installmentCents)} ${plan.frequency.toLowerCase()} is being kept`,
      });
  }
  if (on.has('RECENT_PAYMENT') && policy.recentPaymentDays > 0) {
    const since = addDays(today, -policy.recentPaymentDays);
    const last = patients
      .map((p) => facts.lastPayment.get(p.id) ?? '')
      .sort()
      .at(-1);
    if (last && last > since)
      holds.push({
        condition: 'RECENT_PAYMENT',
        reason: `a payment was received ${last} (within ${policy.recentPaymentDays} days)`,
      });
  }
  const flags = patients
    .flatMap((p) => facts.flags.get(p.id) ?? [])
    .sort((a, b) => a.setAt.getTime() - b.setAt.getTime());
  for (const flag of flags) {
    const condition = FLAG_CONDITIONS[flag.kind];
    if (condition && on.has(condition))
      holds.push({
        condition,
        reason: `flagged ${flag.kind.toLowerCase().replace('_', ' ')} on ${dayOf(flag.setAt)}${flag.note ? ` (${flag.note})` : ''}`,
      });
  }
  return holds;
}

/** The holds of one account, loading its facts (for one-off questions: placement eligibility). */
export async function holdsOn(
  db: Db,
  patients: Patient[],
  policy: PatientBillingPolicy,
  today: string,
  now: Date,
  timeZone: string,
): Promise<Hold[]> {
  return holdsFrom(
    await loadHoldFacts(db, { patientIds: patients.map((p) => p.id) }, today),
    patients,
    policy,
    today,
    now,
    timeZone,
  );
}

/** Holds that stop statements too (not just escalation): nobody should be billed while these stand. */
export const STATEMENT_HOLDS: ReadonlySet<SkipCondition> = new Set([
  'CEASE_COMMUNICATION',
  'LATER_PAYER_PENDING',
  'DISPUTE',
  'DECEASED',
  'BANKRUPTCY',
  'FINANCIAL_ASSISTANCE',
]);
