-- DropIndex
DROP INDEX "LedgerEntry_patientId_idx";

-- CreateIndex
CREATE INDEX "LedgerEntry_patientId_account_claimId_idx" ON "LedgerEntry"("patientId", "account", "claimId");
