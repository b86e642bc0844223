import type { Prisma } from './prisma-client.ts';

type ModelName = Prisma.ModelName;
type Where = Record<string, unknown>;

/**
 * How a model's rows belong to a tenant and, for users limited to some practices, to a practice. Every model must
 * declare one (the type below refuses a model without it, and a test enumerates the models), so a new table is
 * never readable across practices by default.
 */
export type ModelScope =
  /** The tenant itself: a principal sees its own organization only. */
  | { kind: 'organization' }
  /** A practice: limited users see the practices they are limited to. */
  | { kind: 'practice' }
  /** A row of one practice (`practiceId`); a row with no practice is organization-wide (hidden from limited users). */
  | { kind: 'practice-column' }
  /** Belongs where its parent belongs (a coverage through its patient); `relation` names the parent relation. */
  | { kind: 'through'; relation: string; parent: ModelName }
  /** Belongs to the practices `practices` says (rows that serve several parents). */
  | { kind: 'custom'; practices: (practiceIds: readonly string[]) => Where; why: string }
  /** Organization reference data every practice uses (payers, agencies): no practice limit. */
  | { kind: 'shared'; why: string }
  /** Organization-wide data that spans practices: hidden from practice-limited users. */
  | { kind: 'organization-wide'; why: string }
  /** Not tenant data (job queue, leases): refused on a tenant's client altogether. */
  | { kind: 'system'; why: string }
  /**
   * The installation's reference data (code sets), the same for every tenant: a tenant's client reads it
   * unfiltered (inside its transactions, with no second connection) and may not write it.
   */
  | { kind: 'reference'; why: string };

const inPractices = (ids: readonly string[]) => ({ in: [...ids] });

export const MODEL_SCOPES: { readonly [M in ModelName]: ModelScope } = {
  Organization: { kind: 'organization' },
  Practice: { kind: 'practice' },
  Provider: { kind: 'practice-column' },
  Facility: { kind: 'practice-column' },
  Payer: { kind: 'shared', why: 'every practice bills the organization’s payers' },
  Patient: { kind: 'practice-column' },
  Guarantor: {
    kind: 'custom',
    practices: (ids) => ({ patients: { some: { practiceId: inPractices(ids) } } }),
    why: 'a guarantor is seen by the practices of the patients it pays for',
  },
  Coverage: { kind: 'through', relation: 'patient', parent: 'Patient' },
  EligibilityCheck: { kind: 'through', relation: 'coverage', parent: 'Coverage' },
  Encounter: { kind: 'practice-column' },
  Diagnosis: { kind: 'through', relation: 'encounter', parent: 'Encounter' },
  EncounterCode: { kind: 'through', relation: 'encounter', parent: 'Encounter' },
  ServiceLine: { kind: 'through', relation: 'encounter', parent: 'Encounter' },
  FeeSchedule: { kind: 'practice-column' },
  FeeScheduleEntry: { kind: 'through', relation: 'feeSchedule', parent: 'FeeSchedule' },
  Claim: { kind: 'practice-column' },
  ClaimLine: { kind: 'through', relation: 'claim', parent: 'Claim' },
  ClaimStatusEvent: { kind: 'through', relation: 'claim', parent: 'Claim' },
  SubmissionBatch: {
    kind: 'custom',
    // An 837 carries every claim of the batch: a limited user sees a batch only when all of them are theirs.
    practices: (ids) => ({
      claims: { some: { practiceId: inPractices(ids) }, every: { practiceId: inPractices(ids) } },
    }),
    why: 'a batch file holds the claims of several practices',
  },
  Remittance: { kind: 'practice-column' },
  RemittanceClaim: { kind: 'through', relation: 'claim', parent: 'Claim' },
  RemittanceServiceLine: { kind: 'through', relation: 'remittanceClaim', parent: 'RemittanceClaim' },
  RemittanceAdjustment: { kind: 'through', relation: 'remittanceClaim', parent: 'RemittanceClaim' },
  ProviderAdjustment: { kind: 'through', relation: 'remittance', parent: 'Remittance' },
  LedgerEntry: { kind: 'practice-column' },
  PatientPayment: { kind: 'practice-column' },
  Denial: { kind: 'practice-column' },
  Appeal: { kind: 'through', relation: 'denial', parent: 'Denial' },
  DenialNote: { kind: 'through', relation: 'denial', parent: 'Denial' },
  Document: {
    kind: 'custom',
    practices: (ids) => ({
      OR: [
        { statement: { is: { practiceId: inPractices(ids) } } },
        { placement: { is: { practiceId: inPractices(ids) } } },
        { appeals: { some: { denial: { is: { practiceId: inPractices(ids) } } } } },
      ],
    }),
    why: 'a document belongs to what it documents: a statement, a placement (notice) or an appeal',
  },
  Statement: { kind: 'practice-column' },
  PaymentPlan: { kind: 'practice-column' },
  PaymentPlanInstallment: { kind: 'through', relation: 'paymentPlan', parent: 'PaymentPlan' },
  CollectionAgency: { kind: 'shared', why: 'agencies serve every practice of the organization' },
  CollectionPlacement: { kind: 'practice-column' },
  AgencyUpdateFile: { kind: 'organization-wide', why: 'an agency’s file covers accounts of several practices' },
  Communication: { kind: 'through', relation: 'patient', parent: 'Patient' },
  AccountFlag: { kind: 'through', relation: 'patient', parent: 'Patient' },
  ContactConsent: { kind: 'through', relation: 'patient', parent: 'Patient' },
  PayerEnrollment: { kind: 'practice-column' },
  DunningState: { kind: 'practice-column' },
  ScheduledJob: { kind: 'system', why: 'the embedded job queue' },
  AuditEvent: { kind: 'practice-column' },
  ControlNumberSequence: { kind: 'shared', why: 'interchange numbers are unique per organization' },
  UnmatchedResponse: { kind: 'organization-wide', why: 'an unmatched acknowledgement names no practice' },
  IdempotencyRecord: { kind: 'shared', why: 'stored results are read by key within the organization' },
  JobLease: { kind: 'system', why: 'leases coordinate server instances' },
  CodeSetRelease: { kind: 'reference', why: 'code sets: imported through ctx.codeSets, read by every tenant' },
  MedicalCode: { kind: 'reference', why: 'code sets: imported through ctx.codeSets, read by every tenant' },
  ProcedurePairEdit: { kind: 'reference', why: 'code sets: imported through ctx.codeSets, read by every tenant' },
  UnitLimit: { kind: 'reference', why: 'code sets: imported through ctx.codeSets, read by every tenant' },
  DiagnosisEdit: { kind: 'reference', why: 'code sets: imported through ctx.codeSets, read by every tenant' },
};
