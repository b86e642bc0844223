import type {
  Claim,
  ClaimLine,
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
import { CLAIM_TRANSITIONS, transitionClaim } from '../claims/claim-status.ts';
import type { StatusChange } from '../claims/claim-status.ts';
import type { DomainContext } from '../context/domain-context.ts';
import { scheduleAmount } from '../fee-schedules/schedule-amount.ts';
import { balanceOf } from '../ledger/balances.ts';
import { claimAgingDate } from '../ledger/claim-charges.ts';
import type { NewEntry, Posting } from '../ledger/post-entries.ts';
import { denialCategoryOf, patientShareCategory } from './denial-category.ts';
import { recordDenials, resolvePaidDenials } from '../denials/record-denials.ts';
import type { UnderpaidLine } from '../denials/record-denials.ts';
import { secondaryClaimFor } from './secondary-claim.ts';
import { todayIn } from '../util/calendar-date.ts';

export type StoredClaimPayment = RemittanceClaim & {
  remittance: Remittance;
  lines: Array<RemittanceServiceLine & { adjustments: RemittanceAdjustment[] }>;
  adjustments: RemittanceAdjustment[];
};

export type ClaimToPost = Claim & {
  lines: ClaimLine[];
  patient: Pick<Patient, 'guarantorId'>;
  payer: Payer;
  practice: Pick<Practice, 'timeZone'>;
};

/** What postClaimPayment needs loaded with the claim. */
export const CLAIM_TO_POST_INCLUDE = {
  lines: { orderBy: { lineNumber: 'asc' as const } },
  patient: { select: { guarantorId: true } },
  payer: true,
  practice: { select: { timeZone: true } },
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
}

/**
 * Posts one claim payment of an 835 to the ledger, as the payer stated it:
 * - the payment (per service line when the payer itemized, else for the claim) lowers the claim's insurance A/R;
 * - CO adjustments are contractual write-offs and PI payer adjustments, except denial reasons (CO-16, CO-50 …),
 *   which stay on the insurance A/R for the denial work list: a denied balance is worked, not silently written off;
 * - PR moves the patient's share to the guarantor account (deductible, coinsurance and copay kept apart);
 * - OI moves the amount to the claim for the next coverage, which is created ready to submit;
 * - a reversal (CLP02 = 22) reverses the entries of the payment it takes back.
 * Then the claim's status follows; denied claims, denied lines and underpaid lines go to the work list (and a
 * payment resolves the items it answers).
 */
export async function postClaimPayment(
  tx: Db,
  ctx: DomainContext,
  posting: Posting,
  rc: StoredClaimPayment,
  claim: ClaimToPost,
): Promise<PostingOutcome> {
  const outcome: PostingOutcome = { statusChanges: [], denialIds: [] };
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
  const move = async (to: Claim['status'], reason: string) => {
    const current = await tx.claim.findUniqueOrThrow({ where: { id: claim.id } });
    if (current.status === to || !CLAIM_TRANSITIONS[current.status].includes(to)) return;
    outcome.statusChanges.push(await transitionClaim(tx, current, to, { type: 'PAYER', reason }));
  };

  if (rc.statusCode === '22') {
    const reversed = await reverseEarlierPayment(tx, posting, rc, claim, paymentDate);
    if (reversed) {
      await move('ACCEPTED', `payment reversed by the payer (trace ${rc.remittance.traceNumber})`);
      await tx.remittanceClaim.update({ where: { id: rc.id }, data: { postedAt: new Date() } });
      return outcome;
    }
    await tx.remittanceClaim.update({
      where: { id: rc.id },
      data: { reviewReason: 'A reversal of a payment that was never posted here: posted as the payer stated it' },
    });
  }

  if (rc.payerClaimControlNumber && !claim.payerClaimControlNumber)
    await tx.claim.update({ where: { id: claim.id }, data: { payerClaimControlNumber: rc.payerClaimControlNumber } });

  const entries: NewEntry[] = [];
  const denialCodes: string[] = [];
  const held: string[] = [];
  let secondary: Claim | null | undefined;
  const postAdjustments = async (
    adjustments: RemittanceAdjustment[],
    claimLineId: string | null,
    linePaid: number | null,
  ) => {
    for (const a of adjustments) {
      const code = `${a.groupCode}-${a.reasonCode}`;
      const denial = denialCategoryOf(a.reasonCode);
      if (denial && (linePaid === 0 || rc.statusCode === '4')) denialCodes.push(code);
      const at = { ...base, claimLineId, reasonCode: code };
      if (a.groupCode === 'PR') {
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
        if (secondary === undefined) secondary = await secondaryClaimFor(tx, ctx, claim, outcome.statusChanges);
        if (!secondary) {
          held.push(`${code} ${a.amountCents}: no next coverage on file to bill`);
          continue;
        }
        await posting.transfer(
          { ...at, account: 'INSURANCE', kind: 'OTHER_INSURANCE_TRANSFER' },
          { claimId: secondary.id, claimLineId: null, coverageId: secondary.coverageId, payerId: secondary.payerId },
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

  if (held.length) {
    await tx.remittanceClaim.update({
      where: { id: rc.id },
      data: {
        reviewReason: [rc.reviewReason, `Held on the insurance A/R: ${held.join('; ')}`].filter(Boolean).join(' · '),
      },
    });
  }
  if (secondary) outcome.secondaryClaimId = secondary.id;

  outcome.statusChanges.push(...(await resolvePaidDenials(tx, rc, claim)).changes);
  outcome.denialIds.push(...(await recordDenials(tx, rc, claim, await flagUnderpayments(tx, rc, claim), today)));

  const owed = await balanceOf(tx, { claimId: claim.id, account: 'INSURANCE' });
  const allDenied = rc.statusCode === '4' || (rc.paidCents === 0 && denialCodes.length > 0);
  const someDenied = denialCodes.length > 0;
  const status = allDenied ? 'DENIED' : someDenied || owed.insuranceCents > 0 ? 'PARTIALLY_PAID' : 'PAID';
  await move(
    status,
    `835 trace ${rc.remittance.traceNumber}: paid ${rc.paidCents}, patient share ${rc.patientResponsibilityCents}${denialCodes.length ? `, denied ${[...new Set(denialCodes)].join(' ')}` : ''}`,
  );
  await tx.remittanceClaim.update({ where: { id: rc.id }, data: { postedAt: new Date(), claimId: claim.id } });
  return outcome;
}

/** Reverses the entries of the latest posted payment of this claim that is not yet reversed; false if there is none. */
async function reverseEarlierPayment(
  tx: Db,
  posting: Posting,
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
    await posting.reverse(standing, `reversed by the payer (835 trace ${rc.remittance.traceNumber})`, {
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
 * contracted rate in the payer's fee schedule for the code, modifier and date, times the units.
 */
async function flagUnderpayments(tx: Db, rc: StoredClaimPayment, claim: ClaimToPost): Promise<UnderpaidLine[]> {
  const underpaid: UnderpaidLine[] = [];
  for (const line of rc.lines) {
    if (line.paidCents <= 0) continue;
    const claimLine = claim.lines.find((l) => l.id === line.claimLineId);
    const date = line.serviceDate ?? claimLine?.serviceDate;
    if (!date) continue;
    const rate = await scheduleAmount(
      tx,
      claim.practiceId,
      claim.payerId,
      line.procedureCode,
      line.modifiers?.split(',')[0] ?? '',
      date,
    );
    if (rate === undefined) continue;
    const units = claimLine?.unitsMilli ?? line.unitsMilli ?? 1000;
    const expectedCents = Math.round((rate * units) / 1000);
    const patientShare = line.adjustments.filter((a) => a.groupCode === 'PR').reduce((s, a) => s + a.amountCents, 0);
    const allowedCents = line.allowedCents ?? line.paidCents + patientShare;
    await tx.remittanceServiceLine.update({
      where: { id: line.id },
      data: { expectedCents, allowedCents, underpaid: allowedCents < expectedCents },
    });
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
