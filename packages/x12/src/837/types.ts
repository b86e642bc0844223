import type { GroupOptions, InterchangeOptions } from '../writer/interchange.ts';

/**
 * The typed model of an 837 claim submission, professional (005010X222A1) or institutional (005010X223A2).
 * Money is integer cents, quantities thousandths, dates YYYY-MM-DD. Segments the model does not type are kept in
 * each loop's `extra` (as element lists) and written back in implementation-guide order, so a parsed file writes
 * back to the same segments.
 */

/** A segment as its elements, the id first: ['NTE', 'ADD', 'PATIENT IS DIABETIC']. */
export type RawSegment = string[];

export interface Address {
  lines: string[];
  city?: string;
  state?: string;
  postalCode?: string;
  countryCode?: string;
  /** N407 country subdivision. */
  countrySubdivision?: string;
}

export interface Reference {
  /** REF01, e.g. EI tax id, G2 provider commercial number, F8 original claim reference, G1 prior authorization. */
  qualifier: string;
  value: string;
  /** REF04 composite, rare. */
  extra?: string[];
}

export interface Contact {
  /** PER01, usually IC. */
  function: string;
  name?: string;
  /** PER03–PER08 as [qualifier, number] pairs: TE telephone, EM email, FX fax, EX extension. */
  numbers: Array<[string, string]>;
}

/** An NM1 loop: a submitter, receiver, provider, subscriber, patient, payer or facility, with what follows it. */
export interface NamedEntity {
  /** NM101, e.g. 85 billing provider, IL subscriber, QC patient, PR payer, 82 rendering provider. */
  entityCode: string;
  /** NM102: 1 person, 2 organization. */
  entityType: string;
  /** NM103: last name or organization name (may be empty, e.g. NM1*87*2 for a pay-to address). */
  name: string;
  firstName?: string;
  middleName?: string;
  prefix?: string;
  suffix?: string;
  /** NM108, e.g. XX NPI, MI member id, PI payer id, 46 ETIN. */
  idQualifier?: string;
  id?: string;
  /** NM110–NM112, rare. */
  nameExtra?: string[];
  address?: Address;
  /** DMG*D8: date of birth and sex. */
  demographics?: { dateOfBirth?: string; sex?: string };
  /** PRV: provider specialty, e.g. { code: 'PE', qualifier: 'PXC', taxonomy: '207Q00000X' }. */
  specialty?: { code: string; qualifier: string; taxonomy: string };
  references: Reference[];
  contacts: Contact[];
  extra: RawSegment[];
}

/** A DTP date or date range. */
export interface DateValue {
  /** DTP01, e.g. 472 service, 434 statement, 431 onset, 573 adjudication. */
  qualifier: string;
  date: string;
  /** Set for RD8 ranges. */
  endDate?: string;
}

export interface Amount {
  /** AMT01, e.g. F5 patient paid, D payer paid, EAF remaining patient liability. */
  qualifier: string;
  amountCents: number;
}

/** One composite of an HI segment: qualifier (ABK principal ICD-10 diagnosis, ABF other, ABJ admitting, BE value, BH occurrence …) and code. */
export interface HealthCareCode {
  qualifier: string;
  code: string;
  /** HIxx-3 onward (date format, date, amount, quantity, …) as written. */
  rest: string[];
}

export interface Procedure {
  /** HC (CPT/HCPCS), IV, ER, WK, N4 … */
  qualifier: string;
  code: string;
  modifiers: string[];
  description?: string;
}

/** One CAS segment: a group code and up to six reason/amount/quantity triplets. */
export interface AdjustmentGroup {
  groupCode: string;
  adjustments: Array<{ reasonCode: string; amountCents: number; quantityMilli?: number }>;
}

/** The SBR segment: whose insurance, at which responsibility (2000B and 2320). */
export interface SubscriberInformation {
  /** SBR01: P primary, S secondary, T tertiary … */
  payerResponsibility: string;
  /** SBR02: 18 self (the subscriber is the patient), 01 spouse, 19 child, G8 other. */
  relationship?: string;
  groupNumber?: string;
  groupName?: string;
  insuranceType?: string;
  /** SBR09, e.g. MB Medicare Part B, CI commercial, MC Medicaid. */
  filingIndicator?: string;
}

/** 2320/2330: a prior or other payer's adjudication, carried on secondary and tertiary claims. */
export interface OtherPayer extends SubscriberInformation {
  adjustmentGroups: AdjustmentGroup[];
  /** AMT*D payer paid, AMT*A8 noncovered, AMT*EAF remaining patient liability. */
  amounts: Amount[];
  /** OI elements (benefits assignment, patient signature source, release of information). */
  otherInsurance?: string[];
  /** 2330A–G: other subscriber, other payer, and their providers. */
  names: NamedEntity[];
  extra: RawSegment[];
}

/** 2430: what a prior payer did with this line. */
export interface LineAdjudication {
  /** SVD01: the other payer's id (matches NM109 of its 2330B). */
  payerId: string;
  paidCents: number;
  /** SVD03: the procedure the payer adjudicated; absent when it paid a line by its revenue code alone (837I). */
  procedure?: Procedure;
  /** SVD04: the revenue code (837I). */
  revenueCode?: string;
  unitsMilli?: number;
  bundledLineNumber?: string;
  adjustmentGroups: AdjustmentGroup[];
  dates: DateValue[];
  amounts: Amount[];
  extra: RawSegment[];
}

export interface ServiceLine837 {
  /** LX01. */
  lineNumber: number;
  /** SV1 (professional). */
  professional?: {
    procedure: Procedure;
    chargeCents: number;
    /** SV103: UN units, MJ minutes. */
    unitBasis: string;
    unitsMilli: number;
    placeOfService?: string;
    /** SV107: 1-based pointers into the claim's diagnoses. */
    diagnosisPointers: number[];
    /** SV109 emergency, SV111 EPSDT, SV112 family planning, SV115 copay status. */
    indicators?: { emergency?: string; epsdt?: string; familyPlanning?: string; copayStatus?: string };
  };
  /** SV2 (institutional). */
  institutional?: {
    revenueCode: string;
    procedure?: Procedure;
    chargeCents: number;
    unitBasis: string;
    unitsMilli: number;
    nonCoveredCents?: number;
  };
  dates: DateValue[];
  references: Reference[];
  amounts: Amount[];
  /** 2410: LIN*N4 national drug code with CTP quantity. */
  drug?: {
    qualifier: string;
    ndc: string;
    quantityMilli?: number;
    unit?: string;
    references: Reference[];
    linExtra?: string[];
    ctpExtra?: string[];
  };
  /** 2420A–H: rendering, purchased service, facility, supervising, ordering, referring providers of the line. */
  names: NamedEntity[];
  adjudications: LineAdjudication[];
  extra: RawSegment[];
}

export interface Claim837 {
  /** CLM01: your claim id; payers echo it as CLP01 in the 835. */
  patientControlNumber: string;
  totalChargeCents: number;
  /** CLM05-1: place of service (837P) or facility type code (837I). */
  facilityCode: string;
  /** CLM05-2: B (place of service) for 837P, A (UB-04 facility type) for 837I. */
  facilityCodeQualifier: string;
  /** CLM05-3: 1 original, 7 replacement, 8 void (7 and 8 carry REF*F8 with the payer's claim number). */
  frequencyCode: string;
  providerSignature?: string;
  assignmentCode?: string;
  benefitsAssignment?: string;
  releaseOfInformation?: string;
  patientSignatureSource?: string;
  /** CLM11 composite: related causes (AA auto accident, EM employment, OA other accident) and state. */
  relatedCauses?: string[];
  specialProgram?: string;
  /** CLM20 delay reason code. */
  delayReason?: string;
  /** CLM elements the model does not name (positions 3, 4, 13–19), kept for round trips. */
  clmExtra?: Record<number, string>;
  dates: DateValue[];
  references: Reference[];
  amounts: Amount[];
  /** CL1 (837I): admission type, admission source, patient status. */
  institutionalCodes?: { admissionType?: string; admissionSource?: string; patientStatus?: string };
  /** HI segments, each a list of codes (diagnoses first: ABK/ABF, or BK/BF for ICD-9). */
  healthCareCodes: HealthCareCode[][];
  /** 2310A–F: referring, rendering, service facility, supervising, ambulance pick-up/drop-off. */
  names: NamedEntity[];
  otherPayers: OtherPayer[];
  lines: ServiceLine837[];
  extra: RawSegment[];
}

/** 2000C: the patient, when not the subscriber. */
export interface PatientLoop {
  /** PAT01: relationship to the subscriber (01 spouse, 19 child, G8 other). */
  relationship: string;
  patExtra?: string[];
  patient: NamedEntity;
  claims: Claim837[];
}

/** 2000B: the subscriber and payer, with claims where the subscriber is the patient. */
export interface SubscriberLoop extends SubscriberInformation {
  /** PAT at the subscriber level (deceased date, weight, pregnancy). */
  pat?: string[];
  subscriber: NamedEntity;
  payer: NamedEntity;
  claims: Claim837[];
  patients: PatientLoop[];
}

/** 2000A: a billing provider with its subscribers. */
export interface BillingProviderLoop {
  /** PRV*BI at the billing provider level. */
  specialty?: { code: string; qualifier: string; taxonomy: string };
  /** CUR currency, rare. */
  currency?: string[];
  provider: NamedEntity;
  /** 2010AB pay-to address, 2010AC pay-to plan. */
  payTo: NamedEntity[];
  subscribers: SubscriberLoop[];
}

export interface Submission837 {
  kind: 'professional' | 'institutional';
  interchange: InterchangeOptions;
  group: GroupOptions;
  transaction: { controlNumber: string };
  /** BHT: purpose 00 original / 18 reissue, your batch reference, creation date and time, CH chargeable / RP reporting. */
  header: { purpose: string; referenceId: string; date: string; time: string; type: string };
  submitter: NamedEntity;
  receiver: NamedEntity;
  billingProviders: BillingProviderLoop[];
}
