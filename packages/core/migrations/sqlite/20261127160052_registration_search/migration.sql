-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Encounter" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "externalId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "coverageId" TEXT,
    "dateOfService" TEXT NOT NULL,
    "renderingProviderId" TEXT NOT NULL,
    "billingProviderId" TEXT,
    "facilityId" TEXT,
    "placeOfService" TEXT NOT NULL,
    "priorAuthorization" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Encounter_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Encounter_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Encounter_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Encounter_renderingProviderId_fkey" FOREIGN KEY ("renderingProviderId") REFERENCES "Provider" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Encounter_billingProviderId_fkey" FOREIGN KEY ("billingProviderId") REFERENCES "Provider" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Encounter_facilityId_fkey" FOREIGN KEY ("facilityId") REFERENCES "Facility" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Encounter_coverageId_fkey" FOREIGN KEY ("coverageId") REFERENCES "Coverage" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Encounter" ("billingProviderId", "createdAt", "dateOfService", "externalId", "facilityId", "id", "organizationId", "patientId", "placeOfService", "practiceId", "priorAuthorization", "renderingProviderId", "updatedAt") SELECT "billingProviderId", "createdAt", "dateOfService", "externalId", "facilityId", "id", "organizationId", "patientId", "placeOfService", "practiceId", "priorAuthorization", "renderingProviderId", "updatedAt" FROM "Encounter";
DROP TABLE "Encounter";
ALTER TABLE "new_Encounter" RENAME TO "Encounter";
CREATE INDEX "Encounter_organizationId_practiceId_dateOfService_idx" ON "Encounter"("organizationId", "practiceId", "dateOfService");
CREATE INDEX "Encounter_organizationId_renderingProviderId_dateOfService_idx" ON "Encounter"("organizationId", "renderingProviderId", "dateOfService");
CREATE INDEX "Encounter_patientId_idx" ON "Encounter"("patientId");
CREATE UNIQUE INDEX "Encounter_organizationId_externalId_key" ON "Encounter"("organizationId", "externalId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Patient_organizationId_dateOfBirth_idx" ON "Patient"("organizationId", "dateOfBirth");

-- CreateIndex
CREATE INDEX "Coverage_organizationId_memberId_idx" ON "Coverage"("organizationId", "memberId");
