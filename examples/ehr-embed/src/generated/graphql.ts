/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AddressInput = {
  city: string;
  line1: string;
  line2?: string | null | undefined;
  /** ZIP or ZIP+4. */
  postalCode: string;
  /** Two-letter state code. */
  state: string;
};

/** DRAFT → READY (scrub passed) or SCRUB_FAILED → SUBMITTED → ACKNOWLEDGED (999) → ACCEPTED or REJECTED (277CA) → PAID, PARTIALLY_PAID or DENIED (remittance) → APPEALED → CLOSED; VOIDED ends a claim. */
export type ClaimStatus =
  | 'ACCEPTED'
  | 'ACKNOWLEDGED'
  | 'APPEALED'
  | 'CLOSED'
  | 'DENIED'
  | 'DRAFT'
  | 'PAID'
  | 'PARTIALLY_PAID'
  | 'READY'
  | 'REJECTED'
  | 'SCRUB_FAILED'
  | 'SUBMITTED'
  | 'VOIDED';

export type ContactChannel =
  | 'EMAIL'
  | 'MAIL'
  | 'PHONE'
  | 'SMS';

export type CoverageInput = {
  effectiveDate: string;
  groupNumber?: string | null | undefined;
  memberId: string;
  payerId: string | number;
  /** A taken priority moves the coverage holding it (and those after it) down one. */
  priority: CoveragePriority;
  /** Required unless the patient is the subscriber. */
  subscriber?: PersonInput | null | undefined;
  /** @default SELF */
  subscriberRelationship?: SubscriberRelationship | null | undefined;
  /** Inclusive; omit while open-ended. */
  terminationDate?: string | null | undefined;
};

export type CoveragePriority =
  | 'PRIMARY'
  | 'SECONDARY'
  | 'TERTIARY';

export type CreateClaimInput = {
  /** The coverage (payer) billed; must be the patient’s. */
  coverageId: string | number;
  encounterId: string | number;
};

export type CreateEncounterInput = {
  billingProviderId?: string | number | null | undefined;
  /** The coverage billed first (must be the patient’s and in effect on the date of service); omit for self-pay. */
  coverageId?: string | number | null | undefined;
  dateOfService: string;
  /** ICD-10-CM codes in order, 1 to 12; the first is the principal diagnosis. */
  diagnoses: Array<string>;
  /** Your id for the visit; sending it again replaces the visit while it is unbilled. */
  externalId?: string | null | undefined;
  facilityId?: string | number | null | undefined;
  /** Set for an institutional (837I) visit; every line then needs a revenue code. */
  institutional?: InstitutionalEncounterInput | null | undefined;
  patientId: string | number;
  /** CMS code; defaults to the facility’s, then 11 (office). */
  placeOfService?: string | null | undefined;
  practiceId: string | number;
  priorAuthorization?: string | null | undefined;
  renderingProviderId: string | number;
  serviceLines: Array<ServiceLineInput>;
};

export type CreatePatientInput = {
  /** Unique in the organization; generated when omitted (A000001 …). */
  accountNumber?: string | null | undefined;
  address?: AddressInput | null | undefined;
  /** Insurance to register with the patient, in any order. */
  coverages?: Array<CoverageInput> | null | undefined;
  dateOfBirth: string;
  email?: string | null | undefined;
  emailOptOut?: boolean | null | undefined;
  /** Your id for the patient; creating again with it updates the same patient. */
  externalId?: string | null | undefined;
  firstName: string;
  /** @default the patient (SELF) */
  guarantor?: GuarantorInput | null | undefined;
  homePhone?: string | null | undefined;
  lastName: string;
  middleName?: string | null | undefined;
  mobilePhone?: string | null | undefined;
  /** The debtor said not to be contacted at work (FDCPA §805(a)(3)): calls to the work number are refused. */
  noContactAtWork?: boolean | null | undefined;
  phoneOptOut?: boolean | null | undefined;
  practiceId: string | number;
  /** @default MAIL */
  preferredChannel?: ContactChannel | null | undefined;
  sex: Sex;
  smsOptOut?: boolean | null | undefined;
  /** IANA zone; when omitted it is derived from the address’s state (then the practice’s). */
  timeZone?: string | null | undefined;
  workPhone?: string | null | undefined;
};

export type CreatePayerInput = {
  /** Days from a denial to appeal. @default 180 */
  appealWindowDays?: number | null | undefined;
  /** X12 SBR09, e.g. MB (Medicare B), MC (Medicaid), CI (commercial), BL (Blue Cross). */
  claimFilingIndicator: string;
  /** Key of a configured payer connector (id, or id:instanceId). */
  connectorId?: string | null | undefined;
  /** Your id for the payer; creating again with it updates the same payer. */
  externalId?: string | null | undefined;
  name: string;
  /** The payer id your clearinghouse uses (X12 2010BB NM109). */
  payerIdentifier: string;
  /** Days from the date of service to file a claim. @default 365 */
  timelyFilingDays?: number | null | undefined;
};

export type CreatePracticeInput = {
  address: AddressInput;
  /** Your id for the practice; creating again with it updates the same practice. */
  externalId?: string | null | undefined;
  name: string;
  /** Type 2 NPI; the check digit is verified. */
  npi: string;
  phone?: string | null | undefined;
  /** EIN, 9 digits (a dash is allowed). */
  taxId: string;
  taxonomyCode?: string | null | undefined;
  /** IANA time zone, e.g. America/New_York. */
  timeZone: string;
};

export type CreateProviderInput = {
  /** e.g. MD, DO, NP, PA. */
  credential?: string | null | undefined;
  /** Your id; creating again with it updates the same provider. */
  externalId?: string | null | undefined;
  firstName: string;
  lastName: string;
  /** Type 1 (individual) NPI; the check digit is verified. */
  npi: string;
  practiceId: string | number;
  /** NUCC taxonomy, e.g. 207Q00000X family medicine. */
  taxonomyCode?: string | null | undefined;
};

/** Who owes the patient share. SELF copies the patient; anyone else needs a name. */
export type GuarantorInput = {
  address?: AddressInput | null | undefined;
  dateOfBirth?: string | null | undefined;
  email?: string | null | undefined;
  firstName?: string | null | undefined;
  lastName?: string | null | undefined;
  phone?: string | null | undefined;
  relationship: GuarantorRelationship;
};

export type GuarantorRelationship =
  | 'LEGAL_GUARDIAN'
  | 'OTHER'
  | 'PARENT'
  | 'SELF'
  | 'SPOUSE';

/** Makes the visit bill on an 837I (UB-04): hospital outpatient and inpatient, SNF, home health … */
export type InstitutionalEncounterInput = {
  /** Required for inpatient bills (facility type 11, 12, 18, 21, 41). */
  admissionDate?: string | null | undefined;
  /** UB-04 point of origin, 1 character. */
  admissionSource?: string | null | undefined;
  /** UB-04 priority of admission, 1 digit (1 emergency … 5 trauma, 9 unknown). */
  admissionType?: string | null | undefined;
  attendingProviderId: string | number;
  /** The first two digits of the type of bill, e.g. 13 hospital outpatient, 11 hospital inpatient. */
  facilityTypeCode: string;
  /** UB-04 discharge status, 2 digits, e.g. 01 home. */
  patientStatus: string;
};

export type NdcInput = {
  /** NDC in 5-4-2 form, with or without dashes. */
  code: string;
  quantity: number;
  /** UN units, ML milliliters, GR grams, F2 international units, ME milligrams. */
  unit: string;
};

/** A subscriber who is not the patient. */
export type PersonInput = {
  dateOfBirth?: string | null | undefined;
  firstName: string;
  lastName: string;
};

export type ServiceLineInput = {
  /** Omit to take the practice’s charge master rate × units. */
  chargeCents?: number | null | undefined;
  /** 1 to 4 positions (1-based) in the encounter’s diagnoses. */
  diagnosisPointers: Array<number>;
  /** Up to 4, e.g. ["25"]. */
  modifiers?: Array<string> | null | undefined;
  ndc?: NdcInput | null | undefined;
  /** CPT (99213, 0001F) or HCPCS Level II (J1030). Required, except on an institutional line its revenue code describes alone (room and board: revenue code 0120 and the days as units); such a line needs chargeCents. */
  procedureCode?: string | null | undefined;
  /** UB-04 revenue code (4 digits, e.g. 0450 emergency room); required on institutional visits. */
  revenueCode?: string | null | undefined;
  /** @default the date of service */
  serviceDate?: string | null | undefined;
  serviceDateEnd?: string | null | undefined;
  /** Units of service, > 0, at most 3 decimals. @default 1 */
  units?: number | null | undefined;
};

export type Sex =
  | 'FEMALE'
  | 'MALE'
  | 'UNKNOWN';

export type SubscriberRelationship =
  | 'CHILD'
  | 'OTHER'
  | 'SELF'
  | 'SPOUSE';

export type CreatePracticeMutationVariables = Exact<{
  input: CreatePracticeInput;
}>;


export type CreatePracticeMutation = { createPractice:
    | { __typename: 'ConflictError' }
    | { __typename: 'ForbiddenError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'PracticeSuccess', practice: { id: string } }
    | { __typename: 'ValidationError', message: string }
   };

export type CreateProviderMutationVariables = Exact<{
  input: CreateProviderInput;
}>;


export type CreateProviderMutation = { createProvider:
    | { __typename: 'ConflictError' }
    | { __typename: 'ForbiddenError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'ProviderSuccess', provider: { id: string } }
    | { __typename: 'ValidationError', message: string }
   };

export type CreatePayerMutationVariables = Exact<{
  input: CreatePayerInput;
}>;


export type CreatePayerMutation = { createPayer:
    | { __typename: 'ConflictError' }
    | { __typename: 'ForbiddenError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'PayerSuccess', payer: { id: string } }
    | { __typename: 'ValidationError', message: string }
   };

export type RegisterPatientMutationVariables = Exact<{
  input: CreatePatientInput;
}>;


export type RegisterPatientMutation = { createPatient:
    | { __typename: 'ConflictError' }
    | { __typename: 'ForbiddenError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'PatientSuccess', patient: { id: string, accountNumber: string, coverages: Array<{ id: string }> } }
    | { __typename: 'ValidationError', message: string, fieldErrors: Array<{ path: Array<string>, code: string, message: string }> }
   };

export type RecordVisitMutationVariables = Exact<{
  input: CreateEncounterInput;
}>;


export type RecordVisitMutation = { createEncounter:
    | { __typename: 'ConflictError' }
    | { __typename: 'EncounterSuccess', encounter: { id: string, totalChargeCents: number } }
    | { __typename: 'ForbiddenError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'ValidationError', message: string, fieldErrors: Array<{ path: Array<string>, code: string, message: string }> }
   };

export type BillVisitMutationVariables = Exact<{
  input: CreateClaimInput;
}>;


export type BillVisitMutation = { createClaim:
    | { __typename: 'ClaimSuccess', claim: { id: string, patientControlNumber: string, status: ClaimStatus } }
    | { __typename: 'ConflictError', message: string }
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'ValidationError', message: string }
   };

export type SubmitClaimsMutationVariables = Exact<{
  claimIds: Array<string | number> | string | number;
}>;


export type SubmitClaimsMutation = { submitClaims: { results: Array<{ submitted: boolean, errorCode: string | null, message: string | null, claim: { id: string, status: ClaimStatus } | null }>, batches: Array<{ format: string, status: string }> } };

export type ClaimStatusQueryVariables = Exact<{
  id: string | number;
}>;


export type ClaimStatusQuery = { node:
    | { status: ClaimStatus, balance: { insuranceCents: number, patientCents: number }, statusHistory: Array<{ toStatus: ClaimStatus, reason: string | null }> }
    | Record<PropertyKey, never>
   | null };


export const CreatePracticeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreatePractice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreatePracticeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPractice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PracticeSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"practice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CreatePracticeMutation, CreatePracticeMutationVariables>;
export const CreateProviderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateProvider"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateProviderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createProvider"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProviderSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CreateProviderMutation, CreateProviderMutationVariables>;
export const CreatePayerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreatePayer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreatePayerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPayer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PayerSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CreatePayerMutation, CreatePayerMutationVariables>;
export const RegisterPatientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterPatient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreatePatientInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPatient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PatientSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"accountNumber"}},{"kind":"Field","name":{"kind":"Name","value":"coverages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"fieldErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RegisterPatientMutation, RegisterPatientMutationVariables>;
export const RecordVisitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordVisit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateEncounterInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createEncounter"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EncounterSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"encounter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"totalChargeCents"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"fieldErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RecordVisitMutation, RecordVisitMutationVariables>;
export const BillVisitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BillVisit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateClaimInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createClaim"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClaimSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"claim"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"patientControlNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<BillVisitMutation, BillVisitMutationVariables>;
export const SubmitClaimsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitClaims"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"claimIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitClaims"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"claimIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"claimIds"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitted"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"claim"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"batches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<SubmitClaimsMutation, SubmitClaimsMutationVariables>;
export const ClaimStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClaimStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Claim"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"insuranceCents"}},{"kind":"Field","name":{"kind":"Name","value":"patientCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"statusHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ClaimStatusQuery, ClaimStatusQueryVariables>;