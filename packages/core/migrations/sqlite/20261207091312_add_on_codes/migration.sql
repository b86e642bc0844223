-- CreateIndex
CREATE INDEX "ProcedurePairEdit_releaseId_column2_idx" ON "ProcedurePairEdit"("releaseId", "column2");
