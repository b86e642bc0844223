import { Prisma } from '../db/prisma-client.ts';
import type { Db } from '../db/prisma-client.ts';
import { scopedSql } from '../db/scoped-sql.ts';

/** A claim its payer has paid more than it owed on: money to refund to the payer (or to offset). */
export interface InsuranceCredit {
  claimId: string;
  payerId: string;
  patientId: string;
  /** What the payer is owed back, in cents (positive). */
  amountCents: number;
  /** The last day money moved on the claim's insurance A/R: the credit is at least this old. */
  sinceDate: string;
}

/** A guarantor account that has paid more than it owes: to apply to another balance or refund. */
export interface PatientCredit {
  guarantorId: string | null;
  /** The patient, for a self-guaranteed account; else the guarantor's first patient with the credit. */
  patientId: string;
  amountCents: number;
  sinceDate: string;
}

/**
 * Credit balances as their own lists, never netted into A/R: claims whose insurance A/R is below zero (by payer),
 * and guarantor accounts whose patient A/R is below zero, each with its age (two aggregates), largest first.
 */
export async function creditBalances(
  db: Db,
  asOf: string,
): Promise<{ insurance: InsuranceCredit[]; patient: PatientCredit[] }> {
  const insurance = await scopedSql<Array<Record<string, unknown>>>(
    db,
    (scope) => Prisma.sql`
    SELECT e."claimId" AS "claimId", c."payerId" AS "payerId", c."patientId" AS "patientId",
      SUM(e."amountCents") AS total, MAX(e."effectiveDate") AS since
    FROM "LedgerEntry" e JOIN "Claim" c ON c."id" = e."claimId"
    WHERE ${scope.organization('e."organizationId"')} AND e."account" = 'INSURANCE' AND e."effectiveDate" <= ${asOf}
      ${scope.practices('e."practiceId"')}
    GROUP BY e."claimId", c."payerId", c."patientId"
    HAVING SUM(e."amountCents") < 0
    ORDER BY SUM(e."amountCents") ASC, e."claimId"`,
  );
  const patient = await scopedSql<Array<Record<string, unknown>>>(
    db,
    (scope) => Prisma.sql`
    SELECT e."guarantorId" AS "guarantorId", MIN(e."patientId") AS "patientId",
      SUM(e."amountCents") AS total, MAX(e."effectiveDate") AS since
    FROM "LedgerEntry" e
    WHERE ${scope.organization('e."organizationId"')} AND e."account" = 'PATIENT' AND e."effectiveDate" <= ${asOf}
      AND e."patientId" IS NOT NULL ${scope.practices('e."practiceId"')}
    GROUP BY e."guarantorId", CASE WHEN e."guarantorId" IS NULL THEN e."patientId" ELSE NULL END
    HAVING SUM(e."amountCents") < 0
    ORDER BY SUM(e."amountCents") ASC, MIN(e."patientId")`,
  );
  return {
    insurance: insurance.map((r) => ({
      claimId: String(r.claimId),
      payerId: String(r.payerId),
      patientId: String(r.patientId),
      amountCents: -Number(r.total),
      sinceDate: String(r.since),
    })),
    patient: patient.map((r) => ({
      guarantorId: (r.guarantorId as string | null) ?? null,
      patientId: String(r.patientId),
      amountCents: -Number(r.total),
      sinceDate: String(r.since),
    })),
  };
}
