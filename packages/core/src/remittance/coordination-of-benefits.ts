import type { Coverage, CoveragePriority, Payer } from '../db/prisma-client.ts';
import { PRIORITIES } from '../registration/coverage-priority.ts';

/** A patient's coverage as coordination of benefits reads it: its priority, its dates and its payer's rules. */
export type CoverageOnFile = Pick<Coverage, 'id' | 'patientId' | 'payerId' | 'priority' | 'effectiveDate'> &
  Pick<Coverage, 'terminationDate'> & { payer: Pick<Payer, 'name' | 'forbidsBalanceBilling'> };

export const COVERAGE_ON_FILE_SELECT = {
  id: true,
  patientId: true,
  payerId: true,
  priority: true,
  effectiveDate: true,
  terminationDate: true,
  payer: { select: { name: true, forbidsBalanceBilling: true } },
} as const;

/** Whether the coverage was in force on the date of service (both ends inclusive). */
export function coversDate(coverage: Pick<Coverage, 'effectiveDate' | 'terminationDate'>, date: string): boolean {
  return coverage.effectiveDate <= date && (!coverage.terminationDate || coverage.terminationDate >= date);
}

/**
 * The coverage that pays after a claim's payer: the next priority below the claim's coverage, active and in
 * force on the claim's first date of service. Undefined when the claim's payer is the last one.
 */
export function nextCoverage(
  coverages: readonly CoverageOnFile[],
  claimPriority: CoveragePriority,
  serviceDate: string,
): CoverageOnFile | undefined {
  const next = PRIORITIES[PRIORITIES.indexOf(claimPriority) + 1];
  return coverages.find((c) => c.priority === next && coversDate(c, serviceDate));
}

/**
 * The payer of last resort that bars billing the patient for this visit, if one adjudicated it: the claim's own
 * payer, or a coverage at or above the claim's priority in force on the date of service whose payer forbids
 * balance billing (Medicaid). What such a payer leaves to the patient is written off, never billed.
 */
export function balanceBillingBarredBy(
  coverages: readonly CoverageOnFile[],
  claimPayer: Pick<Payer, 'name' | 'forbidsBalanceBilling'>,
  claimPriority: CoveragePriority,
  serviceDate: string,
): string | undefined {
  if (claimPayer.forbidsBalanceBilling) return claimPayer.name;
  const rank = PRIORITIES.indexOf(claimPriority);
  return coverages.find(
    (c) => c.payer.forbidsBalanceBilling && PRIORITIES.indexOf(c.priority) <= rank && coversDate(c, serviceDate),
  )?.payer.name;
}

/** CLP02 19/20/21: processed as primary/secondary/tertiary and forwarded to the next payer. */
const FORWARDED_STATUSES = new Set(['19', '20', '21']);
/** Remarks saying the payer forwarded the claim to the supplemental insurer (MA18, N89). */
const FORWARDED_REMARKS = new Set(['MA18', 'N89']);

/** Why a claim payment says the payer forwarded the claim to the next payer (a crossover), if it does. */
export function crossoverOf(payment: { statusCode: string; remarkCodes: string | null }): string | undefined {
  if (FORWARDED_STATUSES.has(payment.statusCode)) return `CLP02 ${payment.statusCode}`;
  const remark = (payment.remarkCodes ?? '').split(',').find((r) => FORWARDED_REMARKS.has(r));
  return remark ? `remark ${remark}` : undefined;
}
