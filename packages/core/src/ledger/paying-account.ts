import { Prisma } from '../db/prisma-client.ts';
import type { Db, Patient, Practice } from '../db/prisma-client.ts';
import { scopedSql } from '../db/scoped-sql.ts';
import type { SqlScope } from '../db/scoped-sql.ts';
import { lockPatientMoney } from './patient-lock.ts';
import { openSharesOf } from './patient-payments.ts';
import type { OpenShare } from './patient-payments.ts';

/** What recording a patient payment needs to know of the patient and the guarantor account it is paid on. */
export interface PayingAccount {
  patient: Pick<Patient, 'id' | 'practiceId' | 'guarantorId'>;
  practice: Pick<Practice, 'timeZone' | 'patientBillingPolicy'>;
  /** The account has an ACTIVE payment plan: the payment is applied to its installments. */
  hasActivePlan: boolean;
  /** An agency holds the account (PLACED or DISPUTED): a payment at the practice recalls it. */
  isPlaced: boolean;
  /** What the patient owes per claim, oldest first: where the payment goes. */
  openShares: OpenShare[];
}

/** One row per claim the patient owes on (one row with null claim columns when none). */
interface AccountRow {
  id: string;
  practiceId: string;
  guarantorId: string | null;
  timeZone: string;
  patientBillingPolicy: unknown;
  hasActivePlan: number | bigint;
  isPlaced: number | bigint;
  claimId: string | null;
  agingDate: string | null;
  openCents: number | bigint | null;
}

/**
 * Reads the paying account in one SQL statement: the patient, its practice, whether the account has an ACTIVE
 * plan or a PLACED / DISPUTED placement, and the patient's open shares summed per claim. A payment is the API's
 * most frequent write, and the same read through Prisma's nested selects was seven statements on PostgreSQL
 * (one per relation), each a round trip (`npm run bench:statements`). The account is the guarantor's patients,
 * or the patient alone when it has no guarantor record (data from before registration made every patient a SELF
 * guarantor). A user limited to practices sees only those practices' patients, plans and entries, as the
 * scoped client's reads would; a placement counts when its patient is one of them (the placement's own practice
 * column would lead SQLite to read the practice's placements). It runs on `tx`, a transaction of `scoped`.
 *
 * Payments for one patient are applied one after another (`lockPatientMoney`, before the read): two at once would
 * otherwise both pay the same open share on PostgreSQL.
 */
export async function payingAccountOf(scoped: Db, tx: Db, patientId: string): Promise<PayingAccount | null> {
  await lockPatientMoney(scoped, tx, patientId);
  const rows = await scopedSql<AccountRow[]>(scoped, (scope) => payingAccountSql(scope, patientId), tx);
  const [first] = rows;
  if (!first) return null;
  const shares = rows.flatMap((r) =>
    r.claimId ? [{ claimId: r.claimId, agingDate: r.agingDate!, amountCents: Number(r.openCents) }] : [],
  );
  return {
    patient: { id: first.id, practiceId: first.practiceId, guarantorId: first.guarantorId },
    practice: { timeZone: first.timeZone, patientBillingPolicy: jsonOf(first.patientBillingPolicy) },
    hasActivePlan: Number(first.hasActivePlan) === 1,
    isPlaced: Number(first.isPlaced) === 1,
    openShares: openSharesOf(shares),
  };
}

/**
 * The account read of `payingAccountOf` (exported for the planner test). Each EXISTS names one indexed column
 * (guarantorId or patientId) rather than an OR of both, which both planners answer with a scan of the
 * organization's plans or placements.
 */
export function payingAccountSql(scope: SqlScope, patientId: string): Prisma.Sql {
  const organization = (alias: string) => scope.organization(`${alias}."organizationId"`);
  const tenant = (alias: string) => Prisma.sql`${organization(alias)} ${scope.practices(`${alias}."practiceId"`)}`;
  return Prisma.sql`
    SELECT p."id", p."practiceId", p."guarantorId", pr."timeZone", pr."patientBillingPolicy",
      CASE WHEN EXISTS (
          SELECT 1 FROM "PaymentPlan" pp
          WHERE pp."guarantorId" = p."guarantorId" AND pp."status" = 'ACTIVE' AND ${tenant('pp')})
        OR (p."guarantorId" IS NULL AND EXISTS (
          SELECT 1 FROM "PaymentPlan" pp
          WHERE pp."patientId" = p."id" AND pp."guarantorId" IS NULL AND pp."status" = 'ACTIVE' AND ${tenant('pp')}))
        THEN 1 ELSE 0 END AS "hasActivePlan",
      CASE WHEN EXISTS (
          SELECT 1 FROM "CollectionPlacement" cp
          WHERE cp."patientId" IN (
              SELECT ap."id" FROM "Patient" ap WHERE ap."guarantorId" = p."guarantorId" AND ${tenant('ap')})
            AND cp."status" IN ('PLACED', 'DISPUTED') AND ${organization('cp')})
        OR (p."guarantorId" IS NULL AND EXISTS (
          SELECT 1 FROM "CollectionPlacement" cp
          WHERE cp."patientId" = p."id" AND cp."status" IN ('PLACED', 'DISPUTED') AND ${organization('cp')}))
        THEN 1 ELSE 0 END AS "isPlaced",
      s."claimId", s."agingDate", s."openCents"
    FROM "Patient" p
    JOIN "Practice" pr ON pr."id" = p."practiceId"
    LEFT JOIN (
      SELECT e."claimId", MIN(e."agingDate") AS "agingDate", SUM(e."amountCents") AS "openCents"
      FROM "LedgerEntry" e
      WHERE e."patientId" = ${patientId} AND e."account" = 'PATIENT' AND e."claimId" IS NOT NULL AND ${tenant('e')}
      GROUP BY e."claimId"
      HAVING SUM(e."amountCents") > 0
    ) s ON 1 = 1
    WHERE p."id" = ${patientId} AND ${tenant('p')}`;
}

/** A Json column read by raw SQL: PostgreSQL's driver parses it, SQLite's gives the text. */
function jsonOf(value: unknown): Practice['patientBillingPolicy'] {
  return (typeof value === 'string' ? JSON.parse(value) : value) as Practice['patientBillingPolicy'];
}
