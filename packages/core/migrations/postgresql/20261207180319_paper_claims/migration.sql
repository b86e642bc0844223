-- AlterTable
ALTER TABLE "Payer" ADD COLUMN     "addressLine1" TEXT,
ADD COLUMN     "addressLine2" TEXT,
ADD COLUMN     "city" TEXT,
ADD COLUMN     "paperOnly" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "postalCode" TEXT,
ADD COLUMN     "state" TEXT;

-- AlterTable
ALTER TABLE "SubmissionBatch" ADD COLUMN     "documentId" TEXT;

-- AddForeignKey
ALTER TABLE "SubmissionBatch" ADD CONSTRAINT "SubmissionBatch_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE SET NULL ON UPDATE CASCADE;
