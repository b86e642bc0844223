-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "statementId" TEXT;

-- AlterTable
ALTER TABLE "Statement" ADD COLUMN     "accountNumber" TEXT NOT NULL,
ADD COLUMN     "channel" TEXT,
ADD COLUMN     "paymentsSinceCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "practiceId" TEXT NOT NULL,
ADD COLUMN     "priorBalanceCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "sentAt" TIMESTAMP(3),
ADD COLUMN     "snapshot" JSONB;

-- CreateIndex
CREATE INDEX "Statement_organizationId_practiceId_statementDate_idx" ON "Statement"("organizationId", "practiceId", "statementDate");

-- CreateIndex
CREATE UNIQUE INDEX "Statement_organizationId_accountNumber_statementDate_key" ON "Statement"("organizationId", "accountNumber", "statementDate");

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "Statement"("id") ON DELETE SET NULL ON UPDATE CASCADE;
