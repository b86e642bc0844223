import { randomBytes } from 'node:crypto';
import { copyFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { inject } from 'vitest';
import type { DatabaseTarget } from '@revcycle/core';
import { adminQuery, databaseUrlWithName } from './postgres-admin.ts';
import './global-setup.ts';

export interface TestDatabase {
  target: DatabaseTarget;
  /** The DATABASE_URL form of the target. */
  databaseUrl: string;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: a copy of the run's template (SQLite file copy, or
 * PostgreSQL `CREATE DATABASE … TEMPLATE`), so each file starts empty and files never see each other's rows.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = inject('revcycleTemplate');
  const suffix = randomBytes(6).toString('hex');
  if (template.provider === 'sqlite') {
    const url = join(dirname(template.url), `test-${suffix}.db`);
    copyFileSync(template.url, url);
    return {
      target: { provider: 'sqlite', url },
      databaseUrl: `file:${url}`,
      drop: async () => rmSync(url, { force: true }),
    };
  }
  const templateName = new URL(template.url).pathname.slice(1);
  const name = `revcycle_test_${suffix}`;
  // Admin statements go through the maintenance database: nobody may be connected to a template being copied.
  const admin = databaseUrlWithName(template.url, 'postgres');
  await withRetry(() => adminQuery(admin, `CREATE DATABASE "${name}" TEMPLATE "${templateName}"`));
  const url = databaseUrlWithName(template.url, name);
  return {
    target: { provider: 'postgresql', url },
    databaseUrl: url,
    drop: () => adminQuery(admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/** Two files copying the template at the same instant collide ("being accessed by other users"): try again. */
async function withRetry(run: () => Promise<void>, attempts = 20): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      return await run();
    } catch (error) {
      if (i >= attempts || !String(error).includes('being accessed by other users')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * i));
    }
  }
}
