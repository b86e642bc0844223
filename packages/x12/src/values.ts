import { X12WriteError } from './writer/x12-write-error.ts';
import { fail } from './envelope.ts';
import type { Delimiters } from './delimiters.ts';
import type { Segment } from './tokenizer.ts';

/**
 * An X12 decimal (R type) as an integer count of 1/10^scale units, exactly — never through a float: the digits
 * are accumulated as an integer. Digits beyond `scale` must be zeros. @example decimalToScaled('-12.5', 2) // -1250
 */
export function decimalToScaled(value: string, scale: number): number | undefined {
  return scaledDecimalIn(value, 0, value.length, scale);
}

/** `decimalToScaled` of `text[from, to)`, read in place. */
export function scaledDecimalIn(text: string, from: number, to: number, scale: number): number | undefined {
  let i = from;
  const negative = text.charCodeAt(i) === 45; // '-'
  if (negative) i++;
  let scaled = 0;
  let digits = 0;
  let fractionDigits = -1; // -1 until the decimal point
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (fractionDigits >= 0) return undefined;
      fractionDigits = 0;
      continue;
    }
    if (c < 48 || c > 57) return undefined;
    digits++;
    if (fractionDigits >= 0) {
      if (fractionDigits >= scale) {
        if (c !== 48) return undefined; // only zeros may follow the last kept decimal
        continue;
      }
      fractionDigits++;
    }
    scaled = scaled * 10 + (c - 48);
  }
  if (digits === 0) return undefined;
  for (let f = Math.max(fractionDigits, 0); f < scale; f++) scaled *= 10;
  if (!Number.isSafeInteger(scaled)) return undefined;
  return negative && scaled !== 0 ? -scaled : scaled;
}

/** Element `position` of a segment as cents; a malformed amount is a BAD_ELEMENT error at that element. */
export function cents(segment: Segment, position: number): number {
  const from = segment.locate(position);
  const to = segment.elementEnd;
  if (from < 0 || from === to)
    fail('MISSING_ELEMENT', `${segment.id}${pad(position)} (an amount) is required`, segment, position);
  const value = scaledDecimalIn(segment.text, from, to, 2);
  if (value === undefined)
    fail(
      'BAD_ELEMENT',
      `${segment.id}${pad(position)} "${segment.element(position)}" is not an amount with at most 2 decimals`,
      segment,
      position,
    );
  return value;
}

/** Like `cents`, but an empty element is undefined. */
export function optionalCents(segment: Segment, position: number): number | undefined {
  return segment.has(position) ? cents(segment, position) : undefined;
}

/** A quantity (units, days) in thousandths, exactly: 1.5 units → 1500. Empty → undefined. */
export function quantityMilli(segment: Segment, position: number): number | undefined {
  const from = segment.locate(position);
  const to = segment.elementEnd;
  if (from < 0 || from === to) return undefined;
  const value = scaledDecimalIn(segment.text, from, to, 3);
  if (value === undefined)
    fail(
      'BAD_ELEMENT',
      `${segment.id}${pad(position)} "${segment.element(position)}" is not a quantity`,
      segment,
      position,
    );
  return value;
}

/** CCYYMMDD → YYYY-MM-DD, checking it is a real calendar date. Empty → undefined. */
export function date(segment: Segment, position: number): string | undefined {
  const from = segment.locate(position);
  const to = segment.elementEnd;
  if (from < 0 || from === to) return undefined;
  return (
    isoDateIn(segment.text, from, to) ??
    fail(
      'BAD_ELEMENT',
      `${segment.id}${pad(position)} "${segment.element(position)}" is not a date CCYYMMDD`,
      segment,
      position,
    )
  );
}

/** `date` of a value taken from inside an element (e.g. one end of an RD8 range); errors point at `position`. */
export function dateFromText(raw: string, segment: Segment, position: number): string | undefined {
  if (raw === '') return undefined;
  return (
    isoDateIn(raw, 0, raw.length) ??
    fail('BAD_ELEMENT', `${segment.id}${pad(position)} "${raw}" is not a date CCYYMMDD`, segment, position)
  );
}

/**
 * `text[from, to)` as YYYY-MM-DD when it is CCYYMMDD naming a real day, else undefined. No Date objects and, for a
 * date seen before, no new string: a remittance repeats a few dates thousands of times.
 */
const isoDates = new Map<number, string>();
export function isoDateIn(text: string, from: number, to: number): string | undefined {
  if (to - from !== 8) return undefined;
  let yyyymmdd = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    yyyymmdd = yyyymmdd * 10 + (c - 48);
  }
  const known = isoDates.get(yyyymmdd);
  if (known !== undefined) return known;
  const year = Math.floor(yyyymmdd / 10_000);
  const month = Math.floor(yyyymmdd / 100) % 100;
  const day = yyyymmdd % 100;
  if (month < 1 || month > 12 || day < 1) return undefined;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!)) return undefined;
  const iso = `${text.slice(from, from + 4)}-${text.slice(from + 4, from + 6)}-${text.slice(from + 6, to)}`;
  if (isoDates.size >= 10_000) isoDates.clear();
  isoDates.set(yyyymmdd, iso);
  return iso;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A required element's text. */
export function required(segment: Segment, position: number, what: string): string {
  const raw = segment.element(position);
  if (raw === '') fail('MISSING_ELEMENT', `${segment.id}${pad(position)} (${what}) is required`, segment, position);
  return raw;
}

/** An optional element's text (empty → undefined). */
export function text(segment: Segment, position: number): string | undefined {
  const raw = segment.element(position);
  return raw === '' ? undefined : raw;
}

/**
 * The components of a composite element. Uses ISA16; when the element has none of it but is written with another
 * usual component separator (some payers send `HC>99213>26` under ISA16 `:`), that one is used instead.
 */
export function composite(segment: Segment, position: number): string[] {
  return componentsOf(segment.element(position), segment.delimiters);
}

/** The components of one composite element's text (see `composite`). */
export function componentsOf(raw: string, delimiters: Delimiters): string[] {
  const separator = delimiters.component;
  if (raw.includes(separator)) return raw.split(separator);
  for (const alternative of ['>', ':', '<', '^', '|']) {
    if (
      alternative !== separator &&
      alternative !== delimiters.element &&
      /^[A-Z0-9]{2}$/.test(raw.split(alternative)[0] ?? '') &&
      raw.includes(alternative)
    ) {
      return raw.split(alternative);
    }
  }
  return [raw];
}

export function pad(position: number): string {
  return String(position).padStart(2, '0');
}

/** Cents to an X12 decimal string: 12550 → "125.5", -300 → "-3", 0 → "0". */
export function centsToDecimal(value: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${value} is not a whole number of cents`);
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const whole = Math.floor(abs / 100);
  const fraction = String(abs % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Thousandths to an X12 decimal string: 1500 → "1.5". */
export function milliToDecimal(value: number): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const fraction = String(abs % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return `${sign}${Math.floor(abs / 1000)}${fraction ? `.${fraction}` : ''}`;
}

/** YYYY-MM-DD → CCYYMMDD. */
export function toX12Date(iso: string): string {
  // Writers only: a date that is not a real YYYY-MM-DD day is refused, never written as given.
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const day = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !day || day.getUTCMonth() !== Number(m[2]) - 1 || day.getUTCDate() !== Number(m[3]))
    throw new X12WriteError('BAD_VALUE', `"${iso}" is not a calendar date (YYYY-MM-DD)`, '', 0);
  return `${m[1]}${m[2]}${m[3]}`;
}
