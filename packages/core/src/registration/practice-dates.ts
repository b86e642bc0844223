import { addDays, todayIn } from '../util/calendar-date.ts';
import type { DomainContext } from '../context/domain-context.ts';

/**
 * For each of the organization's practices, the date `offsetDays` after its today, in its own time zone and by the
 * configured clock. Work lists that count days ("due within 30 days", "serviced 90 days ago or more") ask every
 * practice with its own date: between midnight UTC and midnight in Chicago the two are different days.
 */
export async function practiceDates(
  ctx: Pick<DomainContext, 'db' | 'clock'>,
  offsetDays = 0,
): Promise<Array<{ practiceId: string; date: string }>> {
  const practices = await ctx.db.practice.findMany({ select: { id: true, timeZone: true } });
  return practices.map((p) => ({ practiceId: p.id, date: addDays(todayIn(p.timeZone, ctx.clock.now()), offsetDays) }));
}
