import { describe, expect, it } from 'vitest';
import { federalHolidays } from './federal-holidays.ts';
import { validationPeriodEnd } from './validation-period.ts';

const FEDERAL = { validationPeriodDays: 30, assumedReceiptBusinessDays: 5 };

describe('the validation period', () => {
  it('knows the 5 U.S.C. 6103(a) holidays of 2026, and the weekday a weekend one is observed on', () => {
    expect([...federalHolidays(2026)].sort()).toEqual([
      '2026-01-01',
      '2026-01-19',
      '2026-02-16',
      '2026-05-25',
      '2026-06-19',
      '2026-07-03', // Independence Day falls on a Saturday: observed Friday
      '2026-07-04',
      '2026-09-07',
      '2026-10-12',
      '2026-11-11',
      '2026-11-26',
      '2026-12-25',
    ]);
  });

  it('ends 30 days after receipt, assumed five business days after sending', () => {
    // Sent Monday 2026-03-02: received Monday 03-09 (5 weekdays), period ends 04-08.
    expect(validationPeriodEnd('2026-03-02', FEDERAL)).toBe('2026-04-08');
    // Sent Friday 2026-11-20: 23, 24, 25, (Thanksgiving 26 skipped) 27, 30 → received 11-30, ends 12-30.
    expect(validationPeriodEnd('2026-11-20', FEDERAL)).toBe('2026-12-30');
    // Sent Friday 2026-12-18: 21, 22, 23, 24, (Christmas 25 and the weekend skipped) 28 → ends 2027-01-27.
    expect(validationPeriodEnd('2026-12-18', FEDERAL)).toBe('2027-01-27');
    // Sent Wednesday 2026-12-30: 31, (New Year's Day 2027-01-01 and the weekend skipped) 4, 5, 6, 7 → ends 02-06.
    expect(validationPeriodEnd('2026-12-30', FEDERAL)).toBe('2027-02-06');
  });

  it('takes a practice’s longer assumption or period', () => {
    expect(validationPeriodEnd('2026-03-02', { validationPeriodDays: 30, assumedReceiptBusinessDays: 6 })).toBe(
      '2026-04-09',
    );
    expect(validationPeriodEnd('2026-03-02', { validationPeriodDays: 45, assumedReceiptBusinessDays: 5 })).toBe(
      '2026-04-23',
    );
  });
});
