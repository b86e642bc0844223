import { existsSync, mkdirSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MigrationList } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { createAdapterFactory } from './adapter-factory.ts';
import type { DatabaseProvider, DatabaseTarget } from './database-url.ts';
import { openSchemaEngine } from './schema-engine.ts';
import { seedTenantIndexStats } from './tenant-index-stats.ts';

/**
 * The migrations that ship inside `@revcycle/core` (`<package>/migrations/<provider>`), found relative to this
 * module: `src/db/` in this repository and `dist/db/` in an installed package are both two levels below it.
 */
export const MIGRATIONS_ROOT = fileURLToPath(new URL('../../migrations', import.meta.url));

/** Next to each migration.sql: the full schema it was made from, the base of the next diff. */
export const SNAPSHOT_FILE = 'schema.prisma.snapshot';

export const NO_FILTERS = { externalTables: [], externalEnums: [] };

export function migrationsDir(provider: DatabaseProvider, root = MIGRATIONS_ROOT): string {
  return join(root, provider);
}

/** The migrations folder in the shape Prisma's engine expects, in name (timestamp) order. */
export async function readMigrationList(baseDir: string): Promise<MigrationList> {
  const entries = existsSync(baseDir) ? await readdir(baseDir, { withFileTypes: true }) : [];
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const lockPath = join(baseDir, 'migration_lock.toml');
  return {
    baseDir,
    lockfile: {
      path: 'migration_lock.toml',
      content: existsSync(lockPath) ? await readFile(lockPath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      names.map(async (name) => ({
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: { tag: 'ok' as const, value: await readFile(join(baseDir, name, 'migration.sql'), 'utf8') },
        },
      })),
    ),
  };
}

/** The schema snapshot of the newest migration, or undefined when there is none yet. */
export async function latestSnapshot(baseDir: string): Promise<string | undefined> {
  const list = await readMigrationList(baseDir);
  const last = list.migrationDirectories.at(-1);
  return last ? readFile(join(baseDir, last.path, SNAPSHOT_FILE), 'utf8') : undefined;
}

/** Migrating failed: the migrations are missing, or the database cannot be reached or changed. Says which. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

/**
 * Applies pending migrations, recording them in `_prisma_migrations` exactly as `prisma migrate deploy` does,
 * so the official CLI can take over where its engine is available. Returns the names applied.
 * `root` holds one folder per provider (`sqlite/`, `postgresql/`); the default is the one shipped in this package.
 * A SQLite file's folder is created when missing, as the file itself would be.
 */
export async function applyMigrations(target: DatabaseTarget, root = MIGRATIONS_ROOT): Promise<string[]> {
  const baseDir = migrationsDir(target.provider, root);
  const datamodel = await latestSnapshot(baseDir);
  if (!datamodel) throw new MigrationError(`No ${target.provider} migrations found in ${baseDir}`);
  if (target.provider === 'sqlite' && target.url !== ':memory:') mkdirSync(dirname(target.url), { recursive: true });
  const adapter = createAdapterFactory(target, 1);
  try {
    const { engine, close } = await openSchemaEngine(datamodel, adapter.factory);
    let applied: string[];
    try {
      const { appliedMigrationNames } = await engine.applyMigrations({
        migrationsList: await readMigrationList(baseDir),
        filters: NO_FILTERS,
      });
      applied = appliedMigrationNames;
    } finally {
      await close();
    }
    // After the engine is closed: it holds the file's lock while open.
    if (target.provider === 'sqlite') await seedStatsThrough(adapter.factory);
    return applied;
  } catch (error) {
    // The engine's errors are clear in their first lines and then carry a WebAssembly stack.
    const reason = (error instanceof Error ? error.message : String(error))
      .split('\n')
      .filter(Boolean)
      .slice(0, 2)
      .join(' ');
    throw new MigrationError(`Could not migrate the ${target.provider} database ${describeTarget(target)}: ${reason}`, {
      cause: error,
    });
  } finally {
    await adapter.end();
  }
}

/** SQLite: the planner's statistics for tenant indexes, kept in the file for every later connection. */
async function seedStatsThrough(factory: ReturnType<typeof createAdapterFactory>['factory']): Promise<void> {
  const connection = await factory.connect();
  try {
    await seedTenantIndexStats(async (sql) => {
      const result = await connection.queryRaw({ sql, args: [], argTypes: [] });
      return result.rows.map((row) => Object.fromEntries(result.columnNames.map((name, i) => [name, row[i]])));
    });
  } finally {
    await connection.dispose();
  }
}

/** The database's location without its credentials, for messages. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.provider === 'sqlite') return target.url;
  try {
    const url = new URL(target.url);
    return `${url.hostname}:${url.port || 5432}${url.pathname}`;
  } catch {
    return '(unreadable URL)';
  }
}
