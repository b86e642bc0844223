import { CodeSystem } from '../../db/prisma-client.ts';
import type { CodeSetRelease, MedicalCode } from '../../db/prisma-client.ts';
import { builder } from '../builder.ts';

export const CodeSystemEnum = builder.enumType(CodeSystem, {
  name: 'CodeSystem',
  description: 'A code set revcycle reads from its publisher’s files.',
});

export const CodeSetReleaseType = builder.objectRef<CodeSetRelease>('CodeSetRelease').implement({
  description: 'One release of a code set as imported; claims are judged by the release in force on their date.',
  fields: (t) => ({
    system: t.field({ type: CodeSystemEnum, description: 'Which code set.', resolve: (r) => r.system }),
    version: t.exposeString('version', { description: 'The publisher’s name for it, e.g. 2026 or 2026Q1.' }),
    effectiveDate: t.field({
      type: 'Date',
      description: 'The first date of service it governs.',
      resolve: (r) => r.effectiveDate,
    }),
    rowCount: t.exposeInt('rowCount', { description: 'Codes, edits or limits it holds.' }),
    checksum: t.exposeString('checksum', { description: 'sha-256 of the file’s lines.' }),
  }),
});

export const MedicalCodeType = builder.objectRef<MedicalCode & { version: string }>('MedicalCode').implement({
  description: 'A code of a loaded code set.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'As claims carry it (E119).' }),
    billable: t.exposeBoolean('billable', { description: 'False for an ICD-10-CM header: code below it.' }),
    shortDescription: t.exposeString('shortDescription', {
      nullable: true,
      description: 'As the publisher abbreviates it (ICD-10-CM’s 60-character form).',
    }),
    longDescription: t.exposeString('longDescription', { nullable: true, description: 'In full, where given.' }),
    release: t.exposeString('version', { description: 'The release it was found in.' }),
  }),
});
