import { createClaim } from '../claims/create-claim.ts';
import { correctClaim } from '../claims/correct-claim.ts';
import { scrubClaim } from '../claims/scrub-claim.ts';
import { createCollectionAgency } from '../collections/create-collection-agency.ts';
import { recordContactConsent } from '../compliance/record-contact-consent.ts';
import { stopContact } from '../compliance/stop-contact.ts';
import { setPayerEnrollment } from '../enrollment/set-payer-enrollment.ts';
import { importPayerDirectory } from '../enrollment/import-payer-directory.ts';
import { updateCollectionAgency } from '../collections/update-collection-agency.ts';
import { importAgencyUpdates } from '../collections/import-agency-updates.ts';
import { placeAccounts } from '../collections/place-accounts-operation.ts';
import { recallAccounts } from '../collections/recall-accounts.ts';
import { recordDebtVerification } from '../collections/record-debt-verification.ts';
import { sendValidationNotice } from '../collections/send-validation-notice.ts';
import { recordCeaseCommunication } from '../compliance/record-cease-communication.ts';
import { recordContactAttempt } from '../compliance/record-contact-attempt.ts';
import { setComplianceRules } from '../compliance/set-compliance-rules.ts';
import { fileAppeal, markAppealSent, recordAppealDecision, requestReconsideration } from '../denials/appeals.ts';
import { correctDeniedClaim, resubmitDeniedClaim } from '../denials/corrections.ts';
import { setDenialPolicy } from '../denials/set-denial-policy.ts';
import { addDenialNote, assignDenial, closeDenial, writeOffDenial } from '../denials/work-actions.ts';
import { importFeeSchedule } from '../fee-schedules/import-fee-schedule.ts';
import { addCoverage, changeCoveragePriority, updateCoverage } from '../registration/coverages.ts';
import { createEncounter } from '../registration/encounters.ts';
import { createPatient, updatePatient } from '../registration/patients.ts';
import { createPayer, updatePayer } from '../registration/payers.ts';
import { createPractice, updatePractice } from '../registration/practices.ts';
import { createFacility, createProvider } from '../registration/providers.ts';
import { recordPatientPayment } from '../ledger/record-patient-payment.ts';
import { refundCreditBalance } from '../ledger/refund-credit-balance.ts';
import { refundPayerOverpayment } from '../ledger/refund-payer-overpayment.ts';
import { importCodeSetOperation } from '../code-sets/code-set-operations.ts';
import { applyPatientCredit } from '../patient-billing/apply-patient-credit.ts';
import { reverseLedgerEntry } from '../ledger/reverse-ledger-entry.ts';
import { writeOff } from '../ledger/write-off.ts';
import { clearAccountFlag, flagAccount } from '../patient-billing/account-flags.ts';
import { applyFinancialAssistance } from '../patient-billing/apply-financial-assistance.ts';
import { cancelPaymentPlan, createPaymentPlan } from '../patient-billing/payment-plan-operations.ts';
import { runBillingCycle } from '../patient-billing/run-billing-cycle.ts';
import { setPatientBillingPolicy } from '../patient-billing/set-patient-billing-policy.ts';
import { markStatementSent } from '../statements/mark-statement-sent.ts';
import { checkEligibility } from '../eligibility/check-eligibility.ts';
import { matchRemittance } from '../remittance/match-remittance.ts';
import { checkClaimStatus } from '../submission/check-claim-status.ts';
import { importResponses } from '../submission/import-responses-operation.ts';
import { importRemittance } from '../remittance/import-remittance.ts';
import { runStatements } from '../statements/run-statements-operation.ts';
import { submitClaims } from '../submission/submit-claims-operation.ts';

/**
 * Every operation the local API offers, under the name its GraphQL mutation has. Adding an operation here is all
 * it takes to expose it in process; the GraphQL field calls the same object.
 */
export const OPERATIONS = {
  // registration
  createPractice,
  updatePractice,
  createProvider,
  createFacility,
  createPayer,
  updatePayer,
  importFeeSchedule,
  createPatient,
  updatePatient,
  addCoverage,
  updateCoverage,
  changeCoveragePriority,
  createEncounter,
  checkEligibility,
  // claims
  createClaim,
  correctClaim,
  scrubClaim,
  submitClaims,
  importResponses,
  checkClaimStatus,
  // remittances
  importRemittance,
  matchRemittance,
  // denials and appeals
  setDenialPolicy,
  assignDenial,
  addDenialNote,
  correctDeniedClaim,
  resubmitDeniedClaim,
  fileAppeal,
  requestReconsideration,
  recordAppealDecision,
  markAppealSent,
  writeOffDenial,
  closeDenial,
  // ledger and patient money
  recordPatientPayment,
  refundCreditBalance,
  refundPayerOverpayment,
  importCodeSet: importCodeSetOperation,
  applyPatientCredit,
  writeOff,
  reverseLedgerEntry,
  // patient billing
  setPatientBillingPolicy,
  runStatements,
  markStatementSent,
  runBillingCycle,
  flagAccount,
  clearAccountFlag,
  applyFinancialAssistance,
  createPaymentPlan,
  cancelPaymentPlan,
  // collections
  createCollectionAgency,
  updateCollectionAgency,
  placeAccounts,
  importAgencyUpdates,
  recallAccounts,
  sendValidationNotice,
  recordDebtVerification,
  // compliance
  recordContactConsent,
  stopContact,
  setPayerEnrollment,
  importPayerDirectory,
  recordContactAttempt,
  recordCeaseCommunication,
  setComplianceRules,
} as const;

export type OperationName = keyof typeof OPERATIONS;
