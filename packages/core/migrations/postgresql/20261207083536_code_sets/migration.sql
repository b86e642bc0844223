-- CreateEnum
CREATE TYPE "CodeSystem" AS ENUM ('ICD10CM', 'HCPCS', 'CPT', 'NCCI_PTP_PRACTITIONER', 'NCCI_PTP_OUTPATIENT', 'MUE_PRACTITIONER', 'MUE_OUTPATIENT', 'CUSTOM');

-- CreateTable
CREATE TABLE "CodeSetRelease" (
    "id" TEXT NOT NULL,
    "system" "CodeSystem" NOT NULL,
    "version" TEXT NOT NULL,
    "effectiveDate" TEXT NOT NULL,
    "checksum" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'IMPORTING',
    "importedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CodeSetRelease_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MedicalCode" (
    "id" TEXT NOT NULL,
    "releaseId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "billable" BOOLEAN NOT NULL DEFAULT true,
    "shortDescription" TEXT,
    "longDescription" TEXT,
    "effectiveDate" TEXT,
    "terminationDate" TEXT,

    CONSTRAINT "MedicalCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcedurePairEdit" (
    "id" TEXT NOT NULL,
    "releaseId" TEXT NOT NULL,
    "column1" TEXT NOT NULL,
    "column2" TEXT NOT NULL,
    "effectiveDate" TEXT NOT NULL,
    "deletionDate" TEXT,
    "modifierIndicator" TEXT NOT NULL,
    "rationale" TEXT,

    CONSTRAINT "ProcedurePairEdit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitLimit" (
    "id" TEXT NOT NULL,
    "releaseId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "units" INTEGER NOT NULL,
    "adjudicationIndicator" TEXT NOT NULL,
    "rationale" TEXT,

    CONSTRAINT "UnitLimit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CodeSetRelease_system_status_effectiveDate_idx" ON "CodeSetRelease"("system", "status", "effectiveDate");

-- CreateIndex
CREATE UNIQUE INDEX "CodeSetRelease_system_version_key" ON "CodeSetRelease"("system", "version");

-- CreateIndex
CREATE UNIQUE INDEX "MedicalCode_releaseId_code_key" ON "MedicalCode"("releaseId", "code");

-- CreateIndex
CREATE INDEX "ProcedurePairEdit_releaseId_column1_column2_idx" ON "ProcedurePairEdit"("releaseId", "column1", "column2");

-- CreateIndex
CREATE UNIQUE INDEX "UnitLimit_releaseId_code_key" ON "UnitLimit"("releaseId", "code");

-- AddForeignKey
ALTER TABLE "MedicalCode" ADD CONSTRAINT "MedicalCode_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "CodeSetRelease"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcedurePairEdit" ADD CONSTRAINT "ProcedurePairEdit_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "CodeSetRelease"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitLimit" ADD CONSTRAINT "UnitLimit_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "CodeSetRelease"("id") ON DELETE CASCADE ON UPDATE CASCADE;
