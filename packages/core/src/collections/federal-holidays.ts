import { addDays } from '../util/calendar-date.ts';

/**
 * The legal public holidays of 5 U.S.C. 6103(a) in a year (YYYY-MM-DD), each with the weekday it is observed on
 * when it falls on a weekend (Saturday → Friday, Sunday → Monday, 6103(b)): a day the post is closed either way,
 * so counting it out favours the consumer.
 */
export function federalHolidays(year: number): Set<string> {
  const fixed = [
    [1, 1], // New Year's Day
    [6, 19], // Juneteenth National Independence Day
    [7, 4], // Independence Day
    [11, 11], // Veterans Day
    [12, 25], // Christmas Day
  ].map(([month, day]) => isoDate(year, month!, day!));
  const floating = [
    nthWeekday(year, 1, 1, 3), // Birthday of Martin Luther King, Jr.: third Monday of January
    nthWeekday(year, 2, 1, 3), // Washington's Birthday: third Monday of February
    lastWeekday(year, 5, 1), // Memorial Day: last Monday of May
    nthWeekday(year, 9, 1, 1), // Labor Day: first Monday of September
    nthWeekday(year, 10, 1, 2), // Columbus Day: second Monday of October
    nthWeekday(year, 11, 4, 4), // Thanksgiving Day: fourth Thursday of November
  ];
  const observed = fixed.flatMap((date) => {
    const weekday = weekdayOf(date);
    return weekday === 6 ? [addDays(date, -1)] : weekday === 0 ? [addDays(date, 1)] : [];
  });
  return new Set([...fixed, ...floating, ...observed]);
}

/** 0 Sunday … 6 Saturday. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

const isoDate = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** The n-th given weekday (0 Sunday … 6 Saturday) of a month. */
function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  const first = isoDate(year, month, 1);
  return addDays(first, ((weekday - weekdayOf(first) + 7) % 7) + (n - 1) * 7);
}

function lastWeekday(year: number, month: number, weekday: number): string {
  const last = addDays(month === 12 ? isoDate(year + 1, 1, 1) : isoDate(year, month + 1, 1), -1);
  return addDays(last, -((weekdayOf(last) - weekday + 7) % 7));
}
