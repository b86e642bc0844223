import type { Db } from '../db/prisma-client.ts';

/**
 * The rate in effect on a date in a practice's charge master (payer null) or a payer's schedule: the entry for the
 * code and modifier if there is one, else for the code alone; the latest effective date wins.
 */
export async function scheduleAmount(
  tx: Db,
  practiceId: string,
  payerId: string | null,
  code: string,
  modifier: string,
  date: string,
): Promise<number | undefined> {
  const entries = await tx.feeScheduleEntry.findMany({
    where: {
      procedureCode: code,
      modifier: { in: modifier ? [modifier, ''] : [''] },
      effectiveDate: { lte: date },
      OR: [{ endDate: null }, { endDate: { gte: date } }],
      feeSchedule: { practiceId, payerId },
    },
    orderBy: { effectiveDate: 'desc' },
  });
  return (entries.find((e) => e.modifier === modifier) ?? entries.find((e) => e.modifier === ''))?.amountCents;
}

export function chargeMasterAmount(
  tx: Db,
  practiceId: string,
  code: string,
  modifier: string,
  date: string,
): Promise<number | undefined> {
  return scheduleAmount(tx, practiceId, null, code, modifier, date);
}
