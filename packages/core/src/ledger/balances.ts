import type { Db, LedgerAccount, Prisma } from '../db/prisma-client.ts';

/** A balance split by who owes it. Always derived from the entries; nothing stores a balance. */
export interface Balance {
  insuranceCents: number;
  patientCents: number;
  practiceCents: number;
  totalCents: number;
}

/** Sums the entries that match `where`, by account, in one aggregate query. */
export async function balanceOf(db: Db, where: Prisma.LedgerEntryWhereInput): Promise<Balance> {
  const rows = await db.ledgerEntry.groupBy({ by: ['account'], where, _sum: { amountCents: true } });
  const of = (account: LedgerAccount) => Number(rows.find((r) => r.account === account)?._sum.amountCents ?? 0);
  const insuranceCents = of('INSURANCE');
  const patientCents = of('PATIENT');
  const practiceCents = of('PRACTICE');
  return { insuranceCents, patientCents, practiceCents, totalCents: insuranceCents + patientCents + practiceCents };
}

/**
 * A guarantor account as a filter on rows that name a patient and a guarantor (ledger entries, payment plans): the
 * guarantor's, or a self-guaranteed patient's own.
 */
export function accountWhere(
  account: { guarantorId: string } | { patientId: string },
): { guarantorId: string } | { patientId: string; guarantorId: null } {
  return 'guarantorId' in account
    ? { guarantorId: account.guarantorId }
    : { patientId: account.patientId, guarantorId: null };
}

/** What a guarantor account owes on its patient ledger, in cents. */
export async function accountPatientCents(
  db: Db,
  account: { guarantorId: string } | { patientId: string },
): Promise<number> {
  return (await balanceOf(db, { ...accountWhere(account), account: 'PATIENT' })).patientCents;
}
