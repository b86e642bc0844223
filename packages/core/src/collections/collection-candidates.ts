import type { DomainContext } from '../context/domain-context.ts';
import { requirePractice } from '../registration/practices.ts';
import { todayIn } from '../util/calendar-date.ts';
import { evaluateCandidate } from './eligibility.ts';
import type { CollectionCandidate } from './eligibility.ts';

/** Every account of a practice in (or past) dunning, with whether it may be placed today and why (not). */
export async function collectionCandidates(
  ctx: DomainContext,
  practiceId: string,
  eligibleOnly = false,
): Promise<CollectionCandidate[]> {
  const practice = await requirePractice(ctx.db, practiceId);
  const organization = await ctx.db.organization.findUniqueOrThrow({ where: { id: ctx.principal.organizationId } });
  const today = todayIn(practice.timeZone, ctx.clock.now());
  const states = await ctx.db.dunningState.findMany({
    where: { practiceId: practice.id, status: { notIn: ['RESOLVED'] } },
    orderBy: [{ lastStepDate: 'asc' }, { id: 'asc' }],
  });
  const candidates = [];
  for (const state of states) candidates.push(await evaluateCandidate(ctx, practice, organization, state, today));
  return eligibleOnly ? candidates.filter((c) => c.eligible) : candidates;
}
