-- DropIndex
DROP INDEX "Provider_organizationId_practiceId_idx";

-- DropIndex
DROP INDEX "Facility_organizationId_practiceId_idx";

-- DropIndex
DROP INDEX "Coverage_organizationId_patientId_idx";

-- DropIndex
DROP INDEX "Claim_organizationId_practiceId_idx";

-- DropIndex
DROP INDEX "LedgerEntry_organizationId_patientId_idx";

-- DropIndex
DROP INDEX "Statement_organizationId_patientId_idx";

-- DropIndex
DROP INDEX "PaymentPlan_organizationId_patientId_idx";

-- DropIndex
DROP INDEX "CollectionPlacement_organizationId_patientId_idx";

-- DropIndex
DROP INDEX "Communication_organizationId_patientId_occurredAt_idx";

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Patient" (
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
    "lastNameKey" TEXT NOT NULL DEFAULT '',
    "firstNameKey" TEXT NOT NULL DEFAULT '',
    "guarantorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Patient_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Patient_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Patient_guarantorId_fkey" FOREIGN KEY ("guarantorId") REFERENCES "Guarantor" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Patient" ("accountNumber", "addressLine1", "addressLine2", "ceaseCommunicationAt", "city", "createdAt", "dateOfBirth", "email", "emailOptOut", "externalId", "firstName", "guarantorId", "homePhone", "id", "lastName", "middleName", "mobilePhone", "organizationId", "phoneOptOut", "postalCode", "practiceId", "preferredChannel", "sex", "smsOptOut", "state", "timeZone", "timeZoneOverridden", "updatedAt") SELECT "accountNumber", "addressLine1", "addressLine2", "ceaseCommunicationAt", "city", "createdAt", "dateOfBirth", "email", "emailOptOut", "externalId", "firstName", "guarantorId", "homePhone", "id", "lastName", "middleName", "mobilePhone", "organizationId", "phoneOptOut", "postalCode", "practiceId", "preferredChannel", "sex", "smsOptOut", "state", "timeZone", "timeZoneOverridden", "updatedAt" FROM "Patient";
DROP TABLE "Patient";
ALTER TABLE "new_Patient" RENAME TO "Patient";
CREATE INDEX "Patient_organizationId_practiceId_lastNameKey_idx" ON "Patient"("organizationId", "practiceId", "lastNameKey");
CREATE INDEX "Patient_organizationId_lastNameKey_firstNameKey_idx" ON "Patient"("organizationId", "lastNameKey", "firstNameKey");
CREATE INDEX "Patient_organizationId_firstNameKey_idx" ON "Patient"("organizationId", "firstNameKey");
CREATE INDEX "Patient_organizationId_dateOfBirth_idx" ON "Patient"("organizationId", "dateOfBirth");
CREATE INDEX "Patient_practiceId_idx" ON "Patient"("practiceId");
CREATE INDEX "Patient_guarantorId_idx" ON "Patient"("guarantorId");
CREATE UNIQUE INDEX "Patient_organizationId_externalId_key" ON "Patient"("organizationId", "externalId");
CREATE UNIQUE INDEX "Patient_organizationId_accountNumber_key" ON "Patient"("organizationId", "accountNumber");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Provider_practiceId_idx" ON "Provider"("practiceId");

-- CreateIndex
CREATE INDEX "Facility_practiceId_idx" ON "Facility"("practiceId");

-- CreateIndex
CREATE INDEX "Coverage_patientId_idx" ON "Coverage"("patientId");

-- CreateIndex
CREATE INDEX "Claim_practiceId_idx" ON "Claim"("practiceId");

-- CreateIndex
CREATE INDEX "LedgerEntry_patientId_idx" ON "LedgerEntry"("patientId");

-- CreateIndex
CREATE INDEX "Statement_patientId_idx" ON "Statement"("patientId");

-- CreateIndex
CREATE INDEX "PaymentPlan_patientId_idx" ON "PaymentPlan"("patientId");

-- CreateIndex
CREATE INDEX "CollectionPlacement_patientId_idx" ON "CollectionPlacement"("patientId");

-- CreateIndex
CREATE INDEX "Communication_patientId_occurredAt_idx" ON "Communication"("patientId", "occurredAt");

-- Backfill the search keys of existing patients. UPPER does not strip accents, the next write of a name does.
UPDATE "Patient" SET "lastNameKey" = UPPER("lastName"), "firstNameKey" = UPPER("firstName");
