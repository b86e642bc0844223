import type {
  Claim,
  ClaimLine,
  Coverage,
  Diagnosis,
  Encounter,
  Facility,
  Patient,
  Payer,
  PayerEnrollment,
  Practice,
  Provider,
} from '../../db/prisma-client.ts';
import type { ClaimCodeFacts } from '../../code-sets/code-set-store.ts';

/** Everything a rule may look at, loaded once per scrub. */
export interface ScrubContext {
  claim: Claim & { lines: ClaimLine[] };
  encounter: Encounter & {
    diagnoses: Diagnosis[];
    renderingProvider: Provider;
    billingProvider: Provider | null;
    facility: Facility | null;
  };
  patient: Patient;
  coverage: Coverage;
  payer: Payer;
  practice: Practice;
  /** Today in the practice's time zone, YYYY-MM-DD. */
  today: string;
  /** What the loaded code sets say of the claim's codes; absent where no code-set store is wired. */
  codeFacts?: ClaimCodeFacts;
  /** The practice's enrollments with the claim's payer (every NPI and transaction). */
  enrollments?: PayerEnrollment[];
  /** Other open claims of the patient with their lines (for duplicate detection). */
  otherOpenClaims: Array<Claim & { lines: ClaimLine[]; encounter: Encounter }>;
}

export interface ScrubFinding {
  ruleId: string;
  severity: 'ERROR' | 'WARNING';
  /** Where to fix it, e.g. ["lines", 1, "diagnosisPointers"] or ["patient", "address"]. */
  path: Array<string | number>;
  message: string;
}

/**
 * One scrub rule. Rules are data: core's defaults are a list of these, a vendor adds its own through
 * `createBillingApi({ scrub: { rules } })` and disables any per organization (`scrub: { disabled }`).
 */
export interface ScrubRule {
  /** Stable id, e.g. TIMELY_FILING; vendors prefix theirs (ACME_PRIOR_AUTH). */
  id: string;
  description: string;
  check(context: ScrubContext): Array<Omit<ScrubFinding, 'ruleId'>>;
}
