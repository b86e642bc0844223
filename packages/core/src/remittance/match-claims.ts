import type { ClaimPayment, Remittance835, ServicePayment } from '@revcycle/x12';
import type { Claim, ClaimLine, Db } from '../db/prisma-client.ts';

export type MatchableClaim = Claim & { lines: ClaimLine[] };

/** Claims of the organization named by the 835's patient control numbers (CLP01 = the CLM01 we sent), in one query. */
export async function claimsFor(db: Db, remittances: Remittance835[]): Promise<Map<string, MatchableClaim>> {
  const numbers = [...new Set(remittances.flatMap((r) => r.claims.map((c) => c.patientControlNumber)))];
  const claims = numbers.length ? await db.claim.findMany({ where: { patientControlNumber: { in: numbers } }, include: { lines: { orderBy: { lineNumber: 'asc' } } } }) : [];
  return new Map(claims.map((c) => [c.patientControlNumber, c]));
}

/**
 * Which claim line each service payment speaks of: by the REF*6R line control number we sent, else by the first
 * unclaimed line with the same procedure (and date of service, when the payer gives one).
 */
export function matchLines(claim: MatchableClaim | undefined, payment: ClaimPayment): Array<ClaimLine | undefined> {
  if (!claim) return payment.services.map(() => undefined);
  const used = new Set<string>();
  const pick = (s: ServicePayment) => {
    const code = (s.submittedProcedure ?? s.procedure).code;
    const line = (s.lineControlNumber && claim.lines.find((l) => l.lineControlNumber === s.lineControlNumber && !used.has(l.id)))
      || claim.lines.find((l) => !used.has(l.id) && l.procedureCode === code && (!s.serviceDate || l.serviceDate === s.serviceDate))
      || claim.lines.find((l) => !used.has(l.id) && l.procedureCode === code);
    if (line) used.add(line.id);
    return line || undefined;
  };
  return payment.services.map(pick);
}
