-- AlterTable
ALTER TABLE "Practice" ADD COLUMN "complianceRules" JSONB;

-- AlterTable
ALTER TABLE "Document" ADD COLUMN "agencyId" TEXT;
ALTER TABLE "Document" ADD COLUMN "placementId" TEXT;

-- CreateTable
CREATE TABLE "CollectionAgency" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "exporterKey" TEXT NOT NULL,
    "reportsToCreditBureaus" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CollectionAgency_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AgencyUpdateFile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "summary" JSONB NOT NULL,
    "importedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AgencyUpdateFile_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

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
    "workPhone" TEXT,
    "noContactAtWork" BOOLEAN NOT NULL DEFAULT false,
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
INSERT INTO "new_Patient" ("accountNumber", "addressLine1", "addressLine2", "ceaseCommunicationAt", "city", "createdAt", "dateOfBirth", "email", "emailOptOut", "externalId", "firstName", "firstNameKey", "guarantorId", "homePhone", "id", "lastName", "lastNameKey", "middleName", "mobilePhone", "organizationId", "phoneOptOut", "postalCode", "practiceId", "preferredChannel", "sex", "smsOptOut", "state", "timeZone", "timeZoneOverridden", "updatedAt") SELECT "accountNumber", "addressLine1", "addressLine2", "ceaseCommunicationAt", "city", "createdAt", "dateOfBirth", "email", "emailOptOut", "externalId", "firstName", "firstNameKey", "guarantorId", "homePhone", "id", "lastName", "lastNameKey", "middleName", "mobilePhone", "organizationId", "phoneOptOut", "postalCode", "practiceId", "preferredChannel", "sex", "smsOptOut", "state", "timeZone", "timeZoneOverridden", "updatedAt" FROM "Patient";
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
CREATE TABLE "new_CollectionPlacement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL DEFAULT '',
    "patientId" TEXT NOT NULL,
    "guarantorId" TEXT,
    "agencyId" TEXT,
    "accountKey" TEXT NOT NULL DEFAULT '',
    "exporterId" TEXT NOT NULL,
    "agencyName" TEXT NOT NULL,
    "balanceCents" INTEGER NOT NULL,
    "itemizationDate" TEXT NOT NULL DEFAULT '',
    "itemizationBalanceCents" INTEGER NOT NULL DEFAULT 0,
    "firstStatementDate" TEXT NOT NULL DEFAULT '',
    "delinquencyDate" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'PLACED',
    "statusReason" TEXT,
    "placedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recalledAt" DATETIME,
    "disputedAt" DATETIME,
    "verifiedAt" DATETIME,
    "returnedAt" DATETIME,
    "paidAt" DATETIME,
    "validationNoticeSentAt" DATETIME,
    "validationPeriodEnd" TEXT,
    CONSTRAINT "CollectionPlacement_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CollectionPlacement_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CollectionPlacement_guarantorId_fkey" FOREIGN KEY ("guarantorId") REFERENCES "Guarantor" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "CollectionPlacement_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "CollectionAgency" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_CollectionPlacement" ("agencyName", "balanceCents", "disputedAt", "exporterId", "guarantorId", "id", "organizationId", "patientId", "placedAt", "recalledAt", "status", "validationNoticeSentAt") SELECT "agencyName", "balanceCents", "disputedAt", "exporterId", "guarantorId", "id", "organizationId", "patientId", "placedAt", "recalledAt", "status", "validationNoticeSentAt" FROM "CollectionPlacement";
DROP TABLE "CollectionPlacement";
ALTER TABLE "new_CollectionPlacement" RENAME TO "CollectionPlacement";
CREATE INDEX "CollectionPlacement_patientId_idx" ON "CollectionPlacement"("patientId");
CREATE INDEX "CollectionPlacement_organizationId_practiceId_status_idx" ON "CollectionPlacement"("organizationId", "practiceId", "status");
CREATE TABLE "new_Communication" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "template" TEXT,
    "outcome" TEXT,
    "notifierKey" TEXT,
    "externalRef" TEXT,
    "statementId" TEXT,
    "dedupeKey" TEXT,
    "allowed" BOOLEAN NOT NULL DEFAULT true,
    "complianceRule" TEXT,
    "placementId" TEXT,
    "actor" TEXT,
    "occurredAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Communication_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Communication_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Communication" ("channel", "createdAt", "dedupeKey", "direction", "externalRef", "id", "notifierKey", "occurredAt", "organizationId", "outcome", "patientId", "purpose", "statementId", "template") SELECT "channel", "createdAt", "dedupeKey", "direction", "externalRef", "id", "notifierKey", "occurredAt", "organizationId", "outcome", "patientId", "purpose", "statementId", "template" FROM "Communication";
DROP TABLE "Communication";
ALTER TABLE "new_Communication" RENAME TO "Communication";
CREATE INDEX "Communication_patientId_occurredAt_idx" ON "Communication"("patientId", "occurredAt");
CREATE UNIQUE INDEX "Communication_organizationId_dedupeKey_key" ON "Communication"("organizationId", "dedupeKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "CollectionAgency_organizationId_name_key" ON "CollectionAgency"("organizationId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "AgencyUpdateFile_organizationId_agencyId_contentHash_key" ON "AgencyUpdateFile"("organizationId", "agencyId", "contentHash");
