import type { EnvelopeContext } from '../envelope.ts';

/** A name from an NM1 segment. */
export interface PartyName {
  /** NM101, e.g. QC patient, IL insured, 74 corrected patient, 82 rendering provider. */
  entityCode: string;
  lastOrOrganizationName: string;
  firstName?: string;
  middleName?: string;
  suffix?: string;
  /** NM108, e.g. MI member id, XX NPI. */
  idQualifier?: string;
  id?: string;
}

/** One CAS triplet. Group codes: CO contractual, PR patient responsibility, OI other insurance, PI payer initiated. */
export interface Adjustment {
  groupCode: 'CO' | 'PR' | 'OI' | 'PI' | 'CR' | string;
  /** CARC, kept as data: codes the package does not know are passed through. */
  reasonCode: string;
  amountCents: number;
  /** Units adjusted, in thousandths, when given. */
  quantityMilli?: number;
}

/** A procedure from a composite (SVC01, SVC06): qualifier HC (CPT/HCPCS), NU (revenue code), N4 (NDC) … */
export interface Procedure {
  qualifier: string;
  code: string;
  modifiers: string[];
  description?: string;
}

export interface ServicePayment {
  procedure: Procedure;
  chargeCents: number;
  paidCents: number;
  /** SVC04 (institutional): the revenue code. */
  revenueCode?: string;
  /** SVC05 units paid in thousandths; X12 says 1 when absent. */
  unitsPaidMilli: number;
  /** SVC06, when the payer adjudicated a different procedure than the one billed. */
  submittedProcedure?: Procedure;
  submittedUnitsMilli?: number;
  serviceDate?: string;
  serviceDateEnd?: string;
  /** REF*6R: the line item control number sent in the 837, for matching. */
  lineControlNumber?: string;
  adjustments: Adjustment[];
  /** LQ*HE remark codes (RARC). */
  remarkCodes: string[];
  /** AMT*B6 allowed amount. */
  allowedCents?: number;
  /** Index of the SVC segment, for messages. */
  segmentIndex: number;
}

export interface ClaimPayment {
  /** CLP01: the patient control number sent as CLM01. */
  patientControlNumber: string;
  /** CLP02: 1/2/3 processed as primary/secondary/tertiary, 4 denied, 19–21 forwarded, 22 reversal, 23 not ours. */
  statusCode: string;
  chargeCents: number;
  paidCents: number;
  patientResponsibilityCents: number;
  /** CLP06, e.g. MB, MC, 12 (PPO), HM. */
  filingIndicator?: string;
  /** CLP07: the payer's claim number (ICN/DCN), needed for corrections and appeals. */
  payerClaimControlNumber?: string;
  facilityTypeCode?: string;
  frequencyCode?: string;
  patient?: PartyName;
  insured?: PartyName;
  correctedPatient?: PartyName;
  renderingProvider?: PartyName;
  serviceDateStart?: string;
  serviceDateEnd?: string;
  receivedDate?: string;
  adjustments: Adjustment[];
  /** MOA (outpatient) and MIA (inpatient) remark codes. */
  remarkCodes: string[];
  /** AMT segments at claim level by qualifier, e.g. AU coverage amount, DY per-day limit. */
  amounts: Record<string, number>;
  services: ServicePayment[];
  /** Index of the CLP segment, for messages. */
  segmentIndex: number;
}

export interface ProviderAdjustment {
  providerId: string;
  fiscalPeriodDate?: string;
  /** PLB reason, e.g. L6 interest, WO overpayment recovery, FB forwarding balance, 72 authorized return. */
  reasonCode: string;
  /** The reference after the reason in the composite (e.g. the claim a recoupment belongs to). */
  reference?: string;
  /** Positive reduces the payment, negative increases it (X12 sign convention). */
  amountCents: number;
}

export interface PaymentHeader {
  /** BPR01: I remittance and payment, H notification only, X … */
  handlingCode: string;
  amountCents: number;
  creditDebit: string;
  /** BPR04: ACH, CHK, FWT, BOP, NON. */
  method: string;
  paymentFormat?: string;
  /** BPR16 (the effective date). */
  paymentDate?: string;
  /** TRN02: the check or EFT trace number; with the payer it identifies the payment. */
  traceNumber: string;
  /** TRN03: the payer's identifier (1 + EIN, usually). */
  originatorId?: string;
  productionDate?: string;
}

export interface Party {
  name: string;
  idQualifier?: string;
  id?: string;
  address?: { lines: string[]; city?: string; state?: string; postalCode?: string };
  /** REF segments under the party, by qualifier (2U payer id, TJ tax id, PQ payee id, …). */
  references: Record<string, string>;
}

export interface BalanceFinding {
  level: 'claim' | 'service' | 'payment';
  message: string;
  expectedCents: number;
  actualCents: number;
  patientControlNumber?: string;
  /** 1-based position of the service line within its claim. */
  serviceNumber?: number;
  segmentIndex: number;
}

/** A data problem that does not stop the import (e.g. an impossible informational date), with where it is. */
export interface X12Warning {
  message: string;
  segmentIndex: number;
  segmentId: string;
  elementPosition: number;
}

/** One 835 transaction set: one payment with its claims. */
export interface Remittance835 {
  envelope: EnvelopeContext;
  payment: PaymentHeader;
  payer: Party;
  payee: Party;
  claims: ClaimPayment[];
  providerAdjustments: ProviderAdjustment[];
  /** Balancing problems: reported, never thrown, so a biller can see and resolve them. */
  balance: BalanceFinding[];
  /** Non-fatal problems: the value is left out and the problem is reported here. */
  warnings: X12Warning[];
}
