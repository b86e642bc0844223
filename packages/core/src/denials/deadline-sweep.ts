import type { Db } from '../db/prisma-client.ts';
import type { BillingPubSub } from '../pubsub/billing-events.ts';
import { addDays, daysBetween } from '../util/calendar-date.ts';
import { priorityOf } from './next-action.ts';

/** How many days before its deadline an item is announced. */
export const DEADLINE_WARNING_DAYS = 14;

/**
 * Once a round (with connector polling): refreshes every open item's priority, announces the items whose appeal
 * deadline is within DEADLINE_WARNING_DAYS (once each), and marks — and announces — the ones whose deadline has
 * passed, so nothing passes its deadline silently. Runs across organizations on the unscoped client. `todayAt` is
 * a date for every item (tests, replays) or each practice's today by its time zone.
 */
export async function sweepDenialDeadlines(
  systemDb: Db,
  pubsub: BillingPubSub,
  todayAt: string | ((timeZone: string) => string),
): Promise<{ warned: number; passed: number }> {
  const open = await systemDb.denial.findMany({
    where: { status: { in: ['OPEN', 'IN_PROGRESS'] }, dueDate: { not: null } },
    include: { claim: { select: { practice: { select: { timeZone: true } } } } },
  });
  let warned = 0;
  let passed = 0;
  for (const { claim, ...item } of open) {
    // Each item counts days in its practice's zone: a deadline passes at the practice's midnight, not UTC's.
    const today = typeof todayAt === 'string' ? todayAt : todayAt(claim.practice.timeZone);
    const soon = addDays(today, DEADLINE_WARNING_DAYS);
    const daysLeft = daysBetween(today, item.dueDate!);
    const data: Record<string, unknown> = {};
    const priority = priorityOf(item.amountAtStakeCents, daysLeft);
    if (priority !== item.priority) data.priority = priority;
    let event: 'approaching' | 'passed' | undefined;
    if (item.dueDate! < today && !item.deadlinePassed) {
      data.deadlinePassed = true;
      event = 'passed';
      passed++;
    } else if (item.dueDate! >= today && item.dueDate! <= soon && !item.deadlineWarnedAt) {
      data.deadlineWarnedAt = new Date();
      event = 'approaching';
      warned++;
    }
    if (Object.keys(data).length) await systemDb.denial.update({ where: { id: item.id }, data });
    if (event)
      pubsub.publish('denialDeadlineApproaching', item.organizationId, {
        denialId: item.id,
        practiceId: item.practiceId,
        dueDate: item.dueDate!,
        daysLeft,
        passed: event === 'passed',
      });
  }
  return { warned, passed };
}
