-- CreateEnum
CREATE TYPE "AppealLevel" AS ENUM ('RECONSIDERATION', 'FIRST_LEVEL', 'SECOND_LEVEL', 'EXTERNAL_REVIEW');

-- CreateEnum
CREATE TYPE "AppealOutcome" AS ENUM ('OVERTURNED', 'PARTIALLY_OVERTURNED', 'UPHELD');

-- AlterEnum
ALTER TYPE "DenialCategory" ADD VALUE 'BUNDLING';

-- DropIndex
DROP INDEX "Denial_organizationId_status_idx";

-- AlterTable
ALTER TABLE "Practice" ADD COLUMN     "denialPolicy" JSONB;

-- AlterTable
ALTER TABLE "Denial" ADD COLUMN     "amountAtStakeCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "claimLineId" TEXT,
ADD COLUMN     "correctedClaimId" TEXT,
ADD COLUMN     "deadlinePassed" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "deadlineWarnedAt" TIMESTAMP(3),
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'CLAIM_DENIED',
ADD COLUMN     "payerId" TEXT,
ADD COLUMN     "practiceId" TEXT NOT NULL,
ADD COLUMN     "priority" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "recoveredCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "remarkCodes" TEXT,
ADD COLUMN     "remittanceServiceLineId" TEXT,
ADD COLUMN     "resolvedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Appeal" DROP COLUMN "letter",
ADD COLUMN     "answeredAt" TIMESTAMP(3),
ADD COLUMN     "argument" TEXT NOT NULL,
ADD COLUMN     "attachments" JSONB,
ADD COLUMN     "documentId" TEXT,
ADD COLUMN     "expectedPaymentCents" INTEGER,
ADD COLUMN     "payerResponse" TEXT,
DROP COLUMN "level",
ADD COLUMN     "level" "AppealLevel" NOT NULL,
DROP COLUMN "outcome",
ADD COLUMN     "outcome" "AppealOutcome";

-- CreateTable
CREATE TABLE "DenialNote" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "denialId" TEXT NOT NULL,
    "authorId" TEXT,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DenialNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "rendererKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DenialNote_denialId_idx" ON "DenialNote"("denialId");

-- CreateIndex
CREATE INDEX "Denial_organizationId_status_dueDate_idx" ON "Denial"("organizationId", "status", "dueDate");

-- CreateIndex
CREATE INDEX "Denial_claimId_idx" ON "Denial"("claimId");

-- CreateIndex
CREATE INDEX "Appeal_denialId_idx" ON "Appeal"("denialId");

-- AddForeignKey
ALTER TABLE "Denial" ADD CONSTRAINT "Denial_correctedClaimId_fkey" FOREIGN KEY ("correctedClaimId") REFERENCES "Claim"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DenialNote" ADD CONSTRAINT "DenialNote_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DenialNote" ADD CONSTRAINT "DenialNote_denialId_fkey" FOREIGN KEY ("denialId") REFERENCES "Denial"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
