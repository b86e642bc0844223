import { importCodeSetOperation } from '../../code-sets/code-set-operations.ts';
import type { CodeSetRelease } from '../../db/prisma-client.ts';
import { builder } from '../builder.ts';
import { COMMON_ERRORS } from '../errors.ts';
import { scopesOf } from '../operation-scopes.ts';
import { CodeSetReleaseType, CodeSystemEnum } from './code-set-types.ts';

const ImportCodeSetPayload = builder
  .objectRef<{ release: CodeSetRelease; alreadyImported: boolean }>('ImportCodeSetSuccess')
  .implement({
    description: 'The release, as imported now or before.',
    fields: (t) => ({
      release: t.field({
        type: CodeSetReleaseType,
        description: 'The release in the database.',
        resolve: (r) => r.release,
      }),
      alreadyImported: t.exposeBoolean('alreadyImported', {
        description: 'This very file was imported before: nothing was written.',
      }),
    }),
  });

const ImportCodeSetInput = builder.inputType('ImportCodeSetInput', {
  fields: (t) => ({
    system: t.field({ type: CodeSystemEnum, required: true, description: 'Which code set the file is.' }),
    version: t.string({ required: true, description: 'The publisher’s release name, e.g. 2026 or 2026Q1.' }),
    effectiveDate: t.field({
      type: 'Date',
      required: true,
      description: 'The first date of service it governs (ICD-10-CM FY2026: 2025-10-01).',
    }),
    content: t.string({
      required: true,
      description:
        'The file as published: ICD-10-CM order file, CMS HCPCS alpha-numeric file (fixed width), NCCI PTP tab-delimited text, MUE CSV, add-on code edits CSV, MCE code,edit CSV, or code,description,effective,termination CSV (CPT, CUSTOM, and HCPCS too). Files of millions of rows go through `revcycle codes import`.',
    }),
    progressKey: t.string({
      description: 'A key of yours: codeSetImportProgress(progressKey) subscribers hear after every 1 000 rows.',
    }),
  }),
});

builder.mutationField('importCodeSet', (t) =>
  t.field({
    type: ImportCodeSetPayload,
    description:
      'Imports a code-set release from its publisher’s file, for every organization of the installation; the same file again changes nothing. Admins.',
    authScopes: scopesOf(importCodeSetOperation),
    args: { input: t.arg({ type: ImportCodeSetInput, required: true }) },
    errors: { types: COMMON_ERRORS, union: { name: 'ImportCodeSetPayload' } },
    resolve: (_root, { input }, ctx) => importCodeSetOperation.run(ctx, input),
  }),
);
