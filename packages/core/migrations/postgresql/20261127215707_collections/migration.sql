-- AlterEnum
ALTER TYPE "LedgerEntryKind" ADD VALUE 'COLLECTION_FEE';

-- AlterTable
ALTER TABLE "Practice" ADD COLUMN     "complianceRules" JSONB;

-- AlterTable
ALTER TABLE "Patient" ADD COLUMN     "noContactAtWork" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "workPhone" TEXT;

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "agencyId" TEXT,
ADD COLUMN     "placementId" TEXT;

-- AlterTable
ALTER TABLE "CollectionPlacement" ADD COLUMN     "accountKey" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "agencyId" TEXT,
ADD COLUMN     "delinquencyDate" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "firstStatementDate" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "itemizationBalanceCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "itemizationDate" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "paidAt" TIMESTAMP(3),
ADD COLUMN     "practiceId" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "returnedAt" TIMESTAMP(3),
ADD COLUMN     "statusReason" TEXT,
ADD COLUMN     "validationPeriodEnd" TEXT,
ADD COLUMN     "verifiedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Communication" ADD COLUMN     "actor" TEXT,
ADD COLUMN     "allowed" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "complianceRule" TEXT,
ADD COLUMN     "placementId" TEXT;

-- CreateTable
CREATE TABLE "CollectionAgency" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "exporterKey" TEXT NOT NULL,
    "reportsToCreditBureaus" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CollectionAgency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgencyUpdateFile" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "summary" JSONB NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgencyUpdateFile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CollectionAgency_organizationId_name_key" ON "CollectionAgency"("organizationId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "AgencyUpdateFile_organizationId_agencyId_contentHash_key" ON "AgencyUpdateFile"("organizationId", "agencyId", "contentHash");

-- CreateIndex
CREATE INDEX "CollectionPlacement_organizationId_practiceId_status_idx" ON "CollectionPlacement"("organizationId", "practiceId", "status");

-- AddForeignKey
ALTER TABLE "CollectionAgency" ADD CONSTRAINT "CollectionAgency_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollectionPlacement" ADD CONSTRAINT "CollectionPlacement_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "CollectionAgency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencyUpdateFile" ADD CONSTRAINT "AgencyUpdateFile_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
