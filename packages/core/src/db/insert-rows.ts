import type { Db } from './prisma-client.ts';
import type { DatabaseTarget } from './database-url.ts';

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

/**
 * One multi-row INSERT of `rows` (each with every column, `id` included), for bulk loads where Prisma's createMany
 * spends more time building its query than the database spends writing: code-set imports and benchmark seeding.
 * Keep a call's rows × columns under SQLite's 32 766 parameters.
 */
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
