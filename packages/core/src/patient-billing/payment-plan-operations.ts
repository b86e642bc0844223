import { audited } from '../audit/audited.ts';
import { recallPlacements } from '../collections/recall.ts';
import type { PaymentPlan } from '../db/prisma-client.ts';
import { InvalidStateTransitionError, NotFoundError, ValidationError } from '../errors/billing-errors.ts';
import { globalId } from '../ids/global-id.ts';
import { defineOperation } from '../operations/define-operation.ts';
import { isCalendarDate, todayIn } from '../util/calendar-date.ts';
import { policyOf } from './billing-policy.ts';
import { BILLER_ROLES } from './billing-roles.ts';
import { accountPatientIds } from './guarantor-account.ts';
import { agreePaymentPlan } from './payment-plans.ts';
import type { PaymentPlanTerms } from './payment-plans.ts';

export interface CreatePaymentPlanInput extends PaymentPlanTerms {
  /** Any patient on the guarantor account; the plan covers the account's whole balance. */
  patientId: string;
}

/** Agrees a payment plan for the account's balance; dunning holds while it is kept. */
export const createPaymentPlan = defineOperation({
  name: 'createPaymentPlan',
  roles: ['admin', 'biller', 'frontdesk'],
  run: (ctx, input: CreatePaymentPlanInput): Promise<PaymentPlan> =>
    audited(ctx, 'createPaymentPlan', async (tx) => {
      const { patientId } = input;
      const patient = await tx.patient.findUnique({ where: { id: patientId }, include: { practice: true } });
      if (!patient) throw new NotFoundError('Patient', globalId('Patient', patientId));
      if (!isCalendarDate(input.startDate)) {
        throw new ValidationError([
          { path: ['input', 'startDate'], code: 'INVALID_DATE', message: 'startDate: not a calendar date' },
        ]);
      }
      const fixed = input.installmentCents;
      if (fixed != null && (!Number.isSafeInteger(fixed) || fixed < 1)) {
        throw new ValidationError([
          {
            path: ['input', 'installmentCents'],
            code: 'OUT_OF_RANGE',
            message: 'installmentCents: a positive number of cents',
          },
        ]);
      }
      const today = todayIn(patient.practice.timeZone, ctx.clock.now());
      const plan = await agreePaymentPlan(
        tx,
        ctx.principal.organizationId,
        patient,
        input,
        policyOf(patient.practice),
        today,
      );
      // A plan agreed at the practice takes a placed account back from its agency.
      await recallPlacements(
        ctx,
        tx,
        await accountPatientIds(tx, patient),
        'a payment plan was agreed at the practice',
        today,
      );
      return { result: plan, recordIds: [globalId('PaymentPlan', plan.id)], practiceId: patient.practiceId };
    }),
});

/** Ends an active plan at the guarantor's or practice's request; dunning resumes on the next cycle. */
export const cancelPaymentPlan = defineOperation({
  name: 'cancelPaymentPlan',
  roles: BILLER_ROLES,
  run: (ctx, input: { paymentPlanId: string; reason: string }): Promise<PaymentPlan> =>
    audited(ctx, 'cancelPaymentPlan', async (tx) => {
      const id = input.paymentPlanId;
      const plan = await tx.paymentPlan.findUnique({ where: { id } });
      if (!plan) throw new NotFoundError('PaymentPlan', globalId('PaymentPlan', id));
      if (plan.status !== 'ACTIVE')
        throw new InvalidStateTransitionError(plan.status, 'CANCELLED', `This plan is ${plan.status}`);
      const reason = input.reason.trim();
      if (!reason)
        throw new ValidationError([
          { path: ['input', 'reason'], code: 'REQUIRED', message: 'reason: say why the plan ends' },
        ]);
      const ended = await tx.paymentPlan.update({
        where: { id },
        data: { status: 'CANCELLED', statusReason: reason, endedAt: ctx.clock.now() },
      });
      return { result: ended, recordIds: [globalId('PaymentPlan', id)], practiceId: plan.practiceId };
    }),
});
