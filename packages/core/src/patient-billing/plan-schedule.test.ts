import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueDateOf, planSchedule } from './plan-schedule.ts';

describe('payment plan schedules', () => {
  it('splits a total into equal installments with the remainder on the last', () => {
    expect(planSchedule(10_000, { count: 3 }, '2026-01-31', 'MONTHLY').map((i) => [i.dueDate, i.amountCents])).toEqual([
      ['2026-01-31', 3_333],
      ['2026-02-28', 3_333],
      ['2026-03-31', 3_334],
    ]);
  });
  it('pays a fixed amount until the total, the last one smaller', () => {
    expect(
      planSchedule(10_000, { installmentCents: 3_000 }, '2026-03-01', 'BIWEEKLY').map((i) => [
        i.sequence,
        i.dueDate,
        i.amountCents,
      ]),
    ).toEqual([
      [1, '2026-03-01', 3_000],
      [2, '2026-03-15', 3_000],
      [3, '2026-03-29', 3_000],
      [4, '2026-04-12', 1_000],
    ]);
  });
  it('monthly dates keep the day of month across a year end and leap years', () => {
    expect([0, 1, 2, 13].map((n) => dueDateOf('2027-12-29', 'MONTHLY', n))).toEqual([
      '2027-12-29',
      '2028-01-29',
      '2028-02-29',
      '2029-01-29',
    ]);
  });
  it('always sums to the total, every installment positive (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 500_000 }),
        (total, count, each) => {
          for (const schedule of [
            planSchedule(total, { count: Math.min(count, total) }, '2026-01-15', 'MONTHLY'),
            planSchedule(total, { installmentCents: Math.max(each, Math.ceil(total / 120)) }, '2026-01-15', 'WEEKLY'),
          ]) {
            expect(schedule.reduce((s, i) => s + i.amountCents, 0)).toBe(total);
            expect(schedule.every((i) => Number.isInteger(i.amountCents) && i.amountCents > 0)).toBe(true);
          }
        },
      ),
    );
  });
});
