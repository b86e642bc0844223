-- AlterTable
ALTER TABLE "Encounter" ADD COLUMN     "admissionDate" TEXT,
ADD COLUMN     "admissionSource" TEXT,
ADD COLUMN     "admissionType" TEXT,
ADD COLUMN     "attendingProviderId" TEXT,
ADD COLUMN     "facilityTypeCode" TEXT,
ADD COLUMN     "patientStatus" TEXT;

-- AlterTable
ALTER TABLE "ServiceLine" ADD COLUMN     "revenueCode" TEXT;

-- AlterTable
ALTER TABLE "ClaimLine" ADD COLUMN     "revenueCode" TEXT;

-- AddForeignKey
ALTER TABLE "Encounter" ADD CONSTRAINT "Encounter_attendingProviderId_fkey" FOREIGN KEY ("attendingProviderId") REFERENCES "Provider"("id") ON DELETE SET NULL ON UPDATE CASCADE;
