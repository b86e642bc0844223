// Shared by the benchmarks: a scratch database (SQLite file, or a PostgreSQL database created and dropped), fast
// multi-row seeding with plain INSERTs, and a timing table printed beside a baseline.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Db } from '../src/index.ts';
import type { DatabaseTarget } from '../src/index.ts';

export async function scratchDatabase(): Promise<{ target: DatabaseTarget; drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url && /^postgres/.test(url)) {
    const name = `revcycle_bench_${Date.now()}`;
    const admin = new URL(url);
    admin.pathname = '/postgres';
    const run = async (sql: string) => {
      const c = new pg.Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(sql);
      await c.end();
    };
    await run(`CREATE DATABASE "${name}"`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    return {
      target: { provider: 'postgresql', url: target.toString() },
      drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'revcycle-bench-'));
  return {
    target: { provider: 'sqlite', url: join(dir, 'bench.db') },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** PostgreSQL enum columns need a cast on a parameter; SQLite stores them as text. */
const ENUM_COLUMNS: Record<string, string> = {
  sex: 'Sex',
  preferredChannel: 'ContactChannel',
  priority: 'CoveragePriority',
  subscriberRelationship: 'SubscriberRelationship',
  account: 'LedgerAccount',
  kind: 'LedgerEntryKind',
  actorType: 'ActorType',
};

/** One multi-row INSERT: seeding is not what is measured, and Prisma's createMany is slow at this size. */
export async function insertRows(
  db: Db,
  provider: DatabaseTarget['provider'],
  table: string,
  rows: Array<Record<string, unknown>>,
): Promise<void> {
  const columns = Object.keys(rows[0]!);
  const cast = (column: string) =>
    provider !== 'postgresql'
      ? ''
      : ENUM_COLUMNS[column]
        ? `::"${ENUM_COLUMNS[column]}"`
        : /At$/.test(column)
          ? '::timestamp'
          : '';
  const values = rows
    .map((_, r) => `(${columns.map((c, k) => `$${r * columns.length + k + 1}${cast(c)}`).join(', ')})`)
    .join(', ');
  const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${values}`;
  const params = rows.flatMap((row) =>
    columns.map((c) => (typeof row[c] === 'boolean' && provider === 'sqlite' ? (row[c] ? 1 : 0) : row[c])),
  );
  await db.$executeRawUnsafe(provider === 'sqlite' ? sql.replace(/\$\d+/g, '?') : sql, ...params);
}

/** Times `run` (after warm-up) and prints a row: median, p95 and the ratio to the first row printed (the baseline). */
export function timingTable(title: string) {
  let baseline = 0;
  console.log(`\n${title.padEnd(52)}${'median'.padStart(11)}${'p95'.padStart(11)}${'vs baseline'.padStart(13)}`);
  return async (name: string, run: (i: number) => Promise<unknown>, iterations = 50): Promise<void> => {
    for (let i = 0; i < Math.min(5, iterations); i++) await run(i);
    const times: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const started = performance.now();
      await run(i + 10);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    if (!baseline) baseline = median;
    console.log(
      `${name.padEnd(52)}${`${median.toFixed(1)} ms`.padStart(11)}${`${times[Math.min(times.length - 1, Math.floor(times.length * 0.95))]!.toFixed(1)} ms`.padStart(11)}${`${(median / baseline).toFixed(1)}×`.padStart(13)}`,
    );
  };
}
