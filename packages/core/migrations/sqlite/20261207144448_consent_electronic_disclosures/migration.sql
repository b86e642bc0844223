-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ContactConsent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "consentedAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "revokedBy" TEXT,
    "electronicDisclosures" BOOLEAN NOT NULL DEFAULT false,
    "recordedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ContactConsent_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ContactConsent_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_ContactConsent" ("address", "channel", "consentedAt", "createdAt", "id", "organizationId", "patientId", "recordedById", "revokedAt", "revokedBy", "source") SELECT "address", "channel", "consentedAt", "createdAt", "id", "organizationId", "patientId", "recordedById", "revokedAt", "revokedBy", "source" FROM "ContactConsent";
DROP TABLE "ContactConsent";
ALTER TABLE "new_ContactConsent" RENAME TO "ContactConsent";
CREATE INDEX "ContactConsent_organizationId_patientId_idx" ON "ContactConsent"("organizationId", "patientId");
CREATE INDEX "ContactConsent_address_idx" ON "ContactConsent"("address");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
