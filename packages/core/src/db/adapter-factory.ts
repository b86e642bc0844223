import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import type { DatabaseTarget } from './database-url.ts';

export interface AdapterFactoryHandle {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** Ends the connection pool the factory owns (PostgreSQL); SQLite connections close when disposed. */
  end(): Promise<void>;
}

/** The Prisma driver adapter for a database; SQLite's folder is created when missing. */
export function createAdapterFactory(target: DatabaseTarget, poolSize = 10): AdapterFactoryHandle {
  return target.provider === 'sqlite' ? sqliteFactory(target) : postgresFactory(target, poolSize);
}

/**
 * For a long-lived client: the adapter owns its pool and ends it when the client disconnects.
 * (A pool handed to PrismaPg is the caller's to end, which `$disconnect` would not do.)
 */
export function createClientAdapterFactory(
  target: DatabaseTarget,
  poolSize = 10,
): SqlMigrationAwareDriverAdapterFactory {
  if (target.provider === 'sqlite') return sqliteFactory(target).factory;
  return new PrismaPg({ connectionString: target.url, max: poolSize });
}

function sqliteFactory(target: DatabaseTarget): AdapterFactoryHandle {
  if (target.url !== ':memory:') mkdirSync(dirname(target.url), { recursive: true });
  // Timestamps as ISO text keep the SQLite file readable by other tools.
  const factory = new PrismaBetterSqlite3({ url: target.url, timeout: 10_000 }, { timestampFormat: 'iso8601' });
  return { factory, end: async () => {} };
}

function postgresFactory(target: DatabaseTarget, poolSize: number): AdapterFactoryHandle {
  // allowExitOnIdle: the schema engine releases its client to the pool late; a CLI must still exit promptly.
  const pool = new pg.Pool({ connectionString: target.url, max: poolSize, allowExitOnIdle: true });
  return { factory: new PrismaPg(pool), end: () => pool.end() };
}
