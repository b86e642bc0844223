import { randomUUID } from 'node:crypto';
import { createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseProviderOf } from '../src/db/prisma-client.ts';
import { openRowSink } from '../src/db/row-sink.ts';

// The sink code-set imports write through: one COPY on PostgreSQL (rows appear together when it ends, or never),
// multi-row INSERTs on SQLite. Text with the characters COPY's format escapes must arrive as it was sent.

let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

const release = (version: string) =>
  t.db.codeSetRelease.create({ data: { system: 'CUSTOM', version, effectiveDate: '2026-01-01', checksum: '' } });
const code = (releaseId: string, code: string, longDescription: string | null) => ({
  id: randomUUID(),
  releaseId,
  code,
  billable: code !== 'HDR',
  shortDescription: 'short',
  longDescription,
  effectiveDate: null,
  terminationDate: '2026-12-31',
});

describe('the row sink', () => {
  it('writes every row as sent: backslashes, tabs, line breaks, nulls and booleans', async () => {
    const { id } = await release('escapes');
    const sink = await openRowSink(t.db, 'MedicalCode');
    const odd = 'a\\b\tc\nd\re \\N';
    await sink.write([code(id, 'A1', odd), code(id, 'HDR', null)]);
    await sink.write([code(id, 'B2', '')]);
    await sink.end();
    const rows = await t.db.medicalCode.findMany({ where: { releaseId: id }, orderBy: { code: 'asc' } });
    expect(rows.map((r) => [r.code, r.billable, r.longDescription, r.effectiveDate, r.terminationDate])).toEqual([
      ['A1', true, odd, null, '2026-12-31'],
      ['B2', true, '', null, '2026-12-31'],
      ['HDR', false, null, null, '2026-12-31'],
    ]);
  });

  it('on PostgreSQL shows nothing before the end, and nothing at all when aborted', async () => {
    const { id } = await release('abort');
    const sink = await openRowSink(t.db, 'MedicalCode');
    await sink.write([code(id, 'A1', 'one')]);
    const visibleBeforeEnd = await t.db.medicalCode.count({ where: { releaseId: id } });
    expect(visibleBeforeEnd).toBe(databaseProviderOf(t.db) === 'postgresql' ? 0 : 1);
    await sink.abort();
    if (databaseProviderOf(t.db) === 'postgresql')
      expect(await t.db.medicalCode.count({ where: { releaseId: id } })).toBe(0);
  });
});
