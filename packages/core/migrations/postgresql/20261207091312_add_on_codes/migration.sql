-- AlterEnum
ALTER TYPE "CodeSystem" ADD VALUE 'ADD_ON';

-- CreateIndex
CREATE INDEX "ProcedurePairEdit_releaseId_column2_idx" ON "ProcedurePairEdit"("releaseId", "column2");
