import { audited } from '../audit/audited.ts';
import { InvalidStateTransitionError } from '../errors/billing-errors.ts';
import { globalId } from '../ids/global-id.ts';
import { defineOperation } from '../operations/define-operation.ts';
import { todayIn } from '../util/calendar-date.ts';
import { COLLECTOR_ROLES } from './collector-roles.ts';
import { placementOf } from './placement-of.ts';
import { writeValidationNotice } from './validation-notice.ts';
import type { NoticeLanguage } from './validation-notice-wording.ts';

/**
 * Writes the Regulation F validation notice for a placement (itemization, amount due, validation period end, how to
 * dispute), in English or, when the consumer asked for it, Spanish; rendered and recorded as a communication.
 */
export const sendValidationNotice = defineOperation({
  name: 'sendValidationNotice',
  roles: COLLECTOR_ROLES,
  run: (ctx, input: { placementId: string; language?: NoticeLanguage | null }) =>
    audited(ctx, 'sendValidationNotice', async (tx) => {
      const placement = await placementOf(tx, input.placementId);
      if (placement.status !== 'PLACED')
        throw new InvalidStateTransitionError(placement.status, 'NOTICE_SENT', `The placement is ${placement.status}`);
      const practice = await tx.practice.findUniqueOrThrow({ where: { id: placement.practiceId } });
      const sent = await writeValidationNotice(
        ctx,
        tx,
        placement,
        practice,
        todayIn(practice.timeZone, ctx.clock.now()),
        input.language ?? 'ENGLISH',
      );
      const recordIds = [globalId('CollectionPlacement', placement.id), globalId('Document', sent.document.id)];
      return { result: sent, recordIds, practiceId: practice.id };
    }),
});
