-- CreateTable
CREATE TABLE "DiagnosisEdit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "releaseId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "edit" TEXT NOT NULL,
    CONSTRAINT "DiagnosisEdit_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "CodeSetRelease" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "DiagnosisEdit_releaseId_code_edit_key" ON "DiagnosisEdit"("releaseId", "code", "edit");
