import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MigrationList } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { createAdapterFactory } from './adapter-factory.ts';
import type { DatabaseProvider, DatabaseTarget } from './database-url.ts';
import { openSchemaEngine } from './schema-engine.ts';

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
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
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

/**
 * Applies pending migrations, recording them in `_prisma_migrations` exactly as `prisma migrate deploy` does,
 * so the official CLI can take over where its engine is available. Returns the names applied.
 */
export async function applyMigrations(target: DatabaseTarget, root = MIGRATIONS_ROOT): Promise<string[]> {
  const baseDir = migrationsDir(target.provider, root);
  const datamodel = await latestSnapshot(baseDir);
  if (!datamodel) throw new Error(`No migrations found in ${baseDir}`);
  const adapter = createAdapterFactory(target, 1);
  const { engine, close } = await openSchemaEngine(datamodel, adapter.factory);
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: await readMigrationList(baseDir),
      filters: NO_FILTERS,
    });
    return appliedMigrationNames;
  } finally {
    await close();
    await adapter.end();
  }
}
