import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createJwtVerifier } from '@revcycle/core';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../bin/revcycle.mjs', import.meta.url));
const secret = 'cli-test-secret-cli-test-secret-0123456789';

function revcycle(args: string[], env: Record<string, string> = {}) {
  return run(process.execPath, [bin, ...args], {
    env: { ...process.env, REVCYCLE_JWT_SECRET: secret, ...env },
    timeout: 60_000,
  });
}

function freshDatabase(): Record<string, string> {
  return { DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), 'revcycle-cli-')), 'cli.db')}` };
}

describe('revcycle org and token', () => {
  it('creates, lists, renames, deactivates and reactivates organizations; tokens only for active ones', async () => {
    const env = freshDatabase();
    const created = (await revcycle(['org', 'create', '--name', 'Acme Billing'], env)).stdout.trim().split('\t');
    const [id] = created;
    expect(created.slice(1, 3)).toEqual(['Acme Billing', 'active']);
    expect((await revcycle(['org', 'list'], env)).stdout.trim().split('\t').slice(0, 2)).toEqual([id, 'Acme Billing']);

    const { stdout } = await revcycle(
      [
        'token',
        '--org',
        id!,
        '--role',
        'biller,collector',
        '--practice',
        'p-1',
        '--practice',
        'p-2',
        '--sub',
        'u-9',
        '--expires',
        '2h',
      ],
      env,
    );
    const principal = await createJwtVerifier({ secret })(stdout.trim());
    expect(principal).toEqual({
      userId: 'u-9',
      organizationId: id,
      roles: ['biller', 'collector'],
      practiceIds: ['p-1', 'p-2'],
    });

    await expect(revcycle(['token', '--org', 'org-typo', '--role', 'admin'], env)).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('no organization org-typo'),
    });
    await revcycle(['org', 'rename', id!, '--name', 'Acme RCM'], env);
    await revcycle(['org', 'deactivate', id!], env);
    expect((await revcycle(['org', 'list'], env)).stdout.trim()).toBe('');
    expect(JSON.parse((await revcycle(['org', 'list', '--all', '--json'], env)).stdout)).toMatchObject([
      { id, name: 'Acme RCM', deactivatedAt: expect.any(String) },
    ]);
    await expect(revcycle(['token', '--org', id!, '--role', 'admin'], env)).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('is deactivated'),
    });
    await revcycle(['org', 'reactivate', id!], env);
    expect((await revcycle(['token', '--org', id!, '--role', 'admin'], env)).stdout).toMatch(/^ey/);
    await expect(revcycle(['org', 'rename', 'no-such-org', '--name', 'X'], env)).rejects.toMatchObject({
      code: 1,
      stderr: 'revcycle: Organization no-such-org was not found\n',
    });
    await expect(revcycle(['org', 'create', '--name', '   '], env)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('needs a name'),
    });
  }, 180_000);

  it('refuses to serve without a secret outside development mode, naming the variable', async () => {
    const env = { ...freshDatabase(), REVCYCLE_JWT_SECRET: '' };
    await expect(revcycle(['serve'], env)).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('REVCYCLE_JWT_SECRET: is not set, nor is REVCYCLE_JWKS_URL'),
    });
  });

  it('says why a migration failed, without a stack trace', async () => {
    const env = { DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/revcycle_nowhere' };
    const failure = revcycle(['migrate'], env);
    await expect(failure).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(
        /^revcycle: Could not migrate the postgresql database 127\.0\.0\.1:1\/revcycle_nowhere: Can't reach database server/,
      ),
    });
    await expect(failure).rejects.toMatchObject({ stderr: expect.not.stringContaining('wasm') });
  });

  it('refuses an unknown role with a usage error', async () => {
    await expect(revcycle(['token', '--org', 'o', '--role', 'janitor'])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown: janitor'),
    });
  });
});

describe('revcycle migrate and seed', () => {
  it('migrates an empty SQLite database, then seeds the demo organization idempotently', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'revcycle-cli-'));
    const env = { DATABASE_URL: `file:${join(dir, 'cli.db')}` };
    expect((await revcycle(['migrate'], env)).stdout).toMatch(/applied: \d+_init/);
    expect((await revcycle(['migrate'], env)).stdout).toContain('up to date');
    expect((await revcycle(['seed', '--demo'], env)).stdout).toMatch(/^created: demo organization \w+/);
    expect((await revcycle(['seed', '--demo'], env)).stdout).toMatch(/^already present/);
  }, 90_000); // four CLI processes, each starting TypeScript through tsx
});

describe('revcycle codes import', () => {
  it('imports a release from its publisher’s file once, and says so the second time', async () => {
    const env = freshDatabase();
    const icd = fileURLToPath(new URL('../../core/test/fixtures/code-sets/icd10cm_order_2026.txt', import.meta.url));
    const args = ['codes', 'import', '--system', 'ICD10CM', '--version', '2026', '--effective', '2025-10-01', icd];
    expect((await revcycle(args, env)).stdout.trim()).toBe('imported: ICD10CM 2026, 8 rows, in force from 2025-10-01');
    expect((await revcycle(args, env)).stdout.trim()).toBe('already imported: ICD10CM 2026 (8 rows)');
    await expect(revcycle(['codes', 'import', '--system', 'ICD9', icd], env)).rejects.toMatchObject({ code: 2 });
  });
});
