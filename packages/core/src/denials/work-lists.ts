import type { DomainContext } from '../context/domain-context.ts';
import { practiceDates } from '../registration/practice-dates.ts';
import { addDays } from '../util/calendar-date.ts';
import { DEADLINE_WARNING_DAYS } from './deadline-sweep.ts';

type Reader = Pick<DomainContext, 'db' | 'clock'>;

/** Open work items whose appeal deadline falls within `withinDays` of each practice's own today (or has passed). */
export async function approachingDeadlineWhere(ctx: Reader, withinDays: number | null | undefined) {
  const horizons = await practiceDates(ctx, withinDays ?? DEADLINE_WARNING_DAYS);
  const byPractice = horizons.map(({ practiceId, date }) => ({ practiceId, dueDate: { not: null, lte: date } }));
  return { status: { in: ['OPEN' as const, 'IN_PROGRESS' as const] }, OR: byPractice };
}

/** Claims not yet accepted whose timely-filing limit (first date of service + the payer's days) ends by the horizon. */
export async function claimsDueForFiling(ctx: Reader, withinDays: number | null | undefined): Promise<string[]> {
  const claims = await ctx.db.claim.findMany({
    where: { status: { in: ['DRAFT', 'SCRUB_FAILED', 'READY', 'REJECTED'] } },
    select: {
      id: true,
      practiceId: true,
      payer: { select: { timelyFilingDays: true } },
      lines: { select: { serviceDate: true } },
    },
  });
  const horizons = new Map((await practiceDates(ctx, withinDays ?? 30)).map((h) => [h.practiceId, h.date]));
  const limitOf = (c: (typeof claims)[number]) =>
    addDays(c.lines.map((l) => l.serviceDate).sort()[0]!, c.payer.timelyFilingDays);
  return claims.filter((c) => c.lines.length && limitOf(c) <= horizons.get(c.practiceId)!).map((c) => c.id);
}
