import { audited } from '../audit/audited.ts';
import type { RemittanceClaim } from '../db/prisma-client.ts';
import { InvalidStateTransitionError, NotFoundError } from '../errors/billing-errors.ts';
import { globalId } from '../ids/global-id.ts';
import { defineOperation } from '../operations/define-operation.ts';
import { matchLines } from './match-claims.ts';
import { postClaimPayment, STORED_CLAIM_PAYMENT_INCLUDE } from './post-claim-payment.ts';
import { CLAIM_TO_POST_INCLUDE, PostingBatch } from './posting-batch.ts';

/** Posts an unmatched claim payment to the claim it belongs to. */
export const matchRemittance = defineOperation({
  name: 'matchRemittance',
  roles: ['admin', 'biller'],
  run: (ctx, input: { claimPaymentId: string; claimId: string }): Promise<RemittanceClaim> =>
    audited(ctx, 'matchRemittance', async (tx) => {
      const { claimPaymentId: paymentId, claimId } = input;
      const rc = await tx.remittanceClaim.findUnique({
        where: { id: paymentId },
        include: STORED_CLAIM_PAYMENT_INCLUDE,
      });
      if (!rc) throw new NotFoundError('ClaimPayment', globalId('ClaimPayment', paymentId));
      if (rc.postedAt)
        throw new InvalidStateTransitionError('POSTED', 'POSTED', 'This claim payment is already posted');
      const claim = await tx.claim.findUnique({ where: { id: claimId }, include: CLAIM_TO_POST_INCLUDE });
      if (!claim) throw new NotFoundError('Claim', globalId('Claim', claimId));
      await tx.remittanceClaim.update({ where: { id: rc.id }, data: { claimId } });
      // Lines are matched now that the claim is known, by the same rules as at import.
      const matches = matchLines(claim, rc.lines);
      for (const [i, line] of rc.lines.entries()) {
        const match = matches[i];
        if (match) {
          line.claimLineId = match.id;
          await tx.remittanceServiceLine.update({ where: { id: line.id }, data: { claimLineId: match.id } });
        }
      }
      const batch = new PostingBatch(tx, ctx.db, ctx.principal.organizationId, {
        type: 'USER',
        id: ctx.principal.userId,
      });
      await batch.load([claim]);
      const outcome = await postClaimPayment(batch, ctx, { ...rc, claimId }, claim, { reviewed: true });
      await batch.flush();
      const posted = await tx.remittanceClaim.findUniqueOrThrow({ where: { id: rc.id } });
      return {
        result: posted,
        recordIds: [globalId('ClaimPayment', rc.id), globalId('Claim', claimId)],
        practiceId: claim.practiceId,
        statusChanges: outcome.statusChanges,
        balanceChanges: batch.posting.balanceChanges(),
      };
    }),
});
