import type { Remittance835, ServicePayment } from '@revcycle/x12';
import type { Claim, ClaimLine, Db } from '../db/prisma-client.ts';
import { chunks } from '../util/chunks.ts';

export type MatchableClaim = Claim & { lines: ClaimLine[] };

/**
 * Claims of the organization named by the 835's patient control numbers (CLP01 = the CLM01 we sent), read 500
 * numbers to a query so that a hospital's file never outgrows a statement's parameter limit.
 */
export async function claimsFor(db: Db, remittances: Remittance835[]): Promise<Map<string, MatchableClaim>> {
  const numbers = [...new Set(remittances.flatMap((r) => r.claims.map((c) => c.patientControlNumber)))];
  const found = new Map<string, MatchableClaim>();
  for (const piece of chunks(numbers)) {
    const claims = await db.claim.findMany({
      where: { patientControlNumber: { in: piece } },
      include: { lines: { orderBy: { lineNumber: 'asc' } } },
    });
    for (const claim of claims) found.set(claim.patientControlNumber, claim);
  }
  return found;
}

/** What a remitted service line says about itself, as read from the 835 or as stored. */
export interface RemittedLine {
  lineControlNumber?: string | null;
  /** The procedure as submitted (SVC06 when the payer changed it, else SVC01); a revenue code under qualifier NU. */
  procedureCode: string;
  /** SVC04, or SVC01's code when its qualifier is NU (a line billed by revenue code alone). */
  revenueCode?: string | null;
  serviceDate?: string | null;
}

/** A service payment of the 835 as a RemittedLine. */
export const remittedLine = (s: ServicePayment): RemittedLine => {
  const billed = s.submittedProcedure ?? s.procedure;
  return {
    lineControlNumber: s.lineControlNumber ?? null,
    procedureCode: billed.code,
    revenueCode: billed.qualifier === 'NU' ? billed.code : (s.revenueCode ?? null),
    serviceDate: s.serviceDate ?? null,
  };
};

/** Whether a remitted line speaks of this claim line's service: the same CPT/HCPCS, or for a line billed by revenue code alone, that revenue code. */
export function sameService(l: Pick<ClaimLine, 'procedureCode' | 'revenueCode'>, s: RemittedLine): boolean {
  if (l.procedureCode) return l.procedureCode === s.procedureCode;
  return l.revenueCode !== null && l.revenueCode === (s.revenueCode ?? s.procedureCode);
}

/**
 * Which claim line each remitted line speaks of: by the REF*6R line control number we sent, else by the first
 * unclaimed line with the same procedure, or revenue code (and date of service, when the payer gives one). Used at import and
 * when an unmatched claim payment is matched by hand, so both follow the same rules.
 */
export function matchLines(
  claim: { lines: ClaimLine[] } | undefined,
  remitted: readonly RemittedLine[],
): Array<ClaimLine | undefined> {
  if (!claim) return remitted.map(() => undefined);
  const used = new Set<string>();
  const pick = (s: RemittedLine) => {
    const line =
      (s.lineControlNumber &&
        claim.lines.find((l) => l.lineControlNumber === s.lineControlNumber && !used.has(l.id))) ||
      claim.lines.find(
        (l) => !used.has(l.id) && sameService(l, s) && (!s.serviceDate || l.serviceDate === s.serviceDate),
      ) ||
      claim.lines.find((l) => !used.has(l.id) && sameService(l, s));
    if (line) used.add(line.id);
    return line || undefined;
  };
  return remitted.map(pick);
}
