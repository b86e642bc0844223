-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "nonprofit" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Practice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "externalId" TEXT,
    "name" TEXT NOT NULL,
    "npi" TEXT NOT NULL,
    "taxId" TEXT NOT NULL,
    "taxonomyCode" TEXT,
    "addressLine1" TEXT NOT NULL,
    "addressLine2" TEXT,
    "city" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL,
    "phone" TEXT,
    "timeZone" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Practice_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Provider" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "externalId" TEXT,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "credential" TEXT,
    "npi" TEXT NOT NULL,
    "taxonomyCode" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Provider_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Provider_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Facility" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "externalId" TEXT,
    "name" TEXT NOT NULL,
    "npi" TEXT,
    "placeOfService" TEXT,
    "addressLine1" TEXT NOT NULL,
    "addressLine2" TEXT,
    "city" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Facility_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Facility_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Payer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "externalId" TEXT,
    "name" TEXT NOT NULL,
    "payerIdentifier" TEXT NOT NULL,
    "claimFilingIndicator" TEXT NOT NULL,
    "timelyFilingDays" INTEGER NOT NULL DEFAULT 365,
    "appealWindowDays" INTEGER NOT NULL DEFAULT 180,
    "connectorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Payer_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Patient" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "externalId" TEXT,
    "accountNumber" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "middleName" TEXT,
    "lastName" TEXT NOT NULL,
    "dateOfBirth" TEXT NOT NULL,
    "sex" TEXT NOT NULL,
    "addressLine1" TEXT,
    "addressLine2" TEXT,
    "city" TEXT,
    "state" TEXT,
    "postalCode" TEXT,
    "homePhone" TEXT,
    "mobilePhone" TEXT,
    "email" TEXT,
    "preferredChannel" TEXT NOT NULL DEFAULT 'MAIL',
    "emailOptOut" BOOLEAN NOT NULL DEFAULT false,
    "smsOptOut" BOOLEAN NOT NULL DEFAULT false,
    "phoneOptOut" BOOLEAN NOT NULL DEFAULT false,
    "timeZone" TEXT,
    "timeZoneOverridden" BOOLEAN NOT NULL DEFAULT false,
    "ceaseCommunicationAt" DATETIME,
    "guarantorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Patient_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Patient_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Patient_guarantorId_fkey" FOREIGN KEY ("guarantorId") REFERENCES "Guarantor" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Guarantor" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "relationship" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "dateOfBirth" TEXT,
    "addressLine1" TEXT,
    "addressLine2" TEXT,
    "city" TEXT,
    "state" TEXT,
    "postalCode" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "timeZone" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Guarantor_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Coverage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "payerId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "groupNumber" TEXT,
    "priority" TEXT NOT NULL,
    "subscriberRelationship" TEXT NOT NULL DEFAULT 'SELF',
    "subscriberFirstName" TEXT,
    "subscriberLastName" TEXT,
    "subscriberDateOfBirth" TEXT,
    "effectiveDate" TEXT NOT NULL,
    "terminationDate" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Coverage_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Coverage_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Coverage_payerId_fkey" FOREIGN KEY ("payerId") REFERENCES "Payer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EligibilityCheck" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "coverageId" TEXT NOT NULL,
    "serviceDate" TEXT NOT NULL,
    "active" BOOLEAN,
    "planName" TEXT,
    "copayCents" INTEGER,
    "coinsurancePercent" INTEGER,
    "deductibleCents" INTEGER,
    "deductibleRemainingCents" INTEGER,
    "connectorId" TEXT NOT NULL,
    "errors" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EligibilityCheck_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "EligibilityCheck_coverageId_fkey" FOREIGN KEY ("coverageId") REFERENCES "Coverage" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Encounter" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "externalId" TEXT,
    "dateOfService" TEXT NOT NULL,
    "renderingProviderId" TEXT NOT NULL,
    "billingProviderId" TEXT,
    "facilityId" TEXT,
    "placeOfService" TEXT NOT NULL,
    "priorAuthorization" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Encounter_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Encounter_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Encounter_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Encounter_renderingProviderId_fkey" FOREIGN KEY ("renderingProviderId") REFERENCES "Provider" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Encounter_billingProviderId_fkey" FOREIGN KEY ("billingProviderId") REFERENCES "Provider" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Encounter_facilityId_fkey" FOREIGN KEY ("facilityId") REFERENCES "Facility" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Diagnosis" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "encounterId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    CONSTRAINT "Diagnosis_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Diagnosis_encounterId_fkey" FOREIGN KEY ("encounterId") REFERENCES "Encounter" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ServiceLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "encounterId" TEXT NOT NULL,
    "lineNumber" INTEGER NOT NULL,
    "procedureCode" TEXT NOT NULL,
    "modifier1" TEXT,
    "modifier2" TEXT,
    "modifier3" TEXT,
    "modifier4" TEXT,
    "unitsMilli" INTEGER NOT NULL,
    "chargeCents" INTEGER NOT NULL,
    "serviceDate" TEXT NOT NULL,
    "serviceDateEnd" TEXT,
    "diagnosisPointers" TEXT NOT NULL,
    "ndcCode" TEXT,
    "ndcQuantityMilli" INTEGER,
    "ndcUnit" TEXT,
    CONSTRAINT "ServiceLine_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ServiceLine_encounterId_fkey" FOREIGN KEY ("encounterId") REFERENCES "Encounter" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FeeSchedule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "payerId" TEXT,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "FeeSchedule_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "FeeSchedule_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "FeeSchedule_payerId_fkey" FOREIGN KEY ("payerId") REFERENCES "Payer" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FeeScheduleEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "feeScheduleId" TEXT NOT NULL,
    "procedureCode" TEXT NOT NULL,
    "modifier" TEXT NOT NULL DEFAULT '',
    "amountCents" INTEGER NOT NULL,
    "effectiveDate" TEXT NOT NULL,
    "endDate" TEXT,
    CONSTRAINT "FeeScheduleEntry_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "FeeScheduleEntry_feeScheduleId_fkey" FOREIGN KEY ("feeScheduleId") REFERENCES "FeeSchedule" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Claim" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "encounterId" TEXT NOT NULL,
    "coverageId" TEXT NOT NULL,
    "payerId" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'PROFESSIONAL',
    "patientControlNumber" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "frequencyCode" TEXT NOT NULL DEFAULT '1',
    "originalClaimId" TEXT,
    "totalChargeCents" INTEGER NOT NULL,
    "payerClaimControlNumber" TEXT,
    "connectorId" TEXT,
    "submissionBatchId" TEXT,
    "submittedAt" DATETIME,
    "scrubErrors" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Claim_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Claim_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Claim_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Claim_encounterId_fkey" FOREIGN KEY ("encounterId") REFERENCES "Encounter" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Claim_coverageId_fkey" FOREIGN KEY ("coverageId") REFERENCES "Coverage" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Claim_payerId_fkey" FOREIGN KEY ("payerId") REFERENCES "Payer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Claim_originalClaimId_fkey" FOREIGN KEY ("originalClaimId") REFERENCES "Claim" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Claim_submissionBatchId_fkey" FOREIGN KEY ("submissionBatchId") REFERENCES "SubmissionBatch" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ClaimLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "serviceLineId" TEXT,
    "lineNumber" INTEGER NOT NULL,
    "procedureCode" TEXT NOT NULL,
    "modifier1" TEXT,
    "modifier2" TEXT,
    "modifier3" TEXT,
    "modifier4" TEXT,
    "unitsMilli" INTEGER NOT NULL,
    "chargeCents" INTEGER NOT NULL,
    "serviceDate" TEXT NOT NULL,
    "serviceDateEnd" TEXT,
    "diagnosisPointers" TEXT NOT NULL,
    "lineControlNumber" TEXT,
    CONSTRAINT "ClaimLine_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ClaimLine_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ClaimLine_serviceLineId_fkey" FOREIGN KEY ("serviceLineId") REFERENCES "ServiceLine" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ClaimStatusEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT NOT NULL,
    "reason" TEXT,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ClaimStatusEvent_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ClaimStatusEvent_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SubmissionBatch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "connectorId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "interchangeControlNumber" TEXT NOT NULL,
    "connectorReference" TEXT,
    "idempotencyKey" TEXT,
    "claimCount" INTEGER NOT NULL,
    "totalChargeCents" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SubmissionBatch_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Remittance" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "payerId" TEXT,
    "traceNumber" TEXT NOT NULL,
    "payerIdentifier" TEXT NOT NULL,
    "paymentCents" INTEGER NOT NULL,
    "paymentMethod" TEXT NOT NULL,
    "paymentDate" TEXT,
    "fileSha256" TEXT NOT NULL,
    "importedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Remittance_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Remittance_payerId_fkey" FOREIGN KEY ("payerId") REFERENCES "Payer" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RemittanceClaim" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "remittanceId" TEXT NOT NULL,
    "claimId" TEXT,
    "patientControlNumber" TEXT NOT NULL,
    "statusCode" TEXT NOT NULL,
    "chargeCents" INTEGER NOT NULL,
    "paidCents" INTEGER NOT NULL,
    "patientResponsibilityCents" INTEGER NOT NULL,
    "payerClaimControlNumber" TEXT,
    "remarkCodes" TEXT,
    CONSTRAINT "RemittanceClaim_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RemittanceClaim_remittanceId_fkey" FOREIGN KEY ("remittanceId") REFERENCES "Remittance" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RemittanceClaim_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RemittanceServiceLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "remittanceClaimId" TEXT NOT NULL,
    "claimLineId" TEXT,
    "procedureCode" TEXT NOT NULL,
    "modifiers" TEXT,
    "chargeCents" INTEGER NOT NULL,
    "paidCents" INTEGER NOT NULL,
    "unitsMilli" INTEGER,
    "serviceDate" TEXT,
    "lineControlNumber" TEXT,
    "remarkCodes" TEXT,
    CONSTRAINT "RemittanceServiceLine_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RemittanceServiceLine_remittanceClaimId_fkey" FOREIGN KEY ("remittanceClaimId") REFERENCES "RemittanceClaim" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RemittanceServiceLine_claimLineId_fkey" FOREIGN KEY ("claimLineId") REFERENCES "ClaimLine" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RemittanceAdjustment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "remittanceClaimId" TEXT NOT NULL,
    "serviceLineId" TEXT,
    "groupCode" TEXT NOT NULL,
    "reasonCode" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "quantityMilli" INTEGER,
    CONSTRAINT "RemittanceAdjustment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RemittanceAdjustment_remittanceClaimId_fkey" FOREIGN KEY ("remittanceClaimId") REFERENCES "RemittanceClaim" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RemittanceAdjustment_serviceLineId_fkey" FOREIGN KEY ("serviceLineId") REFERENCES "RemittanceServiceLine" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProviderAdjustment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "remittanceId" TEXT NOT NULL,
    "reasonCode" TEXT NOT NULL,
    "reference" TEXT,
    "amountCents" INTEGER NOT NULL,
    CONSTRAINT "ProviderAdjustment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ProviderAdjustment_remittanceId_fkey" FOREIGN KEY ("remittanceId") REFERENCES "Remittance" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LedgerEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "claimId" TEXT,
    "claimLineId" TEXT,
    "remittanceId" TEXT,
    "kind" TEXT NOT NULL,
    "responsibility" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "reasonCode" TEXT,
    "memo" TEXT,
    "reversesEntryId" TEXT,
    "idempotencyKey" TEXT,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "effectiveDate" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LedgerEntry_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "LedgerEntry_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "LedgerEntry_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "LedgerEntry_claimLineId_fkey" FOREIGN KEY ("claimLineId") REFERENCES "ClaimLine" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "LedgerEntry_remittanceId_fkey" FOREIGN KEY ("remittanceId") REFERENCES "Remittance" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "LedgerEntry_reversesEntryId_fkey" FOREIGN KEY ("reversesEntryId") REFERENCES "LedgerEntry" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Denial" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "reasonCodes" TEXT NOT NULL,
    "expectedCents" INTEGER,
    "paidCents" INTEGER,
    "ownerId" TEXT,
    "dueDate" TEXT,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "outcome" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Denial_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Denial_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Appeal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "denialId" TEXT NOT NULL,
    "level" INTEGER NOT NULL DEFAULT 1,
    "letter" TEXT,
    "submittedAt" DATETIME,
    "deadlineDate" TEXT NOT NULL,
    "outcome" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Appeal_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Appeal_denialId_fkey" FOREIGN KEY ("denialId") REFERENCES "Denial" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Statement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "guarantorId" TEXT,
    "statementDate" TEXT NOT NULL,
    "dueDate" TEXT NOT NULL,
    "balanceCents" INTEGER NOT NULL,
    "rendererId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "dunningStep" INTEGER NOT NULL DEFAULT 1,
    "documentRef" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Statement_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Statement_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Statement_guarantorId_fkey" FOREIGN KEY ("guarantorId") REFERENCES "Guarantor" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PaymentPlan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "guarantorId" TEXT,
    "totalCents" INTEGER NOT NULL,
    "installmentCents" INTEGER NOT NULL,
    "frequency" TEXT NOT NULL,
    "startDate" TEXT NOT NULL,
    "autopay" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PaymentPlan_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PaymentPlan_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PaymentPlan_guarantorId_fkey" FOREIGN KEY ("guarantorId") REFERENCES "Guarantor" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PaymentPlanInstallment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "paymentPlanId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "dueDate" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "paidCents" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'SCHEDULED',
    CONSTRAINT "PaymentPlanInstallment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PaymentPlanInstallment_paymentPlanId_fkey" FOREIGN KEY ("paymentPlanId") REFERENCES "PaymentPlan" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CollectionPlacement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "guarantorId" TEXT,
    "exporterId" TEXT NOT NULL,
    "agencyName" TEXT NOT NULL,
    "balanceCents" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PLACED',
    "placedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recalledAt" DATETIME,
    "disputedAt" DATETIME,
    "validationNoticeSentAt" DATETIME,
    CONSTRAINT "CollectionPlacement_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CollectionPlacement_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CollectionPlacement_guarantorId_fkey" FOREIGN KEY ("guarantorId") REFERENCES "Guarantor" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Communication" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "outcome" TEXT,
    "occurredAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Communication_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Communication_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorRoles" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "recordIds" JSONB NOT NULL,
    "requestId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditEvent_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IdempotencyRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "result" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "IdempotencyRecord_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Practice_organizationId_idx" ON "Practice"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Practice_organizationId_externalId_key" ON "Practice"("organizationId", "externalId");

-- CreateIndex
CREATE INDEX "Provider_organizationId_practiceId_idx" ON "Provider"("organizationId", "practiceId");

-- CreateIndex
CREATE UNIQUE INDEX "Provider_organizationId_externalId_key" ON "Provider"("organizationId", "externalId");

-- CreateIndex
CREATE INDEX "Facility_organizationId_practiceId_idx" ON "Facility"("organizationId", "practiceId");

-- CreateIndex
CREATE UNIQUE INDEX "Facility_organizationId_externalId_key" ON "Facility"("organizationId", "externalId");

-- CreateIndex
CREATE INDEX "Payer_organizationId_idx" ON "Payer"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Payer_organizationId_externalId_key" ON "Payer"("organizationId", "externalId");

-- CreateIndex
CREATE INDEX "Patient_organizationId_practiceId_idx" ON "Patient"("organizationId", "practiceId");

-- CreateIndex
CREATE INDEX "Patient_organizationId_lastName_firstName_dateOfBirth_idx" ON "Patient"("organizationId", "lastName", "firstName", "dateOfBirth");

-- CreateIndex
CREATE UNIQUE INDEX "Patient_organizationId_externalId_key" ON "Patient"("organizationId", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Patient_organizationId_accountNumber_key" ON "Patient"("organizationId", "accountNumber");

-- CreateIndex
CREATE INDEX "Guarantor_organizationId_idx" ON "Guarantor"("organizationId");

-- CreateIndex
CREATE INDEX "Coverage_organizationId_patientId_idx" ON "Coverage"("organizationId", "patientId");

-- CreateIndex
CREATE INDEX "Coverage_payerId_idx" ON "Coverage"("payerId");

-- CreateIndex
CREATE INDEX "EligibilityCheck_organizationId_coverageId_idx" ON "EligibilityCheck"("organizationId", "coverageId");

-- CreateIndex
CREATE INDEX "Encounter_organizationId_practiceId_dateOfService_idx" ON "Encounter"("organizationId", "practiceId", "dateOfService");

-- CreateIndex
CREATE INDEX "Encounter_patientId_idx" ON "Encounter"("patientId");

-- CreateIndex
CREATE UNIQUE INDEX "Encounter_organizationId_externalId_key" ON "Encounter"("organizationId", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Diagnosis_encounterId_sequence_key" ON "Diagnosis"("encounterId", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceLine_encounterId_lineNumber_key" ON "ServiceLine"("encounterId", "lineNumber");

-- CreateIndex
CREATE INDEX "FeeSchedule_organizationId_practiceId_payerId_idx" ON "FeeSchedule"("organizationId", "practiceId", "payerId");

-- CreateIndex
CREATE UNIQUE INDEX "FeeScheduleEntry_feeScheduleId_procedureCode_modifier_effectiveDate_key" ON "FeeScheduleEntry"("feeScheduleId", "procedureCode", "modifier", "effectiveDate");

-- CreateIndex
CREATE INDEX "Claim_organizationId_status_idx" ON "Claim"("organizationId", "status");

-- CreateIndex
CREATE INDEX "Claim_organizationId_practiceId_idx" ON "Claim"("organizationId", "practiceId");

-- CreateIndex
CREATE INDEX "Claim_patientId_idx" ON "Claim"("patientId");

-- CreateIndex
CREATE UNIQUE INDEX "Claim_organizationId_patientControlNumber_key" ON "Claim"("organizationId", "patientControlNumber");

-- CreateIndex
CREATE UNIQUE INDEX "ClaimLine_claimId_lineNumber_key" ON "ClaimLine"("claimId", "lineNumber");

-- CreateIndex
CREATE INDEX "ClaimStatusEvent_claimId_createdAt_idx" ON "ClaimStatusEvent"("claimId", "createdAt");

-- CreateIndex
CREATE INDEX "SubmissionBatch_organizationId_createdAt_idx" ON "SubmissionBatch"("organizationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SubmissionBatch_organizationId_idempotencyKey_key" ON "SubmissionBatch"("organizationId", "idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "Remittance_organizationId_payerIdentifier_traceNumber_key" ON "Remittance"("organizationId", "payerIdentifier", "traceNumber");

-- CreateIndex
CREATE INDEX "RemittanceClaim_organizationId_claimId_idx" ON "RemittanceClaim"("organizationId", "claimId");

-- CreateIndex
CREATE INDEX "RemittanceClaim_remittanceId_idx" ON "RemittanceClaim"("remittanceId");

-- CreateIndex
CREATE INDEX "RemittanceServiceLine_remittanceClaimId_idx" ON "RemittanceServiceLine"("remittanceClaimId");

-- CreateIndex
CREATE INDEX "RemittanceAdjustment_remittanceClaimId_idx" ON "RemittanceAdjustment"("remittanceClaimId");

-- CreateIndex
CREATE INDEX "LedgerEntry_organizationId_patientId_idx" ON "LedgerEntry"("organizationId", "patientId");

-- CreateIndex
CREATE INDEX "LedgerEntry_claimId_idx" ON "LedgerEntry"("claimId");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerEntry_organizationId_idempotencyKey_key" ON "LedgerEntry"("organizationId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "Denial_organizationId_status_idx" ON "Denial"("organizationId", "status");

-- CreateIndex
CREATE INDEX "Statement_organizationId_patientId_idx" ON "Statement"("organizationId", "patientId");

-- CreateIndex
CREATE INDEX "PaymentPlan_organizationId_patientId_idx" ON "PaymentPlan"("organizationId", "patientId");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentPlanInstallment_paymentPlanId_sequence_key" ON "PaymentPlanInstallment"("paymentPlanId", "sequence");

-- CreateIndex
CREATE INDEX "CollectionPlacement_organizationId_patientId_idx" ON "CollectionPlacement"("organizationId", "patientId");

-- CreateIndex
CREATE INDEX "Communication_organizationId_patientId_occurredAt_idx" ON "Communication"("organizationId", "patientId", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditEvent_organizationId_createdAt_idx" ON "AuditEvent"("organizationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "IdempotencyRecord_organizationId_operation_key_key" ON "IdempotencyRecord"("organizationId", "operation", "key");
