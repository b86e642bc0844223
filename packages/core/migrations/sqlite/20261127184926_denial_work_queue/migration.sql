-- AlterTable
ALTER TABLE "Practice" ADD COLUMN "denialPolicy" JSONB;

-- CreateTable
CREATE TABLE "DenialNote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "denialId" TEXT NOT NULL,
    "authorId" TEXT,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DenialNote_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DenialNote_denialId_fkey" FOREIGN KEY ("denialId") REFERENCES "Denial" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "bytes" BLOB NOT NULL,
    "rendererKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Document_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Denial" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "payerId" TEXT,
    "remittanceClaimId" TEXT,
    "claimLineId" TEXT,
    "remittanceServiceLineId" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'CLAIM_DENIED',
    "category" TEXT NOT NULL,
    "reasonCodes" TEXT NOT NULL,
    "remarkCodes" TEXT,
    "amountAtStakeCents" INTEGER NOT NULL DEFAULT 0,
    "expectedCents" INTEGER,
    "paidCents" INTEGER,
    "ownerId" TEXT,
    "dueDate" TEXT,
    "priority" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "outcome" TEXT,
    "correctedClaimId" TEXT,
    "deadlineWarnedAt" DATETIME,
    "deadlinePassed" BOOLEAN NOT NULL DEFAULT false,
    "recoveredCents" INTEGER NOT NULL DEFAULT 0,
    "resolvedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Denial_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Denial_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Denial_correctedClaimId_fkey" FOREIGN KEY ("correctedClaimId") REFERENCES "Claim" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Denial_remittanceClaimId_fkey" FOREIGN KEY ("remittanceClaimId") REFERENCES "RemittanceClaim" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Denial" ("category", "claimId", "createdAt", "dueDate", "expectedCents", "id", "organizationId", "outcome", "ownerId", "paidCents", "reasonCodes", "remittanceClaimId", "status", "updatedAt") SELECT "category", "claimId", "createdAt", "dueDate", "expectedCents", "id", "organizationId", "outcome", "ownerId", "paidCents", "reasonCodes", "remittanceClaimId", "status", "updatedAt" FROM "Denial";
DROP TABLE "Denial";
ALTER TABLE "new_Denial" RENAME TO "Denial";
CREATE INDEX "Denial_organizationId_status_dueDate_idx" ON "Denial"("organizationId", "status", "dueDate");
CREATE INDEX "Denial_claimId_idx" ON "Denial"("claimId");
CREATE TABLE "new_Appeal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "denialId" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "argument" TEXT NOT NULL,
    "attachments" JSONB,
    "documentId" TEXT,
    "deadlineDate" TEXT NOT NULL,
    "submittedAt" DATETIME,
    "answeredAt" DATETIME,
    "outcome" TEXT,
    "expectedPaymentCents" INTEGER,
    "payerResponse" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Appeal_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Appeal_denialId_fkey" FOREIGN KEY ("denialId") REFERENCES "Denial" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Appeal_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Appeal" ("createdAt", "deadlineDate", "denialId", "id", "level", "organizationId", "outcome", "submittedAt", "updatedAt") SELECT "createdAt", "deadlineDate", "denialId", "id", "level", "organizationId", "outcome", "submittedAt", "updatedAt" FROM "Appeal";
DROP TABLE "Appeal";
ALTER TABLE "new_Appeal" RENAME TO "Appeal";
CREATE INDEX "Appeal_denialId_idx" ON "Appeal"("denialId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "DenialNote_denialId_idx" ON "DenialNote"("denialId");
