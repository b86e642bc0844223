import { recordAuditEvent } from '../audit/audited.ts';
import type { CollectionPlacement, Document } from '../db/prisma-client.ts';
import { ValidationError } from '../errors/billing-errors.ts';
import { globalId } from '../ids/global-id.ts';
import { defineOperation } from '../operations/define-operation.ts';
import { accountByPatient } from '../patient-billing/account-of-patient.ts';
import { accountKeyOf } from '../patient-billing/guarantor-account.ts';
import { agencyOf } from './agency-of.ts';
import { COLLECTOR_ROLES } from './collector-roles.ts';
import { placeWithAgency } from './place-accounts.ts';

export interface PlaceAccountsInput {
  /** The accounts, each named by one of its patients. */
  accountPatientIds: string[];
  agencyId: string;
}

/**
 * Places eligible accounts with an agency: placements with the balance and itemization, a placement file from the
 * agency's exporter (no clinical codes), and the accounts leave in-house dunning. All or nothing.
 */
export const placeAccounts = defineOperation({
  name: 'placeAccounts',
  roles: COLLECTOR_ROLES,
  run: async (ctx, input: PlaceAccountsInput): Promise<{ placements: CollectionPlacement[]; files: Document[] }> => {
    const ids = input.accountPatientIds;
    if (ids.length === 0 || ids.length > 500) {
      throw new ValidationError([
        { path: ['input', 'accountIds'], code: 'OUT_OF_RANGE', message: 'accountIds: 1 to 500 accounts' },
      ]);
    }
    const agency = await agencyOf(ctx.db, input.agencyId);
    const states = await Promise.all(
      ids.map(async (patientId, i) => {
        const { account } = await accountByPatient(ctx.db, patientId, globalId('Patient', patientId));
        const state = await ctx.db.dunningState.findFirst({ where: { accountKey: accountKeyOf(account) } });
        if (!state) {
          throw new ValidationError([
            {
              path: ['input', 'accountIds', i],
              code: 'NOT_ELIGIBLE',
              message: `accountIds.${i}: the account has never been in dunning`,
            },
          ]);
        }
        return state;
      }),
    );
    const { placements, files } = await placeWithAgency(ctx, states, agency);
    const recordIds = placements.map((p) => globalId('CollectionPlacement', p.id));
    await recordAuditEvent(ctx, 'placeAccounts', 'SUCCEEDED', recordIds, placements[0]?.practiceId ?? null);
    return { placements, files };
  },
});
