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
  return run(process.execPath, [bin, ...args], { env: { ...process.env, REVCYCLE_JWT_SECRET: secret, ...env }, timeout: 60_000 });
}

describe('revcycle token', () => {
  it('prints a JWT with the organization, roles, practices and subject', async () => {
    const { stdout } = await revcycle(['token', '--org', 'org-1', '--role', 'biller,collector', '--practice', 'p-1', '--practice', 'p-2', '--sub', 'u-9', '--expires', '2h']);
    const principal = await createJwtVerifier({ secret })(stdout.trim());
    expect(principal).toEqual({ userId: 'u-9', organizationId: 'org-1', roles: ['biller', 'collector'], practiceIds: ['p-1', 'p-2'] });
  });

  it('refuses an unknown role with a usage error', async () => {
    await expect(revcycle(['token', '--org', 'o', '--role', 'janitor'])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('unknown: janitor') });
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
