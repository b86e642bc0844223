-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "practiceId" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Document" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "bytes" BLOB NOT NULL,
    "rendererKey" TEXT NOT NULL,
    "statementId" TEXT,
    "agencyId" TEXT,
    "placementId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Document_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Document_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "Statement" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Document_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "CollectionPlacement" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Document" ("agencyId", "bytes", "contentType", "createdAt", "fileName", "id", "kind", "organizationId", "placementId", "rendererKey", "statementId") SELECT "agencyId", "bytes", "contentType", "createdAt", "fileName", "id", "kind", "organizationId", "placementId", "rendererKey", "statementId" FROM "Document";
DROP TABLE "Document";
ALTER TABLE "new_Document" RENAME TO "Document";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
