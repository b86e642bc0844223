import type { Claim, ClaimLine, Db, DenialCategory, Payer, RemittanceAdjustment } from '../db/prisma-client.ts';
import { denialCategoryOf } from '../remittance/denial-category.ts';
import type { StoredClaimPayment } from '../remittance/post-claim-payment.ts';
import { addDays, daysBetween } from '../util/calendar-date.ts';
import { priorityOf } from './next-action.ts';
import { CLAIM_TRANSITIONS, transitionClaim } from '../claims/claim-status.ts';
import type { StatusChange } from '../claims/claim-status.ts';

type ClaimWithPayer = Claim & { lines: ClaimLine[]; payer: Payer };
export interface UnderpaidLine {
  remittanceServiceLineId: string;
  claimLineId: string | null;
  expectedCents: number;
  allowedCents: number;
  paidCents: number;
}

const OPEN = ['OPEN', 'IN_PROGRESS'] as const;
const codesOf = (adjustments: RemittanceAdjustment[], only: (code: string) => boolean) => [
  ...new Set(adjustments.map((a) => `${a.groupCode}-${a.reasonCode}`).filter((c) => only(c.split('-')[1]!))),
];
const categoryOf = (codes: string[]): DenialCategory =>
  codes.map((c) => denialCategoryOf(c.split('-')[1]!)).find(Boolean) ?? 'OTHER';

/**
 * A payment on a claim with open work items resolves them: the denied claim (or its replacement) was paid, the
 * appeal that was out is overturned, what the payment brought is recorded as recovered.
 */
export async function resolvePaidDenials(
  tx: Db,
  rc: StoredClaimPayment,
  claim: Claim,
): Promise<{ resolved: string[]; changes: StatusChange[] }> {
  const changes: StatusChange[] = [];
  if (rc.statusCode === '22' || rc.paidCents <= 0) return { resolved: [], changes };
  const items = await tx.denial.findMany({
    where: { status: { in: [...OPEN] }, OR: [{ claimId: claim.id }, { correctedClaimId: claim.id }] },
    include: { appeals: true, claim: true },
  });
  const resolved: string[] = [];
  for (const item of items) {
    const line = item.claimLineId ? rc.lines.find((l) => l.claimLineId === item.claimLineId) : undefined;
    // An underpayment is recovered by what the line is paid beyond the earlier payment; a denial by the whole payment.
    const recovered =
      item.correctedClaimId === claim.id || item.kind === 'CLAIM_DENIED'
        ? rc.paidCents
        : item.kind === 'UNDERPAID'
          ? (line?.paidCents ?? 0) - (item.paidCents ?? 0)
          : (line?.paidCents ?? 0);
    if (recovered <= 0) continue;
    await tx.denial.update({
      where: { id: item.id },
      data: {
        status: 'RESOLVED',
        resolvedAt: new Date(),
        recoveredCents: item.recoveredCents + recovered,
        outcome: `paid ${recovered} cents (835 trace ${rc.remittance.traceNumber})`,
      },
    });
    for (const appeal of item.appeals.filter((a) => a.submittedAt && (!a.outcome || a.outcome !== 'UPHELD'))) {
      if (!appeal.outcome)
        await tx.appeal.update({
          where: { id: appeal.id },
          data: {
            outcome: 'OVERTURNED',
            answeredAt: new Date(),
            payerResponse: `paid in 835 trace ${rc.remittance.traceNumber}`,
          },
        });
    }
    // The replaced claim is finished once its replacement is paid.
    if (item.correctedClaimId === claim.id && CLAIM_TRANSITIONS[item.claim.status].includes('CLOSED')) {
      changes.push(
        await transitionClaim(tx, item.claim, 'CLOSED', {
          type: 'PAYER',
          reason: `replacement ${claim.patientControlNumber} paid (835 trace ${rc.remittance.traceNumber})`,
        }),
      );
    }
    resolved.push(item.id);
  }
  return { resolved, changes };
}

/**
 * Puts what this claim payment denied or short-paid on the work list: the whole claim (CLP02 = 4), each line paid
 * nothing for a denial reason, each line allowed below the contract. A claim denied again while its appeal is out
 * does not open a second item: the appeal is recorded as upheld, and the item's next action is the next level.
 */
export async function recordDenials(
  tx: Db,
  rc: StoredClaimPayment,
  claim: ClaimWithPayer,
  underpaid: UnderpaidLine[],
  today: string,
): Promise<string[]> {
  const paymentDate = rc.remittance.paymentDate ?? today;
  const dueDate = addDays(paymentDate, claim.payer.appealWindowDays);
  const daysLeft = daysBetween(today, dueDate);
  const base = {
    organizationId: claim.organizationId,
    practiceId: claim.practiceId,
    claimId: claim.id,
    payerId: claim.payerId,
    remittanceClaimId: rc.id,
    dueDate,
    remarkCodes: [rc.remarkCodes, ...rc.lines.map((l) => l.remarkCodes)].filter(Boolean).join(',') || null,
  };
  const created: string[] = [];
  const isDenial = (code: string) => Boolean(denialCategoryOf(code));

  const upsert = async (
    kind: string,
    codes: string[],
    amountAtStakeCents: number,
    line?: { claimLineId: string | null; remittanceServiceLineId: string },
  ) => {
    const category = categoryOf(codes);
    const appealed = await tx.denial.findFirst({
      where: {
        claimId: claim.id,
        kind,
        claimLineId: line?.claimLineId ?? null,
        status: { in: [...OPEN] },
        appeals: { some: { submittedAt: { not: null }, outcome: null } },
      },
      include: { appeals: { orderBy: { createdAt: 'asc' } } },
    });
    if (appealed) {
      const appeal = appealed.appeals.filter((a) => a.submittedAt && !a.outcome).at(-1)!;
      await tx.appeal.update({
        where: { id: appeal.id },
        data: {
          outcome: 'UPHELD',
          answeredAt: new Date(),
          payerResponse: `denied again in 835 trace ${rc.remittance.traceNumber}: ${codes.join(' ')}`,
        },
      });
      await tx.denial.update({
        where: { id: appealed.id },
        data: {
          remittanceClaimId: rc.id,
          reasonCodes: codes.join(','),
          dueDate,
          priority: priorityOf(amountAtStakeCents, daysLeft),
        },
      });
      created.push(appealed.id);
      return;
    }
    const item = await tx.denial.create({
      data: {
        ...base,
        kind,
        category,
        reasonCodes: codes.join(','),
        amountAtStakeCents,
        expectedCents: amountAtStakeCents,
        paidCents: 0,
        priority: priorityOf(amountAtStakeCents, daysLeft),
        claimLineId: line?.claimLineId ?? null,
        remittanceServiceLineId: line?.remittanceServiceLineId ?? null,
      },
    });
    created.push(item.id);
  };

  const allAdjustments = [...rc.adjustments, ...rc.lines.flatMap((l) => l.adjustments)];
  if (rc.statusCode === '4') {
    const codes = codesOf(allAdjustments, isDenial);
    await upsert('CLAIM_DENIED', codes.length ? codes : codesOf(allAdjustments, () => true), rc.chargeCents);
  } else {
    for (const line of rc.lines) {
      const codes = codesOf(line.adjustments, isDenial);
      if (line.paidCents === 0 && codes.length)
        await upsert('LINE_DENIED', codes, line.chargeCents, {
          claimLineId: line.claimLineId,
          remittanceServiceLineId: line.id,
        });
    }
    if (!rc.lines.length && rc.paidCents === 0 && codesOf(rc.adjustments, isDenial).length)
      await upsert('CLAIM_DENIED', codesOf(rc.adjustments, isDenial), rc.chargeCents);
  }
  for (const u of underpaid) {
    const atStake = u.expectedCents - u.allowedCents;
    const item = await tx.denial.create({
      data: {
        ...base,
        kind: 'UNDERPAID',
        category: 'UNDERPAYMENT',
        reasonCodes: 'UNDERPAID',
        amountAtStakeCents: atStake,
        expectedCents: u.expectedCents,
        paidCents: u.paidCents,
        priority: priorityOf(atStake, daysLeft),
        claimLineId: u.claimLineId,
        remittanceServiceLineId: u.remittanceServiceLineId,
      },
    });
    created.push(item.id);
  }
  return created;
}
