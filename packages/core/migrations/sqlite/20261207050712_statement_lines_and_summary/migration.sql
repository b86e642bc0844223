-- AlterTable
ALTER TABLE "ServiceLine" ADD COLUMN "description" TEXT;

-- AlterTable
ALTER TABLE "ClaimLine" ADD COLUMN "description" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Statement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "guarantorId" TEXT,
    "accountNumber" TEXT NOT NULL,
    "statementDate" TEXT NOT NULL,
    "dueDate" TEXT NOT NULL,
    "balanceCents" INTEGER NOT NULL,
    "priorBalanceCents" INTEGER NOT NULL DEFAULT 0,
    "newChargesCents" INTEGER NOT NULL DEFAULT 0,
    "paymentsSinceCents" INTEGER NOT NULL DEFAULT 0,
    "adjustmentsSinceCents" INTEGER NOT NULL DEFAULT 0,
    "snapshot" JSONB,
    "rendererId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "channel" TEXT,
    "sentAt" DATETIME,
    "dunningStep" INTEGER NOT NULL DEFAULT 1,
    "documentRef" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Statement_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Statement_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Statement_guarantorId_fkey" FOREIGN KEY ("guarantorId") REFERENCES "Guarantor" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Statement" ("accountNumber", "balanceCents", "channel", "createdAt", "documentRef", "dueDate", "dunningStep", "guarantorId", "id", "organizationId", "patientId", "paymentsSinceCents", "practiceId", "priorBalanceCents", "rendererId", "sentAt", "snapshot", "statementDate", "status") SELECT "accountNumber", "balanceCents", "channel", "createdAt", "documentRef", "dueDate", "dunningStep", "guarantorId", "id", "organizationId", "patientId", "paymentsSinceCents", "practiceId", "priorBalanceCents", "rendererId", "sentAt", "snapshot", "statementDate", "status" FROM "Statement";
DROP TABLE "Statement";
ALTER TABLE "new_Statement" RENAME TO "Statement";
CREATE INDEX "Statement_patientId_idx" ON "Statement"("patientId");
CREATE INDEX "Statement_organizationId_practiceId_statementDate_idx" ON "Statement"("organizationId", "practiceId", "statementDate");
CREATE UNIQUE INDEX "Statement_organizationId_accountNumber_statementDate_key" ON "Statement"("organizationId", "accountNumber", "statementDate");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
