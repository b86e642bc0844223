-- CreateTable
CREATE TABLE "PayerEnrollment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "payerId" TEXT NOT NULL,
    "npi" TEXT NOT NULL,
    "transaction" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "submittedOn" TEXT,
    "liveOn" TEXT,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PayerEnrollment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PayerEnrollment_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PayerEnrollment_payerId_fkey" FOREIGN KEY ("payerId") REFERENCES "Payer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PayerEnrollment_payerId_idx" ON "PayerEnrollment"("payerId");

-- CreateIndex
CREATE UNIQUE INDEX "PayerEnrollment_organizationId_practiceId_payerId_npi_transaction_key" ON "PayerEnrollment"("organizationId", "practiceId", "payerId", "npi", "transaction");
