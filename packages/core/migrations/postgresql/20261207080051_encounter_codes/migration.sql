-- CreateEnum
CREATE TYPE "EncounterCodeKind" AS ENUM ('ADMITTING_DIAGNOSIS', 'REASON_FOR_VISIT', 'PRINCIPAL_PROCEDURE', 'OTHER_PROCEDURE', 'OCCURRENCE', 'VALUE', 'CONDITION');

-- CreateTable
CREATE TABLE "EncounterCode" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "encounterId" TEXT NOT NULL,
    "kind" "EncounterCodeKind" NOT NULL,
    "sequence" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "date" TEXT,
    "amountCents" INTEGER,

    CONSTRAINT "EncounterCode_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EncounterCode_encounterId_kind_sequence_key" ON "EncounterCode"("encounterId", "kind", "sequence");

-- AddForeignKey
ALTER TABLE "EncounterCode" ADD CONSTRAINT "EncounterCode_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EncounterCode" ADD CONSTRAINT "EncounterCode_encounterId_fkey" FOREIGN KEY ("encounterId") REFERENCES "Encounter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
