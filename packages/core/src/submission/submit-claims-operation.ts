import { recordAuditEvent } from '../audit/audited.ts';
import type { SubmissionBatch } from '../db/prisma-client.ts';
import { globalId } from '../ids/global-id.ts';
import { defineOperation } from '../operations/define-operation.ts';
import type { ClaimSubmissionResult } from './submit-claims.ts';
import { deliverClaims } from './submit-claims.ts';

export interface SubmitClaimsResult {
  /** One per claim asked for: submitted, or why not. */
  results: ClaimSubmissionResult[];
  batches: SubmissionBatch[];
}

/**
 * Scrubs READY claims and sends them to their payers' connectors, one batch per connector and format, or prints
 * them for paper-only payers (a print batch per form); reports per claim, in the order asked. Spans several transactions and a connector call, so it is audited once at the end.
 */
export const submitClaims = defineOperation({
  name: 'submitClaims',
  roles: ['admin', 'biller'],
  run: async (ctx, input: { claimIds: string[] }): Promise<SubmitClaimsResult> => {
    const { results, batches, changes, balanceChanges } = await deliverClaims(ctx, input.claimIds);
    // Results come as the claims were handled (scrub, print, send); the caller gets them in the order it asked.
    const asked = new Map<string, number>();
    for (const [i, id] of input.claimIds.entries()) if (!asked.has(id)) asked.set(id, i);
    results.sort((a, b) => (asked.get(a.claimId) ?? 0) - (asked.get(b.claimId) ?? 0));
    const organizationId = ctx.principal.organizationId;
    for (const change of changes) ctx.pubsub.publish('claimStatusChanged', organizationId, change);
    for (const change of balanceChanges) ctx.pubsub.publish('balanceChanged', organizationId, change);
    const outcome = results.every((r) => r.submitted) ? 'SUCCEEDED' : 'PARTIAL';
    const recordIds = [
      ...input.claimIds.map((id) => globalId('Claim', id)),
      ...batches.map((b) => globalId('SubmissionBatch', b.id)),
    ];
    await recordAuditEvent(ctx, 'submitClaims', outcome, recordIds);
    return { results, batches };
  },
});
