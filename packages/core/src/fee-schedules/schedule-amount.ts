import type { Db, FeeScheduleEntry } from '../db/prisma-client.ts';

type RateEntry = Pick<FeeScheduleEntry, 'procedureCode' | 'modifier' | 'effectiveDate' | 'endDate' | 'amountCents'>;

/**
 * The rule of `scheduleAmount` applied to entries already read (one schedule): the entry for the code and
 * modifier in force on the date if there is one, else for the code alone; the latest effective date wins.
 */
export function pickRate(
  entries: readonly RateEntry[],
  code: string,
  modifier: string,
  date: string,
): number | undefined {
  const inForce = entries
    .filter((e) => e.procedureCode === code && e.effectiveDate <= date && (e.endDate === null || e.endDate >= date))
    .sort((a, b) => (a.effectiveDate < b.effectiveDate ? 1 : a.effectiveDate > b.effectiveDate ? -1 : 0));
  return (inForce.find((e) => e.modifier === modifier) ?? inForce.find((e) => e.modifier === ''))?.amountCents;
}

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
  });
  return pickRate(entries, code, modifier, date);
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
