-- AlterTable
ALTER TABLE "PatientPayment" ADD COLUMN     "depositDate" TEXT;
