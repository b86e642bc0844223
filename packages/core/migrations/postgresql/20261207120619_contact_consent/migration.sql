-- CreateEnum
CREATE TYPE "ConsentChannel" AS ENUM ('CALLS', 'TEXTS', 'EMAIL');

-- AlterTable
ALTER TABLE "Communication" ADD COLUMN     "content" JSONB,
ADD COLUMN     "documentId" TEXT,
ADD COLUMN     "sentTo" TEXT;

-- CreateTable
CREATE TABLE "ContactConsent" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "channel" "ConsentChannel" NOT NULL,
    "address" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "consentedAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "revokedBy" TEXT,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContactConsent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ContactConsent_organizationId_patientId_idx" ON "ContactConsent"("organizationId", "patientId");

-- CreateIndex
CREATE INDEX "ContactConsent_address_idx" ON "ContactConsent"("address");

-- AddForeignKey
ALTER TABLE "ContactConsent" ADD CONSTRAINT "ContactConsent_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactConsent" ADD CONSTRAINT "ContactConsent_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
