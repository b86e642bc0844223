import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { arrange, createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Two processes on one SQLite file (a server and a CLI, or two servers during a deploy) must both be served: the
// file runs in WAL mode and transactions begin IMMEDIATE, so a writer waits on the busy timeout for the other.
// Before, one of them failed with "database is locked" or timed out. PostgreSQL has no such limit: SQLite only.
let t: TestApi;
let organizationId: string;
let practiceId: string;
const sqlite = !/^postgres/.test(process.env.DATABASE_URL ?? '');

beforeAll(async () => {
  t = await createTestApi();
  organizationId = (await t.createOrganization('Two processes')).id;
  practiceId = (await arrange(t.api, organizationId).practice()).id;
});
afterAll(() => t.close());

function registerIn(tag: string, count: number): Promise<{ ok: number; errors: string[] }> {
  const script = join(import.meta.dirname, 'processes', 'register-patients.ts');
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--conditions=@revcycle/source',
      script,
      t.database.target.url,
      organizationId,
      practiceId,
      tag,
      String(count),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], cwd: join(import.meta.dirname, '..') },
  );
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  return new Promise((resolve, reject) =>
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!)) : reject(new Error(`exit ${code}: ${out}`)),
    ),
  );
}

describe.runIf(sqlite)('two processes on one SQLite file', () => {
  it('both register all their patients, with unique account numbers, while the test process writes too', async () => {
    const [a, b] = await Promise.all([registerIn('a', 40), registerIn('b', 40), writeHere(20)]);
    expect(a).toEqual({ ok: 40, errors: [] });
    expect(b).toEqual({ ok: 40, errors: [] });
    const patients = await t.db.patient.findMany({ where: { organizationId }, select: { accountNumber: true } });
    expect(patients).toHaveLength(100);
    expect(new Set(patients.map((p) => p.accountNumber)).size).toBe(100);
  }, 120_000);
});

/** The test's own API writes at the same time: a third writer on the file. */
async function writeHere(count: number): Promise<void> {
  const a = arrange(t.api, organizationId);
  for (let n = 0; n < count; n++) await a.patient(practiceId, [], { firstName: 'Here', lastName: `Doe${n}` });
}
