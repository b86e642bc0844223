import { Prisma } from '../db/prisma-client.ts';
import type { Db, DenialCategory } from '../db/prisma-client.ts';
import { scopedSql } from '../db/scoped-sql.ts';
import { addDays, daysBetween } from '../util/calendar-date.ts';

export interface KeyFigures {
  from: string;
  to: string;
  chargesCents: number;
  paymentsCents: number;
  contractualAdjustmentsCents: number;
  /** A/R on `to` ÷ average daily charges of the 90 days before it; null without charges. */
  daysInAr: number | null;
  /** Payments ÷ (charges − contractual adjustments) in the period, 0–1; null without collectible charges. */
  netCollectionRate: number | null;
  claimPaymentsAdjudicated: number;
  denials: Array<{ category: DenialCategory; count: number; rate: number }>;
}

/**
 * The period's entries summed by kind and account (keyed `KIND@ACCOUNT`), a reversal counted under the kind of the
 * entry it reverses: a payment the payer took back is no payment, a charge replaced by a corrected claim no charge
 * (one aggregate with a self-join).
 */
async function sumsByKind(db: Db, from: string, to: string, practiceId?: string): Promise<Map<string, number>> {
  const rows = await scopedSql<Array<{ kind: string; account: string; total: unknown }>>(
    db,
    (scope) => Prisma.sql`
    SELECT COALESCE(o."kind", e."kind") AS kind, e."account" AS account, SUM(e."amountCents") AS total
    FROM "LedgerEntry" e
    LEFT JOIN "LedgerEntry" o ON e."kind" = 'REVERSAL' AND o."id" = e."reversesEntryId"
    WHERE ${scope.organization('e."organizationId"')} AND e."effectiveDate" >= ${from} AND e."effectiveDate" <= ${to}
      ${practiceId ? Prisma.sql`AND e."practiceId" = ${practiceId}` : Prisma.empty}
      ${scope.practices('e."practiceId"')}
    GROUP BY COALESCE(o."kind", e."kind"), e."account"`,
  );
  return new Map(rows.map((r) => [`${r.kind}@${r.account}`, Number(r.total ?? 0)]));
}

/** The figures a billing manager watches, each from a few aggregates in the database. */
export async function keyFigures(db: Db, from: string, to: string, practiceId?: string): Promise<KeyFigures> {
  const scope: Prisma.LedgerEntryWhereInput = practiceId ? { practiceId } : {};
  const period = await sumsByKind(db, from, to, practiceId);
  // `KIND` sums every account, `KIND@ACCOUNT` one.
  const sumOf = (...keys: string[]) =>
    keys.reduce(
      (s, key) =>
        s + [...period].filter(([k]) => k === key || k.startsWith(`${key}@`)).reduce((t, [, cents]) => t + cents, 0),
      0,
    );
  const chargesCents = sumOf('CHARGE');
  // Net of what went back: refunds to payers and patients, and recoupments a payer took from a claim (PLB WO …).
  const paymentsCents = -sumOf('INSURANCE_PAYMENT', 'PATIENT_PAYMENT', 'REFUND', 'PROVIDER_ADJUSTMENT@INSURANCE');
  const contractualAdjustmentsCents = -sumOf('CONTRACTUAL_ADJUSTMENT');

  const ninetyDaysBack = addDays(to, -89);
  const recentCharges = await db.ledgerEntry.aggregate({
    where: { ...scope, kind: 'CHARGE', effectiveDate: { gte: ninetyDaysBack, lte: to } },
    _sum: { amountCents: true },
  });
  const outstanding = await db.ledgerEntry.aggregate({
    where: { ...scope, effectiveDate: { lte: to }, account: { in: ['INSURANCE', 'PATIENT'] } },
    _sum: { amountCents: true },
  });
  const dailyCharges = Number(recentCharges._sum.amountCents ?? 0) / (daysBetween(ninetyDaysBack, to) + 1);

  const claimScope = practiceId ? { claim: { practiceId } } : {};
  const adjudicated = await db.remittanceClaim.count({
    where: { ...claimScope, postedAt: { not: null }, remittance: { paymentDate: { gte: from, lte: to } } },
  });
  const denialCounts = await db.denial.groupBy({
    by: ['category'],
    where: {
      ...claimScope,
      category: { not: 'UNDERPAYMENT' },
      remittanceClaim: { remittance: { paymentDate: { gte: from, lte: to } } },
    },
    _count: { _all: true },
  });
  const collectible = chargesCents - contractualAdjustmentsCents;
  return {
    from,
    to,
    chargesCents,
    paymentsCents,
    contractualAdjustmentsCents,
    daysInAr:
      dailyCharges > 0 ? Math.round((Number(outstanding._sum.amountCents ?? 0) / dailyCharges) * 10) / 10 : null,
    netCollectionRate: collectible > 0 ? Math.round((paymentsCents / collectible) * 10_000) / 10_000 : null,
    claimPaymentsAdjudicated: adjudicated,
    denials: denialCounts
      .map((d) => ({
        category: d.category,
        count: d._count._all,
        rate: adjudicated ? Math.round((d._count._all / adjudicated) * 10_000) / 10_000 : 0,
      }))
      .sort((a, b) => b.count - a.count),
  };
}
