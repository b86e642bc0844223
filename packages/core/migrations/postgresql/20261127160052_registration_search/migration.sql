-- CreateEnum
CREATE TYPE "EncounterStatus" AS ENUM ('OPEN', 'BILLED', 'CLOSED', 'VOIDED');

-- AlterTable
ALTER TABLE "Encounter" ADD COLUMN     "coverageId" TEXT,
ADD COLUMN     "status" "EncounterStatus" NOT NULL DEFAULT 'OPEN';

-- CreateIndex
CREATE INDEX "Patient_organizationId_dateOfBirth_idx" ON "Patient"("organizationId", "dateOfBirth");

-- CreateIndex
CREATE INDEX "Coverage_organizationId_memberId_idx" ON "Coverage"("organizationId", "memberId");

-- CreateIndex
CREATE INDEX "Encounter_organizationId_renderingProviderId_dateOfService_idx" ON "Encounter"("organizationId", "renderingProviderId", "dateOfService");

-- AddForeignKey
ALTER TABLE "Encounter" ADD CONSTRAINT "Encounter_coverageId_fkey" FOREIGN KEY ("coverageId") REFERENCES "Coverage"("id") ON DELETE SET NULL ON UPDATE CASCADE;
