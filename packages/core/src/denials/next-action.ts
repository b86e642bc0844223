import type { DenialCategory } from '../db/prisma-client.ts';

export const NEXT_ACTIONS = {
  CORRECT_AND_RESUBMIT: 'Fix the claim and send a corrected claim (frequency 7) with the payer’s claim number',
  SUBMIT_NEW_CLAIM:
    'The payer could not process the claim (MA130) and kept no claim to correct: fix it and submit it as a new claim (frequency 1)',
  VERIFY_COVERAGE: 'Check eligibility and other coverage, then bill the right payer (or the patient)',
  APPEAL_WITH_AUTHORIZATION: 'Obtain the authorization (retroactive if needed) and appeal with it',
  APPEAL_WITH_RECORDS: 'Appeal with the medical records and a letter of medical necessity',
  APPEAL_WITH_PROOF_OF_TIMELY_FILING: 'Appeal with proof of timely filing (clearinghouse acceptance report, 999/277CA)',
  CHECK_ORIGINAL_CLAIM:
    'Find the original claim: if it was paid, close; if not, appeal with proof it is not a duplicate',
  CHECK_OTHER_COVERAGE: 'Find the primary payer (coordination of benefits), bill it, then bill this payer as secondary',
  REVIEW_MODIFIERS_OR_WRITE_OFF:
    'If the service was distinct, add the modifier (59, XS …) and resubmit; otherwise write off',
  BILL_PATIENT_OR_WRITE_OFF: 'Bill the patient if a waiver (ABN) is on file, otherwise write off',
  APPEAL_UNDERPAYMENT: 'Appeal the underpayment with the contracted rate',
  APPEAL_NEXT_LEVEL: 'The appeal was upheld: appeal at the next level, or write off',
  AWAIT_PAYMENT: 'The appeal was overturned: wait for the payment (the next 835 resolves this item)',
  AWAIT_ANSWER: 'An appeal or corrected claim is with the payer: wait for the answer',
  WRITE_OFF: 'Write off: the practice’s policy does not work this category or amount',
  REVIEW: 'Review the remittance and decide',
} as const;
export type NextAction = keyof typeof NEXT_ACTIONS;

const BY_CATEGORY: Record<DenialCategory, NextAction> = {
  MISSING_INFORMATION: 'CORRECT_AND_RESUBMIT',
  CODING: 'CORRECT_AND_RESUBMIT',
  ELIGIBILITY: 'VERIFY_COVERAGE',
  AUTHORIZATION: 'APPEAL_WITH_AUTHORIZATION',
  MEDICAL_NECESSITY: 'APPEAL_WITH_RECORDS',
  TIMELY_FILING: 'APPEAL_WITH_PROOF_OF_TIMELY_FILING',
  DUPLICATE: 'CHECK_ORIGINAL_CLAIM',
  COORDINATION_OF_BENEFITS: 'CHECK_OTHER_COVERAGE',
  BUNDLING: 'REVIEW_MODIFIERS_OR_WRITE_OFF',
  NON_COVERED: 'BILL_PATIENT_OR_WRITE_OFF',
  UNDERPAYMENT: 'APPEAL_UNDERPAYMENT',
  OTHER: 'REVIEW',
};

/** A practice's rules for denials it does not work: categories it writes off, and a floor under which it writes off. */
export interface DenialPolicy {
  writeOffCategories: DenialCategory[];
  writeOffBelowCents: number;
}

export function denialPolicyOf(json: unknown): DenialPolicy {
  const p = (json ?? {}) as Partial<DenialPolicy>;
  return {
    writeOffCategories: Array.isArray(p.writeOffCategories) ? p.writeOffCategories : [],
    writeOffBelowCents: typeof p.writeOffBelowCents === 'number' ? p.writeOffBelowCents : 0,
  };
}

/** What to do next with an item: by its state first (an appeal out, upheld, overturned), then the policy, then the category. */
export function nextActionFor(
  item: {
    category: DenialCategory;
    amountAtStakeCents: number;
    status: string;
    correctedClaimId: string | null;
    remarkCodes: string | null;
  },
  appeals: Array<{ outcome: string | null; submittedAt: Date | null }>,
  policy: DenialPolicy,
): NextAction {
  const last = appeals.at(-1);
  if (last?.outcome === 'UPHELD') return 'APPEAL_NEXT_LEVEL';
  if (last?.outcome === 'OVERTURNED' || last?.outcome === 'PARTIALLY_OVERTURNED') return 'AWAIT_PAYMENT';
  if ((last?.submittedAt && !last.outcome) || item.correctedClaimId) return 'AWAIT_ANSWER';
  if (policy.writeOffCategories.includes(item.category) || item.amountAtStakeCents < policy.writeOffBelowCents)
    return 'WRITE_OFF';
  const action = BY_CATEGORY[item.category];
  // An unprocessable claim (RARC MA130) was never adjudicated: there is nothing for a replacement to replace.
  if (action === 'CORRECT_AND_RESUBMIT' && item.remarkCodes?.split(',').includes('MA130')) return 'SUBMIT_NEW_CLAIM';
  return action;
}

/**
 * Work the biggest, most urgent items first: dollars at stake × (1 + 30 ÷ days left to the deadline, at least one
 * day). $500 due in 10 days (2 000) comes before $800 due in 90 days (1 067).
 */
export function priorityOf(amountAtStakeCents: number, daysLeft: number | null): number {
  const urgency = daysLeft === null ? 1 : 1 + 30 / Math.max(daysLeft, 1);
  return Math.round((amountAtStakeCents / 100) * urgency);
}
