import { BillingError } from '../errors/billing-errors.ts';
import { transaction } from '../db/prisma-client.ts';
import type { Db } from '../db/prisma-client.ts';
import { insertMany } from '../db/bulk-insert.ts';
import { newId } from '../ids/new-id.ts';
import type { DomainContext } from '../context/domain-context.ts';
import type { StatusChange } from '../claims/claim-status.ts';
import type { BalanceChangedPayload } from '../pubsub/billing-events.ts';

export interface AuditedChange<T> {
  /** The mutation's result. */
  result: T;
  /** Global ids of the records created or changed. */
  recordIds: string[];
  /** The practice the change belongs to, so practice-limited subscribers can be filtered. */
  practiceId?: string | null;
  /** Claim status changes made by the mutation, published once the transaction has committed. */
  statusChanges?: StatusChange[];
  /** Balances the mutation moved, published once the transaction has committed. */
  balanceChanges?: BalanceChangedPayload[];
}

/**
 * Runs a mutation's change and its audit record in one transaction: either both are written or neither.
 * An expected failure (a BillingError) is audited too, with its code as the outcome, then rethrown for the
 * payload's error union. The audit log is append-only: nothing in core updates or deletes an AuditEvent.
 */
export async function audited<T>(
  ctx: DomainContext,
  action: string,
  change: (tx: Db) => Promise<AuditedChange<T>>,
  options?: { maxWait?: number; timeout?: number },
): Promise<T> {
  try {
    const { result, auditEventId, practiceId, statusChanges, balanceChanges } = await transaction(
      ctx.db,
      async (tx) => {
        const done = await change(tx);
        const event = await recordAudit(tx, ctx, action, 'SUCCEEDED', done.recordIds, done.practiceId ?? null);
        return {
          result: done.result,
          auditEventId: event.id,
          practiceId: done.practiceId ?? null,
          statusChanges: done.statusChanges ?? [],
          balanceChanges: done.balanceChanges ?? [],
        };
      },
      options,
    );
    ctx.pubsub.publish('auditEventRecorded', ctx.principal.organizationId, { auditEventId, practiceId });
    for (const change of statusChanges) ctx.pubsub.publish('claimStatusChanged', ctx.principal.organizationId, change);
    for (const change of balanceChanges) ctx.pubsub.publish('balanceChanged', ctx.principal.organizationId, change);
    return result;
  } catch (error) {
    if (error instanceof BillingError) {
      const event = await recordAudit(ctx.db, ctx, action, error.code, [], null);
      ctx.pubsub.publish('auditEventRecorded', ctx.principal.organizationId, {
        auditEventId: event.id,
        practiceId: null,
      });
    }
    throw error;
  }
}

/**
 * One plain INSERT (`insertMany`, with the scoped client's checks) rather than Prisma's `create`: every mutation
 * writes one, and `create` with its RETURNING cost twice a raw statement's time (`npm run bench:statements`).
 */
async function recordAudit(
  db: Db,
  ctx: DomainContext,
  action: string,
  outcome: string,
  recordIds: string[],
  practiceId: string | null,
): Promise<{ id: string }> {
  const event = {
    id: newId(),
    organizationId: ctx.principal.organizationId,
    actorId: ctx.principal.userId,
    actorRoles: ctx.principal.roles.join(','),
    action,
    outcome,
    recordIds,
    requestId: ctx.requestId ?? null,
    practiceId,
    createdAt: new Date(),
  };
  await insertMany(ctx.db, db, 'AuditEvent', [event]);
  return event;
}

/**
 * Records an audit event for a mutation that spans several transactions and outside calls (a submission): the
 * caller records it once the work is done, with the records it touched.
 */
export async function recordAuditEvent(
  ctx: DomainContext,
  action: string,
  outcome: string,
  recordIds: string[],
  practiceId: string | null = null,
): Promise<void> {
  const event = await recordAudit(ctx.db, ctx, action, outcome, recordIds, practiceId);
  ctx.pubsub.publish('auditEventRecorded', ctx.principal.organizationId, { auditEventId: event.id, practiceId });
}

const AUDITED = Symbol('audited');

/**
 * Records an expected failure (a BillingError) of `action` once, however many layers see it: an operation that
 * fails before or between its transactions (a file that does not parse, an unknown practice) is audited like one
 * that fails inside `audited`.
 */
export async function auditFailure(ctx: DomainContext, action: string, error: unknown): Promise<void> {
  if (!(error instanceof BillingError) || (error as { [AUDITED]?: boolean })[AUDITED]) return;
  (error as { [AUDITED]?: boolean })[AUDITED] = true;
  const event = await recordAudit(ctx.db, ctx, action, error.code, [], null);
  ctx.pubsub.publish('auditEventRecorded', ctx.principal.organizationId, { auditEventId: event.id, practiceId: null });
}
