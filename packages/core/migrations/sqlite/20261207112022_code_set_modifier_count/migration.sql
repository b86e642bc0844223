-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CodeSetRelease" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "system" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "effectiveDate" TEXT NOT NULL,
    "checksum" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL DEFAULT 0,
    "modifierCount" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'IMPORTING',
    "importedBy" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_CodeSetRelease" ("checksum", "createdAt", "effectiveDate", "id", "importedBy", "rowCount", "status", "system", "version") SELECT "checksum", "createdAt", "effectiveDate", "id", "importedBy", "rowCount", "status", "system", "version" FROM "CodeSetRelease";
DROP TABLE "CodeSetRelease";
ALTER TABLE "new_CodeSetRelease" RENAME TO "CodeSetRelease";
CREATE INDEX "CodeSetRelease_system_status_effectiveDate_idx" ON "CodeSetRelease"("system", "status", "effectiveDate");
CREATE UNIQUE INDEX "CodeSetRelease_system_version_key" ON "CodeSetRelease"("system", "version");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
