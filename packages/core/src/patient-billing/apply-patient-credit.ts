import { audited } from '../audit/audited.ts';
import { NotFoundError } from '../errors/billing-errors.ts';
import { globalId } from '../ids/global-id.ts';
import { accountWhere, balanceOf } from '../ledger/balances.ts';
import { lockPatientMoney } from '../ledger/patient-lock.ts';
import { Posting } from '../ledger/post-entries.ts';
import { defineOperation } from '../operations/define-operation.ts';
import { todayIn } from '../util/calendar-date.ts';
import { applyCredits, balancePieces } from './apply-credits.ts';

export interface PatientCreditApplied {
  /** What moved from the account's credits onto its visits still owing. */
  appliedCents: number;
  /** The account's patient balance afterwards (unchanged by an application; negative while a credit is left). */
  accountBalanceCents: number;
}

/**
 * Applies the credits on a patient's guarantor account (money not applied to a visit, visits overpaid) to the
 * account's visits still owing, oldest first — what the daily cycle does by itself when the practice's policy
 * says APPLY. What is left is a credit to refund (refundCreditBalance).
 */
export const applyPatientCredit = defineOperation({
  name: 'applyPatientCredit',
  roles: ['admin', 'biller'],
  run: (ctx, input: { patientId: string }): Promise<PatientCreditApplied> =>
    audited(ctx, 'applyPatientCredit', async (tx) => {
      const patient = await tx.patient.findUnique({ where: { id: input.patientId }, include: { practice: true } });
      if (!patient) throw new NotFoundError('Patient', globalId('Patient', input.patientId));
      const account = accountWhere(
        patient.guarantorId ? { guarantorId: patient.guarantorId } : { patientId: patient.id },
      );
      await lockPatientMoney(ctx.db, tx, patient.id, { wholeAccount: true });
      const today = todayIn(patient.practice.timeZone, ctx.clock.now());
      const pieces = [...(await balancePieces(tx, { ...account, effectiveDate: { lte: today } })).values()].flat();
      const posting = new Posting(tx, ctx.principal.organizationId, { type: 'USER', id: ctx.principal.userId });
      const appliedCents = await applyCredits(posting, pieces, today);
      const { patientCents } = await balanceOf(tx, { ...account, account: 'PATIENT' });
      return {
        result: { appliedCents, accountBalanceCents: patientCents },
        recordIds: [globalId('Patient', patient.id)],
        practiceId: patient.practiceId,
        balanceChanges: posting.balanceChanges(),
      };
    }),
});
