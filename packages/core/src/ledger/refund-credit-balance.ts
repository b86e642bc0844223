import { audited } from '../audit/audited.ts';
import type { LedgerEntry } from '../db/prisma-client.ts';
import { NotFoundError, ValidationError } from '../errors/billing-errors.ts';
import { globalId } from '../ids/global-id.ts';
import { defineOperation } from '../operations/define-operation.ts';
import { todayIn } from '../util/calendar-date.ts';
import { balanceOf } from './balances.ts';
import { positiveCents } from './money-checks.ts';
import { lockPatientMoney } from './patient-lock.ts';
import { Posting } from './post-entries.ts';
import type { PatientPaymentMethod } from './record-patient-payment.ts';

export interface RefundCreditBalanceInput {
  patientId: string;
  amountCents: number;
  method: PatientPaymentMethod;
  reference?: string | null;
}

/** Refunds (part of) a credit balance on the patient's guarantor account; never more than the credit. */
export const refundCreditBalance = defineOperation({
  name: 'refundCreditBalance',
  roles: ['admin', 'biller'],
  run: (ctx, input: RefundCreditBalanceInput): Promise<LedgerEntry> =>
    audited(ctx, 'refundCreditBalance', async (tx) => {
      const { patientId } = input;
      const patient = await tx.patient.findUnique({ where: { id: patientId }, include: { practice: true } });
      if (!patient) throw new NotFoundError('Patient', globalId('Patient', patientId));
      const amountCents = positiveCents(input.amountCents, ['input', 'amountCents']);
      await lockPatientMoney(ctx.db, tx, patientId);
      const balance = await balanceOf(tx, { patientId, account: 'PATIENT' });
      if (-balance.patientCents < amountCents) {
        const message = `amountCents: the credit balance is ${Math.max(0, -balance.patientCents)} cents`;
        throw new ValidationError([{ path: ['input', 'amountCents'], code: 'EXCEEDS_CREDIT', message }]);
      }
      const posting = new Posting(tx, ctx.principal.organizationId, { type: 'USER', id: ctx.principal.userId });
      const [entry] = await posting.post([
        {
          practiceId: patient.practiceId,
          account: 'PATIENT',
          kind: 'REFUND',
          amountCents,
          patientId,
          guarantorId: patient.guarantorId,
          effectiveDate: todayIn(patient.practice.timeZone, ctx.clock.now()),
          memo: `refund by ${input.method}${input.reference ? ` ${input.reference}` : ''}`,
        },
      ]);
      return {
        result: entry!,
        recordIds: [globalId('LedgerEntry', entry!.id)],
        practiceId: patient.practiceId,
        balanceChanges: posting.balanceChanges(),
      };
    }),
});
