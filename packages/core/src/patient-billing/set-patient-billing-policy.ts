import { audited } from '../audit/audited.ts';
import { requirePractice } from '../registration/practices.ts';
import { globalId } from '../ids/global-id.ts';
import { defineOperation } from '../operations/define-operation.ts';
import { policyOf, type SKIP_CONDITIONS, validatePolicy } from './billing-policy.ts';
import type { DunningStep, PatientBillingPolicy, SkipCondition } from './billing-policy.ts';

/** Fields left out keep their current value. */
export interface SetPatientBillingPolicyInput {
  practiceId: string;
  statementCycleDays?: number | null;
  minimumBalanceCents?: number | null;
  dueInDays?: number | null;
  dunningSteps?: ReadonlyArray<
    Omit<DunningStep, 'channels'> & { channels: readonly DunningStep['channels'][number][] }
  > | null;
  skipConditions?: readonly SkipCondition[] | null;
  recentPaymentDays?: number | null;
  paymentPlanGraceDays?: number | null;
  onPlanBalanceChange?: PatientBillingPolicy['paymentPlans']['onBalanceChange'] | null;
  minimumInstallmentCents?: number | null;
  smallBalanceWriteOffBelowCents?: number | null;
  smallBalanceAfterStatements?: number | null;
  collectionMinimumCents?: number | null;
  financialAssistancePrograms?: ReadonlyArray<{ program: string; discountPercent: number }> | null;
  patientCredits?: PatientBillingPolicy['patientCredits'] | null;
  validationNoticeDelivery?: PatientBillingPolicy['validationNotice']['delivery'] | null;
  validationNoticeSpanishOffer?: boolean | null;
}

// CEASE_COMMUNICATION always holds dunning (FDCPA): it is not the practice's to turn off, so it is not stored.
const storedSkip = (c: SkipCondition): c is (typeof SKIP_CONDITIONS)[number] =>
  c !== 'CEASE_COMMUNICATION' && c !== 'LATER_PAYER_PENDING';

/** Sets the practice's patient billing policy (statement cycle, dunning, plans, small balances, assistance). */
export const setPatientBillingPolicy = defineOperation({
  name: 'setPatientBillingPolicy',
  roles: ['admin'],
  run: (ctx, input: SetPatientBillingPolicyInput): Promise<PatientBillingPolicy> =>
    audited(ctx, 'setPatientBillingPolicy', async (tx) => {
      const id = input.practiceId;
      const practice = await requirePractice(tx, id);
      const current = policyOf(practice);
      const policy: PatientBillingPolicy = {
        statementCycleDays: input.statementCycleDays ?? current.statementCycleDays,
        minimumBalanceCents: input.minimumBalanceCents ?? current.minimumBalanceCents,
        dueInDays: input.dueInDays ?? current.dueInDays,
        dunningSteps: input.dunningSteps
          ? input.dunningSteps.map((s) => ({ ...s, channels: [...s.channels] }))
          : current.dunningSteps,
        skipConditions: input.skipConditions ? input.skipConditions.filter(storedSkip) : current.skipConditions,
        recentPaymentDays: input.recentPaymentDays ?? current.recentPaymentDays,
        paymentPlans: {
          graceDays: input.paymentPlanGraceDays ?? current.paymentPlans.graceDays,
          onBalanceChange: input.onPlanBalanceChange ?? current.paymentPlans.onBalanceChange,
          minimumInstallmentCents: input.minimumInstallmentCents ?? current.paymentPlans.minimumInstallmentCents,
        },
        smallBalance: {
          writeOffBelowCents: input.smallBalanceWriteOffBelowCents ?? current.smallBalance.writeOffBelowCents,
          afterStatements: input.smallBalanceAfterStatements ?? current.smallBalance.afterStatements,
        },
        collectionMinimumCents: input.collectionMinimumCents ?? current.collectionMinimumCents,
        financialAssistance: input.financialAssistancePrograms
          ? input.financialAssistancePrograms.map((p) => ({ ...p }))
          : current.financialAssistance,
        patientCredits: input.patientCredits ?? current.patientCredits,
        validationNotice: {
          delivery: input.validationNoticeDelivery ?? current.validationNotice.delivery,
          spanishOffer: input.validationNoticeSpanishOffer ?? current.validationNotice.spanishOffer,
        },
      };
      validatePolicy(policy);
      await tx.practice.update({ where: { id }, data: { patientBillingPolicy: policy as never } });
      return { result: policy, recordIds: [globalId('Practice', id)], practiceId: id };
    }),
});
