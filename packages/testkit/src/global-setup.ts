// Vitest global setup: migrates one template database per run, which every test file copies (fast and isolated).
// DATABASE_URL picks the engine: unset or file:… runs on SQLite, postgres://… on that PostgreSQL server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMigrations } from '@revcycle/core';
import type { TestProject } from 'vitest/node';
import { adminQuery, databaseUrlWithName, testServerUrl } from './postgres-admin.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    revcycleTemplate: { provider: 'sqlite' | 'postgresql'; url: string };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = testServerUrl();
  if (server) {
    const name = `revcycle_tpl_${process.pid}_${Date.now()}`;
    const admin = databaseUrlWithName(server, 'postgres');
    await adminQuery(admin, `CREATE DATABASE "${name}"`);
    const url = databaseUrlWithName(server, name);
    await applyMigrations({ provider: 'postgresql', url });
    project.provide('revcycleTemplate', { provider: 'postgresql', url });
    return async () => {
      await adminQuery(admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'revcycle-test-'));
  const url = join(dir, 'template.db');
  await applyMigrations({ provider: 'sqlite', url });
  project.provide('revcycleTemplate', { provider: 'sqlite', url });
  return async () => rmSync(dir, { recursive: true, force: true });
}
