-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "deactivatedAt" TIMESTAMP(3);
