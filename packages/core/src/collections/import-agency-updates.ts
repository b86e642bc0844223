import { audited } from '../audit/audited.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';
import { globalId } from '../ids/global-id.ts';
import { Posting } from '../ledger/post-entries.ts';
import { defineOperation } from '../operations/define-operation.ts';
import { requireWholeOrganization } from '../operations/whole-organization.ts';
import { agencyOf } from './agency-of.ts';
import { applyAgencyUpdates, emptySummary } from './agency-updates.ts';
import type { AgencyUpdateSummary } from './agency-updates.ts';
import { COLLECTOR_ROLES } from './collector-roles.ts';

/** Applies an agency's update file (payments with commission, adjustments, disputes, returns) once, in one transaction. */
export const importAgencyUpdates = defineOperation({
  name: 'importAgencyUpdates',
  roles: COLLECTOR_ROLES,
  run: async (ctx, input: { agencyId: string; fileName: string; content: string }): Promise<AgencyUpdateSummary> => {
    requireWholeOrganization(ctx, 'importAgencyUpdates');
    const agency = await agencyOf(ctx.db, input.agencyId);
    try {
      return await audited(
        ctx,
        'importAgencyUpdates',
        async (tx) => {
          const posting = new Posting(tx, ctx.principal.organizationId, { type: 'USER', id: ctx.principal.userId });
          const { fileName, content } = input;
          const summary = await applyAgencyUpdates({ ...ctx, db: tx }, agency, fileName, content, posting, ctx.db);
          return {
            result: summary,
            recordIds: [globalId('CollectionAgency', agency.id)],
            balanceChanges: posting.balanceChanges(),
          };
        },
        { timeout: 60_000 },
      );
    } catch (error) {
      // A concurrent import of the same file committed first.
      if (isUniqueViolation(error)) return { ...emptySummary(), duplicate: true };
      throw error;
    }
  },
});
