import type { DenialCategory } from '../db/prisma-client.ts';

/**
 * Claim adjustment reason codes (CARC) that mean "not paid because …", by work-list category. Codes not listed
 * (CO-45 contractual, PR-1/2/3 deductible, coinsurance and copay, CO-253 sequestration, …) are ordinary
 * adjudication, not denials. Source: X12 CARC list; the common codes practices see, grouped as billers work them.
 */
const DENIAL_CARCS: Record<string, DenialCategory> = {
  // Missing or invalid information on the claim.
  '16': 'MISSING_INFORMATION',
  '125': 'MISSING_INFORMATION',
  '226': 'MISSING_INFORMATION',
  '227': 'MISSING_INFORMATION',
  '252': 'MISSING_INFORMATION',
  '17': 'MISSING_INFORMATION',
  // Eligibility: no coverage on the date, patient not identified.
  '26': 'ELIGIBILITY',
  '27': 'ELIGIBILITY',
  '31': 'ELIGIBILITY',
  '32': 'ELIGIBILITY',
  '33': 'ELIGIBILITY',
  '177': 'ELIGIBILITY',
  '109': 'ELIGIBILITY',
  // Authorization and referral.
  '15': 'AUTHORIZATION',
  '39': 'AUTHORIZATION',
  '62': 'AUTHORIZATION',
  '197': 'AUTHORIZATION',
  '198': 'AUTHORIZATION',
  '288': 'AUTHORIZATION',
  // Medical necessity.
  '50': 'MEDICAL_NECESSITY',
  '55': 'MEDICAL_NECESSITY',
  '56': 'MEDICAL_NECESSITY',
  '150': 'MEDICAL_NECESSITY',
  '151': 'MEDICAL_NECESSITY',
  '167': 'MEDICAL_NECESSITY',
  '29': 'TIMELY_FILING',
  '18': 'DUPLICATE',
  // Coordination of benefits: another payer is primary.
  '22': 'COORDINATION_OF_BENEFITS',
  '23': 'COORDINATION_OF_BENEFITS',
  '24': 'COORDINATION_OF_BENEFITS',
  // Coding: procedure and modifier, bundling, diagnosis inconsistencies.
  '4': 'CODING',
  '5': 'CODING',
  '6': 'CODING',
  '7': 'CODING',
  '8': 'CODING',
  '9': 'CODING',
  '10': 'CODING',
  '11': 'CODING',
  '146': 'CODING',
  '181': 'CODING',
  '182': 'CODING',
  // Bundling: paid as part of another service.
  '97': 'BUNDLING',
  '234': 'BUNDLING',
  '236': 'BUNDLING',
  // Not a covered benefit.
  '49': 'NON_COVERED',
  '96': 'NON_COVERED',
  '119': 'NON_COVERED',
  '204': 'NON_COVERED',
  '58': 'NON_COVERED',
};

/** The work-list category of a CARC, or undefined when the code is not a denial reason. */
export function denialCategoryOf(reasonCode: string): DenialCategory | undefined {
  return DENIAL_CARCS[reasonCode];
}

/** PR-1 deductible, PR-2 coinsurance, PR-3 copay: kept apart on the patient's side of the ledger. */
export function patientShareCategory(reasonCode: string): 'DEDUCTIBLE' | 'COINSURANCE' | 'COPAY' | 'OTHER' {
  return reasonCode === '1'
    ? 'DEDUCTIBLE'
    : reasonCode === '2'
      ? 'COINSURANCE'
      : reasonCode === '3'
        ? 'COPAY'
        : 'OTHER';
}
