import { ForbiddenError } from '../errors/billing-errors.ts';
import { getDatamodel } from '../generated/pothos-types.ts';
import { databaseProviderOf } from './prisma-client.ts';
import type { Db, Prisma } from './prisma-client.ts';
import { scopeOf } from './tenant-scope.ts';

type Row = Record<string, unknown>;
interface Column {
  kind: string;
  type: string;
}

/** Parameters per statement, under SQLite's limit of 32 766 (PostgreSQL allows 65 535). */
const MAX_PARAMETERS = 30_000;
const COLUMNS = columnsByModel();

/**
 * Writes rows with plain multi-row INSERTs, for the bulk paths (835 posting, claim submission): Prisma's
 * `createMany` costs about twenty times as much per row at hospital sizes (measured by `npm run bench:posting`).
 * Tenancy is kept as the scoped client keeps it: every row must carry the principal's organization, and a
 * principal limited to practices gets `createMany` through the scoped transaction instead, with its checks.
 * Rows are written as given (ids made by the caller, every column named); values are typed from the schema.
 */
export async function insertMany(scoped: Db, tx: Db, model: Prisma.ModelName, rows: readonly Row[]): Promise<void> {
  if (!rows.length) return;
  const scope = scopeOf(scoped);
  if (!scope) throw new ForbiddenError('insertMany needs the tenant-scoped client');
  const { principal } = scope;
  if (rows.some((r) => r.organizationId !== principal.organizationId))
    throw new ForbiddenError(`${model} rows must belong to the principal's organization`);
  if (principal.practiceIds) {
    const delegate = (tx as unknown as Record<string, { createMany(a: { data: readonly Row[] }): Promise<unknown> }>)[
      model.charAt(0).toLowerCase() + model.slice(1)
    ]!;
    await delegate.createMany({ data: rows });
    return;
  }
  await insertRowsOf(tx, model, rows, databaseProviderOf(scoped));
}

/**
 * The INSERTs alone, for tables that are no tenant's (code sets, read by every organization): `db` is the
 * unscoped client the caller was given for them. Tenant data goes through `insertMany`.
 */
export async function insertRowsOf(
  db: Db,
  model: Prisma.ModelName,
  rows: readonly Row[],
  // A transaction's client does not say its provider: the caller passes the outer client's.
  provider: 'sqlite' | 'postgresql' = databaseProviderOf(db),
): Promise<void> {
  if (!rows.length) return;
  const fields = COLUMNS.get(model)!;
  const names = Object.keys(rows[0]!);
  for (const name of names) if (!fields.has(name)) throw new Error(`${model} has no column ${name}`);
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / names.length));
  const placeholder = (name: string, n: number) => (provider === 'sqlite' ? '?' : `$${n}${castFor(fields.get(name)!)}`);
  for (let start = 0; start < rows.length; start += perStatement) {
    const piece = rows.slice(start, start + perStatement);
    let n = 0;
    const values = piece.map(() => `(${names.map((name) => placeholder(name, ++n)).join(', ')})`).join(', ');
    const params = piece.flatMap((row) => names.map((name) => valueFor(provider, fields.get(name)!, row[name])));
    const sql = `INSERT INTO "${model}" (${names.map((c) => `"${c}"`).join(', ')}) VALUES ${values}`;
    await db.$executeRawUnsafe(sql, ...params);
  }
}

function castFor(column: Column): string {
  if (column.kind === 'enum') return `::"${column.type}"`;
  if (column.type === 'DateTime') return '::timestamp(3)';
  if (column.type === 'Json') return '::jsonb';
  return '';
}

function valueFor(provider: 'sqlite' | 'postgresql', column: Column, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date)
    // Prisma's SQLite adapter writes `+00:00`, not `Z`: text comparisons of timestamps must agree.
    return provider === 'sqlite' ? value.toISOString().replace('Z', '+00:00') : value.toISOString();
  if (column.type === 'Json') return JSON.stringify(value);
  if (typeof value === 'boolean' && provider === 'sqlite') return value ? 1 : 0;
  return value;
}

function columnsByModel(): Map<string, Map<string, Column>> {
  const models = getDatamodel().datamodel.models as unknown as Record<
    string,
    { fields: Array<{ kind: string; name: string; type: string }> }
  >;
  return new Map(
    Object.entries(models).map(([name, model]) => [
      name,
      new Map(model.fields.filter((f) => f.kind !== 'object').map((f) => [f.name, { kind: f.kind, type: f.type }])),
    ]),
  );
}
