import { isAbsolute, resolve } from 'node:path';
import { ConfigError } from '../errors/config-error.ts';

export type DatabaseProvider = 'sqlite' | 'postgresql';

export interface DatabaseTarget {
  provider: DatabaseProvider;
  /** For SQLite an absolute file path (or `:memory:`); for PostgreSQL the connection string as given. */
  url: string;
}

/** The embedded default: a SQLite file under ./data, relative to the working directory. */
export const DEFAULT_DATABASE_URL = 'file:./data/revcycle.db';

/**
 * Reads a `DATABASE_URL`: `file:…` selects SQLite, `postgres://…` or `postgresql://…` selects PostgreSQL.
 * @example parseDatabaseUrl('file:./data/revcycle.db') // { provider: 'sqlite', url: '/abs/data/revcycle.db' }
 */
export function parseDatabaseUrl(databaseUrl: string, option = 'DATABASE_URL'): DatabaseTarget {
  if (databaseUrl.startsWith('file:')) {
    const path = databaseUrl.slice('file:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === '') throw new ConfigError(option, 'a file: URL needs a path, e.g. file:./data/revcycle.db');
    const url = path === ':memory:' || isAbsolute(path) ? path : resolve(process.cwd(), path);
    return { provider: 'sqlite', url };
  }
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return { provider: 'postgresql', url: databaseUrl };
  throw new ConfigError(option, 'must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL)');
}
