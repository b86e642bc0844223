import { audited } from '../audit/audited.ts';
import type { LedgerEntry } from '../db/prisma-client.ts';
import { NotFoundError, ValidationError } from '../errors/billing-errors.ts';
import { globalId } from '../ids/global-id.ts';
import { defineOperation } from '../operations/define-operation.ts';
import { todayIn } from '../util/calendar-date.ts';
import { FieldChecks } from '../validation/field-checks.ts';
import { balanceOf } from './balances.ts';
import { claimAgingDate } from './claim-charges.ts';
import { positiveCents } from './money-checks.ts';
import { lockPatientMoney } from './patient-lock.ts';
import { Posting } from './post-entries.ts';

export interface RefundPayerOverpaymentInput {
  claimId: string;
  amountCents: number;
  /** Why the payer is owed it back (duplicate payment, paid the wrong patient, primary paid after …). */
  reason: string;
  /** The refund check number or EFT trace. */
  reference: string;
}

/**
 * Sends back (part of) a payer's overpayment: a REFUND on the claim's insurance account that brings its credit
 * back toward zero, with the reason and the check or EFT reference on the entry. Never more than the credit; a
 * payer that takes the money back itself (PLB WO in a later 835) needs no refund here.
 */
export const refundPayerOverpayment = defineOperation({
  name: 'refundPayerOverpayment',
  roles: ['admin', 'biller'],
  run: (ctx, input: RefundPayerOverpaymentInput): Promise<LedgerEntry> =>
    audited(ctx, 'refundPayerOverpayment', async (tx) => {
      const claim = await tx.claim.findUnique({
        where: { id: input.claimId },
        include: { lines: true, patient: { select: { guarantorId: true } }, practice: true, payer: true },
      });
      if (!claim) throw new NotFoundError('Claim', globalId('Claim', input.claimId));
      const amountCents = positiveCents(input.amountCents, ['input', 'amountCents']);
      new FieldChecks()
        .notBlank(['input', 'reason'], input.reason)
        .notBlank(['input', 'reference'], input.reference)
        .throwIfAny();
      // Money operations on the patient run one after another (`lockPatientMoney`): the same refund sent twice at
      // once would otherwise pass the credit check twice.
      await lockPatientMoney(ctx.db, tx, claim.patientId);
      const { insuranceCents } = await balanceOf(tx, { claimId: claim.id, account: 'INSURANCE' });
      if (-insuranceCents < amountCents) {
        const message = `amountCents: claim ${claim.patientControlNumber} has an insurance credit of ${Math.max(0, -insuranceCents)} cents`;
        throw new ValidationError([{ path: ['input', 'amountCents'], code: 'EXCEEDS_CREDIT', message }]);
      }
      const posting = new Posting(tx, ctx.principal.organizationId, { type: 'USER', id: ctx.principal.userId });
      const [entry] = await posting.post([
        {
          practiceId: claim.practiceId,
          account: 'INSURANCE',
          kind: 'REFUND',
          amountCents,
          patientId: claim.patientId,
          guarantorId: claim.patient.guarantorId,
          claimId: claim.id,
          coverageId: claim.coverageId,
          payerId: claim.payerId,
          effectiveDate: todayIn(claim.practice.timeZone, ctx.clock.now()),
          agingDate: claimAgingDate(claim.lines),
          memo: `refund to ${claim.payer.name}, ${input.reference.trim()}: ${input.reason.trim()}`,
        },
      ]);
      return {
        result: entry!,
        recordIds: [globalId('LedgerEntry', entry!.id), globalId('Claim', claim.id)],
        practiceId: claim.practiceId,
        balanceChanges: posting.balanceChanges(),
      };
    }),
});
