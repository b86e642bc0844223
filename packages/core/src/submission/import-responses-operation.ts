import { recordAuditEvent } from '../audit/audited.ts';
import { defineOperation } from '../operations/define-operation.ts';
import { requireWholeOrganization } from '../operations/whole-organization.ts';
import { importResponse } from './import-responses.ts';
import type { ResponseImportResult } from './import-responses.ts';

/** Applies acknowledgement files (999, 277CA) pushed in by hand or by a host job; reports per file. */
export const importResponses = defineOperation({
  name: 'importResponses',
  roles: ['admin', 'biller'],
  run: async (ctx, input: { files: Array<{ name: string; content: string }> }): Promise<ResponseImportResult[]> => {
    requireWholeOrganization(ctx, 'importResponses');
    const results: ResponseImportResult[] = [];
    for (const file of input.files) {
      const { result, changes } = await importResponse(ctx, file);
      for (const change of changes) ctx.pubsub.publish('claimStatusChanged', ctx.principal.organizationId, change);
      results.push(result);
    }
    await recordAuditEvent(ctx, 'importResponses', results.every((r) => r.imported) ? 'SUCCEEDED' : 'PARTIAL', []);
    return results;
  },
});
