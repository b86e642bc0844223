-- AlterTable
ALTER TABLE "ClaimLine" ADD COLUMN     "ndcCode" TEXT,
ADD COLUMN     "ndcQuantityMilli" INTEGER,
ADD COLUMN     "ndcUnit" TEXT;
