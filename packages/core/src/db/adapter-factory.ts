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
  if (target.provider === 'sqlite') return sharedFileFactory(sqliteFactory(target).factory, target.url);
  return new PrismaPg({ connectionString: target.url, max: poolSize });
}

/**
 * SQLite set up for more than one process on a file (a server and a CLI, two servers during a deploy), and for
 * speed: the file in WAL mode (readers never wait for the writer; persistent in the file); every transaction
 * begins IMMEDIATE, so that it waits on the busy timeout for the other process's write to end instead of failing
 * at its first write with SQLITE_BUSY on a stale snapshot (what a deferred BEGIN does in WAL mode); and prepared
 * statements are kept and reused (`reusingStatements`). The limit: one writer at a time across processes; a write
 * longer than the busy timeout (10 s) makes the other fail. The Prisma adapter prepares every statement anew and
 * issues a plain BEGIN: its connection's `prepare` is wrapped.
 */
function sharedFileFactory(
  inner: SqlMigrationAwareDriverAdapterFactory,
  url: string,
): SqlMigrationAwareDriverAdapterFactory {
  const tune = (adapter: object) => {
    const client = (adapter as { client?: SqliteConnection }).client;
    if (!client) return adapter;
    if (url !== ':memory:') client.pragma('journal_mode = WAL');
    const prepare = reusingStatements(client.prepare.bind(client));
    client.prepare = (sql: string) => prepare(sql === 'BEGIN' ? 'BEGIN IMMEDIATE' : sql);
    return adapter;
  };
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => tune(await inner.connect()) as Awaited<ReturnType<typeof inner.connect>>,
    connectToShadowDb: () => inner.connectToShadowDb(),
  };
}

interface SqliteStatement {
  reader: boolean;
  columns(): unknown[];
  run(...args: unknown[]): unknown;
  raw(on?: boolean): { all(...args: unknown[]): unknown[] };
  bind(args: unknown[]): unknown;
}
interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
  pragma(sql: string): unknown;
}

/**
 * `prepare` with the last 200 statements kept: the adapter binds the arguments to a fresh statement each time
 * (better-sqlite3 cannot bind a statement twice), so a kept statement is handed out behind a `bind` that passes
 * the arguments at run time instead. Preparing was 7 % of the server's time under a payment load.
 */
function reusingStatements(prepare: (sql: string) => SqliteStatement): (sql: string) => SqliteStatement {
  const kept = new Map<string, SqliteStatement>();
  return (sql) => {
    let statement = kept.get(sql);
    if (statement) kept.delete(sql);
    else statement = prepare(sql);
    kept.set(sql, statement);
    if (kept.size > 200) kept.delete(kept.keys().next().value!);
    const s = statement;
    const bound = (args: unknown[]) => ({
      reader: s.reader,
      columns: () => s.columns(),
      run: () => s.run(...args),
      raw: () => ({ all: () => s.raw(true).all(...args) }),
    });
    return { ...bound([]), bind: bound } as unknown as SqliteStatement;
  };
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
