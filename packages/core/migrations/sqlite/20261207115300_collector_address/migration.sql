-- AlterTable
ALTER TABLE "CollectionAgency" ADD COLUMN "addressLine1" TEXT;
ALTER TABLE "CollectionAgency" ADD COLUMN "addressLine2" TEXT;
ALTER TABLE "CollectionAgency" ADD COLUMN "city" TEXT;
ALTER TABLE "CollectionAgency" ADD COLUMN "electronicDisputes" TEXT;
ALTER TABLE "CollectionAgency" ADD COLUMN "phone" TEXT;
ALTER TABLE "CollectionAgency" ADD COLUMN "postalCode" TEXT;
ALTER TABLE "CollectionAgency" ADD COLUMN "state" TEXT;
