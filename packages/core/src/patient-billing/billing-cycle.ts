import { audited } from '../audit/audited.ts';
import type { Practice } from '../db/prisma-client.ts';
import { transaction } from '../db/prisma-client.ts';
import type { DomainContext } from '../context/domain-context.ts';
import { globalId } from '../ids/global-id.ts';
import { accountWhere } from '../ledger/balances.ts';
import { Posting } from '../ledger/post-entries.ts';
import { accountBalances } from '../statements/run-statements.ts';
import { formatCents } from '../util/money.ts';
import { adjustAccount } from './account-adjustments.ts';
import { applyCredits, balancePieces } from './apply-credits.ts';
import { policyOf } from './billing-policy.ts';
import type { PatientBillingPolicy } from './billing-policy.ts';
import { advanceDunning, loadDunningDay } from './dunning.ts';
import { reviewPaymentPlan } from './payment-plans.ts';
import type { PlanReview } from './payment-plans.ts';

export interface BillingCycleResult {
  date: string;
  /** Dunning steps run, by action (STATEMENT, REMINDER, FINAL_NOTICE, READY_FOR_COLLECTIONS). */
  steps: Record<string, number>;
  cycleStatements: number;
  held: number;
  resolved: number;
  plans: Partial<Record<PlanReview, number>>;
  smallBalancesWrittenOff: number;
  /** Accounts whose credits were applied to their visits still owing (policy APPLY). */
  creditsApplied: number;
}

const bump = <K extends string>(counts: Partial<Record<K, number>>, key: K) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/** Small balances under the practice's threshold are written off once the account has had enough statements. */
async function writeOffSmallBalance(
  ctx: DomainContext,
  policy: PatientBillingPolicy,
  account: { guarantorId: string } | { patientId: string },
  balanceCents: number,
  today: string,
): Promise<boolean> {
  const { writeOffBelowCents, afterStatements } = policy.smallBalance;
  if (writeOffBelowCents <= 0 || balanceCents <= 0 || balanceCents >= writeOffBelowCents) return false;
  const stated = await ctx.db.statement.count({
    where:
      'guarantorId' in account
        ? { guarantorId: account.guarantorId }
        : { patientId: account.patientId, guarantorId: null },
  });
  if (stated < afterStatements) return false;
  await audited(ctx, 'billingCycle.writeOffSmallBalance', async (tx) => {
    const posting = new Posting(tx, ctx.principal.organizationId, { type: 'SYSTEM', id: ctx.principal.userId });
    const entries = await adjustAccount(
      tx,
      posting,
      account,
      { percent: 100 },
      'SMALL_BALANCE',
      `small balance under ${formatCents(writeOffBelowCents)} written off after ${stated} statements`,
      today,
    );
    return {
      result: entries,
      recordIds: entries.map((e) => globalId('LedgerEntry', e.id)),
      practiceId: entries[0]?.practiceId ?? null,
      balanceChanges: posting.balanceChanges(),
    };
  });
  return true;
}

/** Applies the credits of every account that has both a credit and a visit owing; returns how many accounts. */
async function applyAccountCredits(ctx: DomainContext, practice: Practice, today: string): Promise<number> {
  const accounts = await balancePieces(ctx.db, { practiceId: practice.id, effectiveDate: { lte: today } });
  let applied = 0;
  for (const pieces of accounts.values()) {
    if (!pieces.some((p) => p.cents < 0) || !pieces.some((p) => p.cents > 0 && p.claimId)) continue;
    await audited(ctx, 'billingCycle.applyCredits', async (tx) => {
      const posting = new Posting(tx, ctx.principal.organizationId, { type: 'SYSTEM', id: ctx.principal.userId });
      // Read again inside the transaction: a payment may have landed since the practice-wide read.
      const first = pieces[0]!;
      const account = accountWhere(
        first.guarantorId ? { guarantorId: first.guarantorId } : { patientId: first.patientId },
      );
      const fresh = await balancePieces(tx, { ...account, effectiveDate: { lte: today } });
      await applyCredits(posting, [...fresh.values()].flat(), today);
      return {
        result: null,
        recordIds: [globalId('Patient', pieces[0]!.patientId)],
        practiceId: practice.id,
        balanceChanges: posting.balanceChanges(),
      };
    });
    applied++;
  }
  return applied;
}

/**
 * One practice's day of patient billing, in this order: payment plans are brought up to date (payments applied,
 * defaults, payoffs, re-plans), credits are applied to visits owing (policy APPLY), small balances are written off, then every account owing moves along its dunning
 * sequence (statements, reminders, final notices). Safe to run again for the same day: every effect is keyed.
 */
export async function runCycleForDay(
  ctx: DomainContext,
  practice: Practice,
  today: string,
): Promise<BillingCycleResult> {
  const policy = policyOf(practice);
  const result: BillingCycleResult = {
    date: today,
    steps: {},
    cycleStatements: 0,
    held: 0,
    resolved: 0,
    plans: {},
    smallBalancesWrittenOff: 0,
    creditsApplied: 0,
  };
  const plans = await ctx.db.paymentPlan.findMany({
    where: { practiceId: practice.id, status: 'ACTIVE' },
    include: { installments: true },
  });
  for (const plan of plans)
    bump(result.plans, await transaction(ctx.db, (tx) => reviewPaymentPlan(tx, plan, policy, today, ctx.clock.now())));

  if (policy.patientCredits === 'APPLY') result.creditsApplied = await applyAccountCredits(ctx, practice, today);

  const day = await loadDunningDay(ctx, practice, today);
  for (const { account, balanceCents } of await accountBalances(ctx, practice.id, today)) {
    let balance = balanceCents;
    if (await writeOffSmallBalance(ctx, policy, account, balance, today)) {
      result.smallBalancesWrittenOff++;
      balance = 0;
    }
    const outcome = await advanceDunning(ctx, practice, policy, account, balance, today, day);
    if (outcome.kind === 'STEP') bump(result.steps, outcome.step.action);
    else if (outcome.kind === 'CYCLE_STATEMENT') result.cycleStatements++;
    else if (outcome.kind === 'HELD') result.held++;
    else if (outcome.kind === 'RESOLVED') result.resolved++;
  }
  return result;
}
