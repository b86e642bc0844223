-- AlterTable
ALTER TABLE "Practice" ADD COLUMN     "patientBillingPolicy" JSONB;

-- AlterTable
ALTER TABLE "PaymentPlan" ADD COLUMN     "agreedDate" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "autopayReference" TEXT,
ADD COLUMN     "endedAt" TIMESTAMP(3),
ADD COLUMN     "practiceId" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "statusReason" TEXT;

-- AlterTable
ALTER TABLE "Communication" ADD COLUMN     "dedupeKey" TEXT,
ADD COLUMN     "externalRef" TEXT,
ADD COLUMN     "notifierKey" TEXT,
ADD COLUMN     "statementId" TEXT,
ADD COLUMN     "template" TEXT;

-- CreateTable
CREATE TABLE "AccountFlag" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "guarantorId" TEXT,
    "kind" TEXT NOT NULL,
    "note" TEXT,
    "setById" TEXT NOT NULL,
    "setAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "clearedAt" TIMESTAMP(3),
    "clearedById" TEXT,

    CONSTRAINT "AccountFlag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DunningState" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DunningState_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScheduledJob" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "ScheduledJob_pkey" PRIMARY KEY ("id")
);

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
CREATE INDEX "PaymentPlan_organizationId_practiceId_status_idx" ON "PaymentPlan"("organizationId", "practiceId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Communication_organizationId_dedupeKey_key" ON "Communication"("organizationId", "dedupeKey");

-- AddForeignKey
ALTER TABLE "AccountFlag" ADD CONSTRAINT "AccountFlag_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountFlag" ADD CONSTRAINT "AccountFlag_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DunningState" ADD CONSTRAINT "DunningState_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
