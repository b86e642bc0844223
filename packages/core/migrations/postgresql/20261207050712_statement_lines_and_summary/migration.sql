-- AlterTable
ALTER TABLE "ServiceLine" ADD COLUMN     "description" TEXT;

-- AlterTable
ALTER TABLE "ClaimLine" ADD COLUMN     "description" TEXT;

-- AlterTable
ALTER TABLE "Statement" ADD COLUMN     "adjustmentsSinceCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "newChargesCents" INTEGER NOT NULL DEFAULT 0;
