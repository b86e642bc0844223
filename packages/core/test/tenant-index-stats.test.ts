import { createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseProviderOf } from '../src/db/prisma-client.ts';
import { Prisma } from '../src/db/prisma-client.ts';
import type { SqlScope } from '../src/db/scoped-sql.ts';
import { seedTenantIndexStats } from '../src/db/tenant-index-stats.ts';
import { payingAccountSql } from '../src/ledger/paying-account.ts';

let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

const scopeOf = (practices: boolean): SqlScope => ({
  organization: (column) => Prisma.sql`${Prisma.raw(column)} = ${'o'}`,
  practices: (column) => (practices ? Prisma.sql`AND ${Prisma.raw(column)} IN (${'x'})` : Prisma.empty),
});
const accountPlanOf = async (practices: boolean) =>
  (
    await t.db.$queryRaw<Array<{ detail: string }>>(
      Prisma.sql`EXPLAIN QUERY PLAN ${payingAccountSql(scopeOf(practices), 'p')}`,
    )
  )
    .map((s) => s.detail)
    .join('; ');

describe('SQLite plans tenant queries by their selective index', () => {
  it('has statistics for every index that begins with organizationId, saying it selects nothing', async () => {
    if (databaseProviderOf(t.db) !== 'sqlite') return; // PostgreSQL gathers its own (autovacuum's ANALYZE).
    const indexes = await t.db.$queryRawUnsafe<Array<{ name: string }>>(
      `SELECT name FROM sqlite_master WHERE type = 'index'
         AND (SELECT name FROM pragma_index_info(sqlite_master.name) WHERE seqno = 0) = 'organizationId'`,
    );
    const stats = new Map(
      (await t.db.$queryRawUnsafe<Array<{ idx: string; stat: string }>>('SELECT idx, stat FROM sqlite_stat1')).map(
        (r) => [r.idx, r.stat],
      ),
    );
    expect(indexes.length).toBeGreaterThan(30);
    for (const { name } of indexes) {
      const [rows, organization] = (stats.get(name) ?? '').split(' ');
      expect({ name, organization }).toEqual({ name, organization: rows });
    }
    // (organizationId, accountNumber) is unique: the whole key finds one row.
    expect(stats.get('Patient_organizationId_accountNumber_key')).toBe('1000000 1000000 1');
  });

  it('looks a payment’s account up by guarantor and patient, never by reading the whole organization', async () => {
    if (databaseProviderOf(t.db) !== 'sqlite') return;
    for (const practices of [false, true]) {
      const plan = await accountPlanOf(practices);
      // Every table is searched by an index on the patient, its guarantor or a primary key; only the open shares,
      // already summed per claim, are scanned.
      expect(plan.match(/SCAN \w+/g)).toEqual(['SCAN s']);
      for (const index of [
        'LedgerEntry_patientId_account_claimId_idx (patientId=?',
        'PaymentPlan_guarantorId_idx (guarantorId=?)',
        'PaymentPlan_patientId_idx (patientId=?)',
        'Patient_guarantorId_idx (guarantorId=?)',
        'CollectionPlacement_patientId_idx (patientId=?)',
      ])
        expect({ practices, plan }).toEqual({ practices, plan: expect.stringContaining(`USING INDEX ${index}`) });
      expect(plan).not.toContain('organizationId=?');
    }
  });

  it('leaves measured statistics alone and seeds only what is missing', async () => {
    if (databaseProviderOf(t.db) !== 'sqlite') return;
    await t.db.$executeRawUnsafe(
      `UPDATE sqlite_stat1 SET stat = '500 50 1' WHERE idx = 'Patient_organizationId_accountNumber_key'`,
    );
    await t.db.$executeRawUnsafe(`DELETE FROM sqlite_stat1 WHERE idx = 'Claim_organizationId_status_idx'`);
    const seeded = await seedTenantIndexStats((sql) => t.db.$queryRawUnsafe(sql));
    const stat = async (idx: string) =>
      (await t.db.$queryRawUnsafe<Array<{ stat: string }>>(`SELECT stat FROM sqlite_stat1 WHERE idx = '${idx}'`))[0]
        ?.stat;
    expect(seeded).toBe(1);
    expect(await stat('Patient_organizationId_accountNumber_key')).toBe('500 50 1');
    expect(await stat('Claim_organizationId_status_idx')).toMatch(/^1000000 1000000 10/);
    // Again (the next start, or a second process on the file): nothing to write, one row per index.
    expect(await seedTenantIndexStats((sql) => t.db.$queryRawUnsafe(sql))).toBe(0);
    const twice = await t.db.$queryRawUnsafe<unknown[]>(
      'SELECT idx FROM sqlite_stat1 GROUP BY idx HAVING count(*) > 1',
    );
    expect(twice).toEqual([]);
  });
});
