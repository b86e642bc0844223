import { audited } from '../audit/audited.ts';
import { requirePractice } from '../registration/practices.ts';
import { ValidationError } from '../errors/billing-errors.ts';
import { globalId } from '../ids/global-id.ts';
import { defineOperation } from '../operations/define-operation.ts';
import { policyOf } from '../patient-billing/billing-policy.ts';
import { isCalendarDate, todayIn } from '../util/calendar-date.ts';
import type { StatementRunResult } from './run-statements.ts';
import { statePractice } from './run-statements.ts';
import { accountPatients } from './build-statement.ts';
import type { Account } from './build-statement.ts';
import { STATEMENT_HOLDS, holdsFrom, loadHoldFacts } from '../patient-billing/holds.ts';

export interface RunStatementsInput {
  practiceId: string;
  /** @default today in the practice's time zone */
  statementDate?: string | null;
  /** @default the practice's policy */
  minimumBalanceCents?: number | null;
}

/** Makes a statement for every account of a practice whose balance is due (once per account and date). */
export const runStatements = defineOperation({
  name: 'runStatements',
  roles: ['admin', 'biller'],
  run: async (ctx, input: RunStatementsInput): Promise<StatementRunResult> => {
    const { practiceId, statementDate, minimumBalanceCents } = input;
    const practice = await requirePractice(ctx.db, practiceId);
    if (statementDate && !isCalendarDate(statementDate)) {
      throw new ValidationError([
        { path: ['input', 'statementDate'], code: 'INVALID_DATE', message: 'statementDate: not a calendar date' },
      ]);
    }
    if (minimumBalanceCents != null && minimumBalanceCents < 1) {
      throw new ValidationError([
        {
          path: ['input', 'minimumBalanceCents'],
          code: 'OUT_OF_RANGE',
          message: 'minimumBalanceCents: at least 1 cent',
        },
      ]);
    }
    const policy = policyOf(practice);
    const date = statementDate ?? todayIn(practice.timeZone, ctx.clock.now());
    // The holds that stop statements in the daily cycle stop a run too: nobody bankrupt, deceased, in dispute or
    // under review, who asked us to stop, or whose visit a later payer still owes, is billed by hand either.
    const facts = await loadHoldFacts(ctx.db, { practiceId }, date);
    const holdOf = async (account: Account) => {
      const patients = await accountPatients(ctx.db, account);
      const holds = holdsFrom(facts, patients, policy, date, ctx.clock.now(), practice.timeZone);
      return holds.find((h) => STATEMENT_HOLDS.has(h.condition))?.reason;
    };
    const result = await statePractice(ctx, practice, date, minimumBalanceCents ?? policy.minimumBalanceCents, {
      dueInDays: policy.dueInDays,
      holdOf,
    });
    const recordIds = result.created.map((s) => globalId('Statement', s.id));
    return audited(ctx, 'runStatements', async () => ({ result, recordIds, practiceId }));
  },
});
