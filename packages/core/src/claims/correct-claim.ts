import { audited } from '../audit/audited.ts';
import type { DomainContext } from '../context/domain-context.ts';
import type { Claim, ClaimLine, Db } from '../db/prisma-client.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors/billing-errors.ts';
import { globalId } from '../ids/global-id.ts';
import { defineOperation } from '../operations/define-operation.ts';
import type { StatusChange } from './claim-status.ts';
import { OPEN_CLAIM_STATUSES, recordNewClaim } from './claim-status.ts';
import { newPatientControlNumber } from './control-number.ts';
import { copyLines } from './copy-lines.ts';

export type CorrectionKind = 'REPLACEMENT' | 'VOID';

export interface CorrectClaimInput {
  /** The claim the payer has (it must carry the payer's claim control number). */
  claimId: string;
  kind: CorrectionKind;
}

const CORRECTABLE = ['ACCEPTED', 'PAID', 'PARTIALLY_PAID', 'DENIED', 'APPEALED'];

type LineFields = Pick<
  ClaimLine,
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
>;

/** What a payer adjudicates of a line; two lines alike in all of it bill the same thing. */
const billed = (l: LineFields) =>
  JSON.stringify([
    l.procedureCode,
    l.revenueCode,
    [l.modifier1, l.modifier2, l.modifier3, l.modifier4].filter(Boolean),
    l.unitsMilli,
    l.chargeCents,
    l.serviceDate,
    l.serviceDateEnd,
    l.diagnosisPointers,
  ]);

type Edited = { updatedAt: Date } | null;

/**
 * Whether a replacement would bill anything new: the encounter's lines differ from the claim's, or a record the
 * 837 is written from (the encounter with its diagnoses, the patient, guarantor, coverage, providers, facility,
 * practice) was edited after the claim was sent. A replacement that changes nothing is refused: the payer would
 * only deny it as a duplicate.
 */
function changedSince(original: {
  lines: LineFields[];
  submittedAt: Date | null;
  createdAt: Date;
  patient: { updatedAt: Date; guarantor: Edited };
  coverage: Edited;
  practice: Edited;
  encounter: {
    updatedAt: Date;
    serviceLines: LineFields[];
    renderingProvider: Edited;
    billingProvider: Edited;
    facility: Edited;
  };
}): boolean {
  const sent = original.submittedAt ?? original.createdAt;
  const { encounter, patient } = original;
  const records: Edited[] = [
    encounter,
    encounter.renderingProvider,
    encounter.billingProvider,
    encounter.facility,
    patient,
    patient.guarantor,
    original.coverage,
    original.practice,
  ];
  if (records.some((r) => r && r.updatedAt > sent)) return true;
  const now = encounter.serviceLines.map(billed);
  const before = original.lines.map(billed);
  return now.length !== before.length || now.some((l, i) => l !== before[i]);
}

/**
 * A replacement (frequency 7, lines as the encounter is coded now) or void (8, the original's lines) of a claim the
 * payer accepted, linked to it; the 837 references the payer's claim number with REF*F8.
 */
export async function createCorrection(
  tx: Db,
  ctx: DomainContext,
  originalId: string,
  kind: CorrectionKind,
): Promise<{ claim: Claim; change: StatusChange }> {
  const original = await tx.claim.findUnique({
    where: { id: originalId },
    include: {
      lines: { orderBy: { lineNumber: 'asc' } },
      patient: { include: { guarantor: true } },
      coverage: true,
      practice: true,
      encounter: {
        include: {
          serviceLines: { orderBy: { lineNumber: 'asc' } },
          renderingProvider: true,
          billingProvider: true,
          facility: true,
        },
      },
    },
  });
  if (!original) throw new NotFoundError('Claim', globalId('Claim', originalId));
  if (!original.payerClaimControlNumber || !CORRECTABLE.includes(original.status)) {
    const message = `claimId: only a claim the payer accepted (with its claim number) can be replaced or voided; this one is ${original.status}`;
    throw new ValidationError([{ path: ['input', 'claimId'], code: 'NOT_CORRECTABLE', message }]);
  }
  const open = await tx.claim.findFirst({
    where: { originalClaimId: originalId, status: { in: [...OPEN_CLAIM_STATUSES] } },
  });
  if (open)
    throw new ConflictError(`Correction ${open.patientControlNumber} of this claim is still open (${open.status})`);
  const replacement = kind === 'REPLACEMENT';
  if (replacement && !changedSince(original)) {
    const message = `claimId: the visit is coded as on claim ${original.patientControlNumber} and nothing it is written from changed since it was sent: correct the record that was wrong first (patient, coverage, provider …), then replace the claim`;
    throw new ValidationError([{ path: ['input', 'claimId'], code: 'NOTHING_CHANGED', message }]);
  }
  const lines = replacement ? original.encounter.serviceLines : original.lines;
  const claim = await tx.claim.create({
    data: {
      organizationId: ctx.principal.organizationId,
      practiceId: original.practiceId,
      patientId: original.patientId,
      encounterId: original.encounterId,
      coverageId: original.coverageId,
      payerId: original.payerId,
      kind: original.kind,
      patientControlNumber: await newPatientControlNumber(tx),
      status: 'DRAFT',
      frequencyCode: replacement ? '7' : '8',
      originalClaimId: originalId,
      totalChargeCents: lines.reduce((sum, l) => sum + l.chargeCents, 0),
    },
  });
  await copyLines(tx, claim, lines);
  const reason = `${replacement ? 'replacement' : 'void'} of ${original.patientControlNumber} (payer claim ${original.payerClaimControlNumber})`;
  const change = await recordNewClaim(tx, claim, { type: 'USER', id: ctx.principal.userId, reason });
  return { claim, change };
}

/** Makes a replacement (frequency 7) or void (frequency 8) claim linked to the original. */
export const correctClaim = defineOperation({
  name: 'correctClaim',
  roles: ['admin', 'biller'],
  run: (ctx, input: CorrectClaimInput): Promise<{ claim: Claim }> =>
    audited(ctx, 'correctClaim', async (tx) => {
      const { claim, change } = await createCorrection(tx, ctx, input.claimId, input.kind);
      return {
        result: { claim },
        recordIds: [globalId('Claim', claim.id), globalId('Claim', input.claimId)],
        practiceId: claim.practiceId,
        statusChanges: [change],
      };
    }),
});
