import type {
  Claim,
  ClaimLine,
  Coverage,
  Db,
  LedgerEntry,
  Patient,
  Payer,
  Practice,
  Remittance,
  RemittanceAdjustment,
  RemittanceClaim,
  RemittanceServiceLine,
} from '../db/prisma-client.ts';
import { CLAIM_TRANSITIONS } from '../claims/claim-status.ts';
import type { StatusChange } from '../claims/claim-status.ts';
import type { DomainContext } from '../context/domain-context.ts';
import { claimAgingDate } from '../ledger/claim-charges.ts';
import type { NewEntry } from '../ledger/post-entries.ts';
import type { PostingBatch } from './posting-batch.ts';
import { denialCategoryOf, patientShareCategory } from './denial-category.ts';
import { recordDenials, resolvePaidDenials } from '../denials/record-denials.ts';
import type { UnderpaidLine } from '../denials/record-denials.ts';
import { secondaryClaimFor } from './secondary-claim.ts';
import { crossoverOf } from './coordination-of-benefits.ts';
import { todayIn } from '../util/calendar-date.ts';

export type StoredClaimPayment = RemittanceClaim & {
  remittance: Remittance;
  lines: Array<RemittanceServiceLine & { adjustments: RemittanceAdjustment[] }>;
  adjustments: RemittanceAdjustment[];
};

export type ClaimToPost = Claim & {
  lines: ClaimLine[];
  coverage: Pick<Coverage, 'priority'>;
  patient: Pick<Patient, 'guarantorId'>;
  payer: Payer;
  practice: Pick<Practice, 'timeZone'>;
};

export const STORED_CLAIM_PAYMENT_INCLUDE = {
  remittance: true,
  lines: { include: { adjustments: true } },
  adjustments: { where: { serviceLineId: null } },
} as const;

export interface PostingOutcome {
  statusChanges: StatusChange[];
  denialIds: string[];
  secondaryClaimId?: string;
  /** Set when the payment was held unposted for review, saying why. */
  heldReason?: string;
}

export interface PostingOptions {
  /** The payer the 835 names, when on file: a claim billed to another payer is held. */
  namedPayerId?: string | null;
  /** A biller posts it by hand (matchRemittance): their decision overrides the holds. */
  reviewed?: boolean;
}

/** OA-23: the impact of prior payers' adjudication, as a later payer reports it. Information, never posted. */
const isPriorPayerAmount = (a: Pick<RemittanceAdjustment, 'groupCode' | 'reasonCode'>) =>
  a.groupCode === 'OA' && a.reasonCode === '23';

/**
 * Posts one claim payment of an 835 to the ledger, as the payer stated it:
 * - the payment (per service line when the payer itemized, else for the claim) lowers the claim's insurance A/R;
 * - CO adjustments are contractual write-offs and PI payer adjustments, except denial reasons (CO-16, CO-50 …),
 *   which stay on the insurance A/R for the denial work list: a denied balance is worked, not silently written off;
 * - PR moves the patient's share to the claim for the next coverage in force on the date of service (created
 *   ready to submit, or accepted as it stands when the payer forwarded it: a crossover); with no next coverage it
 *   moves to the guarantor account (deductible, coinsurance and copay kept apart), or is written off when a payer
 *   of last resort that forbids balance billing (Medicaid) adjudicated the visit;
 * - OI moves the amount to the claim for the next coverage, held on this claim's A/R when there is none;
 * - a reversal (CLP02 = 22) reverses the entries of the payment it takes back.
 * Then the claim's status follows; denied claims, denied lines and underpaid lines go to the work list (and a
 * payment resolves the items it answers).
 * Writes go through the batch: a paid claim costs no round trip of its own; the uncommon cases flush the batch
 * and work on the transaction directly.
 */
export async function postClaimPayment(
  batch: PostingBatch,
  ctx: DomainContext,
  rc: StoredClaimPayment,
  claim: ClaimToPost,
  options: PostingOptions = {},
): Promise<PostingOutcome> {
  const { tx, posting } = batch;
  const outcome: PostingOutcome = { statusChanges: [], denialIds: [] };
  const hold = options.reviewed ? undefined : holdReason(batch, rc, claim, options.namedPayerId ?? null);
  if (hold) {
    await tx.remittanceClaim.update({
      where: { id: rc.id },
      data: { postedAt: null, reviewReason: [rc.reviewReason, hold].filter(Boolean).join(' · ') },
    });
    outcome.heldReason = hold;
    return outcome;
  }
  // The practice's calendar day, not UTC's: an evening posting in Chicago belongs to that day.
  const today = todayIn(claim.practice.timeZone, ctx.clock.now());
  const paymentDate = rc.remittance.paymentDate ?? today;
  const base = {
    practiceId: claim.practiceId,
    patientId: claim.patientId,
    guarantorId: claim.patient.guarantorId,
    claimId: claim.id,
    coverageId: claim.coverageId,
    payerId: claim.payerId,
    remittanceId: rc.remittanceId,
    remittanceClaimId: rc.id,
    effectiveDate: paymentDate,
    agingDate: claimAgingDate(claim.lines),
  };
  const move = (to: Claim['status'], reason: string) => {
    if (claim.status === to || !CLAIM_TRANSITIONS[claim.status].includes(to)) return;
    outcome.statusChanges.push(batch.transitions.add(claim, to, { type: 'PAYER', reason }));
  };

  if (rc.statusCode === '22') {
    await batch.flush();
    const reversed = await reverseEarlierPayment(tx, batch, rc, claim, paymentDate);
    if (reversed) {
      move('ACCEPTED', `payment reversed by the payer (trace ${rc.remittance.traceNumber})`);
      if (!rc.postedAt) batch.markPosted(rc.id);
      return outcome;
    }
    await tx.remittanceClaim.update({
      where: { id: rc.id },
      data: { reviewReason: 'A reversal of a payment that was never posted here: posted as the payer stated it' },
    });
  }

  if (rc.payerClaimControlNumber && !claim.payerClaimControlNumber)
    batch.setPayerClaimNumber(claim, rc.payerClaimControlNumber);

  const entries: NewEntry[] = [];
  const denialCodes: string[] = [];
  const held: string[] = [];
  const next = batch.nextCoverage(claim);
  const crossover = crossoverOf(rc);
  const barredBy = next ? undefined : batch.balanceBillingBarredBy(claim);
  let nextClaim: Claim | undefined;
  // The claim for the next coverage, created the first time an amount moves to it (flushing the batch first).
  const claimForNext = async (coverage: NonNullable<typeof next>) => {
    if (!nextClaim) {
      await batch.flush();
      nextClaim = await secondaryClaimFor(tx, ctx, claim, outcome.statusChanges, { coverage, crossover });
    }
    return nextClaim;
  };
  const postAdjustments = async (
    adjustments: RemittanceAdjustment[],
    claimLineId: string | null,
    linePaid: number | null,
  ) => {
    for (const a of adjustments) {
      if (isPriorPayerAmount(a)) continue;
      const code = `${a.groupCode}-${a.reasonCode}`;
      const denial = denialCategoryOf(a.reasonCode);
      if (denial && (linePaid === 0 || rc.statusCode === '4')) denialCodes.push(code);
      const at = { ...base, claimLineId, reasonCode: code };
      if (a.groupCode === 'PR' && next) {
        // Coordination of benefits: the patient's share goes to the next payer before it reaches the patient.
        const to = await claimForNext(next);
        await posting.transfer(
          {
            ...at,
            account: 'INSURANCE',
            kind: 'OTHER_INSURANCE_TRANSFER',
            category: patientShareCategory(a.reasonCode),
          },
          { claimId: to.id, claimLineId: null, coverageId: to.coverageId, payerId: to.payerId },
          a.amountCents,
        );
      } else if (a.groupCode === 'PR' && barredBy) {
        entries.push({
          ...at,
          account: 'INSURANCE',
          kind: 'CONTRACTUAL_ADJUSTMENT',
          amountCents: -a.amountCents,
          memo: `not billed to the patient: ${barredBy} forbids balance billing`,
        });
      } else if (a.groupCode === 'PR') {
        await posting.transfer(
          {
            ...at,
            account: 'INSURANCE',
            kind: 'PATIENT_RESPONSIBILITY_TRANSFER',
            category: patientShareCategory(a.reasonCode),
          },
          { account: 'PATIENT', coverageId: null, payerId: null },
          a.amountCents,
        );
      } else if (a.groupCode === 'OI') {
        if (!next) {
          held.push(`${code} ${a.amountCents}: no next coverage on file to bill`);
          continue;
        }
        const to = await claimForNext(next);
        await posting.transfer(
          { ...at, account: 'INSURANCE', kind: 'OTHER_INSURANCE_TRANSFER' },
          { claimId: to.id, claimLineId: null, coverageId: to.coverageId, payerId: to.payerId },
          a.amountCents,
        );
      } else if (denial && (a.groupCode === 'CO' || a.groupCode === 'PI' || a.groupCode === 'CR')) {
      } else {
        entries.push({
          ...at,
          account: 'INSURANCE',
          kind: a.groupCode === 'CO' ? 'CONTRACTUAL_ADJUSTMENT' : 'PAYER_ADJUSTMENT',
          amountCents: -a.amountCents,
        });
      }
    }
  };

  if (rc.lines.length) {
    for (const line of rc.lines) {
      entries.push({
        ...base,
        account: 'INSURANCE',
        kind: 'INSURANCE_PAYMENT',
        amountCents: -line.paidCents,
        claimLineId: line.claimLineId,
      });
      await postAdjustments(line.adjustments, line.claimLineId, line.paidCents);
    }
  } else {
    entries.push({
      ...base,
      account: 'INSURANCE',
      kind: 'INSURANCE_PAYMENT',
      amountCents: -rc.paidCents,
      claimLineId: null,
    });
  }
  await postAdjustments(rc.adjustments, null, rc.lines.length ? null : rc.paidCents);
  await posting.post(entries);

  const notes = [
    rc.reviewReason,
    held.length ? `Held on the insurance A/R: ${held.join('; ')}` : null,
    crossover && !next
      ? `The payer forwarded the claim (${crossover}), but no next coverage is on file for its date of service`
      : null,
  ].filter(Boolean);
  if (notes.length > (rc.reviewReason ? 1 : 0))
    await tx.remittanceClaim.update({ where: { id: rc.id }, data: { reviewReason: notes.join(' · ') } });
  if (nextClaim) outcome.secondaryClaimId = nextClaim.id;

  if (batch.mayHaveOpenItems(claim.id)) {
    await batch.flush();
    const { changes } = await resolvePaidDenials(tx, rc, claim);
    for (const change of changes) batch.noteStatus(change);
    outcome.statusChanges.push(...changes);
  }
  const underpaid = flagUnderpayments(batch, rc, claim);
  if (underpaid.length || denialCodes.length || rc.statusCode === '4') {
    await batch.flush();
    outcome.denialIds.push(...(await recordDenials(tx, rc, claim, underpaid, today)));
  }

  const owed = { insuranceCents: batch.insuranceOwed(claim.id) };
  const allDenied = rc.statusCode === '4' || (rc.paidCents === 0 && denialCodes.length > 0);
  const someDenied = denialCodes.length > 0;
  const status = allDenied ? 'DENIED' : someDenied || owed.insuranceCents > 0 ? 'PARTIALLY_PAID' : 'PAID';
  move(
    status,
    `835 trace ${rc.remittance.traceNumber}: paid ${rc.paidCents}, patient share ${rc.patientResponsibilityCents}${denialCodes.length ? `, denied ${[...new Set(denialCodes)].join(' ')}` : ''}`,
  );
  if (!rc.postedAt) batch.markPosted(rc.id);
  return outcome;
}

/**
 * Why a claim payment must wait for a biller instead of posting, if it must: the 835's payer is on file and is
 * not the payer the claim was billed to (another payer's 835, or the secondary's 835 for the primary claim), or
 * posting it would leave the claim's insurance balance below zero (an overpayment, or a prior payer's amounts
 * counted again). A reversal (CLP02 = 22) is never held: it takes back what was posted.
 */
function holdReason(
  batch: PostingBatch,
  rc: StoredClaimPayment,
  claim: ClaimToPost,
  namedPayerId: string | null,
): string | undefined {
  if (rc.statusCode === '22') return undefined;
  if (namedPayerId && namedPayerId !== claim.payerId)
    return `Held: paid by ${rc.remittance.payerName}, but claim ${claim.patientControlNumber} is billed to ${claim.payer.name}; post it with matchRemittance once reviewed`;
  const owedAfter = batch.insuranceOwed(claim.id) - insuranceReduction(rc);
  if (owedAfter < 0)
    return `Held: posting it would leave an insurance credit of ${-owedAfter} cents on claim ${claim.patientControlNumber} (an overpayment, or a prior payer's amounts counted again); post it with matchRemittance once reviewed`;
  return undefined;
}

/** What a claim payment takes off the claim's insurance A/R when posted: payments, and adjustments that post. */
function insuranceReduction(rc: StoredClaimPayment): number {
  const paid = rc.lines.length ? rc.lines.reduce((s, l) => s + l.paidCents, 0) : rc.paidCents;
  // Denial reasons stay on the insurance A/R for the work list (as postClaimPayment does with them).
  const denied = (a: RemittanceAdjustment) =>
    Boolean(denialCategoryOf(a.reasonCode)) && ['CO', 'PI', 'CR'].includes(a.groupCode);
  const posted = (adjustments: RemittanceAdjustment[]) =>
    adjustments.filter((a) => !isPriorPayerAmount(a) && !denied(a)).reduce((s, a) => s + a.amountCents, 0);
  return paid + rc.lines.reduce((s, l) => s + posted(l.adjustments), 0) + posted(rc.adjustments);
}

/** Reverses the entries of the latest posted payment of this claim that is not yet reversed; false if there is none. */
async function reverseEarlierPayment(
  tx: Db,
  batch: PostingBatch,
  rc: StoredClaimPayment,
  claim: ClaimToPost,
  paymentDate: string,
): Promise<boolean> {
  const candidates = await tx.remittanceClaim.findMany({
    where: { claimId: claim.id, id: { not: rc.id }, statusCode: { not: '22' }, postedAt: { not: null } },
    orderBy: { createdAt: 'desc' },
  });
  const earlier =
    candidates.find((c) => rc.payerClaimControlNumber && c.payerClaimControlNumber === rc.payerClaimControlNumber) ??
    candidates[0];
  for (const candidate of earlier ? [earlier, ...candidates.filter((c) => c !== earlier)] : []) {
    const standing: LedgerEntry[] = await tx.ledgerEntry.findMany({
      where: { remittanceClaimId: candidate.id, kind: { not: 'REVERSAL' }, reversedBy: { none: {} } },
      orderBy: { createdAt: 'asc' },
    });
    if (!standing.length) continue;
    await batch.posting.reverse(standing, `reversed by the payer (835 trace ${rc.remittance.traceNumber})`, {
      effectiveDate: paymentDate,
      remittanceId: rc.remittanceId,
      remittanceClaimId: rc.id,
    });
    return true;
  }
  return false;
}

/**
 * A line is underpaid when what the payer allowed (AMT*B6, else paid plus the patient's share) is below the
 * contracted rate in the payer's fee schedule for the code, modifier and date, times the units. The figures are
 * kept on the remitted line (written with the batch when they are new).
 */
function flagUnderpayments(batch: PostingBatch, rc: StoredClaimPayment, claim: ClaimToPost): UnderpaidLine[] {
  const underpaid: UnderpaidLine[] = [];
  for (const line of rc.lines) {
    const figures = lineFigures(batch, claim, line);
    if (!figures) continue;
    const { expectedCents, allowedCents } = figures;
    if (line.expectedCents !== expectedCents || line.allowedCents !== allowedCents)
      batch.setLineFigures({ id: line.id, expectedCents, allowedCents, underpaid: allowedCents < expectedCents });
    if (allowedCents < expectedCents)
      underpaid.push({
        remittanceServiceLineId: line.id,
        claimLineId: line.claimLineId,
        expectedCents,
        allowedCents,
        paidCents: line.paidCents,
      });
  }
  return underpaid;
}

/** The contracted amount and the allowed amount of a paid line, when the payer's schedule has a rate for it. */
export function lineFigures(
  batch: PostingBatch,
  claim: ClaimToPost,
  line: Pick<
    RemittanceServiceLine,
    'paidCents' | 'claimLineId' | 'serviceDate' | 'procedureCode' | 'modifiers' | 'unitsMilli' | 'allowedCents'
  > & {
    adjustments: Array<Pick<RemittanceAdjustment, 'groupCode' | 'amountCents'>>;
  },
): { expectedCents: number; allowedCents: number } | undefined {
  if (line.paidCents <= 0) return undefined;
  const claimLine = claim.lines.find((l) => l.id === line.claimLineId);
  const date = line.serviceDate ?? claimLine?.serviceDate;
  if (!date) return undefined;
  const rate = batch.rate(claim, line.procedureCode, line.modifiers?.split(',')[0] ?? '', date);
  if (rate === undefined) return undefined;
  const units = claimLine?.unitsMilli ?? line.unitsMilli ?? 1000;
  const expectedCents = Math.round((rate * units) / 1000);
  const patientShare = line.adjustments.filter((a) => a.groupCode === 'PR').reduce((s, a) => s + a.amountCents, 0);
  return { expectedCents, allowedCents: line.allowedCents ?? line.paidCents + patientShare };
}
