import type { Practice } from '../db/prisma-client.ts';
import { ValidationError } from '../errors/billing-errors.ts';
import type { FieldError } from '../errors/billing-errors.ts';

/** What a dunning step does. READY_FOR_COLLECTIONS contacts nobody: it ends the sequence (collections take over). */
export const DUNNING_ACTIONS = ['STATEMENT', 'REMINDER', 'FINAL_NOTICE', 'READY_FOR_COLLECTIONS'] as const;
export type DunningAction = (typeof DUNNING_ACTIONS)[number];

/** How a step may reach the guarantor. MAIL is a printed statement or letter; the others go through a notifier. */
export const DUNNING_CHANNELS = ['MAIL', 'EMAIL', 'SMS', 'PHONE_TASK'] as const;
export type DunningChannel = (typeof DUNNING_CHANNELS)[number];

/**
 * Conditions that hold an account's dunning where it is. Each one a practice turns on is checked every day;
 * CEASE_COMMUNICATION (a written request to stop) always holds, it is the law, not a preference.
 */
export const SKIP_CONDITIONS = [
  'INSURANCE_PENDING',
  'PAYMENT_PLAN',
  'RECENT_PAYMENT',
  'DISPUTE',
  'FINANCIAL_ASSISTANCE',
  'DECEASED',
  'BANKRUPTCY',
] as const;
/**
 * Always on besides those: CEASE_COMMUNICATION, and LATER_PAYER_PENDING — a secondary or tertiary payer still
 * owes on a visit of the account, so what the patient owes is not known yet (coordination of benefits).
 */
export type SkipCondition = (typeof SKIP_CONDITIONS)[number] | 'CEASE_COMMUNICATION' | 'LATER_PAYER_PENDING';

export interface DunningStep {
  /** Shown to billers and in explanations, e.g. "second statement". */
  name: string;
  /** Days after the sequence's first statement. */
  dayOffset: number;
  action: DunningAction;
  /** In order of preference; the guarantor's preferred channel wins when it is listed and allowed. */
  channels: DunningChannel[];
  /** The notifier template (reminders) or the statement message set (statements, final notices). */
  template: string;
}

export interface PatientBillingPolicy {
  /** Days between statements for an account that owes (the practice's statement cycle). */
  statementCycleDays: number;
  /** Accounts owing less than this get no statement and no dunning. */
  minimumBalanceCents: number;
  /** Days from a statement's date to its due date. */
  dueInDays: number;
  dunningSteps: DunningStep[];
  skipConditions: Array<(typeof SKIP_CONDITIONS)[number]>;
  /** RECENT_PAYMENT holds the account this many days after a payment. */
  recentPaymentDays: number;
  paymentPlans: {
    /** Days after an installment's due date before it counts as missed and the plan defaults. */
    graceDays: number;
    /** When the balance changes under a plan (a late insurance payment): REPLAN keeps the installment and redoes the schedule, CANCEL ends the plan. */
    onBalanceChange: 'REPLAN' | 'CANCEL';
    minimumInstallmentCents: number;
  };
  smallBalance: {
    /** Balances under this are written off (0: never). */
    writeOffBelowCents: number;
    /** …once the account has had this many statements. */
    afterStatements: number;
  };
  /** Accounts owing less than this are not placed with a collection agency. */
  collectionMinimumCents: number;
  /** Financial-assistance programs: the discount each one posts as an adjustment when granted. */
  financialAssistance: Array<{ program: string; discountPercent: number }>;
  /**
   * A credit on a guarantor account (money not applied to a visit, a visit overpaid): APPLY moves it onto the
   * account's visits still owing in the daily cycle, oldest first; REFUND leaves it for a refund (creditBalances).
   */
  patientCredits: 'APPLY' | 'REFUND';
  /** The validation notice's choices the law leaves to the collector (12 CFR 1006.34, 1006.42). */
  validationNotice: ValidationNoticePolicy;
}

export const NOTICE_DELIVERIES = ['MAIL', 'EMAIL'] as const;

export interface ValidationNoticePolicy {
  /**
   * MAIL, or EMAIL to an address the consumer gave E-SIGN consent for (12 CFR 1006.42(b)); a notice that cannot
   * go by e-mail (no such consent, opted out, no notifier, a failed send) is mailed, and the reason kept.
   */
  delivery: (typeof NOTICE_DELIVERIES)[number];
  /** Whether the notice offers a Spanish copy (an optional disclosure, 1006.34(d)(3)(vi)). */
  spanishOffer: boolean;
}

export const DEFAULT_PATIENT_BILLING_POLICY: PatientBillingPolicy = {
  statementCycleDays: 30,
  minimumBalanceCents: 500,
  dueInDays: 30,
  dunningSteps: [
    { name: 'first statement', dayOffset: 0, action: 'STATEMENT', channels: ['MAIL', 'EMAIL'], template: 'statement' },
    {
      name: 'second statement',
      dayOffset: 30,
      action: 'STATEMENT',
      channels: ['MAIL', 'EMAIL'],
      template: 'statement-past-due',
    },
    {
      name: 'reminder',
      dayOffset: 45,
      action: 'REMINDER',
      channels: ['SMS', 'EMAIL', 'PHONE_TASK'],
      template: 'reminder',
    },
    { name: 'final notice', dayOffset: 60, action: 'FINAL_NOTICE', channels: ['MAIL'], template: 'final-notice' },
    { name: 'ready for collections', dayOffset: 90, action: 'READY_FOR_COLLECTIONS', channels: [], template: 'none' },
  ],
  skipConditions: [...SKIP_CONDITIONS],
  recentPaymentDays: 14,
  paymentPlans: { graceDays: 10, onBalanceChange: 'REPLAN', minimumInstallmentCents: 2_500 },
  smallBalance: { writeOffBelowCents: 0, afterStatements: 3 },
  collectionMinimumCents: 2_500,
  financialAssistance: [
    { program: 'FULL', discountPercent: 100 },
    { program: 'PARTIAL', discountPercent: 50 },
  ],
  patientCredits: 'APPLY',
  validationNotice: { delivery: 'MAIL', spanishOffer: true },
};

/** The practice's policy: what it stored over the defaults (a stored policy is complete; it was validated on the way in). */
export function policyOf(practice: Pick<Practice, 'patientBillingPolicy'>): PatientBillingPolicy {
  const stored = practice.patientBillingPolicy as Partial<PatientBillingPolicy> | null;
  return stored ? { ...DEFAULT_PATIENT_BILLING_POLICY, ...stored } : DEFAULT_PATIENT_BILLING_POLICY;
}

const int = (errors: FieldError[], path: Array<string | number>, value: number, min: number, max: number) => {
  if (!Number.isSafeInteger(value) || value < min || value > max)
    errors.push({
      path: ['input', ...path],
      code: 'OUT_OF_RANGE',
      message: `${path.join('.')}: a whole number from ${min} to ${max}`,
    });
};

/** Checks a policy before it is stored; every problem is reported with its path. */
export function validatePolicy(policy: PatientBillingPolicy): void {
  const errors: FieldError[] = [];
  int(errors, ['statementCycleDays'], policy.statementCycleDays, 7, 120);
  int(errors, ['minimumBalanceCents'], policy.minimumBalanceCents, 1, 1_000_000);
  int(errors, ['dueInDays'], policy.dueInDays, 0, 90);
  int(errors, ['recentPaymentDays'], policy.recentPaymentDays, 0, 120);
  int(errors, ['paymentPlans', 'graceDays'], policy.paymentPlans.graceDays, 0, 60);
  int(errors, ['paymentPlans', 'minimumInstallmentCents'], policy.paymentPlans.minimumInstallmentCents, 1, 10_000_000);
  int(errors, ['smallBalance', 'writeOffBelowCents'], policy.smallBalance.writeOffBelowCents, 0, 100_000);
  int(errors, ['smallBalance', 'afterStatements'], policy.smallBalance.afterStatements, 0, 12);
  int(errors, ['collectionMinimumCents'], policy.collectionMinimumCents, 1, 100_000_000);
  if (!NOTICE_DELIVERIES.includes(policy.validationNotice.delivery))
    errors.push({
      path: ['input', 'validationNoticeDelivery'],
      code: 'INVALID',
      message: 'validationNoticeDelivery: MAIL or EMAIL',
    });
  if (!['APPLY', 'REFUND'].includes(policy.patientCredits))
    errors.push({ path: ['input', 'patientCredits'], code: 'INVALID', message: 'patientCredits: APPLY or REFUND' });
  if (policy.dunningSteps.length === 0)
    errors.push({ path: ['input', 'dunningSteps'], code: 'REQUIRED', message: 'dunningSteps: at least one step' });
  policy.dunningSteps.forEach((step, i) => {
    int(errors, ['dunningSteps', i, 'dayOffset'], step.dayOffset, 0, 730);
    if (i === 0 && step.action !== 'STATEMENT')
      errors.push({
        path: ['input', 'dunningSteps', 0, 'action'],
        code: 'INVALID',
        message: 'dunningSteps.0.action: the sequence starts with a statement (its day 0)',
      });
    const before = policy.dunningSteps[i - 1];
    if (before && step.dayOffset <= before.dayOffset)
      errors.push({
        path: ['input', 'dunningSteps', i, 'dayOffset'],
        code: 'OUT_OF_ORDER',
        message: `dunningSteps.${i}.dayOffset: must come after step ${i - 1} (day ${before.dayOffset})`,
      });
    if (step.action === 'READY_FOR_COLLECTIONS' && i !== policy.dunningSteps.length - 1)
      errors.push({
        path: ['input', 'dunningSteps', i, 'action'],
        code: 'INVALID',
        message: `dunningSteps.${i}.action: READY_FOR_COLLECTIONS ends the sequence; it must be the last step`,
      });
    if (step.action === 'REMINDER' && !step.channels.some((c) => c !== 'MAIL'))
      errors.push({
        path: ['input', 'dunningSteps', i, 'channels'],
        code: 'INVALID',
        message: `dunningSteps.${i}.channels: a reminder goes by EMAIL, SMS or PHONE_TASK`,
      });
    if (!step.name.trim())
      errors.push({
        path: ['input', 'dunningSteps', i, 'name'],
        code: 'REQUIRED',
        message: `dunningSteps.${i}.name: name the step`,
      });
  });
  for (const [i, p] of policy.financialAssistance.entries()) {
    int(errors, ['financialAssistance', i, 'discountPercent'], p.discountPercent, 1, 100);
  }
  if (errors.length) throw new ValidationError(errors);
}
