import { Prisma, databaseProviderOf } from '../db/prisma-client.ts';
import type { Db } from '../db/prisma-client.ts';
import { scopedSql } from '../db/scoped-sql.ts';
import type { SqlScope } from '../db/scoped-sql.ts';

/**
 * Makes the money operations on a patient (payments, refunds to the patient or the payer, write-offs, credit
 * applications, reversals) run one after another, so that each reads the balance the previous one left: without it, two refunds of one credit at
 * once both pass the "never more than the credit" check on PostgreSQL, and two payments both pay one open share.
 * Call it before reading the balance, in the operation's transaction `tx` of the scoped client `scoped`:
 * PostgreSQL's READ COMMITTED gives each later statement a snapshot that sees what the lock's last holder
 * committed. `wholeAccount` locks every patient of the patient's guarantor account (in id order, so two lockers
 * never wait on each other crosswise), for an operation that moves money between them.
 *
 * The lock is NO KEY UPDATE on the patient rows: it waits for another operation's lock, not for the key-share
 * locks that inserting rows which reference a patient takes (an 835's posting holds those until it commits).
 * SQLite runs one writing transaction at a time (BEGIN IMMEDIATE) and needs no lock.
 */
export async function lockPatientMoney(
  scoped: Db,
  tx: Db,
  patientId: string,
  options: { wholeAccount?: boolean } = {},
): Promise<void> {
  if (databaseProviderOf(scoped) !== 'postgresql') return;
  await scopedSql(scoped, (scope) => lockSql(scope, patientId, options.wholeAccount ?? false), tx);
}

function lockSql(scope: SqlScope, patientId: string, wholeAccount: boolean): Prisma.Sql {
  const tenant = Prisma.sql`${scope.organization('p."organizationId"')} ${scope.practices('p."practiceId"')}`;
  const guarantor = Prisma.sql`SELECT g."guarantorId" FROM "Patient" g
    WHERE g."id" = ${patientId} AND ${scope.organization('g."organizationId"')}`;
  const which = wholeAccount
    ? Prisma.sql`(p."id" = ${patientId} OR p."guarantorId" = (${guarantor}))`
    : Prisma.sql`p."id" = ${patientId}`;
  return Prisma.sql`SELECT p."id" FROM "Patient" p WHERE ${which} AND ${tenant} ORDER BY p."id" FOR NO KEY UPDATE`;
}
