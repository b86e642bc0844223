import type { ActorType, ClaimStatus, Db } from '../db/prisma-client.ts';
import { newId } from '../ids/new-id.ts';
import { insertMany } from '../db/bulk-insert.ts';
import { chunks } from '../util/chunks.ts';
import { historyOf, requireTransition } from './claim-status.ts';
import type { StatusChange } from './claim-status.ts';

interface ClaimState {
  id: string;
  organizationId: string;
  practiceId: string;
  status: ClaimStatus;
}

/** Columns a bulk transition may set along with the status, the same for every claim of a group. */
export interface TransitionExtras {
  submittedAt?: Date;
}

/**
 * `transitionClaim` for thousands of claims: each move is checked and recorded at once (the claim object takes
 * its new status, the history row and the change are made), and `flush` writes them as one UPDATE per target
 * status and one multi-row INSERT of history. Bulk imports and submissions use it so that moving a claim is not a
 * round trip of its own.
 */
export class PendingTransitions {
  /** Each claim's last move: a claim moved twice before a flush is written once, with its final status. */
  private latest = new Map<string, { to: ClaimStatus; extras: TransitionExtras }>();
  private history: Array<{
    id: string;
    organizationId: string;
    claimId: string;
    fromStatus: ClaimStatus;
    toStatus: ClaimStatus;
    reason: string | null;
    actorType: ActorType;
    actorId: string | null;
    createdAt: Date;
  }> = [];

  add(
    claim: ClaimState,
    to: ClaimStatus,
    actor: { type: ActorType; id?: string | null; reason?: string | null },
    extras: TransitionExtras = {},
  ): StatusChange {
    requireTransition(claim.status, to);
    this.latest.set(claim.id, { to, extras });
    const at = new Date();
    this.history.push({ id: newId(), ...historyOf(claim, to, actor), createdAt: at });
    const change = {
      claimId: claim.id,
      practiceId: claim.practiceId,
      from: claim.status,
      to,
      reason: actor.reason ?? null,
      at: at.toISOString(),
    };
    claim.status = to;
    return change;
  }

  /** Writes the moves; history by plain INSERTs when the tenant-scoped client is given (`insertMany`). */
  async flush(tx: Db, scoped?: Db): Promise<void> {
    const groups = new Map<string, { to: ClaimStatus; extras: TransitionExtras; claimIds: string[] }>();
    for (const [claimId, { to, extras }] of this.latest) {
      const key = `${to}|${extras.submittedAt?.toISOString() ?? ''}`;
      const group = groups.get(key) ?? { to, extras, claimIds: [] };
      group.claimIds.push(claimId);
      groups.set(key, group);
    }
    const history = this.history;
    this.latest = new Map();
    this.history = [];
    for (const { to, extras, claimIds } of groups.values())
      for (const ids of chunks(claimIds))
        await tx.claim.updateMany({ where: { id: { in: ids } }, data: { status: to, ...extras } });
    if (scoped) await insertMany(scoped, tx, 'ClaimStatusEvent', history);
    else for (const rows of chunks(history, 1000)) await tx.claimStatusEvent.createMany({ data: rows });
  }
}
