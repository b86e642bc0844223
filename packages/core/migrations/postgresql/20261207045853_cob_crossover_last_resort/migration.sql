-- AlterTable
ALTER TABLE "Payer" ADD COLUMN     "forbidsBalanceBilling" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "crossover" BOOLEAN NOT NULL DEFAULT false;
