import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pino } from 'pino';
import type { Logger } from 'pino';
import { createJwtVerifier } from '../auth/jwt-authenticator.ts';
import type { Principal } from '../auth/principal.ts';
import { parseDatabaseUrl } from '../db/database-url.ts';
import { MIGRATIONS_ROOT } from '../db/migrations.ts';
import type { DatabaseTarget } from '../db/database-url.ts';
import type { Db } from '../db/prisma-client.ts';
import { ConfigError } from '../errors/config-error.ts';
import { DEFAULT_SCRUB_RULES } from '../claims/scrub/default-rules.ts';
import type { BillingContext } from '../graphql/context.ts';
import type { ApiLimits } from '../graphql/context.ts';
import { createPluginRegistry } from '../plugins/registry.ts';
import type { PluginRegistry } from '../plugins/registry.ts';
import type { Authenticate, BillingApiOptions } from './options.ts';
import { DEFAULT_LIMITS } from './options.ts';
import { DEFAULT_DATABASE_URL } from '../db/database-url.ts';
import { systemClock } from '../util/clock.ts';
import type { Clock } from '../util/clock.ts';

export interface NormalizedOptions {
  database: { target: DatabaseTarget } | { db: Db };
  authenticate: Authenticate;
  plugins: PluginRegistry;
  redisUrl: string | undefined;
  logger: Logger;
  limits: ApiLimits;
  introspection: boolean;
  graphiql: boolean;
  graphqlEndpoint: string;
  scrub: BillingContext['scrub'];
  clock: Clock;
  jobsSchema: string;
  migrationsDir: string;
  metricsPath: string | false;
}

/** Checks every option at boot; a bad one throws a ConfigError that names it. */
export function normalizeOptions(options: BillingApiOptions): NormalizedOptions {
  if (typeof options !== 'object' || options === null) throw new ConfigError('options', 'pass an options object');
  return {
    database: normalizeDatabase(options.database),
    authenticate: normalizeAuth(options.auth),
    plugins: createPluginRegistry(options),
    redisUrl: normalizeRedisUrl(options.pubsub?.redisUrl),
    logger: options.logger ?? pino({ level: process.env.LOG_LEVEL ?? 'info' }),
    limits: normalizeLimits(options.limits),
    introspection: options.introspection ?? true,
    graphiql: options.graphiql ?? true,
    graphqlEndpoint: options.graphqlEndpoint ?? '/graphql',
    scrub: normalizeScrub(options.scrub),
    clock: normalizeClock(options.clock),
    jobsSchema: normalizeJobsSchema(options.jobs?.schema),
    migrationsDir: normalizeMigrationsDir(options.migrationsDir),
    metricsPath: normalizeMetrics(options.metrics),
  };
}

function normalizeDatabase(database: BillingApiOptions['database']): NormalizedOptions['database'] {
  if (database === undefined) return { target: parseDatabaseUrl(DEFAULT_DATABASE_URL, 'database') };
  if (typeof database === 'string') return { target: parseDatabaseUrl(database, 'database') };
  if (typeof database === 'object' && database !== null && '$transaction' in database) return { db: database };
  throw new ConfigError('database', 'pass a database URL or a client from createDb()');
}

function normalizeAuth(auth: BillingApiOptions['auth']): Authenticate {
  if (typeof auth !== 'object' || auth === null)
    throw new ConfigError('auth', 'is required: a JWT secret, a JWKS, or authenticate');
  if ('authenticate' in auth) {
    if (typeof auth.authenticate !== 'function') throw new ConfigError('auth.authenticate', 'must be a function');
    return auth.authenticate;
  }
  const verify = createJwtVerifier(auth);
  return async ({ authorization }): Promise<Principal | null> => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    return match?.[1] ? verify(match[1]) : null;
  };
}

function normalizeMetrics(metrics: BillingApiOptions['metrics']): string | false {
  if (metrics === undefined || metrics === true) return '/metrics';
  if (metrics === false) return false;
  if (typeof metrics === 'object' && metrics !== null) {
    const path = metrics.path ?? '/metrics';
    if (typeof path !== 'string' || !path.startsWith('/'))
      throw new ConfigError('metrics.path', 'must be a path starting with /');
    return path;
  }
  throw new ConfigError('metrics', 'must be true, false or { path }');
}

function normalizeMigrationsDir(dir: string | undefined): string {
  if (dir === undefined) return MIGRATIONS_ROOT;
  if (typeof dir !== 'string' || dir === '') throw new ConfigError('migrationsDir', 'must be a folder path');
  if (!existsSync(dir)) throw new ConfigError('migrationsDir', `${dir} does not exist`);
  return resolve(dir);
}

function normalizeRedisUrl(url: string | undefined): string | undefined {
  if (url === undefined || url === '') return undefined;
  if (!/^rediss?:\/\//.test(url)) throw new ConfigError('pubsub.redisUrl', 'must start with redis:// or rediss://');
  return url;
}

function normalizeLimits(limits: Partial<ApiLimits> | undefined): ApiLimits {
  const merged = { ...DEFAULT_LIMITS, ...limits };
  for (const [name, value] of Object.entries(merged)) {
    if (!Number.isSafeInteger(value) || value < 1)
      throw new ConfigError(`limits.${name}`, 'must be a positive integer');
  }
  return merged;
}

function normalizeScrub(scrub: BillingApiOptions['scrub']): BillingContext['scrub'] {
  const rules = [...DEFAULT_SCRUB_RULES, ...(scrub?.rules ?? [])];
  const ids = new Set<string>();
  rules.forEach((rule, i) => {
    if (typeof rule?.id !== 'string' || typeof rule.check !== 'function')
      throw new ConfigError(
        `scrub.rules[${i - DEFAULT_SCRUB_RULES.length}]`,
        'a rule needs an id and a check function',
      );
    if (ids.has(rule.id))
      throw new ConfigError(`scrub.rules[${i - DEFAULT_SCRUB_RULES.length}]`, `rule id ${rule.id} is already taken`);
    ids.add(rule.id);
  });
  const disabled = scrub?.disabled ?? [];
  return {
    rules,
    disabledFor: async (organizationId) => (typeof disabled === 'function' ? disabled(organizationId) : disabled),
  };
}

function normalizeClock(clock: Clock | undefined): Clock {
  if (clock === undefined) return systemClock;
  if (typeof clock?.now !== 'function') throw new ConfigError('clock', 'must have a now() that returns a Date');
  return clock;
}

function normalizeJobsSchema(schema: string | undefined): string {
  if (schema === undefined) return 'revcycle_jobs';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new ConfigError('jobs.schema', 'must be a lower-case PostgreSQL identifier (letters, digits, underscores)');
  return schema;
}
