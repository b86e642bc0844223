import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors/config-error.ts';
import { parseDatabaseUrl } from './database-url.ts';

describe('parseDatabaseUrl', () => {
  it('reads file: as SQLite, relative to the working directory', () => {
    expect(parseDatabaseUrl('file:./data/revcycle.db')).toEqual({
      provider: 'sqlite',
      url: resolve('data/revcycle.db'),
    });
    expect(parseDatabaseUrl('file:/tmp/x.db')).toEqual({ provider: 'sqlite', url: '/tmp/x.db' });
  });
  it('reads postgres:// and postgresql:// as PostgreSQL', () => {
    expect(parseDatabaseUrl('postgres://u@h/db').provider).toBe('postgresql');
    expect(parseDatabaseUrl('postgresql://u@h/db').provider).toBe('postgresql');
  });
  it('names DATABASE_URL when the scheme is unknown', () => {
    expect(() => parseDatabaseUrl('mysql://h/db')).toThrow(ConfigError);
    expect(() => parseDatabaseUrl('mysql://h/db')).toThrow(/DATABASE_URL/);
  });
});
