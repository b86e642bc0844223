-- AlterTable
ALTER TABLE "ContactConsent" ADD COLUMN     "electronicDisclosures" BOOLEAN NOT NULL DEFAULT false;
