import { defineOperation } from '../operations/define-operation.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';
import { requireWholeOrganization } from '../operations/whole-organization.ts';
import type { BalanceFinding } from '@revcycle/x12';
import { audited } from '../audit/audited.ts';
import type { Db, Remittance } from '../db/prisma-client.ts';
import type { StatusChange } from '../claims/claim-status.ts';
import type { DomainContext } from '../context/domain-context.ts';
import { globalId } from '../ids/global-id.ts';
import { Posting } from '../ledger/post-entries.ts';
import { todayIn } from '../util/calendar-date.ts';
import { claimsFor } from './match-claims.ts';
import { CLAIM_TO_POST_INCLUDE, postClaimPayment, STORED_CLAIM_PAYMENT_INCLUDE } from './post-claim-payment.ts';
import { readRemittance } from './read-remittance.ts';
import { fileHash, payerIdentifierOf, storeRemittance } from './store-remittance.ts';

export interface RemittanceImportSummary {
  remittances: Remittance[];
  /** Payments (BPR/TRN) in the file. */
  payments: number;
  claimPayments: number;
  matched: number;
  unmatched: number;
  /** Σ CLP04 of the claim payments. */
  totalPaidCents: number;
  /** Σ PLB amounts, X12 sign (positive: withheld from the payment). */
  providerAdjustmentsCents: number;
  findings: BalanceFinding[];
  /** True when every payment of the file had been posted before: nothing was posted now. */
  duplicate: boolean;
  duplicatePayments: number;
}

/**
 * Posts an 835 in one transaction: every payment is stored as received, claim payments that match a claim are
 * posted to the ledger, the others wait in the unmatched queue, PLB adjustments post at the practice level. A
 * payment (payer + trace number) posts once: a repeated or concurrent import of it reports `duplicate`. Any
 * failure rolls the whole file back.
 */
export async function importRemittanceFile(
  ctx: DomainContext,
  x12: string,
  source = 'importRemittance',
): Promise<RemittanceImportSummary> {
  const parsed = readRemittance(x12);
  try {
    return await postFile(ctx, x12, parsed, source);
  } catch (error) {
    // A concurrent import of the same payment won the unique key: this one is a duplicate, say so.
    if (isUniqueViolation(error)) return postFile(ctx, x12, parsed, source);
    throw error;
  }
}

function postFile(
  ctx: DomainContext,
  x12: string,
  parsed: ReturnType<typeof readRemittance>,
  source: string,
): Promise<RemittanceImportSummary> {
  const organizationId = ctx.principal.organizationId;
  const sha = fileHash(x12);
  return audited(
    ctx,
    source,
    async (tx: Db) => {
      const posting = new Posting(tx, organizationId, { type: 'PAYER' });
      const statusChanges: StatusChange[] = [];
      const summary: RemittanceImportSummary = {
        remittances: [],
        payments: parsed.length,
        claimPayments: 0,
        matched: 0,
        unmatched: 0,
        totalPaidCents: 0,
        providerAdjustmentsCents: 0,
        findings: parsed.flatMap((r) => r.balance),
        duplicate: false,
        duplicatePayments: 0,
      };
      const claims = await claimsFor(tx, parsed);
      const seen = new Set<string>();
      for (const r of parsed) {
        const key = `${payerIdentifierOf(r)}|${r.payment.traceNumber}`;
        const posted = await tx.remittance.findFirst({
          where: { payerIdentifier: payerIdentifierOf(r), traceNumber: r.payment.traceNumber },
        });
        if (posted || seen.has(key)) {
          summary.duplicatePayments++;
          if (posted) summary.remittances.push(posted);
          continue;
        }
        seen.add(key);
        const remittance = await storeRemittance(tx, organizationId, r, claims, sha, ctx.principal.userId);
        summary.remittances.push(remittance);
        summary.claimPayments += r.claims.length;
        summary.totalPaidCents += r.claims.reduce((s, c) => s + c.paidCents, 0);
        summary.providerAdjustmentsCents += remittance.providerAdjustmentsCents;
        const stored = await tx.remittanceClaim.findMany({
          where: { remittanceId: remittance.id },
          include: STORED_CLAIM_PAYMENT_INCLUDE,
          orderBy: { createdAt: 'asc' },
        });
        for (const rc of stored) {
          if (!rc.claimId) {
            summary.unmatched++;
            continue;
          }
          const claim = await tx.claim.findUniqueOrThrow({ where: { id: rc.claimId }, include: CLAIM_TO_POST_INCLUDE });
          const outcome = await postClaimPayment(tx, ctx, posting, rc, claim);
          statusChanges.push(...outcome.statusChanges);
          summary.matched++;
        }
        await postProviderAdjustments(tx, ctx, posting, remittance, r.providerAdjustments);
      }
      summary.duplicate = summary.duplicatePayments > 0 && summary.duplicatePayments === parsed.length;
      return {
        result: summary,
        recordIds: summary.remittances.map((r) => globalId('Remittance', r.id)),
        statusChanges,
        balanceChanges: posting.balanceChanges(),
      };
    },
    { maxWait: 60_000, timeout: 120_000 },
  );
}

/**
 * PLB amounts are practice-level A/R, never dropped: a recoupment or offset (positive in X12) is money the payer
 * withheld from this payment, an interest payment (negative) is money paid beyond the claims.
 */
async function postProviderAdjustments(
  tx: Db,
  ctx: DomainContext,
  posting: Posting,
  remittance: Remittance,
  adjustments: ReturnType<typeof readRemittance>[number]['providerAdjustments'],
): Promise<void> {
  if (!remittance.practiceId || adjustments.length === 0) return;
  // Without a payment date (BPR16 is required, but a payer may leave it out) they post on the practice's today.
  const date =
    remittance.paymentDate ??
    todayIn(
      (await tx.practice.findUniqueOrThrow({ where: { id: remittance.practiceId }, select: { timeZone: true } }))
        .timeZone,
      ctx.clock.now(),
    );
  await posting.post(
    adjustments.map((p) => ({
      practiceId: remittance.practiceId!,
      account: 'PRACTICE' as const,
      kind: 'PROVIDER_ADJUSTMENT' as const,
      amountCents: p.amountCents,
      effectiveDate: date,
      payerId: remittance.payerId,
      remittanceId: remittance.id,
      reasonCode: p.reasonCode,
      memo: p.reference ? `PLB ${p.reasonCode} ${p.reference}` : `PLB ${p.reasonCode}`,
    })),
  );
}

/** Posts an 835 to the ledger, all or nothing; the same payment posts once however often it is sent. */
export const importRemittance = defineOperation({
  name: 'importRemittance',
  roles: ['admin', 'biller'],
  run: (ctx, input: { x12: string }) => {
    requireWholeOrganization(ctx, 'importRemittance');
    return importRemittanceFile(ctx, input.x12);
  },
});
