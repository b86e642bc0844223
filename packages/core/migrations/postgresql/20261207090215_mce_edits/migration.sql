-- AlterEnum
ALTER TYPE "CodeSystem" ADD VALUE 'MCE';

-- CreateTable
CREATE TABLE "DiagnosisEdit" (
    "id" TEXT NOT NULL,
    "releaseId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "edit" TEXT NOT NULL,

    CONSTRAINT "DiagnosisEdit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DiagnosisEdit_releaseId_code_edit_key" ON "DiagnosisEdit"("releaseId", "code", "edit");

-- AddForeignKey
ALTER TABLE "DiagnosisEdit" ADD CONSTRAINT "DiagnosisEdit_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "CodeSetRelease"("id") ON DELETE CASCADE ON UPDATE CASCADE;
