import type { Claim, ClaimLine, Db, Patient } from '../db/prisma-client.ts';
import type { Posting } from './post-entries.ts';

type ClaimToCharge = Claim & { lines: ClaimLine[]; patient: Pick<Patient, 'guarantorId'> };

/** The date a claim's A/R ages from: its first date of service. */
export function claimAgingDate(lines: Array<Pick<ClaimLine, 'serviceDate'>>): string {
  return lines.map((l) => l.serviceDate).sort()[0] ?? new Date().toISOString().slice(0, 10);
}

/**
 * Charges enter the ledger when a claim is submitted (not when the encounter is coded): that is when the money is
 * asked of someone. Each line posts once (its idempotency key). A replacement (frequency 7) or void (8) reverses
 * the charges still standing on the claim it replaces, so the patient's charges are never counted twice. A
 * secondary claim posts no charges: its A/R arrives by transfer from the primary's OI adjustments. Takes a chunk
 * of claims: the charges already posted are read for all of them at once.
 */
export async function postClaimCharges<C extends ClaimToCharge>(
  tx: Db,
  posting: Posting,
  claims: readonly C[],
  todayOf: (claim: C) => string,
): Promise<void> {
  const charged = claims.filter((c) => !c.primaryClaimId);
  const already = new Set(
    (
      await tx.ledgerEntry.findMany({
        where: { claimId: { in: charged.map((c) => c.id) }, kind: 'CHARGE' },
        select: { claimLineId: true },
      })
    ).map((e) => e.claimLineId),
  );
  for (const claim of charged) {
    const today = todayOf(claim);
    if (claim.originalClaimId && claim.frequencyCode !== '1') {
      const standing = await tx.ledgerEntry.findMany({
        where: { claimId: claim.originalClaimId, kind: 'CHARGE', reversedBy: { none: {} } },
      });
      await posting.reverse(
        standing,
        `replaced by claim ${claim.patientControlNumber} (frequency ${claim.frequencyCode})`,
        { effectiveDate: today },
      );
    }
    if (claim.frequencyCode === '8') continue;
    const agingDate = claimAgingDate(claim.lines);
    await posting.post(
      claim.lines
        .filter((l) => !already.has(l.id))
        .map((l) => ({
          practiceId: claim.practiceId,
          account: 'INSURANCE' as const,
          kind: 'CHARGE' as const,
          amountCents: l.chargeCents,
          effectiveDate: today,
          agingDate,
          patientId: claim.patientId,
          guarantorId: claim.patient.guarantorId,
          claimId: claim.id,
          claimLineId: l.id,
          coverageId: claim.coverageId,
          payerId: claim.payerId,
          idempotencyKey: `charge:${l.id}`,
          memo: `${l.procedureCode ?? `revenue code ${l.revenueCode}`} on ${l.serviceDate}`,
        })),
    );
  }
}
