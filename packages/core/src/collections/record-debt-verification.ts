import { audited } from '../audit/audited.ts';
import type { CollectionPlacement } from '../db/prisma-client.ts';
import { InvalidStateTransitionError } from '../errors/billing-errors.ts';
import { globalId } from '../ids/global-id.ts';
import { defineOperation } from '../operations/define-operation.ts';
import { accountPatientIds } from '../patient-billing/guarantor-account.ts';
import { COLLECTOR_ROLES } from './collector-roles.ts';
import { placementOf } from './placement-of.ts';

/** Records that verification of a disputed debt was sent: the dispute is cleared and collection may resume. */
export const recordDebtVerification = defineOperation({
  name: 'recordDebtVerification',
  roles: COLLECTOR_ROLES,
  run: (ctx, input: { placementId: string; note?: string | null }): Promise<CollectionPlacement> =>
    audited(ctx, 'recordDebtVerification', async (tx) => {
      const placement = await placementOf(tx, input.placementId);
      if (placement.status !== 'DISPUTED')
        throw new InvalidStateTransitionError(placement.status, 'PLACED', 'Only a disputed placement is verified');
      const now = ctx.clock.now();
      const patientIds = await accountPatientIds(tx, { id: placement.patientId, guarantorId: placement.guarantorId });
      await tx.accountFlag.updateMany({
        where: { patientId: { in: patientIds }, kind: 'DISPUTE', clearedAt: null },
        data: { clearedAt: now, clearedById: ctx.principal.userId },
      });
      const statusReason = `verification sent${input.note ? `: ${input.note}` : ''}`;
      const updated = await tx.collectionPlacement.update({
        where: { id: placement.id },
        data: { status: 'PLACED', verifiedAt: now, statusReason },
      });
      return {
        result: updated,
        recordIds: [globalId('CollectionPlacement', placement.id)],
        practiceId: placement.practiceId,
      };
    }),
});
