import { createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPatientWithCoverage, insertPayer, insertPractice } from './fixtures.ts';

const statements: string[] = [];
let t: TestApi;
let token: string;

beforeAll(async () => {
  t = await createTestApi({ onQuery: (sql) => statements.push(sql) });
  const org = await t.createOrganization();
  const practice = await insertPractice(t, org.id);
  const payers = [await insertPayer(t, org.id, 'Primary Co'), await insertPayer(t, org.id, 'Secondary Co')];
  for (let i = 0; i < 50; i++)
    await insertPatientWithCoverage(
      t,
      org.id,
      practice.id,
      payers.map((p) => p.id),
      i,
    );
  token = await t.token(org.id, ['biller']);
});
afterAll(() => t.close());

const query = `query($first: Int!) {
  patients(first: $first) {
    nodes { lastName practice { name } coverages { memberId priority payer { name payerIdentifier } } }
  }
}`;

async function countStatements(first: number): Promise<{ count: number; rows: number }> {
  statements.length = 0;
  const res = await t.execute<{ patients: { nodes: Array<{ coverages: unknown[] }> } }>(query, {
    token,
    variables: { first },
  });
  expect(res.errors).toBeUndefined();
  const rows = res.data!.patients.nodes.length;
  expect(res.data!.patients.nodes.every((n) => n.coverages.length === 2)).toBe(true);
  return { count: statements.length, rows };
}

describe('nested list queries', () => {
  it('send the same number of SQL statements for 5 patients as for 50 (no N+1)', async () => {
    const small = await countStatements(5);
    const large = await countStatements(50);
    expect(small.rows).toBe(5);
    expect(large.rows).toBe(50);
    expect(large.count).toBe(small.count);
    expect(large.count).toBeLessThanOrEqual(6);
  });
});
