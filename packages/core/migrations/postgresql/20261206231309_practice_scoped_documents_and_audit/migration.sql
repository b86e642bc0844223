-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "practiceId" TEXT;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "CollectionPlacement"("id") ON DELETE SET NULL ON UPDATE CASCADE;
