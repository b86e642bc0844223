import { Readable } from 'node:stream';
import type { CodeSetRelease, CodeSystem } from '../db/prisma-client.ts';
import { defineOperation } from '../operations/define-operation.ts';
import type { MedicalCode } from '../db/prisma-client.ts';
import { ROLES } from '../auth/principal.ts';
import { todayIn } from '../util/calendar-date.ts';
import type { DomainContext } from '../context/domain-context.ts';

export interface ImportCodeSetOperationInput {
  system: CodeSystem;
  version: string;
  effectiveDate: string;
  /** The release file's text, as its publisher issued it. Large files go through the CLI or `api.codeSets`. */
  content: string;
  /** A key of the caller's: codeSetImportProgress(progressKey) subscribers hear after every 1 000 rows. */
  progressKey?: string | null;
}

/**
 * Imports a code-set release from its file (GraphQL and the local API). Code sets are the installation's, shared by
 * every organization: a release is written once and never changed, so what one admin imports is what the
 * publisher issued, and importing it again is a no-op.
 */
export const importCodeSetOperation = defineOperation({
  name: 'importCodeSet',
  roles: ['admin'],
  run: (ctx, input: ImportCodeSetOperationInput): Promise<{ release: CodeSetRelease; alreadyImported: boolean }> =>
    ctx.codeSets.import({
      system: input.system,
      version: input.version,
      effectiveDate: input.effectiveDate,
      open: () => Readable.from([input.content]),
      importedBy: `${ctx.principal.organizationId}/${ctx.principal.userId}`,
      onProgress: input.progressKey ? progressPublisher(ctx, input.progressKey) : undefined,
    }),
});

function progressPublisher(ctx: DomainContext, progressKey: string) {
  return (rows: number) =>
    ctx.pubsub.publish('codeSetImportProgress', ctx.principal.organizationId, {
      progressKey,
      rows,
      at: ctx.clock.now().toISOString(),
    });
}

export interface SearchCodesInput {
  system: CodeSystem;
  search: string;
  dateOfService?: string | null;
  first?: number | null;
}

/** Looks codes up in the release in force on a day (today in UTC by default). Every role may search. */
export const searchCodesOperation = defineOperation({
  name: 'codes',
  roles: ROLES,
  run: (ctx, input: SearchCodesInput): Promise<{ version: string | null; codes: MedicalCode[] }> =>
    ctx.codeSets.search({
      system: input.system,
      search: input.search,
      onDate: input.dateOfService ?? todayIn('UTC', ctx.clock.now()),
      first: input.first ?? 20,
    }),
});
