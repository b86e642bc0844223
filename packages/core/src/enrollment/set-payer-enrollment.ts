import { audited } from '../audit/audited.ts';
import type { EnrollmentStatus, EnrollmentTransaction, PayerEnrollment } from '../db/prisma-client.ts';
import { NotFoundError, ValidationError } from '../errors/billing-errors.ts';
import type { FieldError } from '../errors/billing-errors.ts';
import { globalId } from '../ids/global-id.ts';
import { defineOperation } from '../operations/define-operation.ts';
import { requirePractice } from '../registration/practices.ts';
import { isCalendarDate } from '../util/calendar-date.ts';

export interface SetPayerEnrollmentInput {
  practiceId: string;
  payerId: string;
  /** The NPI enrolled: the practice's group NPI (the default) or one of its providers'. */
  npi?: string | null;
  transaction: EnrollmentTransaction;
  status: EnrollmentStatus;
  submittedOn?: string | null;
  liveOn?: string | null;
  note?: string | null;
}

/**
 * Records where one NPI's enrollment with a payer for one transaction stands (a new record, or the same one
 * moved on). The NPI must be the practice's or one of its providers'; a LIVE enrollment needs the day it went live.
 */
export const setPayerEnrollment = defineOperation({
  name: 'setPayerEnrollment',
  roles: ['admin', 'biller'],
  run: (ctx, input: SetPayerEnrollmentInput): Promise<PayerEnrollment> =>
    audited(ctx, 'setPayerEnrollment', async (tx) => {
      const practice = await requirePractice(tx, input.practiceId);
      const payer = await tx.payer.findUnique({ where: { id: input.payerId } });
      if (!payer) throw new NotFoundError('Payer', globalId('Payer', input.payerId));
      const npi = input.npi ?? practice.npi;
      const errors: FieldError[] = [];
      const isProvider = async () => (await tx.provider.count({ where: { practiceId: practice.id, npi } })) > 0;
      if (npi !== practice.npi && !(await isProvider()))
        errors.push({
          path: ['input', 'npi'],
          code: 'UNKNOWN_NPI',
          message: `npi: ${npi} is neither ${practice.name}'s NPI nor one of its providers'`,
        });
      for (const field of ['submittedOn', 'liveOn'] as const) {
        const value = input[field];
        if (value != null && !isCalendarDate(value))
          errors.push({ path: ['input', field], code: 'INVALID_DATE', message: `${field}: not a calendar date` });
      }
      if (input.status === 'LIVE' && !input.liveOn)
        errors.push({
          path: ['input', 'liveOn'],
          code: 'REQUIRED',
          message: 'liveOn: the day the enrollment went live',
        });
      if (errors.length) throw new ValidationError(errors);
      const key = {
        organizationId: ctx.principal.organizationId,
        practiceId: practice.id,
        payerId: payer.id,
        npi,
        transaction: input.transaction,
      };
      const data = {
        status: input.status,
        submittedOn: input.submittedOn ?? null,
        liveOn: input.liveOn ?? null,
        note: input.note ?? null,
      };
      const enrollment = await tx.payerEnrollment.upsert({
        where: { organizationId_practiceId_payerId_npi_transaction: key },
        create: { ...key, ...data },
        update: data,
      });
      return {
        result: enrollment,
        recordIds: [globalId('PayerEnrollment', enrollment.id)],
        practiceId: practice.id,
      };
    }),
});
