-- CreateTable
CREATE TABLE "PatientPayment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "method" TEXT NOT NULL,
    "reference" TEXT,
    "receivedDate" TEXT NOT NULL,
    "idempotencyKey" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PatientPayment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PatientPayment_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Claim" (
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
    "primaryClaimId" TEXT,
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
    CONSTRAINT "Claim_primaryClaimId_fkey" FOREIGN KEY ("primaryClaimId") REFERENCES "Claim" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Claim_submissionBatchId_fkey" FOREIGN KEY ("submissionBatchId") REFERENCES "SubmissionBatch" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Claim" ("connectorId", "coverageId", "createdAt", "encounterId", "frequencyCode", "id", "kind", "organizationId", "originalClaimId", "patientControlNumber", "patientId", "payerClaimControlNumber", "payerId", "practiceId", "scrubErrors", "status", "submissionBatchId", "submittedAt", "totalChargeCents", "updatedAt") SELECT "connectorId", "coverageId", "createdAt", "encounterId", "frequencyCode", "id", "kind", "organizationId", "originalClaimId", "patientControlNumber", "patientId", "payerClaimControlNumber", "payerId", "practiceId", "scrubErrors", "status", "submissionBatchId", "submittedAt", "totalChargeCents", "updatedAt" FROM "Claim";
DROP TABLE "Claim";
ALTER TABLE "new_Claim" RENAME TO "Claim";
CREATE INDEX "Claim_organizationId_status_idx" ON "Claim"("organizationId", "status");
CREATE INDEX "Claim_practiceId_idx" ON "Claim"("practiceId");
CREATE INDEX "Claim_patientId_idx" ON "Claim"("patientId");
CREATE UNIQUE INDEX "Claim_organizationId_patientControlNumber_key" ON "Claim"("organizationId", "patientControlNumber");
CREATE TABLE "new_Remittance" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "payerId" TEXT,
    "practiceId" TEXT,
    "traceNumber" TEXT NOT NULL,
    "payerIdentifier" TEXT NOT NULL,
    "payerName" TEXT NOT NULL,
    "paymentCents" INTEGER NOT NULL,
    "providerAdjustmentsCents" INTEGER NOT NULL DEFAULT 0,
    "paymentMethod" TEXT NOT NULL,
    "paymentDate" TEXT,
    "fileSha256" TEXT NOT NULL,
    "importedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Remittance_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Remittance_payerId_fkey" FOREIGN KEY ("payerId") REFERENCES "Payer" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Remittance_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Remittance" ("createdAt", "fileSha256", "id", "importedById", "organizationId", "payerId", "payerIdentifier", "paymentCents", "paymentDate", "paymentMethod", "traceNumber") SELECT "createdAt", "fileSha256", "id", "importedById", "organizationId", "payerId", "payerIdentifier", "paymentCents", "paymentDate", "paymentMethod", "traceNumber" FROM "Remittance";
DROP TABLE "Remittance";
ALTER TABLE "new_Remittance" RENAME TO "Remittance";
CREATE INDEX "Remittance_organizationId_fileSha256_idx" ON "Remittance"("organizationId", "fileSha256");
CREATE UNIQUE INDEX "Remittance_organizationId_payerIdentifier_traceNumber_key" ON "Remittance"("organizationId", "payerIdentifier", "traceNumber");
CREATE TABLE "new_RemittanceClaim" (
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
    "filingIndicator" TEXT,
    "remarkCodes" TEXT,
    "patientName" TEXT,
    "postedAt" DATETIME,
    "unbalancedCents" INTEGER,
    "reviewReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RemittanceClaim_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RemittanceClaim_remittanceId_fkey" FOREIGN KEY ("remittanceId") REFERENCES "Remittance" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RemittanceClaim_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_RemittanceClaim" ("chargeCents", "claimId", "id", "organizationId", "paidCents", "patientControlNumber", "patientResponsibilityCents", "payerClaimControlNumber", "remarkCodes", "remittanceId", "statusCode") SELECT "chargeCents", "claimId", "id", "organizationId", "paidCents", "patientControlNumber", "patientResponsibilityCents", "payerClaimControlNumber", "remarkCodes", "remittanceId", "statusCode" FROM "RemittanceClaim";
DROP TABLE "RemittanceClaim";
ALTER TABLE "new_RemittanceClaim" RENAME TO "RemittanceClaim";
CREATE INDEX "RemittanceClaim_organizationId_claimId_idx" ON "RemittanceClaim"("organizationId", "claimId");
CREATE INDEX "RemittanceClaim_organizationId_postedAt_idx" ON "RemittanceClaim"("organizationId", "postedAt");
CREATE INDEX "RemittanceClaim_remittanceId_idx" ON "RemittanceClaim"("remittanceId");
CREATE TABLE "new_RemittanceServiceLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "remittanceClaimId" TEXT NOT NULL,
    "claimLineId" TEXT,
    "procedureCode" TEXT NOT NULL,
    "modifiers" TEXT,
    "chargeCents" INTEGER NOT NULL,
    "paidCents" INTEGER NOT NULL,
    "allowedCents" INTEGER,
    "expectedCents" INTEGER,
    "underpaid" BOOLEAN NOT NULL DEFAULT false,
    "unitsMilli" INTEGER,
    "serviceDate" TEXT,
    "lineControlNumber" TEXT,
    "remarkCodes" TEXT,
    CONSTRAINT "RemittanceServiceLine_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RemittanceServiceLine_remittanceClaimId_fkey" FOREIGN KEY ("remittanceClaimId") REFERENCES "RemittanceClaim" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RemittanceServiceLine_claimLineId_fkey" FOREIGN KEY ("claimLineId") REFERENCES "ClaimLine" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_RemittanceServiceLine" ("chargeCents", "claimLineId", "id", "lineControlNumber", "modifiers", "organizationId", "paidCents", "procedureCode", "remarkCodes", "remittanceClaimId", "serviceDate", "unitsMilli") SELECT "chargeCents", "claimLineId", "id", "lineControlNumber", "modifiers", "organizationId", "paidCents", "procedureCode", "remarkCodes", "remittanceClaimId", "serviceDate", "unitsMilli" FROM "RemittanceServiceLine";
DROP TABLE "RemittanceServiceLine";
ALTER TABLE "new_RemittanceServiceLine" RENAME TO "RemittanceServiceLine";
CREATE INDEX "RemittanceServiceLine_remittanceClaimId_idx" ON "RemittanceServiceLine"("remittanceClaimId");
CREATE TABLE "new_ProviderAdjustment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "remittanceId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "reasonCode" TEXT NOT NULL,
    "reference" TEXT,
    "amountCents" INTEGER NOT NULL,
    CONSTRAINT "ProviderAdjustment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ProviderAdjustment_remittanceId_fkey" FOREIGN KEY ("remittanceId") REFERENCES "Remittance" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_ProviderAdjustment" ("amountCents", "id", "organizationId", "reasonCode", "reference", "remittanceId") SELECT "amountCents", "id", "organizationId", "reasonCode", "reference", "remittanceId" FROM "ProviderAdjustment";
DROP TABLE "ProviderAdjustment";
ALTER TABLE "new_ProviderAdjustment" RENAME TO "ProviderAdjustment";
CREATE TABLE "new_LedgerEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "patientId" TEXT,
    "guarantorId" TEXT,
    "claimId" TEXT,
    "claimLineId" TEXT,
    "coverageId" TEXT,
    "payerId" TEXT,
    "remittanceId" TEXT,
    "remittanceClaimId" TEXT,
    "patientPaymentId" TEXT,
    "kind" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "reasonCode" TEXT,
    "category" TEXT,
    "memo" TEXT,
    "reversesEntryId" TEXT,
    "transferId" TEXT,
    "idempotencyKey" TEXT,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "effectiveDate" TEXT NOT NULL,
    "agingDate" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LedgerEntry_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "LedgerEntry_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "LedgerEntry_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "LedgerEntry_claimLineId_fkey" FOREIGN KEY ("claimLineId") REFERENCES "ClaimLine" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "LedgerEntry_remittanceId_fkey" FOREIGN KEY ("remittanceId") REFERENCES "Remittance" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "LedgerEntry_remittanceClaimId_fkey" FOREIGN KEY ("remittanceClaimId") REFERENCES "RemittanceClaim" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "LedgerEntry_patientPaymentId_fkey" FOREIGN KEY ("patientPaymentId") REFERENCES "PatientPayment" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "LedgerEntry_reversesEntryId_fkey" FOREIGN KEY ("reversesEntryId") REFERENCES "LedgerEntry" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_LedgerEntry" ("actorId", "actorType", "amountCents", "claimId", "claimLineId", "createdAt", "effectiveDate", "id", "idempotencyKey", "kind", "memo", "organizationId", "patientId", "reasonCode", "remittanceId", "reversesEntryId") SELECT "actorId", "actorType", "amountCents", "claimId", "claimLineId", "createdAt", "effectiveDate", "id", "idempotencyKey", "kind", "memo", "organizationId", "patientId", "reasonCode", "remittanceId", "reversesEntryId" FROM "LedgerEntry";
DROP TABLE "LedgerEntry";
ALTER TABLE "new_LedgerEntry" RENAME TO "LedgerEntry";
CREATE INDEX "LedgerEntry_organizationId_account_effectiveDate_agingDate_idx" ON "LedgerEntry"("organizationId", "account", "effectiveDate", "agingDate");
CREATE INDEX "LedgerEntry_organizationId_practiceId_idx" ON "LedgerEntry"("organizationId", "practiceId");
CREATE INDEX "LedgerEntry_patientId_idx" ON "LedgerEntry"("patientId");
CREATE INDEX "LedgerEntry_guarantorId_idx" ON "LedgerEntry"("guarantorId");
CREATE INDEX "LedgerEntry_claimId_idx" ON "LedgerEntry"("claimId");
CREATE INDEX "LedgerEntry_claimLineId_idx" ON "LedgerEntry"("claimLineId");
CREATE UNIQUE INDEX "LedgerEntry_organizationId_idempotencyKey_key" ON "LedgerEntry"("organizationId", "idempotencyKey");
CREATE TABLE "new_Denial" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "remittanceClaimId" TEXT,
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
    CONSTRAINT "Denial_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Denial_remittanceClaimId_fkey" FOREIGN KEY ("remittanceClaimId") REFERENCES "RemittanceClaim" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Denial" ("category", "claimId", "createdAt", "dueDate", "expectedCents", "id", "organizationId", "outcome", "ownerId", "paidCents", "reasonCodes", "status", "updatedAt") SELECT "category", "claimId", "createdAt", "dueDate", "expectedCents", "id", "organizationId", "outcome", "ownerId", "paidCents", "reasonCodes", "status", "updatedAt" FROM "Denial";
DROP TABLE "Denial";
ALTER TABLE "new_Denial" RENAME TO "Denial";
CREATE INDEX "Denial_organizationId_status_idx" ON "Denial"("organizationId", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "PatientPayment_patientId_idx" ON "PatientPayment"("patientId");

-- CreateIndex
CREATE UNIQUE INDEX "PatientPayment_organizationId_idempotencyKey_key" ON "PatientPayment"("organizationId", "idempotencyKey");
