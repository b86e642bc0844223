-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ServiceLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "encounterId" TEXT NOT NULL,
    "lineNumber" INTEGER NOT NULL,
    "procedureCode" TEXT,
    "modifier1" TEXT,
    "modifier2" TEXT,
    "modifier3" TEXT,
    "modifier4" TEXT,
    "unitsMilli" INTEGER NOT NULL,
    "chargeCents" INTEGER NOT NULL,
    "serviceDate" TEXT NOT NULL,
    "serviceDateEnd" TEXT,
    "diagnosisPointers" TEXT NOT NULL,
    "revenueCode" TEXT,
    "ndcCode" TEXT,
    "ndcQuantityMilli" INTEGER,
    "ndcUnit" TEXT,
    CONSTRAINT "ServiceLine_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ServiceLine_encounterId_fkey" FOREIGN KEY ("encounterId") REFERENCES "Encounter" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_ServiceLine" ("chargeCents", "diagnosisPointers", "encounterId", "id", "lineNumber", "modifier1", "modifier2", "modifier3", "modifier4", "ndcCode", "ndcQuantityMilli", "ndcUnit", "organizationId", "procedureCode", "revenueCode", "serviceDate", "serviceDateEnd", "unitsMilli") SELECT "chargeCents", "diagnosisPointers", "encounterId", "id", "lineNumber", "modifier1", "modifier2", "modifier3", "modifier4", "ndcCode", "ndcQuantityMilli", "ndcUnit", "organizationId", "procedureCode", "revenueCode", "serviceDate", "serviceDateEnd", "unitsMilli" FROM "ServiceLine";
DROP TABLE "ServiceLine";
ALTER TABLE "new_ServiceLine" RENAME TO "ServiceLine";
CREATE UNIQUE INDEX "ServiceLine_encounterId_lineNumber_key" ON "ServiceLine"("encounterId", "lineNumber");
CREATE TABLE "new_ClaimLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "serviceLineId" TEXT,
    "lineNumber" INTEGER NOT NULL,
    "procedureCode" TEXT,
    "revenueCode" TEXT,
    "modifier1" TEXT,
    "modifier2" TEXT,
    "modifier3" TEXT,
    "modifier4" TEXT,
    "unitsMilli" INTEGER NOT NULL,
    "chargeCents" INTEGER NOT NULL,
    "serviceDate" TEXT NOT NULL,
    "serviceDateEnd" TEXT,
    "diagnosisPointers" TEXT NOT NULL,
    "lineControlNumber" TEXT,
    CONSTRAINT "ClaimLine_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ClaimLine_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ClaimLine_serviceLineId_fkey" FOREIGN KEY ("serviceLineId") REFERENCES "ServiceLine" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ClaimLine" ("chargeCents", "claimId", "diagnosisPointers", "id", "lineControlNumber", "lineNumber", "modifier1", "modifier2", "modifier3", "modifier4", "organizationId", "procedureCode", "revenueCode", "serviceDate", "serviceDateEnd", "serviceLineId", "unitsMilli") SELECT "chargeCents", "claimId", "diagnosisPointers", "id", "lineControlNumber", "lineNumber", "modifier1", "modifier2", "modifier3", "modifier4", "organizationId", "procedureCode", "revenueCode", "serviceDate", "serviceDateEnd", "serviceLineId", "unitsMilli" FROM "ClaimLine";
DROP TABLE "ClaimLine";
ALTER TABLE "new_ClaimLine" RENAME TO "ClaimLine";
CREATE UNIQUE INDEX "ClaimLine_claimId_lineNumber_key" ON "ClaimLine"("claimId", "lineNumber");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
