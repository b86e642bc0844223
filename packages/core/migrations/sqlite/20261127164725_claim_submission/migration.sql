-- CreateTable
CREATE TABLE "ControlNumberSequence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "ControlNumberSequence_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "UnmatchedResponse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "fileName" TEXT,
    "resolvedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "UnmatchedResponse_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
    "submittedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SubmissionBatch_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_SubmissionBatch" ("claimCount", "connectorId", "connectorReference", "createdAt", "id", "idempotencyKey", "interchangeControlNumber", "organizationId", "status", "totalChargeCents", "updatedAt") SELECT "claimCount", "connectorId", "connectorReference", "createdAt", "id", "idempotencyKey", "interchangeControlNumber", "organizationId", "status", "totalChargeCents", "updatedAt" FROM "SubmissionBatch";
DROP TABLE "SubmissionBatch";
ALTER TABLE "new_SubmissionBatch" RENAME TO "SubmissionBatch";
CREATE INDEX "SubmissionBatch_organizationId_createdAt_idx" ON "SubmissionBatch"("organizationId", "createdAt");
CREATE UNIQUE INDEX "SubmissionBatch_organizationId_idempotencyKey_key" ON "SubmissionBatch"("organizationId", "idempotencyKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "ControlNumberSequence_organizationId_name_key" ON "ControlNumberSequence"("organizationId", "name");

-- CreateIndex
CREATE INDEX "UnmatchedResponse_organizationId_resolvedAt_idx" ON "UnmatchedResponse"("organizationId", "resolvedAt");
