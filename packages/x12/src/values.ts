import { fail } from './envelope.ts';
import type { Segment } from './tokenizer.ts';

/**
 * An X12 decimal (R type) as an integer count of 1/10^scale units, exactly — never through a float: the digits
 * are accumulated as an integer. Digits beyond `scale` must be zeros. @example decimalToScaled('-12.5', 2) // -1250
 */
export function decimalToScaled(value: string, scale: number): number | undefined {
  let i = 0;
  const negative = value.charCodeAt(0) === 45; // '-'
  if (negative) i = 1;
  let scaled = 0;
  let digits = 0;
  let fractionDigits = -1; // -1 until the decimal point
  for (; i < value.length; i++) {
    const c = value.charCodeAt(i);
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
  const raw = segment.elements[position] ?? '';
  if (raw === '') fail('MISSING_ELEMENT', `${segment.id}${pad(position)} (an amount) is required`, segment, position);
  const value = decimalToScaled(raw, 2);
  if (value === undefined) fail('BAD_ELEMENT', `${segment.id}${pad(position)} "${raw}" is not an amount with at most 2 decimals`, segment, position);
  return value;
}

/** Like `cents`, but an empty element is undefined. */
export function optionalCents(segment: Segment, position: number): number | undefined {
  return (segment.elements[position] ?? '') === '' ? undefined : cents(segment, position);
}

/** A quantity (units, days) in thousandths, exactly: 1.5 units → 1500. Empty → undefined. */
export function quantityMilli(segment: Segment, position: number): number | undefined {
  const raw = segment.elements[position] ?? '';
  if (raw === '') return undefined;
  const value = decimalToScaled(raw, 3);
  if (value === undefined) fail('BAD_ELEMENT', `${segment.id}${pad(position)} "${raw}" is not a quantity`, segment, position);
  return value;
}

/** CCYYMMDD → YYYY-MM-DD, checking it is a real calendar date. Empty → undefined. */
export function date(segment: Segment, position: number): string | undefined {
  const raw = segment.elements[position] ?? '';
  if (raw === '') return undefined;
  if (!isCalendarDate8(raw)) fail('BAD_ELEMENT', `${segment.id}${pad(position)} "${raw}" is not a date CCYYMMDD`, segment, position);
  return `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** CCYYMMDD that names a real day (no Date objects: this runs for every date of a large file). */
function isCalendarDate8(raw: string): boolean {
  if (raw.length !== 8) return false;
  for (let i = 0; i < 8; i++) {
    const c = raw.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const year = Number(raw.slice(0, 4));
  const month = Number(raw.slice(4, 6));
  const day = Number(raw.slice(6, 8));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

/** A required element's text. */
export function required(segment: Segment, position: number, what: string): string {
  const raw = segment.elements[position] ?? '';
  if (raw === '') fail('MISSING_ELEMENT', `${segment.id}${pad(position)} (${what}) is required`, segment, position);
  return raw;
}

/** An optional element's text (empty → undefined). */
export function text(segment: Segment, position: number): string | undefined {
  const raw = segment.elements[position];
  return raw === undefined || raw === '' ? undefined : raw;
}

/**
 * The components of a composite element. Uses ISA16; when the element has none of it but is written with another
 * usual component separator (some payers send `HC>99213>26` under ISA16 `:`), that one is used instead.
 */
export function composite(segment: Segment, position: number): string[] {
  const raw = segment.elements[position] ?? '';
  const separator = segment.delimiters.component;
  if (raw.includes(separator)) return raw.split(separator);
  for (const alternative of ['>', ':', '<', '^', '|']) {
    if (alternative !== separator && alternative !== segment.delimiters.element && /^[A-Z0-9]{2}$/.test(raw.split(alternative)[0] ?? '') && raw.includes(alternative)) {
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
  const fraction = String(abs % 100).padStart(2, '0').replace(/0+$/, '');
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Thousandths to an X12 decimal string: 1500 → "1.5". */
export function milliToDecimal(value: number): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const fraction = String(abs % 1000).padStart(3, '0').replace(/0+$/, '');
  return `${sign}${Math.floor(abs / 1000)}${fraction ? `.${fraction}` : ''}`;
}

/** YYYY-MM-DD → CCYYMMDD. */
export function toX12Date(iso: string): string {
  return iso.replace(/-/g, '');
}
