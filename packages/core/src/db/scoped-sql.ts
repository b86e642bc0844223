import { ForbiddenError } from '../errors/billing-errors.ts';
import { Prisma } from './prisma-client.ts';
import type { Db } from './prisma-client.ts';
import { scopeOf } from './tenant-scope.ts';

/** SQL conditions for the scoped client's principal, to put in a raw query's WHERE. */
export interface SqlScope {
  /** `<column> = <the organization>`; the column is written as given (quote it: `d."organizationId"`). */
  organization(column: string): Prisma.Sql;
  /** `AND <column> IN (<the practices>)` for a practice-limited principal; nothing otherwise. */
  practices(column: string): Prisma.Sql;
}

/**
 * Raw SQL through the tenant-scoped client: the query is built with the principal's scope and run on the client
 * behind it, or on `tx`, a transaction of that client, for a read that must see the transaction's writes and
 * locks. The scoped client itself has no raw SQL, so a raw query cannot forget its tenant.
 */
export function scopedSql<T>(db: Db, build: (scope: SqlScope) => Prisma.Sql, tx?: Db): Promise<T> {
  const found = scopeOf(db);
  if (!found) throw new ForbiddenError('scopedSql needs the tenant-scoped client');
  const { root, principal } = found;
  const practiceIds = principal.practiceIds;
  const scope: SqlScope = {
    organization: (column) => Prisma.sql`${Prisma.raw(column)} = ${principal.organizationId}`,
    practices: (column) =>
      practiceIds
        ? Prisma.sql`AND ${Prisma.raw(column)} IN (${Prisma.join(practiceIds.length ? [...practiceIds] : [''])})`
        : Prisma.empty,
  };
  return (tx ?? root).$queryRaw(build(scope)) as Promise<T>;
}
