import { scopedSql } from '../db/scoped-sql.ts';
import { Prisma } from '../db/prisma-client.ts';
import type { Db, LedgerAccount } from '../db/prisma-client.ts';
import { addDays } from '../util/calendar-date.ts';

export type ArGroupBy = 'PAYER' | 'PATIENT' | 'PRACTICE';

export interface ArBuckets {
  days0to30Cents: number;
  days31to60Cents: number;
  days61to90Cents: number;
  days91to120Cents: number;
  over120Cents: number;
  /** Credit balances (≤ 0: claims overpaid, money not applied), kept apart from the aged debits. */
  creditsCents: number;
  /** The buckets plus the credits: the net A/R. */
  totalCents: number;
}

export interface ArAgingRow extends ArBuckets {
  account: LedgerAccount;
  /** Payer, patient or practice id (by groupBy); null for A/R that has none (patient A/R grouped by payer). */
  groupId: string | null;
}

const GROUP_COLUMN: Record<ArGroupBy, Prisma.Sql> = {
  PAYER: Prisma.raw('"payerId"'),
  PATIENT: Prisma.raw('"patientId"'),
  PRACTICE: Prisma.raw('"practiceId"'),
};

/**
 * A/R aging as of a date in one SQL aggregate, on either database. Entries are first summed into balance pieces
 * (a claim's balance on an account, or a patient's money not applied to a claim), each with its aging date (a
 * claim's first date of service): pieces owed fall in the buckets, pieces in credit are summed apart, so an
 * overpaid claim never hides a debit of the same age. Buckets compare `YYYY-MM-DD` strings against precomputed
 * boundaries: no date functions, which differ between SQLite and PostgreSQL. Entries after `asOf` are left out,
 * so a past date gives the A/R as it stood then. Collection agencies' fees are expenses, not receivables: they
 * are left out too.
 */
export async function arAging(db: Db, asOf: string, groupBy: ArGroupBy): Promise<ArAgingRow[]> {
  const [d30, d60, d90, d120] = [30, 60, 90, 120].map((n) => addDays(asOf, -n)) as [string, string, string, string];
  const column = GROUP_COLUMN[groupBy];
  const owed = (condition: Prisma.Sql) =>
    Prisma.sql`SUM(CASE WHEN "balance" > 0 AND ${condition} THEN "balance" ELSE 0 END)`;
  const rows = await scopedSql<Array<Record<string, unknown>>>(
    db,
    (scope) => Prisma.sql`
    SELECT "account" AS account, "groupKey" AS "groupId",
      ${owed(Prisma.sql`"agingDate" >= ${d30}`)} AS b0,
      ${owed(Prisma.sql`"agingDate" < ${d30} AND "agingDate" >= ${d60}`)} AS b31,
      ${owed(Prisma.sql`"agingDate" < ${d60} AND "agingDate" >= ${d90}`)} AS b61,
      ${owed(Prisma.sql`"agingDate" < ${d90} AND "agingDate" >= ${d120}`)} AS b91,
      ${owed(Prisma.sql`"agingDate" < ${d120}`)} AS b121,
      SUM(CASE WHEN "balance" < 0 THEN "balance" ELSE 0 END) AS credits,
      SUM("balance") AS total
    FROM (
      SELECT "account", ${column} AS "groupKey", "agingDate", SUM("amountCents") AS "balance"
      FROM "LedgerEntry"
      WHERE ${scope.organization('"organizationId"')} AND "effectiveDate" <= ${asOf} AND "kind" <> 'COLLECTION_FEE'
        ${scope.practices('"practiceId"')}
      GROUP BY "account", ${column}, "claimId", "patientId", "agingDate"
    ) pieces
    GROUP BY "account", "groupKey"
    ORDER BY "account", "groupKey"`,
  );
  return rows.map((r) => ({
    account: r.account as LedgerAccount,
    groupId: (r.groupId as string | null) ?? null,
    days0to30Cents: Number(r.b0 ?? 0),
    days31to60Cents: Number(r.b31 ?? 0),
    days61to90Cents: Number(r.b61 ?? 0),
    days91to120Cents: Number(r.b91 ?? 0),
    over120Cents: Number(r.b121 ?? 0),
    creditsCents: Number(r.credits ?? 0),
    totalCents: Number(r.total ?? 0),
  }));
}

export function sumBuckets(rows: ArBuckets[]): ArBuckets {
  const total: ArBuckets = {
    days0to30Cents: 0,
    days31to60Cents: 0,
    days61to90Cents: 0,
    days91to120Cents: 0,
    over120Cents: 0,
    creditsCents: 0,
    totalCents: 0,
  };
  for (const r of rows) for (const k of Object.keys(total) as Array<keyof ArBuckets>) total[k] += r[k];
  return total;
}
