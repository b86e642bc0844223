-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Payer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "externalId" TEXT,
    "name" TEXT NOT NULL,
    "payerIdentifier" TEXT NOT NULL,
    "claimFilingIndicator" TEXT NOT NULL,
    "timelyFilingDays" INTEGER NOT NULL DEFAULT 365,
    "appealWindowDays" INTEGER NOT NULL DEFAULT 180,
    "connectorId" TEXT,
    "forbidsBalanceBilling" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Payer_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Payer" ("appealWindowDays", "claimFilingIndicator", "connectorId", "createdAt", "externalId", "id", "name", "organizationId", "payerIdentifier", "timelyFilingDays", "updatedAt") SELECT "appealWindowDays", "claimFilingIndicator", "connectorId", "createdAt", "externalId", "id", "name", "organizationId", "payerIdentifier", "timelyFilingDays", "updatedAt" FROM "Payer";
DROP TABLE "Payer";
ALTER TABLE "new_Payer" RENAME TO "Payer";
CREATE INDEX "Payer_organizationId_idx" ON "Payer"("organizationId");
CREATE UNIQUE INDEX "Payer_organizationId_externalId_key" ON "Payer"("organizationId", "externalId");
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
    "crossover" BOOLEAN NOT NULL DEFAULT false,
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
INSERT INTO "new_Claim" ("connectorId", "coverageId", "createdAt", "encounterId", "frequencyCode", "id", "kind", "organizationId", "originalClaimId", "patientControlNumber", "patientId", "payerClaimControlNumber", "payerId", "practiceId", "primaryClaimId", "scrubErrors", "status", "submissionBatchId", "submittedAt", "totalChargeCents", "updatedAt") SELECT "connectorId", "coverageId", "createdAt", "encounterId", "frequencyCode", "id", "kind", "organizationId", "originalClaimId", "patientControlNumber", "patientId", "payerClaimControlNumber", "payerId", "practiceId", "primaryClaimId", "scrubErrors", "status", "submissionBatchId", "submittedAt", "totalChargeCents", "updatedAt" FROM "Claim";
DROP TABLE "Claim";
ALTER TABLE "new_Claim" RENAME TO "Claim";
CREATE INDEX "Claim_organizationId_status_idx" ON "Claim"("organizationId", "status");
CREATE INDEX "Claim_practiceId_idx" ON "Claim"("practiceId");
CREATE INDEX "Claim_patientId_idx" ON "Claim"("patientId");
CREATE UNIQUE INDEX "Claim_organizationId_patientControlNumber_key" ON "Claim"("organizationId", "patientControlNumber");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
