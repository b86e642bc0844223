import type { Claim, ClaimLine, Db } from '../db/prisma-client.ts';

type CopiedFields =
  | 'lineNumber'
  | 'procedureCode'
  | 'revenueCode'
  | 'modifier1'
  | 'modifier2'
  | 'modifier3'
  | 'modifier4'
  | 'unitsMilli'
  | 'chargeCents'
  | 'serviceDate'
  | 'serviceDateEnd'
  | 'diagnosisPointers'
  | 'description'
  | 'ndcCode'
  | 'ndcQuantityMilli'
  | 'ndcUnit';

export type LineSource = Pick<ClaimLine, CopiedFields> & { serviceLineId?: string | null };

/** The claim's lines, copied from the encounter (or the claim being corrected), each with its REF*6R number. */
export function copyLines(tx: Db, claim: Claim, lines: LineSource[]) {
  return tx.claimLine.createMany({
    data: lines.map((l) => ({
      organizationId: claim.organizationId,
      claimId: claim.id,
      serviceLineId: l.serviceLineId ?? null,
      lineNumber: l.lineNumber,
      procedureCode: l.procedureCode,
      revenueCode: l.revenueCode ?? null,
      modifier1: l.modifier1,
      modifier2: l.modifier2,
      modifier3: l.modifier3,
      modifier4: l.modifier4,
      unitsMilli: l.unitsMilli,
      chargeCents: l.chargeCents,
      serviceDate: l.serviceDate,
      serviceDateEnd: l.serviceDateEnd,
      diagnosisPointers: l.diagnosisPointers,
      description: l.description,
      ndcCode: l.ndcCode,
      ndcQuantityMilli: l.ndcQuantityMilli,
      ndcUnit: l.ndcUnit,
      lineControlNumber: `${claim.patientControlNumber}-${l.lineNumber}`,
    })),
  });
}
