-- CreateEnum
CREATE TYPE "LedgerAccount" AS ENUM ('INSURANCE', 'PATIENT', 'PRACTICE');

-- AlterEnum
BEGIN;
CREATE TYPE "LedgerEntryKind_new" AS ENUM ('CHARGE', 'INSURANCE_PAYMENT', 'CONTRACTUAL_ADJUSTMENT', 'PAYER_ADJUSTMENT', 'PATIENT_RESPONSIBILITY_TRANSFER', 'OTHER_INSURANCE_TRANSFER', 'PATIENT_PAYMENT', 'REFUND', 'WRITE_OFF', 'REVERSAL', 'PROVIDER_ADJUSTMENT');
ALTER TABLE "LedgerEntry" ALTER COLUMN "kind" TYPE "LedgerEntryKind_new" USING ("kind"::text::"LedgerEntryKind_new");
ALTER TYPE "LedgerEntryKind" RENAME TO "LedgerEntryKind_old";
ALTER TYPE "LedgerEntryKind_new" RENAME TO "LedgerEntryKind";
DROP TYPE "LedgerEntryKind_old";
COMMIT;

-- AlterEnum
ALTER TYPE "DenialCategory" ADD VALUE 'NON_COVERED';

-- DropForeignKey
ALTER TABLE "LedgerEntry" DROP CONSTRAINT "LedgerEntry_patientId_fkey";

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "primaryClaimId" TEXT;

-- AlterTable
ALTER TABLE "Remittance" ADD COLUMN     "payerName" TEXT NOT NULL,
ADD COLUMN     "practiceId" TEXT,
ADD COLUMN     "providerAdjustmentsCents" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "RemittanceClaim" ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "filingIndicator" TEXT,
ADD COLUMN     "patientName" TEXT,
ADD COLUMN     "postedAt" TIMESTAMP(3),
ADD COLUMN     "reviewReason" TEXT,
ADD COLUMN     "unbalancedCents" INTEGER;

-- AlterTable
ALTER TABLE "RemittanceServiceLine" ADD COLUMN     "allowedCents" INTEGER,
ADD COLUMN     "expectedCents" INTEGER,
ADD COLUMN     "underpaid" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "ProviderAdjustment" ADD COLUMN     "providerId" TEXT NOT NULL;

-- AlterTable
ALTER TABLE "LedgerEntry" DROP COLUMN "responsibility",
ADD COLUMN     "account" "LedgerAccount" NOT NULL,
ADD COLUMN     "agingDate" TEXT NOT NULL,
ADD COLUMN     "category" TEXT,
ADD COLUMN     "coverageId" TEXT,
ADD COLUMN     "guarantorId" TEXT,
ADD COLUMN     "patientPaymentId" TEXT,
ADD COLUMN     "payerId" TEXT,
ADD COLUMN     "practiceId" TEXT NOT NULL,
ADD COLUMN     "remittanceClaimId" TEXT,
ADD COLUMN     "transferId" TEXT,
ALTER COLUMN "patientId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Denial" ADD COLUMN     "remittanceClaimId" TEXT;

-- DropEnum
DROP TYPE "Responsibility";

-- CreateTable
CREATE TABLE "PatientPayment" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "method" TEXT NOT NULL,
    "reference" TEXT,
    "receivedDate" TEXT NOT NULL,
    "idempotencyKey" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PatientPayment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PatientPayment_patientId_idx" ON "PatientPayment"("patientId");

-- CreateIndex
CREATE UNIQUE INDEX "PatientPayment_organizationId_idempotencyKey_key" ON "PatientPayment"("organizationId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "Remittance_organizationId_fileSha256_idx" ON "Remittance"("organizationId", "fileSha256");

-- CreateIndex
CREATE INDEX "RemittanceClaim_organizationId_postedAt_idx" ON "RemittanceClaim"("organizationId", "postedAt");

-- CreateIndex
CREATE INDEX "LedgerEntry_organizationId_account_effectiveDate_agingDate_idx" ON "LedgerEntry"("organizationId", "account", "effectiveDate", "agingDate");

-- CreateIndex
CREATE INDEX "LedgerEntry_organizationId_practiceId_idx" ON "LedgerEntry"("organizationId", "practiceId");

-- CreateIndex
CREATE INDEX "LedgerEntry_guarantorId_idx" ON "LedgerEntry"("guarantorId");

-- CreateIndex
CREATE INDEX "LedgerEntry_claimLineId_idx" ON "LedgerEntry"("claimLineId");

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_primaryClaimId_fkey" FOREIGN KEY ("primaryClaimId") REFERENCES "Claim"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Remittance" ADD CONSTRAINT "Remittance_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatientPayment" ADD CONSTRAINT "PatientPayment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatientPayment" ADD CONSTRAINT "PatientPayment_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_remittanceClaimId_fkey" FOREIGN KEY ("remittanceClaimId") REFERENCES "RemittanceClaim"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_patientPaymentId_fkey" FOREIGN KEY ("patientPaymentId") REFERENCES "PatientPayment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Denial" ADD CONSTRAINT "Denial_remittanceClaimId_fkey" FOREIGN KEY ("remittanceClaimId") REFERENCES "RemittanceClaim"("id") ON DELETE SET NULL ON UPDATE CASCADE;
