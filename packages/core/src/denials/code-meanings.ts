/**
 * Plain-language meanings of the claim adjustment reason codes (CARC) and remittance advice remark codes (RARC)
 * practices meet most, paraphrased from the X12 code lists for billers. Unknown codes are shown as codes.
 */
const CARC: Record<string, string> = {
  '1': 'Deductible amount',
  '2': 'Coinsurance amount',
  '3': 'Copayment amount',
  '4': 'The procedure code is inconsistent with the modifier used, or a required modifier is missing',
  '5': 'The procedure code or bill type is inconsistent with the place of service',
  '6': 'The procedure or revenue code is inconsistent with the patient’s age',
  '7': 'The procedure or revenue code is inconsistent with the patient’s gender',
  '8': 'The procedure code is inconsistent with the provider type or specialty',
  '9': 'The diagnosis is inconsistent with the patient’s age',
  '10': 'The diagnosis is inconsistent with the patient’s gender',
  '11': 'The diagnosis is inconsistent with the procedure',
  '15': 'The authorization number is missing, invalid, or does not apply to the billed services or provider',
  '16': 'The claim or service lacks information or has submission or billing errors',
  '17': 'The requested information was not provided or was insufficient or incomplete',
  '18': 'Exact duplicate claim or service',
  '22': 'This care may be covered by another payer per coordination of benefits',
  '23': 'The impact of prior payer(s) adjudication, including payments and/or adjustments',
  '24': 'Charges are covered under a capitation agreement or managed care plan',
  '26': 'Expenses incurred before coverage began',
  '27': 'Expenses incurred after coverage ended',
  '29': 'The time limit for filing has expired',
  '31': 'The patient cannot be identified as our insured',
  '32': 'Our records indicate the patient is not an eligible dependent',
  '33': 'The insured has no dependent coverage',
  '39': 'Services denied at the time authorization or pre-certification was requested',
  '45': 'Charge exceeds the fee schedule or maximum allowable or the contracted arrangement',
  '49': 'A non-covered routine service or exam',
  '50': 'Not deemed a medical necessity by the payer',
  '55': 'The procedure, treatment or drug is deemed experimental or investigational',
  '56': 'The procedure or treatment has not been deemed proven effective',
  '58': 'Treatment was deemed rendered in an inappropriate or invalid place of service',
  '62': 'Payment denied or reduced for absence of, or exceeded, pre-certification or authorization',
  '94': 'Processed in excess of charges',
  '96': 'Non-covered charge(s)',
  '97': 'The benefit for this service is included in the payment or allowance for another service already adjudicated',
  '109': 'Claim or service not covered by this payer or contractor: send it to the correct payer',
  '119': 'The benefit maximum for this time period or occurrence has been reached',
  '125': 'Submission or billing error(s)',
  '146': 'The diagnosis was invalid for the date(s) of service reported',
  '150': 'The payer deems the information submitted does not support this level of service',
  '151': 'The payer deems the information submitted does not support this many or this frequency of services',
  '167': 'This (these) diagnosis(es) is (are) not covered',
  '177': 'The patient has not met the required eligibility requirements',
  '181': 'The procedure code was invalid on the date of service',
  '182': 'The procedure modifier was invalid on the date of service',
  '197': 'Pre-certification, authorization, notification or pre-treatment is absent',
  '198': 'Pre-certification, notification or authorization exceeded',
  '204': 'This service, equipment or drug is not covered under the patient’s current benefit plan',
  '226': 'Information requested from the billing or rendering provider was not provided or was insufficient',
  '227': 'Information requested from the patient, insured or responsible party was not provided or was insufficient',
  '234': 'This procedure is not paid separately',
  '236':
    'This procedure or procedure-modifier combination is not compatible with another procedure or modifier on the same day',
  '252': 'An attachment or other documentation is required to adjudicate this claim or service',
  '253': 'Sequestration: reduction of federal payment',
  '288': 'Referral absent',
};

const RARC: Record<string, string> = {
  MA130:
    'The claim is unprocessable: it contains incomplete or invalid information; submit a new claim with the complete, correct information',
  M15: 'Separately billed services or tests have been bundled: they are considered components of the same procedure',
  M127: 'Missing the patient’s medical record for this service',
  N130: 'Consult plan benefit documents or guidelines for coverage limits',
  N290: 'Missing or invalid rendering provider identifier',
  N30: 'The patient is ineligible for this service',
  N115: 'This decision was based on a Local Coverage Determination (LCD)',
  N386: 'This decision was based on a National Coverage Determination (NCD)',
  N522: 'Duplicate of a claim processed, or to be processed, as a crossover claim',
  M80: 'Not covered when performed during the same session or date as a previously processed service',
  N211: 'You may not appeal this decision',
  N479: 'Missing the Explanation of Benefits (coordination of benefits or Medicare secondary payer)',
};

/** "CO-16" or "16" → its meaning; undefined for a code the table does not know. */
export function carcMeaning(code: string): string | undefined {
  return CARC[code.includes('-') ? code.split('-')[1]! : code];
}

export function rarcMeaning(code: string): string | undefined {
  return RARC[code];
}
