import type { Role } from '../auth/principal.ts';
import { noteOnClaim } from '../claims/claim-status.ts';
import type { StatusChange } from '../claims/claim-status.ts';
import type { DomainContext } from '../context/domain-context.ts';
import type { Claim, Db, Denial } from '../db/prisma-client.ts';
import { InvalidStateTransitionError, NotFoundError, ValidationError } from '../errors/billing-errors.ts';
import { globalId } from '../ids/global-id.ts';

/** Who works denials. */
export const DENIAL_ROLES: readonly Role[] = ['admin', 'biller'];

const OPEN = ['OPEN', 'IN_PROGRESS'];

/** A work item that is still open, with its claim; a closed one cannot be worked again. */
export async function openItem(tx: Db, denialId: string): Promise<Denial & { claim: Claim }> {
  const item = await tx.denial.findUnique({ where: { id: denialId }, include: { claim: true } });
  if (!item) throw new NotFoundError('Denial', globalId('Denial', denialId));
  if (!OPEN.includes(item.status)) {
    throw new InvalidStateTransitionError(
      item.status,
      'IN_PROGRESS',
      `This item is ${item.status}: it has been worked to an outcome`,
    );
  }
  return item;
}

/** Every action on a work item is written on the claim's history. */
export function noteOnItemClaim(
  tx: Db,
  ctx: DomainContext,
  claim: Parameters<typeof noteOnClaim>[1],
  reason: string,
): Promise<void> {
  return noteOnClaim(tx, claim, { type: 'USER', id: ctx.principal.userId, reason });
}

/** The audited change of an action on a work item. */
export function done(item: Denial, extra: { statusChanges?: StatusChange[] } = {}) {
  return { result: item, recordIds: [globalId('Denial', item.id)], practiceId: item.practiceId, ...extra };
}

/** The trimmed text of a required free-text field, or a validation error naming it. */
export function requiredText(value: string, field: string, hint: string): string {
  const text = value.trim();
  if (!text) throw new ValidationError([{ path: ['input', field], code: 'REQUIRED', message: `${field}: ${hint}` }]);
  return text;
}
