import type { Db, LedgerEntry } from '../db/prisma-client.ts';
import { accountWhere } from '../ledger/balances.ts';
import type { Posting } from '../ledger/post-entries.ts';
import type { Account } from '../statements/build-statement.ts';

/** The account's open patient share per claim (and any balance not on a claim), oldest first. */
async function openShares(
  tx: Db,
  account: Account,
): Promise<
  Array<{ claimId: string | null; patientId: string; practiceId: string; agingDate: string; openCents: number }>
> {
  const rows = await tx.ledgerEntry.groupBy({
    by: ['claimId', 'patientId', 'practiceId', 'agingDate'],
    where: { ...accountWhere(account), account: 'PATIENT' },
    _sum: { amountCents: true },
  });
  const byClaim = new Map<
    string,
    { claimId: string | null; patientId: string; practiceId: string; agingDate: string; openCents: number }
  >();
  for (const r of rows) {
    const key = r.claimId ?? `none:${r.patientId}`;
    const current = byClaim.get(key) ?? {
      claimId: r.claimId,
      patientId: r.patientId!,
      practiceId: r.practiceId,
      agingDate: r.agingDate,
      openCents: 0,
    };
    current.openCents += Number(r._sum.amountCents ?? 0);
    if (r.agingDate < current.agingDate) current.agingDate = r.agingDate;
    byClaim.set(key, current);
  }
  return [...byClaim.values()].filter((s) => s.openCents > 0).sort((a, b) => a.agingDate.localeCompare(b.agingDate));
}

/**
 * Adjusts the account's patient balance down, claim by claim, as WRITE_OFF entries carrying the reason: a
 * percentage of each claim's open share (100: all of it), rounded down to the cent so it never exceeds it, or an
 * amount applied to the oldest shares first (never more than is open).
 */
export async function adjustAccount(
  tx: Db,
  posting: Posting,
  account: Account,
  by: { percent: number } | { amountCents: number },
  reasonCode: string,
  memo: string,
  effectiveDate: string,
): Promise<LedgerEntry[]> {
  const guarantorId = 'guarantorId' in account ? account.guarantorId : null;
  const entries = [];
  let left = 'amountCents' in by ? by.amountCents : Infinity;
  for (const share of await openShares(tx, account)) {
    const amount = 'percent' in by ? Math.floor((share.openCents * by.percent) / 100) : Math.min(left, share.openCents);
    left -= amount;
    if (amount <= 0) continue;
    entries.push({
      practiceId: share.practiceId,
      account: 'PATIENT' as const,
      kind: 'WRITE_OFF' as const,
      amountCents: -amount,
      patientId: share.patientId,
      guarantorId,
      claimId: share.claimId,
      effectiveDate,
      agingDate: share.agingDate,
      reasonCode,
      memo,
    });
  }
  return posting.post(entries);
}
