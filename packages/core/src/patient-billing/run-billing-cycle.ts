import { recordAuditEvent } from '../audit/audited.ts';
import { requirePractice } from '../registration/practices.ts';
import { ValidationError } from '../errors/billing-errors.ts';
import { globalId } from '../ids/global-id.ts';
import { defineOperation } from '../operations/define-operation.ts';
import { isCalendarDate, todayIn } from '../util/calendar-date.ts';
import { runCycleForDay } from './billing-cycle.ts';
import type { BillingCycleResult } from './billing-cycle.ts';
import { BILLER_ROLES } from './billing-roles.ts';

/**
 * Runs a practice's patient billing for a day now (the scheduler does this daily): payment plans, small balances,
 * statements and dunning steps. Idempotent per day.
 */
export const runBillingCycle = defineOperation({
  name: 'runBillingCycle',
  roles: BILLER_ROLES,
  run: async (ctx, input: { practiceId: string; date?: string | null }): Promise<BillingCycleResult> => {
    const id = input.practiceId;
    const practice = await requirePractice(ctx.db, id);
    const today = todayIn(practice.timeZone, ctx.clock.now());
    if (input.date && (!isCalendarDate(input.date) || input.date > today)) {
      throw new ValidationError([
        {
          path: ['input', 'date'],
          code: 'INVALID_DATE',
          message: `date: a calendar date no later than today (${today})`,
        },
      ]);
    }
    const result = await runCycleForDay(ctx, practice, input.date ?? today);
    await recordAuditEvent(ctx, 'runBillingCycle', 'SUCCEEDED', [globalId('Practice', id)], id);
    return result;
  },
});
