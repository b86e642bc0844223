-- AlterTable
ALTER TABLE "ServiceLine" ALTER COLUMN "procedureCode" DROP NOT NULL;

-- AlterTable
ALTER TABLE "ClaimLine" ALTER COLUMN "procedureCode" DROP NOT NULL;
