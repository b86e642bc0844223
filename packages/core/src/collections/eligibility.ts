import type { DunningState, Organization, Practice } from '../db/prisma-client.ts';
import type { DomainContext } from '../context/domain-context.ts';
import { accountPatientCents } from '../ledger/balances.ts';
import { policyOf, SKIP_CONDITIONS } from '../patient-billing/billing-policy.ts';
import { holdsOn } from '../patient-billing/holds.ts';
import { accountOf, patientsOf } from '../patient-billing/guarantor-account.ts';
import { rulesFor } from '../compliance/rules.ts';
import { addDays, daysBetween, todayIn } from '../util/calendar-date.ts';
import { formatCents } from '../util/money.ts';

export interface EligibilityCheck {
  check: string;
  passed: boolean;
  detail: string;
}

export interface CollectionCandidate {
  state: DunningState;
  eligible: boolean;
  balanceCents: number;
  checks: EligibilityCheck[];
}

/** Holds that keep an account in-house (a recent payment does not: the sequence has already run its course). */
const PLACEMENT_HOLDS = SKIP_CONDITIONS.filter((c) => c !== 'RECENT_PAYMENT');

/**
 * Whether one account may be placed with an agency today, every check spelled out: dunning finished, balance at
 * least the practice's minimum, no insurance pending, no plan, no dispute, not deceased or bankrupt, no
 * financial-assistance review, not placed already, and for nonprofit hospitals the IRS 501(r) waits.
 */
export async function evaluateCandidate(
  ctx: DomainContext,
  practice: Practice,
  organization: Pick<Organization, 'nonprofit'>,
  state: DunningState,
  today: string,
): Promise<CollectionCandidate> {
  const policy = policyOf(practice);
  const account = accountOf(state);
  const patients = await patientsOf(ctx.db, account);
  const balanceCents = await accountPatientCents(ctx.db, account);
  const checks: EligibilityCheck[] = [];
  checks.push({
    check: 'NOT_PLACED',
    passed: state.status !== 'PLACED',
    detail: state.status === 'PLACED' ? 'already placed with an agency' : 'not placed',
  });
  checks.push({
    check: 'DUNNING_FINISHED',
    passed: state.status === 'COMPLETED',
    detail:
      state.status === 'COMPLETED'
        ? `every dunning step has run (the last on ${state.lastStepDate})`
        : state.explanation || `dunning is ${state.status.toLowerCase()}`,
  });
  checks.push({
    check: 'MINIMUM_BALANCE',
    passed: balanceCents >= policy.collectionMinimumCents,
    detail: `balance ${formatCents(balanceCents)}; the minimum to place is ${formatCents(policy.collectionMinimumCents)}`,
  });
  const holds = await holdsOn(
    ctx.db,
    patients,
    { ...policy, skipConditions: PLACEMENT_HOLDS },
    today,
    ctx.clock.now(),
    practice.timeZone,
  );
  for (const condition of PLACEMENT_HOLDS) {
    const hold = holds.find((h) => h.condition === condition);
    checks.push({ check: `NO_${condition}`, passed: !hold, detail: hold?.reason ?? 'none' });
  }
  if (organization.nonprofit) {
    const { waitDays, noticeDays } = rulesFor(practice).get('NONPROFIT_501R')!.params as {
      waitDays: number;
      noticeDays: number;
    };
    const since = daysBetween(state.sequenceStart, today);
    checks.push({
      check: 'IRS_501R_WAIT',
      passed: since >= waitDays,
      detail: `${since} days since the first statement (${state.sequenceStart}); 501(r) requires ${waitDays} (from ${addDays(state.sequenceStart, waitDays)})`,
    });
    const notice = await ctx.db.communication.findFirst({
      where: { patientId: { in: patients.map((p) => p.id) }, purpose: 'FINAL_NOTICE', allowed: true },
      orderBy: { occurredAt: 'desc' },
    });
    // The notice's day in the practice's zone, as `today` is: a UTC date would count an evening notice a day late.
    const noticeDay = notice ? todayIn(practice.timeZone, notice.occurredAt) : undefined;
    const noticeAge = noticeDay ? daysBetween(noticeDay, today) : -1;
    checks.push({
      check: 'IRS_501R_NOTICE',
      passed: noticeAge >= noticeDays,
      detail: noticeDay
        ? `written notice sent ${noticeDay}, ${noticeAge} days ago; 501(r) requires ${noticeDays}`
        : 'no written notice of collection action has been sent',
    });
  }
  return { state, eligible: checks.every((c) => c.passed), balanceCents, checks };
}
