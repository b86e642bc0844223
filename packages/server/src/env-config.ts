import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { ConfigError, DEFAULT_DATABASE_URL, parseDatabaseUrl } from '@revcycle/core';
import type { BillingApiOptions, DatabaseTarget, JwtAuthOptions } from '@revcycle/core';

/** Every environment variable the server reads; the README lists the same. */
export interface ServerConfig {
  databaseUrl: string;
  database: DatabaseTarget;
  port: number;
  /** Where the development secret (and the SQLite file, by default) live. */
  dataDir: string;
  auth: JwtAuthOptions;
  /**
   * Development mode, only when asked for (`revcycle serve --dev`, `npm start`): without a secret or JWKS a random
   * secret is generated and kept in the data folder, an empty database gets the demo organization, and an admin
   * token is printed. Outside it, `serve` refuses to start without `REVCYCLE_JWT_SECRET` or `REVCYCLE_JWKS_URL`.
   */
  developmentMode: boolean;
  /** Logs as JSON lines (production) or as readable lines (development). */
  logFormat: 'json' | 'pretty';
  redisUrl: string | undefined;
  introspection: boolean;
  limits: NonNullable<BillingApiOptions['limits']>;
  /** Seconds between polls of the payer connectors for 999/277CA/835 files; 0 turns polling off. */
  pollIntervalSeconds: number;
  /** Seconds between scheduler rounds (each practice's daily billing cycle: statements, dunning, plans); 0 turns it off. */
  jobIntervalSeconds: number;
  /** Seed the demo organization into an empty database on `serve` (default: only in development mode). */
  seedDemoWhenEmpty: boolean;
}

export const DEV_SECRET_FILE = 'dev-jwt-secret';

export interface ReadOptions {
  /** Asked for development mode (`--dev`). */
  development?: boolean;
}

export function readServerConfig(env: NodeJS.ProcessEnv = process.env, options: ReadOptions = {}): ServerConfig {
  const databaseUrl = env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const database = parseDatabaseUrl(databaseUrl);
  const dataDir = resolve(
    env.REVCYCLE_DATA_DIR ||
      (database.provider === 'sqlite' && database.url !== ':memory:' ? dirname(database.url) : 'data'),
  );
  const port = integer(env, 'PORT', 4000);
  const developmentMode = options.development === true;
  if (developmentMode && env.NODE_ENV === 'production') {
    throw new ConfigError(
      'NODE_ENV',
      'is production: development mode (--dev) generates a secret, seeds demo data and prints an admin token, so it is refused there',
    );
  }
  const configuredAuth = Boolean(env.REVCYCLE_JWT_SECRET || env.REVCYCLE_JWKS_URL);
  const auth: JwtAuthOptions = {
    ...(env.REVCYCLE_JWT_SECRET ? { secret: env.REVCYCLE_JWT_SECRET } : {}),
    ...(env.REVCYCLE_JWKS_URL ? { jwksUrl: env.REVCYCLE_JWKS_URL } : {}),
    ...(developmentMode && !configuredAuth ? { secret: developmentSecret(dataDir) } : {}),
    ...(env.REVCYCLE_JWT_ISSUER ? { issuer: env.REVCYCLE_JWT_ISSUER } : {}),
    ...(env.REVCYCLE_JWT_AUDIENCE ? { audience: env.REVCYCLE_JWT_AUDIENCE } : {}),
  };
  return {
    databaseUrl,
    database,
    port,
    dataDir,
    auth,
    developmentMode,
    logFormat: logFormat(env, developmentMode),
    redisUrl: env.REDIS_URL || undefined,
    introspection: boolean(env, 'REVCYCLE_INTROSPECTION', true),
    limits: {
      maxDepth: integer(env, 'REVCYCLE_MAX_DEPTH', 12),
      maxCost: integer(env, 'REVCYCLE_MAX_COST', 5000),
      maxPageSize: integer(env, 'REVCYCLE_MAX_PAGE_SIZE', 100),
    },
    seedDemoWhenEmpty: boolean(env, 'REVCYCLE_SEED_DEMO', developmentMode),
    pollIntervalSeconds:
      env.REVCYCLE_POLL_INTERVAL_SECONDS === '0' ? 0 : integer(env, 'REVCYCLE_POLL_INTERVAL_SECONDS', 60),
    jobIntervalSeconds:
      env.REVCYCLE_JOB_INTERVAL_SECONDS === '0' ? 0 : integer(env, 'REVCYCLE_JOB_INTERVAL_SECONDS', 300),
  };
}

/** Throws a ConfigError naming the variable when `serve` would have no way to verify tokens. */
export function requireAuth(config: ServerConfig): void {
  if (config.auth.secret || config.auth.jwksUrl) return;
  throw new ConfigError(
    'REVCYCLE_JWT_SECRET',
    'is not set, nor is REVCYCLE_JWKS_URL: set one of them to verify tokens (or run `revcycle serve --dev` on a development machine)',
  );
}

function logFormat(env: NodeJS.ProcessEnv, developmentMode: boolean): 'json' | 'pretty' {
  const raw = env.REVCYCLE_LOG_FORMAT;
  if (raw === undefined || raw === '') return developmentMode ? 'pretty' : 'json';
  if (raw === 'json' || raw === 'pretty') return raw;
  throw new ConfigError('REVCYCLE_LOG_FORMAT', `must be json or pretty, got ${JSON.stringify(raw)}`);
}

/** The secret of development mode: generated once, then kept (mode 0600) so tokens survive restarts. */
function developmentSecret(dataDir: string): string {
  const file = join(dataDir, DEV_SECRET_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1)
    throw new ConfigError(name, `must be a positive integer, got ${JSON.stringify(raw)}`);
  return value;
}

function boolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes)$/i.test(raw)) return true;
  if (/^(0|false|no)$/i.test(raw)) return false;
  throw new ConfigError(name, `must be true or false, got ${JSON.stringify(raw)}`);
}
