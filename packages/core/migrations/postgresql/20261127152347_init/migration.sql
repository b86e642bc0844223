-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('FEMALE', 'MALE', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "ContactChannel" AS ENUM ('MAIL', 'EMAIL', 'SMS', 'PHONE');

-- CreateEnum
CREATE TYPE "GuarantorRelationship" AS ENUM ('SELF', 'SPOUSE', 'PARENT', 'LEGAL_GUARDIAN', 'OTHER');

-- CreateEnum
CREATE TYPE "CoveragePriority" AS ENUM ('PRIMARY', 'SECONDARY', 'TERTIARY');

-- CreateEnum
CREATE TYPE "SubscriberRelationship" AS ENUM ('SELF', 'SPOUSE', 'CHILD', 'OTHER');

-- CreateEnum
CREATE TYPE "ClaimStatus" AS ENUM ('DRAFT', 'SCRUB_FAILED', 'READY', 'SUBMITTED', 'ACKNOWLEDGED', 'ACCEPTED', 'REJECTED', 'PAID', 'PARTIALLY_PAID', 'DENIED', 'APPEALED', 'VOIDED', 'CLOSED');

-- CreateEnum
CREATE TYPE "ClaimKind" AS ENUM ('PROFESSIONAL', 'INSTITUTIONAL');

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('USER', 'SYSTEM', 'CONNECTOR', 'PAYER');

-- CreateEnum
CREATE TYPE "SubmissionStatus" AS ENUM ('PENDING', 'SENT', 'ACKNOWLEDGED', 'REJECTED', 'FAILED');

-- CreateEnum
CREATE TYPE "LedgerEntryKind" AS ENUM ('CHARGE', 'INSURANCE_PAYMENT', 'PATIENT_PAYMENT', 'CONTRACTUAL_ADJUSTMENT', 'OTHER_ADJUSTMENT', 'TRANSFER', 'WRITE_OFF', 'REFUND', 'REVERSAL');

-- CreateEnum
CREATE TYPE "Responsibility" AS ENUM ('INSURANCE', 'PATIENT');

-- CreateEnum
CREATE TYPE "DenialCategory" AS ENUM ('MISSING_INFORMATION', 'ELIGIBILITY', 'AUTHORIZATION', 'MEDICAL_NECESSITY', 'TIMELY_FILING', 'DUPLICATE', 'COORDINATION_OF_BENEFITS', 'CODING', 'UNDERPAYMENT', 'OTHER');

-- CreateEnum
CREATE TYPE "WorkItemStatus" AS ENUM ('OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED');

-- CreateEnum
CREATE TYPE "StatementStatus" AS ENUM ('DRAFT', 'SENT', 'FAILED', 'VOIDED');

-- CreateEnum
CREATE TYPE "PaymentPlanStatus" AS ENUM ('ACTIVE', 'COMPLETED', 'DEFAULTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "PlacementStatus" AS ENUM ('PLACED', 'DISPUTED', 'PAID', 'RECALLED', 'RETURNED');

-- CreateEnum
CREATE TYPE "CommunicationDirection" AS ENUM ('OUTBOUND', 'INBOUND');

-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nonprofit" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Practice" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Practice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Provider" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "externalId" TEXT,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "credential" TEXT,
    "npi" TEXT NOT NULL,
    "taxonomyCode" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Provider_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Facility" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Facility_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payer" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "externalId" TEXT,
    "name" TEXT NOT NULL,
    "payerIdentifier" TEXT NOT NULL,
    "claimFilingIndicator" TEXT NOT NULL,
    "timelyFilingDays" INTEGER NOT NULL DEFAULT 365,
    "appealWindowDays" INTEGER NOT NULL DEFAULT 180,
    "connectorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Payer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Patient" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "externalId" TEXT,
    "accountNumber" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "middleName" TEXT,
    "lastName" TEXT NOT NULL,
    "dateOfBirth" TEXT NOT NULL,
    "sex" "Sex" NOT NULL,
    "addressLine1" TEXT,
    "addressLine2" TEXT,
    "city" TEXT,
    "state" TEXT,
    "postalCode" TEXT,
    "homePhone" TEXT,
    "mobilePhone" TEXT,
    "email" TEXT,
    "preferredChannel" "ContactChannel" NOT NULL DEFAULT 'MAIL',
    "emailOptOut" BOOLEAN NOT NULL DEFAULT false,
    "smsOptOut" BOOLEAN NOT NULL DEFAULT false,
    "phoneOptOut" BOOLEAN NOT NULL DEFAULT false,
    "timeZone" TEXT,
    "timeZoneOverridden" BOOLEAN NOT NULL DEFAULT false,
    "ceaseCommunicationAt" TIMESTAMP(3),
    "guarantorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Patient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Guarantor" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "relationship" "GuarantorRelationship" NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Guarantor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Coverage" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "payerId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "groupNumber" TEXT,
    "priority" "CoveragePriority" NOT NULL,
    "subscriberRelationship" "SubscriberRelationship" NOT NULL DEFAULT 'SELF',
    "subscriberFirstName" TEXT,
    "subscriberLastName" TEXT,
    "subscriberDateOfBirth" TEXT,
    "effectiveDate" TEXT NOT NULL,
    "terminationDate" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Coverage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EligibilityCheck" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EligibilityCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Encounter" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Encounter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Diagnosis" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "encounterId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "code" TEXT NOT NULL,

    CONSTRAINT "Diagnosis_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceLine" (
    "id" TEXT NOT NULL,
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

    CONSTRAINT "ServiceLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeeSchedule" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "payerId" TEXT,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FeeSchedule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeeScheduleEntry" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "feeScheduleId" TEXT NOT NULL,
    "procedureCode" TEXT NOT NULL,
    "modifier" TEXT NOT NULL DEFAULT '',
    "amountCents" INTEGER NOT NULL,
    "effectiveDate" TEXT NOT NULL,
    "endDate" TEXT,

    CONSTRAINT "FeeScheduleEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Claim" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "encounterId" TEXT NOT NULL,
    "coverageId" TEXT NOT NULL,
    "payerId" TEXT NOT NULL,
    "kind" "ClaimKind" NOT NULL DEFAULT 'PROFESSIONAL',
    "patientControlNumber" TEXT NOT NULL,
    "status" "ClaimStatus" NOT NULL DEFAULT 'DRAFT',
    "frequencyCode" TEXT NOT NULL DEFAULT '1',
    "originalClaimId" TEXT,
    "totalChargeCents" INTEGER NOT NULL,
    "payerClaimControlNumber" TEXT,
    "connectorId" TEXT,
    "submissionBatchId" TEXT,
    "submittedAt" TIMESTAMP(3),
    "scrubErrors" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Claim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimLine" (
    "id" TEXT NOT NULL,
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

    CONSTRAINT "ClaimLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimStatusEvent" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "fromStatus" "ClaimStatus",
    "toStatus" "ClaimStatus" NOT NULL,
    "reason" TEXT,
    "actorType" "ActorType" NOT NULL,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClaimStatusEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubmissionBatch" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "connectorId" TEXT NOT NULL,
    "status" "SubmissionStatus" NOT NULL DEFAULT 'PENDING',
    "interchangeControlNumber" TEXT NOT NULL,
    "connectorReference" TEXT,
    "idempotencyKey" TEXT,
    "claimCount" INTEGER NOT NULL,
    "totalChargeCents" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SubmissionBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Remittance" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "payerId" TEXT,
    "traceNumber" TEXT NOT NULL,
    "payerIdentifier" TEXT NOT NULL,
    "paymentCents" INTEGER NOT NULL,
    "paymentMethod" TEXT NOT NULL,
    "paymentDate" TEXT,
    "fileSha256" TEXT NOT NULL,
    "importedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Remittance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RemittanceClaim" (
    "id" TEXT NOT NULL,
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

    CONSTRAINT "RemittanceClaim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RemittanceServiceLine" (
    "id" TEXT NOT NULL,
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

    CONSTRAINT "RemittanceServiceLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RemittanceAdjustment" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "remittanceClaimId" TEXT NOT NULL,
    "serviceLineId" TEXT,
    "groupCode" TEXT NOT NULL,
    "reasonCode" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "quantityMilli" INTEGER,

    CONSTRAINT "RemittanceAdjustment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProviderAdjustment" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "remittanceId" TEXT NOT NULL,
    "reasonCode" TEXT NOT NULL,
    "reference" TEXT,
    "amountCents" INTEGER NOT NULL,

    CONSTRAINT "ProviderAdjustment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerEntry" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "claimId" TEXT,
    "claimLineId" TEXT,
    "remittanceId" TEXT,
    "kind" "LedgerEntryKind" NOT NULL,
    "responsibility" "Responsibility" NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "reasonCode" TEXT,
    "memo" TEXT,
    "reversesEntryId" TEXT,
    "idempotencyKey" TEXT,
    "actorType" "ActorType" NOT NULL,
    "actorId" TEXT,
    "effectiveDate" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Denial" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "category" "DenialCategory" NOT NULL,
    "reasonCodes" TEXT NOT NULL,
    "expectedCents" INTEGER,
    "paidCents" INTEGER,
    "ownerId" TEXT,
    "dueDate" TEXT,
    "status" "WorkItemStatus" NOT NULL DEFAULT 'OPEN',
    "outcome" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Denial_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Appeal" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "denialId" TEXT NOT NULL,
    "level" INTEGER NOT NULL DEFAULT 1,
    "letter" TEXT,
    "submittedAt" TIMESTAMP(3),
    "deadlineDate" TEXT NOT NULL,
    "outcome" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Appeal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Statement" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "guarantorId" TEXT,
    "statementDate" TEXT NOT NULL,
    "dueDate" TEXT NOT NULL,
    "balanceCents" INTEGER NOT NULL,
    "rendererId" TEXT NOT NULL,
    "status" "StatementStatus" NOT NULL DEFAULT 'DRAFT',
    "dunningStep" INTEGER NOT NULL DEFAULT 1,
    "documentRef" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Statement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentPlan" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "guarantorId" TEXT,
    "totalCents" INTEGER NOT NULL,
    "installmentCents" INTEGER NOT NULL,
    "frequency" TEXT NOT NULL,
    "startDate" TEXT NOT NULL,
    "autopay" BOOLEAN NOT NULL DEFAULT false,
    "status" "PaymentPlanStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PaymentPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentPlanInstallment" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "paymentPlanId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "dueDate" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "paidCents" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'SCHEDULED',

    CONSTRAINT "PaymentPlanInstallment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CollectionPlacement" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "guarantorId" TEXT,
    "exporterId" TEXT NOT NULL,
    "agencyName" TEXT NOT NULL,
    "balanceCents" INTEGER NOT NULL,
    "status" "PlacementStatus" NOT NULL DEFAULT 'PLACED',
    "placedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recalledAt" TIMESTAMP(3),
    "disputedAt" TIMESTAMP(3),
    "validationNoticeSentAt" TIMESTAMP(3),

    CONSTRAINT "CollectionPlacement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Communication" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "channel" "ContactChannel" NOT NULL,
    "direction" "CommunicationDirection" NOT NULL,
    "purpose" TEXT NOT NULL,
    "outcome" TEXT,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Communication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorRoles" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "recordIds" JSONB NOT NULL,
    "requestId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyRecord" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "result" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyRecord_pkey" PRIMARY KEY ("id")
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
CREATE UNIQUE INDEX "FeeScheduleEntry_feeScheduleId_procedureCode_modifier_effec_key" ON "FeeScheduleEntry"("feeScheduleId", "procedureCode", "modifier", "effectiveDate");

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

-- AddForeignKey
ALTER TABLE "Practice" ADD CONSTRAINT "Practice_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Provider" ADD CONSTRAINT "Provider_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Provider" ADD CONSTRAINT "Provider_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Facility" ADD CONSTRAINT "Facility_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Facility" ADD CONSTRAINT "Facility_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payer" ADD CONSTRAINT "Payer_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Patient" ADD CONSTRAINT "Patient_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Patient" ADD CONSTRAINT "Patient_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Patient" ADD CONSTRAINT "Patient_guarantorId_fkey" FOREIGN KEY ("guarantorId") REFERENCES "Guarantor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Guarantor" ADD CONSTRAINT "Guarantor_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Coverage" ADD CONSTRAINT "Coverage_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Coverage" ADD CONSTRAINT "Coverage_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Coverage" ADD CONSTRAINT "Coverage_payerId_fkey" FOREIGN KEY ("payerId") REFERENCES "Payer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EligibilityCheck" ADD CONSTRAINT "EligibilityCheck_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EligibilityCheck" ADD CONSTRAINT "EligibilityCheck_coverageId_fkey" FOREIGN KEY ("coverageId") REFERENCES "Coverage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Encounter" ADD CONSTRAINT "Encounter_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Encounter" ADD CONSTRAINT "Encounter_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Encounter" ADD CONSTRAINT "Encounter_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Encounter" ADD CONSTRAINT "Encounter_renderingProviderId_fkey" FOREIGN KEY ("renderingProviderId") REFERENCES "Provider"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Encounter" ADD CONSTRAINT "Encounter_billingProviderId_fkey" FOREIGN KEY ("billingProviderId") REFERENCES "Provider"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Encounter" ADD CONSTRAINT "Encounter_facilityId_fkey" FOREIGN KEY ("facilityId") REFERENCES "Facility"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Diagnosis" ADD CONSTRAINT "Diagnosis_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Diagnosis" ADD CONSTRAINT "Diagnosis_encounterId_fkey" FOREIGN KEY ("encounterId") REFERENCES "Encounter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceLine" ADD CONSTRAINT "ServiceLine_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceLine" ADD CONSTRAINT "ServiceLine_encounterId_fkey" FOREIGN KEY ("encounterId") REFERENCES "Encounter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeeSchedule" ADD CONSTRAINT "FeeSchedule_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeeSchedule" ADD CONSTRAINT "FeeSchedule_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeeSchedule" ADD CONSTRAINT "FeeSchedule_payerId_fkey" FOREIGN KEY ("payerId") REFERENCES "Payer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeeScheduleEntry" ADD CONSTRAINT "FeeScheduleEntry_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeeScheduleEntry" ADD CONSTRAINT "FeeScheduleEntry_feeScheduleId_fkey" FOREIGN KEY ("feeScheduleId") REFERENCES "FeeSchedule"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_encounterId_fkey" FOREIGN KEY ("encounterId") REFERENCES "Encounter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_coverageId_fkey" FOREIGN KEY ("coverageId") REFERENCES "Coverage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_payerId_fkey" FOREIGN KEY ("payerId") REFERENCES "Payer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_originalClaimId_fkey" FOREIGN KEY ("originalClaimId") REFERENCES "Claim"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_submissionBatchId_fkey" FOREIGN KEY ("submissionBatchId") REFERENCES "SubmissionBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimLine" ADD CONSTRAINT "ClaimLine_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimLine" ADD CONSTRAINT "ClaimLine_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimLine" ADD CONSTRAINT "ClaimLine_serviceLineId_fkey" FOREIGN KEY ("serviceLineId") REFERENCES "ServiceLine"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimStatusEvent" ADD CONSTRAINT "ClaimStatusEvent_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimStatusEvent" ADD CONSTRAINT "ClaimStatusEvent_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionBatch" ADD CONSTRAINT "SubmissionBatch_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Remittance" ADD CONSTRAINT "Remittance_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Remittance" ADD CONSTRAINT "Remittance_payerId_fkey" FOREIGN KEY ("payerId") REFERENCES "Payer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RemittanceClaim" ADD CONSTRAINT "RemittanceClaim_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RemittanceClaim" ADD CONSTRAINT "RemittanceClaim_remittanceId_fkey" FOREIGN KEY ("remittanceId") REFERENCES "Remittance"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RemittanceClaim" ADD CONSTRAINT "RemittanceClaim_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RemittanceServiceLine" ADD CONSTRAINT "RemittanceServiceLine_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RemittanceServiceLine" ADD CONSTRAINT "RemittanceServiceLine_remittanceClaimId_fkey" FOREIGN KEY ("remittanceClaimId") REFERENCES "RemittanceClaim"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RemittanceServiceLine" ADD CONSTRAINT "RemittanceServiceLine_claimLineId_fkey" FOREIGN KEY ("claimLineId") REFERENCES "ClaimLine"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RemittanceAdjustment" ADD CONSTRAINT "RemittanceAdjustment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RemittanceAdjustment" ADD CONSTRAINT "RemittanceAdjustment_remittanceClaimId_fkey" FOREIGN KEY ("remittanceClaimId") REFERENCES "RemittanceClaim"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RemittanceAdjustment" ADD CONSTRAINT "RemittanceAdjustment_serviceLineId_fkey" FOREIGN KEY ("serviceLineId") REFERENCES "RemittanceServiceLine"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProviderAdjustment" ADD CONSTRAINT "ProviderAdjustment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProviderAdjustment" ADD CONSTRAINT "ProviderAdjustment_remittanceId_fkey" FOREIGN KEY ("remittanceId") REFERENCES "Remittance"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_claimLineId_fkey" FOREIGN KEY ("claimLineId") REFERENCES "ClaimLine"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_remittanceId_fkey" FOREIGN KEY ("remittanceId") REFERENCES "Remittance"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_reversesEntryId_fkey" FOREIGN KEY ("reversesEntryId") REFERENCES "LedgerEntry"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Denial" ADD CONSTRAINT "Denial_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Denial" ADD CONSTRAINT "Denial_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_denialId_fkey" FOREIGN KEY ("denialId") REFERENCES "Denial"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_guarantorId_fkey" FOREIGN KEY ("guarantorId") REFERENCES "Guarantor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentPlan" ADD CONSTRAINT "PaymentPlan_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentPlan" ADD CONSTRAINT "PaymentPlan_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentPlan" ADD CONSTRAINT "PaymentPlan_guarantorId_fkey" FOREIGN KEY ("guarantorId") REFERENCES "Guarantor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentPlanInstallment" ADD CONSTRAINT "PaymentPlanInstallment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentPlanInstallment" ADD CONSTRAINT "PaymentPlanInstallment_paymentPlanId_fkey" FOREIGN KEY ("paymentPlanId") REFERENCES "PaymentPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollectionPlacement" ADD CONSTRAINT "CollectionPlacement_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollectionPlacement" ADD CONSTRAINT "CollectionPlacement_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollectionPlacement" ADD CONSTRAINT "CollectionPlacement_guarantorId_fkey" FOREIGN KEY ("guarantorId") REFERENCES "Guarantor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Communication" ADD CONSTRAINT "Communication_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Communication" ADD CONSTRAINT "Communication_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdempotencyRecord" ADD CONSTRAINT "IdempotencyRecord_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
