-- AlterTable
ALTER TABLE "ClaimLine" ADD COLUMN "ndcCode" TEXT;
ALTER TABLE "ClaimLine" ADD COLUMN "ndcQuantityMilli" INTEGER;
ALTER TABLE "ClaimLine" ADD COLUMN "ndcUnit" TEXT;
