import { PendingTransitions } from '../claims/pending-transitions.ts';
import { chunks } from '../util/chunks.ts';
import type { StatusChange } from '../claims/claim-status.ts';
import type { DomainContext } from '../context/domain-context.ts';
import { transaction } from '../db/prisma-client.ts';
import type { Claim, ClaimLine, Patient, Practice, SubmissionBatch } from '../db/prisma-client.ts';
import { postClaimCharges } from '../ledger/claim-charges.ts';
import { Posting } from '../ledger/post-entries.ts';
import type { BalanceChangedPayload } from '../pubsub/billing-events.ts';
import { todayIn } from '../util/calendar-date.ts';

export type DeliveredClaim = Claim & { lines: ClaimLine[]; patient: Pick<Patient, 'guarantorId'>; practice: Practice };

/** What recording a delivery reads of each claim: its lines to charge, its guarantor and its practice's day. */
export const DELIVERED_CLAIM_INCLUDE = {
  lines: { orderBy: { lineNumber: 'asc' as const } },
  patient: { select: { guarantorId: true } },
  practice: true,
};

/** Interactive transactions sized to the batch: Prisma's 5 s default is too short for a hospital's file. */
export const batchTimeout = (claims: number) => ({ maxWait: 10_000, timeout: 10_000 + 20 * claims });

/**
 * Records that the connector took the batch: first the batch itself (SENT, with the connector's reference), in a
 * transaction of its own, so that a delivered batch is never marked FAILED and is never delivered again; then the
 * claims (charges posted, SUBMITTED). If the second step fails, the batch is SENT with READY claims in it, which
 * `reconcileSubmissions` completes on the next polling round.
 */
export async function recordDelivery(
  ctx: DomainContext,
  batch: SubmissionBatch,
  claims: DeliveredClaim[],
  reference: string,
): Promise<{
  batch: SubmissionBatch;
  changes: StatusChange[];
  balanceChanges: BalanceChangedPayload[];
}> {
  const sent = await ctx.db.submissionBatch.update({
    where: { id: batch.id },
    data: { status: 'SENT', connectorReference: reference, submittedAt: batch.submittedAt ?? new Date() },
  });
  try {
    const { changes, balanceChanges } = await completeDelivery(ctx, sent, claims);
    return { batch: sent, changes, balanceChanges };
  } catch (error) {
    ctx.logger.error(
      { batchId: batch.id, err: { message: error instanceof Error ? error.message : String(error) } },
      'submission: the batch was delivered but its claims were not recorded; the next polling round completes them',
    );
    return { batch: sent, changes: [], balanceChanges: [] };
  }
}

/** Posts the charges of a delivered batch's claims and makes them SUBMITTED, in one transaction sized to the batch. */
export async function completeDelivery(
  ctx: DomainContext,
  batch: SubmissionBatch,
  claims: DeliveredClaim[],
): Promise<{ changes: StatusChange[]; balanceChanges: BalanceChangedPayload[] }> {
  return transaction(
    ctx.db,
    async (tx) => {
      const posting = new Posting(tx, batch.organizationId, { type: 'SYSTEM' }, { deferred: true, scoped: ctx.db });
      const transitions = new PendingTransitions();
      const reason = batch.format.startsWith('837')
        ? `sent in interchange ${batch.interchangeControlNumber} (${batch.connectorReference})`
        : `printed on ${batch.format} forms in print batch ${batch.interchangeControlNumber}`;
      const actor = { type: 'CONNECTOR' as const, id: batch.connectorId, reason };
      const submittedAt = batch.submittedAt ?? new Date();
      const changes: StatusChange[] = [];
      for (const piece of chunks(claims.filter((c) => c.status === 'READY'))) {
        await postClaimCharges(tx, posting, piece, (claim) => todayIn(claim.practice.timeZone, ctx.clock.now()));
        for (const claim of piece) changes.push(transitions.add(claim, 'SUBMITTED', actor, { submittedAt }));
        await posting.flush();
        await transitions.flush(tx, ctx.db);
      }
      return { changes, balanceChanges: posting.balanceChanges() };
    },
    batchTimeout(claims.length),
  );
}
