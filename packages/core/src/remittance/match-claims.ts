import type { Remittance835, ServicePayment } from '@revcycle/x12';
import type { Claim, ClaimLine, Db } from '../db/prisma-client.ts';

export type MatchableClaim = Claim & { lines: ClaimLine[] };

/** Claims of the organization named by the 835's patient control numbers (CLP01 = the CLM01 we sent), in one query. */
export async function claimsFor(db: Db, remittances: Remittance835[]): Promise<Map<string, MatchableClaim>> {
  const numbers = [...new Set(remittances.flatMap((r) => r.claims.map((c) => c.patientControlNumber)))];
  const claims = numbers.length ? await db.claim.findMany({ where: { patientControlNumber: { in: numbers } }, include: { lines: { orderBy: { lineNumber: 'asc' } } } }) : [];
  return new Map(claims.map((c) => [c.patientControlNumber, c]));
}

/** What a remitted service line says about itself, as read from the 835 or as stored. */
export interface RemittedLine {
  lineControlNumber?: string | null;
  /** The procedure as submitted (SVC06 when the payer changed it, else SVC01). */
  procedureCode: string;
  serviceDate?: string | null;
}

/** A service payment of the 835 as a RemittedLine. */
export const remittedLine = (s: ServicePayment): RemittedLine => ({ lineControlNumber: s.lineControlNumber ?? null, procedureCode: (s.submittedProcedure ?? s.procedure).code, serviceDate: s.serviceDate ?? null });

/**
 * Which claim line each remitted line speaks of: by the REF*6R line control number we sent, else by the first
 * unclaimed line with the same procedure (and date of service, when the payer gives one). Used at import and
 * when an unmatched claim payment is matched by hand, so both follow the same rules.
 */
export function matchLines(claim: { lines: ClaimLine[] } | undefined, remitted: readonly RemittedLine[]): Array<ClaimLine | undefined> {
  if (!claim) return remitted.map(() => undefined);
  const used = new Set<string>();
  const pick = (s: RemittedLine) => {
    const line = (s.lineControlNumber && claim.lines.find((l) => l.lineControlNumber === s.lineControlNumber && !used.has(l.id)))
      || claim.lines.find((l) => !used.has(l.id) && l.procedureCode === s.procedureCode && (!s.serviceDate || l.serviceDate === s.serviceDate))
      || claim.lines.find((l) => !used.has(l.id) && l.procedureCode === s.procedureCode);
    if (line) used.add(line.id);
    return line || undefined;
  };
  return remitted.map(pick);
}
