import { audited } from '../audit/audited.ts';
import type { LedgerEntry } from '../db/prisma-client.ts';
import { NotFoundError, ValidationError } from '../errors/billing-errors.ts';
import { globalId } from '../ids/global-id.ts';
import { Posting } from '../ledger/post-entries.ts';
import { defineOperation } from '../operations/define-operation.ts';
import { todayIn } from '../util/calendar-date.ts';
import { adjustAccount } from './account-adjustments.ts';
import { policyOf } from './billing-policy.ts';
import { BILLER_ROLES } from './billing-roles.ts';
import { accountOfPatient, accountPatientIds } from './guarantor-account.ts';

/**
 * Grants one of the practice's financial-assistance programs to the patient's account: its discount is posted
 * against each open visit as an adjustment with the reason, and a financial-assistance review flag is cleared.
 */
export const applyFinancialAssistance = defineOperation({
  name: 'applyFinancialAssistance',
  roles: BILLER_ROLES,
  run: (ctx, input: { patientId: string; program: string; note?: string | null }): Promise<LedgerEntry[]> =>
    audited(ctx, 'applyFinancialAssistance', async (tx) => {
      const { patientId } = input;
      const patient = await tx.patient.findUnique({ where: { id: patientId }, include: { practice: true } });
      if (!patient) throw new NotFoundError('Patient', globalId('Patient', patientId));
      const programs = policyOf(patient.practice).financialAssistance;
      const program = programs.find((p) => p.program === input.program);
      if (!program) {
        const known = programs.map((p) => p.program).join(', ') || 'none';
        throw new ValidationError([
          {
            path: ['input', 'program'],
            code: 'UNKNOWN_PROGRAM',
            message: `program: the practice's programs are ${known}`,
          },
        ]);
      }
      const posting = new Posting(tx, ctx.principal.organizationId, { type: 'USER', id: ctx.principal.userId });
      const today = todayIn(patient.practice.timeZone, ctx.clock.now());
      const note = input.note?.trim() ? `: ${input.note.trim()}` : '';
      const memo = `financial assistance ${program.program} (${program.discountPercent}%)${note}`;
      const entries = await adjustAccount(
        tx,
        posting,
        accountOfPatient(patient),
        { percent: program.discountPercent },
        'FINANCIAL_ASSISTANCE',
        memo,
        today,
      );
      if (!entries.length) {
        throw new ValidationError([
          {
            path: ['input', 'patientId'],
            code: 'NOTHING_OWED',
            message: 'patientId: the account has no open patient balance to adjust',
          },
        ]);
      }
      await tx.accountFlag.updateMany({
        where: {
          patientId: { in: await accountPatientIds(tx, patient) },
          kind: 'FINANCIAL_ASSISTANCE',
          clearedAt: null,
        },
        data: { clearedAt: ctx.clock.now(), clearedById: ctx.principal.userId },
      });
      const recordIds = entries.map((e) => globalId('LedgerEntry', e.id));
      return { result: entries, recordIds, practiceId: patient.practiceId, balanceChanges: posting.balanceChanges() };
    }),
});
