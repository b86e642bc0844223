import type { Principal } from '../auth/principal.ts';
import type { DomainContext } from '../context/domain-context.ts';
import type { Db } from '../db/prisma-client.ts';
import { callConnector } from '../plugins/connector-call.ts';
import type { PluginRegistry } from '../plugins/registry.ts';
import { completeDelivery, DELIVERED_CLAIM_INCLUDE, recordDelivery } from './record-delivery.ts';
import type { DeliveredClaim } from './record-delivery.ts';

const RECONCILER = 'system:submission-reconciler';

/**
 * The outbox's second half, run with every polling round (and so at start-up): a batch left PENDING by a crash
 * between recording it and hearing from the connector is delivered again, with the same file and control number
 * (connectors take a batch once by its id), and recorded; a SENT batch whose claims were not recorded is completed.
 * A batch that still cannot be delivered stays PENDING for the next round.
 */
export async function reconcileSubmissions(
  systemDb: Db,
  contextFor: (principal: Principal) => DomainContext,
  payers: PluginRegistry['payers'],
  options: { pendingForMs?: number; now?: Date } = {},
): Promise<{ redelivered: string[]; completed: string[] }> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - (options.pendingForMs ?? 120_000));
  const redelivered: string[] = [];
  const completed: string[] = [];
  const pending = await systemDb.submissionBatch.findMany({ where: { status: 'PENDING', createdAt: { lt: cutoff } } });
  for (const batch of pending) {
    const ctx = contextFor({ userId: RECONCILER, organizationId: batch.organizationId, roles: ['admin'] });
    const connector = payers.get(batch.connectorId);
    if (!connector?.submit) continue;
    try {
      const receipt = await callConnector(
        batch.connectorId,
        (signal) =>
          connector.submit!(
            {
              batchId: batch.id,
              organizationId: batch.organizationId,
              interchangeControlNumber: batch.interchangeControlNumber,
              format: batch.format as '837P' | '837I',
              content: batch.content,
              claimCount: batch.claimCount,
            },
            signal,
          ),
        { timeoutMs: 30_000, retries: 2, backoffMs: 200 },
      );
      const recorded = await recordDelivery(ctx, batch, await claimsOf(ctx, batch.id), receipt.reference);
      publish(ctx, recorded);
      redelivered.push(batch.id);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      ctx.logger.warn(
        { batchId: batch.id, err: { message } },
        'submission: a PENDING batch could not be delivered yet',
      );
    }
  }
  const incomplete = await systemDb.submissionBatch.findMany({
    where: { status: 'SENT', claims: { some: { status: 'READY' } } },
  });
  for (const batch of incomplete) {
    const ctx = contextFor({ userId: RECONCILER, organizationId: batch.organizationId, roles: ['admin'] });
    publish(ctx, await completeDelivery(ctx, batch, await claimsOf(ctx, batch.id)));
    completed.push(batch.id);
  }
  return { redelivered, completed };
}

function claimsOf(ctx: DomainContext, batchId: string): Promise<DeliveredClaim[]> {
  return ctx.db.claim.findMany({ where: { submissionBatchId: batchId }, include: DELIVERED_CLAIM_INCLUDE });
}

function publish(
  ctx: DomainContext,
  done: Pick<Awaited<ReturnType<typeof completeDelivery>>, 'changes' | 'balanceChanges'>,
) {
  for (const change of done.changes) ctx.pubsub.publish('claimStatusChanged', ctx.principal.organizationId, change);
  for (const change of done.balanceChanges) ctx.pubsub.publish('balanceChanged', ctx.principal.organizationId, change);
}
