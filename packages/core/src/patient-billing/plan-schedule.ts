import { addDays } from '../util/calendar-date.ts';

export const PLAN_FREQUENCIES = ['WEEKLY', 'BIWEEKLY', 'MONTHLY'] as const;
export type PlanFrequency = (typeof PLAN_FREQUENCIES)[number];

/** The n-th due date (0 = the start): monthly plans keep the day of month, clamped to short months (Jan 31 → Feb 28). */
export function dueDateOf(startDate: string, frequency: PlanFrequency, n: number): string {
  if (frequency === 'WEEKLY') return addDays(startDate, 7 * n);
  if (frequency === 'BIWEEKLY') return addDays(startDate, 14 * n);
  const [y, m, d] = startDate.split('-').map(Number) as [number, number, number];
  const month = m - 1 + n;
  const year = y + Math.floor(month / 12);
  const monthIndex = ((month % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, monthIndex, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

export interface ScheduledInstallment {
  sequence: number;
  dueDate: string;
  amountCents: number;
}

/**
 * A schedule in exact cents: either `count` installments (equal, the remainder on the last) or installments of
 * `installmentCents` until the total is reached (the last one smaller). The amounts always sum to the total.
 */
export function planSchedule(
  totalCents: number,
  terms: { count: number } | { installmentCents: number },
  startDate: string,
  frequency: PlanFrequency,
  firstSequence = 1,
): ScheduledInstallment[] {
  if (!Number.isSafeInteger(totalCents) || totalCents <= 0) return [];
  const amounts: number[] = [];
  if ('count' in terms) {
    const base = Math.floor(totalCents / terms.count);
    for (let i = 0; i < terms.count - 1; i++) amounts.push(base);
    amounts.push(totalCents - base * (terms.count - 1));
  } else {
    for (let left = totalCents; left > 0; left -= Math.min(left, terms.installmentCents))
      amounts.push(Math.min(left, terms.installmentCents));
  }
  return amounts.map((amountCents, i) => ({
    sequence: firstSequence + i,
    dueDate: dueDateOf(startDate, frequency, i),
    amountCents,
  }));
}
