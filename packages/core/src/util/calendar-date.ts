/** True for a real calendar date written `YYYY-MM-DD` (2024-02-29 yes, 2023-02-29 no). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Today's calendar date in an IANA time zone, optionally shifted by whole days (negative: the past). The shift is
 * counted in calendar days: shifting the instant by 24-hour days lands on the wrong date when a daylight-saving
 * change lies between (late in the evening, 170 days from November is the day after in May).
 */
export function todayIn(timeZone: string, now = new Date(), offsetDays = 0): string {
  const today = dayFormat(timeZone).format(now);
  return offsetDays === 0 ? today : addDays(today, offsetDays);
}

/** One formatter per zone: making an Intl.DateTimeFormat costs ~80 µs, more than a claim's whole posting. */
const DAY_FORMATS = new Map<string, Intl.DateTimeFormat>();
function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = DAY_FORMATS.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    DAY_FORMATS.set(timeZone, format);
  }
  return format;
}

/** A calendar date shifted by whole days (negative: earlier). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole days from one calendar date to another (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
