import type { Db } from '../db/prisma-client.ts';
import type { SystemContextFactory } from '../inbound/poll-connectors.ts';
import { runCycleForDay } from '../patient-billing/billing-cycle.ts';
import { todayIn } from '../util/calendar-date.ts';
import { localClock } from '../compliance/debtor-time.ts';
import type { JobHandler, JobQueue } from './job-queue.ts';

export const BILLING_CYCLE_JOB = 'revcycle-billing-cycle';

/** The cycle runs from this hour of the practice's day, so its reminders go out in business hours. */
export const BILLING_CYCLE_HOUR = 9;

/**
 * Queues each practice's billing cycle for the day it is in the practice's time zone, from 9 a.m. there. Every
 * instance may call this as often as it likes: a practice's day is queued once (the job key), so it runs once.
 */
export async function enqueueDueBillingCycles(systemDb: Db, queue: JobQueue, now: Date): Promise<number> {
  const practices = await systemDb.practice.findMany({
    select: { id: true, organizationId: true, timeZone: true },
    orderBy: { id: 'asc' },
  });
  let added = 0;
  for (const practice of practices) {
    const date = todayIn(practice.timeZone, now);
    if (localClock(now, practice.timeZone).seconds < BILLING_CYCLE_HOUR * 3600) continue;
    if (
      await queue.enqueue(BILLING_CYCLE_JOB, `${practice.id}:${date}`, {
        organizationId: practice.organizationId,
        practiceId: practice.id,
        date,
      })
    )
      added++;
  }
  return added;
}

/** Runs one practice's day, as the billing-cycle system user of its organization. */
export function billingCycleHandler(contextFor: SystemContextFactory): JobHandler {
  return async (data) => {
    const ctx = contextFor({
      userId: 'system:billing-cycle',
      organizationId: String(data.organizationId),
      roles: ['admin'],
    });
    const practice = await ctx.db.practice.findUnique({ where: { id: String(data.practiceId) } });
    if (!practice) return; // deleted since it was queued: nothing to do
    const result = await runCycleForDay(ctx, practice, String(data.date));
    ctx.logger.info({ practiceId: practice.id, ...result }, 'billing cycle ran');
  };
}
