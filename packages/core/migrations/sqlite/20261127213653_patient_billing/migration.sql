-- AlterTable
ALTER TABLE "Practice" ADD COLUMN "patientBillingPolicy" JSONB;

-- AlterTable
ALTER TABLE "Communication" ADD COLUMN "dedupeKey" TEXT;
ALTER TABLE "Communication" ADD COLUMN "externalRef" TEXT;
ALTER TABLE "Communication" ADD COLUMN "notifierKey" TEXT;
ALTER TABLE "Communication" ADD COLUMN "statementId" TEXT;
ALTER TABLE "Communication" ADD COLUMN "template" TEXT;

-- CreateTable
CREATE TABLE "AccountFlag" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "guarantorId" TEXT,
    "kind" TEXT NOT NULL,
    "note" TEXT,
    "setById" TEXT NOT NULL,
    "setAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "clearedAt" DATETIME,
    "clearedById" TEXT,
    CONSTRAINT "AccountFlag_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "AccountFlag_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DunningState" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "accountKey" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "guarantorId" TEXT,
    "sequenceStart" TEXT NOT NULL,
    "anchorDate" TEXT NOT NULL,
    "stepsDone" INTEGER NOT NULL DEFAULT 0,
    "lastStepDate" TEXT,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "explanation" TEXT NOT NULL DEFAULT '',
    "lastEvaluatedDate" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DunningState_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ScheduledJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" DATETIME
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_PaymentPlan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL DEFAULT '',
    "patientId" TEXT NOT NULL,
    "guarantorId" TEXT,
    "totalCents" INTEGER NOT NULL,
    "installmentCents" INTEGER NOT NULL,
    "frequency" TEXT NOT NULL,
    "startDate" TEXT NOT NULL,
    "agreedDate" TEXT NOT NULL DEFAULT '',
    "autopay" BOOLEAN NOT NULL DEFAULT false,
    "autopayReference" TEXT,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "statusReason" TEXT,
    "endedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PaymentPlan_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PaymentPlan_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PaymentPlan_guarantorId_fkey" FOREIGN KEY ("guarantorId") REFERENCES "Guarantor" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_PaymentPlan" ("autopay", "createdAt", "frequency", "guarantorId", "id", "installmentCents", "organizationId", "patientId", "startDate", "status", "totalCents", "updatedAt") SELECT "autopay", "createdAt", "frequency", "guarantorId", "id", "installmentCents", "organizationId", "patientId", "startDate", "status", "totalCents", "updatedAt" FROM "PaymentPlan";
DROP TABLE "PaymentPlan";
ALTER TABLE "new_PaymentPlan" RENAME TO "PaymentPlan";
CREATE INDEX "PaymentPlan_patientId_idx" ON "PaymentPlan"("patientId");
CREATE INDEX "PaymentPlan_organizationId_practiceId_status_idx" ON "PaymentPlan"("organizationId", "practiceId", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "AccountFlag_organizationId_patientId_idx" ON "AccountFlag"("organizationId", "patientId");

-- CreateIndex
CREATE INDEX "DunningState_organizationId_practiceId_status_idx" ON "DunningState"("organizationId", "practiceId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "DunningState_organizationId_accountKey_key" ON "DunningState"("organizationId", "accountKey");

-- CreateIndex
CREATE INDEX "ScheduledJob_status_createdAt_idx" ON "ScheduledJob"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ScheduledJob_name_key_key" ON "ScheduledJob"("name", "key");

-- CreateIndex
CREATE UNIQUE INDEX "Communication_organizationId_dedupeKey_key" ON "Communication"("organizationId", "dedupeKey");
