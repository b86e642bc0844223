-- AlterTable
ALTER TABLE "Organization" ADD COLUMN "deactivatedAt" DATETIME;
