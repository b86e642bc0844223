import { audited } from '../audit/audited.ts';
import type { CollectionPlacement } from '../db/prisma-client.ts';
import { ValidationError } from '../errors/billing-errors.ts';
import { globalId } from '../ids/global-id.ts';
import { defineOperation } from '../operations/define-operation.ts';
import { accountByPatient } from '../patient-billing/account-of-patient.ts';
import { todayIn } from '../util/calendar-date.ts';
import { COLLECTOR_ROLES } from './collector-roles.ts';
import { recallPlacements } from './recall.ts';

/** Takes accounts back from their agencies (a recall file is written for each agency). */
export const recallAccounts = defineOperation({
  name: 'recallAccounts',
  roles: COLLECTOR_ROLES,
  run: (ctx, input: { accountPatientIds: string[]; reason: string }): Promise<CollectionPlacement[]> =>
    audited(ctx, 'recallAccounts', async (tx) => {
      const reason = input.reason.trim();
      if (!reason)
        throw new ValidationError([
          { path: ['input', 'reason'], code: 'REQUIRED', message: 'reason: say why the accounts come back' },
        ]);
      const recalled = [];
      for (const patientId of input.accountPatientIds) {
        const subject = await accountByPatient(tx, patientId, globalId('Patient', patientId));
        const today = todayIn(subject.practice.timeZone, ctx.clock.now());
        recalled.push(
          ...(await recallPlacements(
            ctx,
            tx,
            subject.patients.map((p) => p.id),
            reason,
            today,
          )),
        );
      }
      return { result: recalled, recordIds: recalled.map((p) => globalId('CollectionPlacement', p.id)) };
    }),
});
