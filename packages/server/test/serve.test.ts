import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readServerConfig } from '../src/env-config.ts';
import { startServer } from '../src/serve.ts';
import type { RunningServer } from '../src/serve.ts';

let running: RunningServer;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'revcycle-serve-'));
  // Development mode on a fresh SQLite file: the quick start's path.
  const config = {
    ...readServerConfig({ DATABASE_URL: `file:${join(dataDir, 'r.db')}` }, { development: true }),
    port: 0,
  };
  running = await startServer(config, pino({ level: 'silent' }));
});
afterAll(() => running.stop());

describe('revcycle serve', () => {
  it('migrates, seeds the demo organization into the empty database and answers /healthz', async () => {
    const address = running.server.address() as { port: number };
    const health = await fetch(`http://127.0.0.1:${address.port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', database: 'up' });
    expect(await running.api.db.organization.count()).toBe(1);
  });

  it('keeps the development secret in the data folder, so tokens survive a restart', () => {
    const first = readServerConfig({ DATABASE_URL: `file:${join(dataDir, 'r.db')}` }, { development: true });
    const second = readServerConfig({ DATABASE_URL: `file:${join(dataDir, 'r.db')}` }, { development: true });
    expect(first.developmentMode).toBe(true);
    expect(first.auth.secret).toHaveLength(64);
    expect(second.auth.secret).toBe(first.auth.secret);
  });

  it('is in development mode only when asked for: without --dev there is no generated secret and no demo seed', () => {
    const config = readServerConfig({ DATABASE_URL: `file:${join(dataDir, 'p.db')}` });
    expect(config.developmentMode).toBe(false);
    expect(config.auth.secret).toBeUndefined();
    expect(config.seedDemoWhenEmpty).toBe(false);
    expect(config.logFormat).toBe('json');
    expect(readServerConfig({ DATABASE_URL: `file:${join(dataDir, 'r.db')}` }, { development: true }).logFormat).toBe(
      'pretty',
    );
  });

  it('refuses to start without a secret or JWKS outside development mode, naming the variable', async () => {
    const config = { ...readServerConfig({ DATABASE_URL: `file:${join(dataDir, 'p.db')}` }), port: 0 };
    await expect(startServer(config, pino({ level: 'silent' }))).rejects.toThrow(
      /Invalid option REVCYCLE_JWT_SECRET: is not set, nor is REVCYCLE_JWKS_URL/,
    );
    // A secret or a JWKS is enough.
    const withSecret = readServerConfig({
      DATABASE_URL: `file:${join(dataDir, 'p.db')}`,
      REVCYCLE_JWT_SECRET: 's'.repeat(40),
    });
    expect(withSecret.auth.secret).toBe('s'.repeat(40));
  });

  it('refuses development mode when NODE_ENV is production', () => {
    expect(() => readServerConfig({ NODE_ENV: 'production' }, { development: true })).toThrow(
      /Invalid option NODE_ENV/,
    );
    expect(readServerConfig({ NODE_ENV: 'production', REVCYCLE_JWT_SECRET: 's'.repeat(40) }).developmentMode).toBe(
      false,
    );
  });

  it('names a bad environment variable', () => {
    expect(() => readServerConfig({ REVCYCLE_LOG_FORMAT: 'xml' })).toThrow(
      'Invalid option REVCYCLE_LOG_FORMAT: must be json or pretty, got "xml"',
    );
    expect(() => readServerConfig({ PORT: 'eighty' })).toThrow(
      'Invalid option PORT: must be a positive integer, got "eighty"',
    );
    expect(() => readServerConfig({ DATABASE_URL: 'mysql://x/y' })).toThrow(/DATABASE_URL/);
  });
});
