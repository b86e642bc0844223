-- AlterTable
ALTER TABLE "SubmissionBatch" ADD COLUMN     "content" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "failureReason" TEXT,
ADD COLUMN     "format" TEXT NOT NULL DEFAULT '837P',
ADD COLUMN     "submittedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ControlNumberSequence" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ControlNumberSequence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnmatchedResponse" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "fileName" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UnmatchedResponse_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ControlNumberSequence_organizationId_name_key" ON "ControlNumberSequence"("organizationId", "name");

-- CreateIndex
CREATE INDEX "UnmatchedResponse_organizationId_resolvedAt_idx" ON "UnmatchedResponse"("organizationId", "resolvedAt");

-- AddForeignKey
ALTER TABLE "ControlNumberSequence" ADD CONSTRAINT "ControlNumberSequence_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnmatchedResponse" ADD CONSTRAINT "UnmatchedResponse_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
