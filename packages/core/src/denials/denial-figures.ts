import { scopedSql } from '../db/scoped-sql.ts';
import { Prisma } from '../db/prisma-client.ts';
import type { AppealLevel, DenialCategory } from '../db/prisma-client.ts';
import type { DomainContext } from '../context/domain-context.ts';

export interface DenialFigures {
  denialRates: Array<{
    payerId: string | null;
    category: DenialCategory;
    denials: number;
    claimPayments: number;
    /** Null when the payer adjudicated nothing in the period (no rate, rather than a rate of 0). */
    rate: number | null;
  }>;
  overturnRates: Array<{
    category: DenialCategory;
    level: AppealLevel;
    decided: number;
    overturned: number;
    rate: number;
  }>;
  resolvedItems: number;
  averageDaysToResolution: number | null;
  recoveredCents: number;
}

const ratio = (n: number, d: number) => (d ? Math.round((n / d) * 10_000) / 10_000 : null);

/**
 * Each figure is an aggregate in the database: denial items (not underpayments) per payer and category against
 * the claim payments posted in the period on that payer's claims; appeals answered in the period per category and level (one grouped
 * join); items resolved in the period with their average age and what they recovered.
 */
export async function denialFigures(ctx: DomainContext, from: string, to: string): Promise<DenialFigures> {
  const db = ctx.db;
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T23:59:59.999Z`);
  const inPeriod = { remittanceClaim: { remittance: { paymentDate: { gte: from, lte: to } } } };
  const denials = await db.denial.groupBy({
    by: ['payerId', 'category'],
    where: { ...inPeriod, kind: { not: 'UNDERPAID' } },
    _count: { _all: true },
  });
  // The denominator is what each payer adjudicated: claim payments posted in the period on claims billed to it
  // (the claim's payer, as on the denial), whoever's 835 carried them.
  const adjudicated = await scopedSql<Array<{ payerId: string; n: bigint | number }>>(
    ctx.db,
    (scope) => Prisma.sql`
    SELECT c."payerId" AS "payerId", COUNT(*) AS n
    FROM "RemittanceClaim" rc
    JOIN "Remittance" r ON r."id" = rc."remittanceId"
    JOIN "Claim" c ON c."id" = rc."claimId"
    WHERE ${scope.organization('rc."organizationId"')} AND rc."postedAt" IS NOT NULL
      AND r."paymentDate" >= ${from} AND r."paymentDate" <= ${to} ${scope.practices('c."practiceId"')}
    GROUP BY c."payerId"`,
  );
  const byPayer = new Map<string | null, number>(adjudicated.map((a) => [a.payerId, Number(a.n)]));

  type OverturnRow = {
    category: DenialCategory;
    level: AppealLevel;
    decided: bigint | number;
    overturned: bigint | number;
  };
  const overturnRows = await scopedSql<OverturnRow[]>(
    ctx.db,
    (scope) => Prisma.sql`
    SELECT d."category" AS category, a."level" AS level, COUNT(*) AS decided,
      SUM(CASE WHEN a."outcome" = 'UPHELD' THEN 0 ELSE 1 END) AS overturned
    FROM "Appeal" a JOIN "Denial" d ON d."id" = a."denialId"
    WHERE ${scope.organization('a."organizationId"')} AND a."outcome" IS NOT NULL
      AND a."answeredAt" >= ${start} AND a."answeredAt" <= ${end} ${scope.practices('d."practiceId"')}
    GROUP BY d."category", a."level"
    ORDER BY d."category", a."level"`,
  );

  const resolved = await db.denial.aggregate({
    where: { resolvedAt: { gte: start, lte: end } },
    _count: { _all: true },
    _sum: { recoveredCents: true },
  });
  const days =
    ctx.databaseProvider === 'postgresql'
      ? Prisma.sql`AVG(EXTRACT(EPOCH FROM ("resolvedAt" - "createdAt")) / 86400.0)`
      : Prisma.sql`AVG((julianday("resolvedAt") - julianday("createdAt")))`;
  const [average] = await scopedSql<Array<{ days: number | null }>>(
    ctx.db,
    (scope) => Prisma.sql`SELECT ${days} AS days FROM "Denial"
      WHERE ${scope.organization('"organizationId"')} AND "resolvedAt" >= ${start} AND "resolvedAt" <= ${end}
      ${scope.practices('"practiceId"')}`,
  );
  return {
    denialRates: denials
      .map((d) => ({
        payerId: d.payerId,
        category: d.category,
        denials: d._count._all,
        claimPayments: byPayer.get(d.payerId) ?? 0,
        rate: ratio(d._count._all, byPayer.get(d.payerId) ?? 0),
      }))
      .sort((a, b) => b.denials - a.denials),
    overturnRates: overturnRows.map((r) => ({
      category: r.category,
      level: r.level,
      decided: Number(r.decided),
      overturned: Number(r.overturned),
      rate: ratio(Number(r.overturned), Number(r.decided)) ?? 0,
    })),
    resolvedItems: resolved._count._all,
    averageDaysToResolution:
      average?.days === null || average?.days === undefined ? null : Math.round(Number(average.days) * 10) / 10,
    recoveredCents: Number(resolved._sum.recoveredCents ?? 0),
  };
}
