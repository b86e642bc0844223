-- CreateEnum
CREATE TYPE "EnrollmentTransaction" AS ENUM ('CLAIMS_837P', 'CLAIMS_837I', 'ELIGIBILITY_270', 'CLAIM_STATUS_276', 'ERA_835', 'EFT');

-- CreateEnum
CREATE TYPE "EnrollmentStatus" AS ENUM ('NOT_REQUIRED', 'REQUIRED', 'SUBMITTED', 'LIVE', 'REJECTED');

-- CreateTable
CREATE TABLE "PayerEnrollment" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "payerId" TEXT NOT NULL,
    "npi" TEXT NOT NULL,
    "transaction" "EnrollmentTransaction" NOT NULL,
    "status" "EnrollmentStatus" NOT NULL,
    "submittedOn" TEXT,
    "liveOn" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PayerEnrollment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PayerEnrollment_payerId_idx" ON "PayerEnrollment"("payerId");

-- CreateIndex
CREATE UNIQUE INDEX "PayerEnrollment_organizationId_practiceId_payerId_npi_trans_key" ON "PayerEnrollment"("organizationId", "practiceId", "payerId", "npi", "transaction");

-- AddForeignKey
ALTER TABLE "PayerEnrollment" ADD CONSTRAINT "PayerEnrollment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PayerEnrollment" ADD CONSTRAINT "PayerEnrollment_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PayerEnrollment" ADD CONSTRAINT "PayerEnrollment_payerId_fkey" FOREIGN KEY ("payerId") REFERENCES "Payer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
