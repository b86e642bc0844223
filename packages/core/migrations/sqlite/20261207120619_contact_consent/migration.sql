-- AlterTable
ALTER TABLE "Communication" ADD COLUMN "content" JSONB;
ALTER TABLE "Communication" ADD COLUMN "documentId" TEXT;
ALTER TABLE "Communication" ADD COLUMN "sentTo" TEXT;

-- CreateTable
CREATE TABLE "ContactConsent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "consentedAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "revokedBy" TEXT,
    "recordedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ContactConsent_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ContactConsent_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ContactConsent_organizationId_patientId_idx" ON "ContactConsent"("organizationId", "patientId");

-- CreateIndex
CREATE INDEX "ContactConsent_address_idx" ON "ContactConsent"("address");
