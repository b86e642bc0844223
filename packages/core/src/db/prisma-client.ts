import { PrismaClient as PostgresClient } from '../generated/postgresql/client.ts';
import { PrismaClient as SqliteClient } from '../generated/sqlite/client.ts';
import { createClientAdapterFactory } from './adapter-factory.ts';
import { withSearchKeys } from './search-keys.ts';
import type { DatabaseTarget } from './database-url.ts';

/**
 * The application is typed against the PostgreSQL client. The SQLite client is generated from the same models
 * and has identical model types, so it is used through the same type (the one cast below).
 */
export type Db = PostgresClient;
export { Prisma } from '../generated/postgresql/client.ts';
export type * from '../generated/postgresql/browser.ts';
export * from '../generated/postgresql/enums.ts';

export interface CreateDbOptions {
  /** Called for each SQL statement sent; tests use it to count statements. */
  onQuery?: (sql: string) => void;
}

/** Opens a Prisma client for the database; no native engine is needed (driver adapters). */
export function createDb(target: DatabaseTarget, options: CreateDbOptions = {}): Db {
  const adapter = createClientAdapterFactory(target);
  const log = options.onQuery ? [{ emit: 'event' as const, level: 'query' as const }] : [];
  const client =
    target.provider === 'sqlite'
      ? (new SqliteClient({ adapter, log }) as unknown as Db)
      : new PostgresClient({ adapter, log });
  const keyed = withSearchKeys(client);
  targets.set(keyed, target);
  if (options.onQuery) {
    const onQuery = options.onQuery;
    (client as unknown as { $on(e: 'query', cb: (e: { query: string }) => void): void }).$on('query', (e) =>
      onQuery(e.query),
    );
  }
  return keyed;
}

const targets = new WeakMap<object, DatabaseTarget>();

/** The database a client from createDb() was opened on (for engines that need their own connection, e.g. pg-boss). */
export function targetOf(db: Db): DatabaseTarget | undefined {
  return targets.get(db);
}

/** Which database a client talks to (Prisma keeps it on the client; some filters differ between the two). */
export function databaseProviderOf(db: Db): DatabaseTarget['provider'] {
  const provider = (db as unknown as { _activeProvider?: string })._activeProvider;
  return provider === 'sqlite' ? 'sqlite' : 'postgresql';
}

/** An interactive transaction whose client has the same type as the outer one (Prisma's type drops $extends …). */
export function transaction<T>(
  db: Db,
  work: (tx: Db) => Promise<T>,
  options?: { maxWait?: number; timeout?: number },
): Promise<T> {
  return db.$transaction((tx) => work(tx as Db), options);
}
