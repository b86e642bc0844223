-- AlterTable
ALTER TABLE "CodeSetRelease" ADD COLUMN     "modifierCount" INTEGER NOT NULL DEFAULT 0;
