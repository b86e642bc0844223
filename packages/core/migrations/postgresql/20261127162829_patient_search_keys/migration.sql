-- DropIndex
DROP INDEX "Provider_organizationId_practiceId_idx";

-- DropIndex
DROP INDEX "Facility_organizationId_practiceId_idx";

-- DropIndex
DROP INDEX "Patient_organizationId_practiceId_idx";

-- DropIndex
DROP INDEX "Patient_organizationId_lastName_firstName_dateOfBirth_idx";

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

-- AlterTable
ALTER TABLE "Patient" ADD COLUMN     "firstNameKey" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "lastNameKey" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "Provider_practiceId_idx" ON "Provider"("practiceId");

-- CreateIndex
CREATE INDEX "Facility_practiceId_idx" ON "Facility"("practiceId");

-- CreateIndex
CREATE INDEX "Patient_organizationId_practiceId_lastNameKey_idx" ON "Patient"("organizationId", "practiceId", "lastNameKey");

-- CreateIndex
CREATE INDEX "Patient_organizationId_lastNameKey_firstNameKey_idx" ON "Patient"("organizationId", "lastNameKey", "firstNameKey");

-- CreateIndex
CREATE INDEX "Patient_organizationId_firstNameKey_idx" ON "Patient"("organizationId", "firstNameKey");

-- CreateIndex
CREATE INDEX "Patient_practiceId_idx" ON "Patient"("practiceId");

-- CreateIndex
CREATE INDEX "Patient_guarantorId_idx" ON "Patient"("guarantorId");

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
