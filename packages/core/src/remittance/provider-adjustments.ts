import type { ProviderAdjustment as ProviderAdjustment835, Remittance835 } from '@revcycle/x12';
import type { DomainContext } from '../context/domain-context.ts';
import type { Db, Remittance } from '../db/prisma-client.ts';
import { claimAgingDate } from '../ledger/claim-charges.ts';
import type { NewEntry } from '../ledger/post-entries.ts';
import { todayIn } from '../util/calendar-date.ts';
import type { PostingBatch } from './posting-batch.ts';

/**
 * PLB amounts are never dropped. A recoupment of an overpayment (WO, 72, FB) whose reference names one of our
 * claims (the payer's claim number, else our patient control number) is posted on that claim's insurance
 * account, where it answers the credit the overpayment left; every other PLB amount is practice-level A/R: a
 * recoupment or offset (positive in X12) is money the payer withheld from this payment, an interest payment
 * (negative) is money paid beyond the claims.
 */
export async function postProviderAdjustments(
  batch: PostingBatch,
  ctx: DomainContext,
  remittance: Remittance,
  header: Remittance835,
): Promise<void> {
  const adjustments = header.providerAdjustments;
  if (!remittance.practiceId || adjustments.length === 0) return;
  const tx = batch.tx;
  // Without a payment date (BPR16 is required, but a payer may leave it out) they post on the practice's today.
  const date =
    remittance.paymentDate ??
    todayIn(
      (await tx.practice.findUniqueOrThrow({ where: { id: remittance.practiceId }, select: { timeZone: true } }))
        .timeZone,
      ctx.clock.now(),
    );
  const entries: NewEntry[] = [];
  for (const p of adjustments) {
    const memo = p.reference ? `PLB ${p.reasonCode} ${p.reference}` : `PLB ${p.reasonCode}`;
    const at = { kind: 'PROVIDER_ADJUSTMENT' as const, amountCents: p.amountCents, effectiveDate: date };
    const claim = await recoupedClaim(tx, p);
    if (claim) {
      entries.push({
        ...at,
        practiceId: claim.practiceId,
        account: 'INSURANCE',
        patientId: claim.patientId,
        guarantorId: claim.patient.guarantorId,
        claimId: claim.id,
        coverageId: claim.coverageId,
        payerId: claim.payerId,
        remittanceId: remittance.id,
        reasonCode: p.reasonCode,
        agingDate: claimAgingDate(claim.lines),
        memo: `${memo}: recouped on claim ${claim.patientControlNumber}`,
      });
    } else {
      entries.push({
        ...at,
        practiceId: remittance.practiceId,
        account: 'PRACTICE',
        payerId: remittance.payerId,
        remittanceId: remittance.id,
        reasonCode: p.reasonCode,
        memo,
      });
    }
  }
  await batch.posting.post(entries);
}

/** PLB reasons that take back money paid on a claim: overpayment recovery, authorized return, forwarding balance. */
const RECOUPMENT_REASONS = new Set(['WO', '72', 'FB']);

/** The claim a recoupment names in its reference (PLB03-2), if it names one of ours. */
async function recoupedClaim(tx: Db, p: ProviderAdjustment835) {
  const reference = p.reference?.trim();
  if (!RECOUPMENT_REASONS.has(p.reasonCode) || !reference) return null;
  const include = { lines: true, patient: { select: { guarantorId: true } } } as const;
  return (
    (await tx.claim.findFirst({ where: { payerClaimControlNumber: reference }, include })) ??
    (await tx.claim.findFirst({ where: { patientControlNumber: reference }, include }))
  );
}
