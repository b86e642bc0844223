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
    "paperOnly" BOOLEAN NOT NULL DEFAULT false,
    "addressLine1" TEXT,
    "addressLine2" TEXT,
    "city" TEXT,
    "state" TEXT,
    "postalCode" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Payer_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Payer" ("appealWindowDays", "claimFilingIndicator", "connectorId", "createdAt", "externalId", "forbidsBalanceBilling", "id", "name", "organizationId", "payerIdentifier", "timelyFilingDays", "updatedAt") SELECT "appealWindowDays", "claimFilingIndicator", "connectorId", "createdAt", "externalId", "forbidsBalanceBilling", "id", "name", "organizationId", "payerIdentifier", "timelyFilingDays", "updatedAt" FROM "Payer";
DROP TABLE "Payer";
ALTER TABLE "new_Payer" RENAME TO "Payer";
CREATE INDEX "Payer_organizationId_idx" ON "Payer"("organizationId");
CREATE UNIQUE INDEX "Payer_organizationId_externalId_key" ON "Payer"("organizationId", "externalId");
CREATE TABLE "new_SubmissionBatch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "connectorId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "interchangeControlNumber" TEXT NOT NULL,
    "connectorReference" TEXT,
    "idempotencyKey" TEXT,
    "claimCount" INTEGER NOT NULL,
    "totalChargeCents" INTEGER NOT NULL,
    "format" TEXT NOT NULL DEFAULT '837P',
    "content" TEXT NOT NULL DEFAULT '',
    "failureReason" TEXT,
    "documentId" TEXT,
    "submittedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SubmissionBatch_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SubmissionBatch_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_SubmissionBatch" ("claimCount", "connectorId", "connectorReference", "content", "createdAt", "failureReason", "format", "id", "idempotencyKey", "interchangeControlNumber", "organizationId", "status", "submittedAt", "totalChargeCents", "updatedAt") SELECT "claimCount", "connectorId", "connectorReference", "content", "createdAt", "failureReason", "format", "id", "idempotencyKey", "interchangeControlNumber", "organizationId", "status", "submittedAt", "totalChargeCents", "updatedAt" FROM "SubmissionBatch";
DROP TABLE "SubmissionBatch";
ALTER TABLE "new_SubmissionBatch" RENAME TO "SubmissionBatch";
CREATE INDEX "SubmissionBatch_organizationId_createdAt_idx" ON "SubmissionBatch"("organizationId", "createdAt");
CREATE UNIQUE INDEX "SubmissionBatch_organizationId_idempotencyKey_key" ON "SubmissionBatch"("organizationId", "idempotencyKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
