-- CreateIndex
CREATE INDEX "PaymentPlan_guarantorId_idx" ON "PaymentPlan"("guarantorId");
