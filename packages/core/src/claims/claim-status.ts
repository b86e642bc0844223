import type { ActorType, ClaimStatus, Db } from '../db/prisma-client.ts';
import { InvalidStateTransitionError } from '../errors/billing-errors.ts';

/**
 * The claim lifecycle. A claim is made as DRAFT; a scrub moves it to READY or SCRUB_FAILED (fix, scrub again);
 * submission makes it SUBMITTED; the clearinghouse's 999 makes it ACKNOWLEDGED and the payer's 277CA ACCEPTED
 * or REJECTED (a rejected claim is fixed and made READY again); remittances make it PAID, PARTIALLY_PAID or
 * DENIED; a denial can be APPEALED; CLOSED and VOIDED are final. Corrections (frequency 7) and voids (8) are new
 * claims linked to the original.
 */
export const CLAIM_TRANSITIONS: Readonly<Record<ClaimStatus, readonly ClaimStatus[]>> = {
  // ACCEPTED: a crossover, the next claim the prior payer forwarded itself (never submitted by us).
  DRAFT: ['READY', 'SCRUB_FAILED', 'VOIDED', 'ACCEPTED'],
  SCRUB_FAILED: ['READY', 'SCRUB_FAILED', 'VOIDED'],
  READY: ['READY', 'SCRUB_FAILED', 'SUBMITTED', 'VOIDED'],
  // An 835 may arrive before (or without) the 277CA: adjudication implies acceptance.
  SUBMITTED: ['ACKNOWLEDGED', 'ACCEPTED', 'REJECTED', 'PAID', 'PARTIALLY_PAID', 'DENIED'],
  ACKNOWLEDGED: ['ACCEPTED', 'REJECTED', 'PAID', 'PARTIALLY_PAID', 'DENIED'],
  ACCEPTED: ['PAID', 'PARTIALLY_PAID', 'DENIED'],
  REJECTED: ['READY', 'SCRUB_FAILED', 'VOIDED'],
  // Back to ACCEPTED when the payer reverses its payment (CLP02 = 22) and will adjudicate again.
  PAID: ['PARTIALLY_PAID', 'DENIED', 'ACCEPTED', 'CLOSED'],
  PARTIALLY_PAID: ['PAID', 'DENIED', 'ACCEPTED', 'APPEALED', 'CLOSED'],
  DENIED: ['APPEALED', 'PAID', 'PARTIALLY_PAID', 'ACCEPTED', 'CLOSED'],
  APPEALED: ['PAID', 'PARTIALLY_PAID', 'DENIED', 'CLOSED'],
  CLOSED: [],
  VOIDED: [],
};

/** Statuses in which a claim is still being worked: a second claim for the same service would be a duplicate. */
export const OPEN_CLAIM_STATUSES: readonly ClaimStatus[] = [
  'DRAFT',
  'SCRUB_FAILED',
  'READY',
  'SUBMITTED',
  'ACKNOWLEDGED',
  'ACCEPTED',
  'PARTIALLY_PAID',
  'DENIED',
  'APPEALED',
];

export interface StatusChange {
  claimId: string;
  practiceId: string;
  from: ClaimStatus | null;
  to: ClaimStatus;
  reason: string | null;
  at: string;
}

/**
 * Moves a claim to `to`, appending to its status history who or what did it and why. An illegal move is an
 * InvalidStateTransitionError and changes nothing. Returns the change, to publish once the transaction commits.
 */
export async function transitionClaim(
  tx: Db,
  claim: { id: string; organizationId: string; practiceId: string; status: ClaimStatus },
  to: ClaimStatus,
  actor: { type: ActorType; id?: string | null; reason?: string | null },
): Promise<StatusChange> {
  requireTransition(claim.status, to);
  await tx.claim.update({ where: { id: claim.id }, data: { status: to } });
  const event = await tx.claimStatusEvent.create({ data: historyOf(claim, to, actor) });
  return {
    claimId: claim.id,
    practiceId: claim.practiceId,
    from: claim.status,
    to,
    reason: actor.reason ?? null,
    at: event.createdAt.toISOString(),
  };
}

/** Refuses a move the lifecycle does not allow. */
export function requireTransition(from: ClaimStatus, to: ClaimStatus): void {
  if (!CLAIM_TRANSITIONS[from].includes(to))
    throw new InvalidStateTransitionError(from, to, `A ${from} claim cannot become ${to}`);
}

/** The history row of a move: from the claim's current status to `to`, by whom and why. */
export function historyOf(
  claim: { id: string; organizationId: string; status: ClaimStatus },
  to: ClaimStatus,
  actor: { type: ActorType; id?: string | null; reason?: string | null },
) {
  return {
    organizationId: claim.organizationId,
    claimId: claim.id,
    fromStatus: claim.status,
    toStatus: to,
    reason: actor.reason ?? null,
    actorType: actor.type,
    actorId: actor.id ?? null,
  };
}

/**
 * Records a claim's first status (DRAFT) in its history; the one other way a status is set besides
 * `transitionClaim`. Returns the change, to publish once the transaction commits.
 */
export async function recordNewClaim(
  tx: Db,
  claim: { id: string; organizationId: string; practiceId: string; status: ClaimStatus; createdAt: Date },
  actor: { type: ActorType; id?: string | null; reason: string },
): Promise<StatusChange> {
  await tx.claimStatusEvent.create({
    data: {
      organizationId: claim.organizationId,
      claimId: claim.id,
      fromStatus: null,
      toStatus: claim.status,
      reason: actor.reason,
      actorType: actor.type,
      actorId: actor.id ?? null,
    },
  });
  return {
    claimId: claim.id,
    practiceId: claim.practiceId,
    from: null,
    to: claim.status,
    reason: actor.reason,
    at: claim.createdAt.toISOString(),
  };
}

/** Writes an action on the claim's history without changing its status (a work-item note, an appeal drafted). */
export async function noteOnClaim(
  tx: Db,
  claim: { id: string; organizationId: string; status: ClaimStatus },
  actor: { type: ActorType; id?: string | null; reason: string },
): Promise<void> {
  await tx.claimStatusEvent.create({
    data: {
      organizationId: claim.organizationId,
      claimId: claim.id,
      fromStatus: claim.status,
      toStatus: claim.status,
      reason: actor.reason,
      actorType: actor.type,
      actorId: actor.id ?? null,
    },
  });
}
