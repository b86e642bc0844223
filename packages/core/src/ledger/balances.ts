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

/** A guarantor account: the guarantor's entries, or a self-guaranteed patient's own. */
export function accountWhere(account: { guarantorId: string } | { patientId: string }): Prisma.LedgerEntryWhereInput {
  return 'guarantorId' in account ? { guarantorId: account.guarantorId } : { patientId: account.patientId, guarantorId: null };
}
