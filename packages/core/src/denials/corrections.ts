import { audited } from '../audit/audited.ts';
import { createCorrection } from '../claims/correct-claim.ts';
import type { CorrectionKind } from '../claims/correct-claim.ts';
import type { Denial } from '../db/prisma-client.ts';
import { ValidationError } from '../errors/billing-errors.ts';
import { defineOperation } from '../operations/define-operation.ts';
import { deliverClaims } from '../submission/submit-claims.ts';
import { DENIAL_ROLES, done, noteOnItemClaim, openItem } from './work-item.ts';

/**
 * Fixes a denial with a corrected claim: a replacement (frequency 7, as the encounter is coded now) or void (8)
 * referencing the payer's claim number. Submit it with resubmitDeniedClaim; its payment resolves the item.
 */
export const correctDeniedClaim = defineOperation({
  name: 'correctDeniedClaim',
  roles: DENIAL_ROLES,
  run: (ctx, input: { denialId: string; kind: CorrectionKind }): Promise<Denial> =>
    audited(ctx, 'correctDeniedClaim', async (tx) => {
      const item = await openItem(tx, input.denialId);
      const { claim, change } = await createCorrection(tx, ctx, item.claimId, input.kind);
      const updated = await tx.denial.update({
        where: { id: item.id },
        data: { correctedClaimId: claim.id, status: 'IN_PROGRESS' },
      });
      await noteOnItemClaim(tx, ctx, item.claim, `denial ${item.category}: ${change.reason}`);
      return done(updated, { statusChanges: [change] });
    }),
});

/** Scrubs and submits the item's corrected claim (or the claim itself when it was rejected and fixed). */
export const resubmitDeniedClaim = defineOperation({
  name: 'resubmitDeniedClaim',
  roles: DENIAL_ROLES,
  run: async (ctx, input: { denialId: string }): Promise<Denial> => {
    const item = await openItem(ctx.db, input.denialId);
    const claimId = item.correctedClaimId ?? item.claimId;
    const { results, changes, balanceChanges } = await deliverClaims(ctx, [claimId]);
    for (const change of changes) ctx.pubsub.publish('claimStatusChanged', ctx.principal.organizationId, change);
    for (const change of balanceChanges) ctx.pubsub.publish('balanceChanged', ctx.principal.organizationId, change);
    const result = results[0]!;
    return audited(ctx, 'resubmitDeniedClaim', async (tx) => {
      if (!result.submitted) {
        const message = `The claim was not submitted: ${result.message ?? result.errorCode}`;
        throw new ValidationError([
          { path: ['input', 'denialId'], code: result.errorCode ?? 'NOT_SUBMITTED', message },
        ]);
      }
      const which = claimId === item.claimId ? 'the claim' : 'the corrected claim';
      await noteOnItemClaim(tx, ctx, item.claim, `denial ${item.category}: resubmitted ${which}`);
      return done(await tx.denial.update({ where: { id: item.id }, data: { status: 'IN_PROGRESS' } }));
    });
  },
});
