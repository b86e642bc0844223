import type { Db, Prisma } from '../db/prisma-client.ts';
import type { Posting } from '../ledger/post-entries.ts';

/** One part of a guarantor account's patient balance: a visit's (its claim), or the unapplied part (no claim). */
export interface BalancePiece {
  practiceId: string;
  patientId: string;
  guarantorId: string | null;
  claimId: string | null;
  cents: number;
  agingDate: string;
}

const accountKey = (p: Pick<BalancePiece, 'guarantorId' | 'patientId'>) =>
  p.guarantorId ? `g:${p.guarantorId}` : `p:${p.patientId}`;

/**
 * The patient balance of the accounts `where` selects, by account and then by visit, in one aggregate query:
 * the accounts that hold both a credit (a visit overpaid, or money not applied to any visit) and a visit still
 * owing are the ones whose credit can be applied.
 */
export async function balancePieces(db: Db, where: Prisma.LedgerEntryWhereInput): Promise<Map<string, BalancePiece[]>> {
  const rows = await db.ledgerEntry.groupBy({
    by: ['practiceId', 'guarantorId', 'patientId', 'claimId'],
    where: { ...where, account: 'PATIENT' },
    _sum: { amountCents: true },
    _min: { agingDate: true },
  });
  const accounts = new Map<string, BalancePiece[]>();
  for (const r of rows) {
    const cents = Number(r._sum.amountCents ?? 0);
    if (!cents || !r.patientId) continue;
    const piece = { ...r, patientId: r.patientId, cents, agingDate: r._min.agingDate ?? '' };
    const key = accountKey(piece);
    accounts.set(key, [...(accounts.get(key) ?? []), piece]);
  }
  return accounts;
}

/**
 * Applies an account's credits to its visits still owing, oldest visit first: each application is a transfer of
 * patient payment from the credit to the visit (the two entries sum to zero, so payments in the figures do not
 * change; the visit shows it paid). Returns the cents applied. What is left of a credit waits for a refund.
 */
export async function applyCredits(posting: Posting, pieces: readonly BalancePiece[], today: string): Promise<number> {
  // Money not applied to any visit goes first, then visits overpaid, oldest first.
  const credits = pieces
    .filter((p) => p.cents < 0)
    .map((p) => ({ ...p, left: -p.cents }))
    .sort((a, b) => Number(a.claimId !== null) - Number(b.claimId !== null) || a.agingDate.localeCompare(b.agingDate));
  const debits = pieces
    .filter((p) => p.cents > 0 && p.claimId)
    .map((p) => ({ ...p, left: p.cents }))
    .sort((a, b) => a.agingDate.localeCompare(b.agingDate) || a.claimId!.localeCompare(b.claimId!));
  let applied = 0;
  for (const credit of credits) {
    for (const debit of debits) {
      const cents = Math.min(credit.left, debit.left);
      if (cents <= 0) continue;
      await posting.transfer(
        {
          practiceId: debit.practiceId,
          account: 'PATIENT',
          kind: 'PATIENT_PAYMENT',
          patientId: debit.patientId,
          guarantorId: debit.guarantorId,
          claimId: debit.claimId,
          effectiveDate: today,
          agingDate: debit.agingDate,
          memo: 'patient credit applied to this visit',
        },
        {
          patientId: credit.patientId,
          claimId: credit.claimId,
          agingDate: credit.agingDate,
          memo: 'patient credit applied to another visit of the account',
        },
        cents,
      );
      credit.left -= cents;
      debit.left -= cents;
      applied += cents;
    }
  }
  return applied;
}
