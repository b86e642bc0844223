import { describe, expect, it } from 'vitest';
import { centsToDecimal, decimalToScaled, milliToDecimal } from '../src/index.ts';

describe('X12 decimals ↔ integer cents, exactly', () => {
  it.each([
    ['0', 0],
    ['1', 100],
    ['1.5', 150],
    ['1.50', 150],
    ['1.500', 150],
    ['.5', 50],
    ['12.34', 1234],
    ['-12.34', -1234],
    ['-0', 0],
    ['0.01', 1],
    ['945.00', 94500],
    ['90071992547409.91', 9007199254740991],
  ])('%s → %i cents', (text, cents) => expect(decimalToScaled(text, 2)).toBe(cents));

  it.each(['', '-', '.', '1.2.3', '1,5', '12.345', '1e3', ' 1', '+1', '90071992547409.92'])('%j is refused', (text) =>
    expect(decimalToScaled(text, 2)).toBeUndefined(),
  );

  it.each([
    [0, '0'],
    [100, '1'],
    [150, '1.5'],
    [1234, '12.34'],
    [-1234, '-12.34'],
    [1, '0.01'],
    [-5, '-0.05'],
    [94500, '945'],
  ])('%i cents → %s', (cents, text) => expect(centsToDecimal(cents)).toBe(text));

  it('refuses a fractional number of cents when writing', () => expect(() => centsToDecimal(1.5)).toThrow(RangeError));

  it.each([
    [1000, '1'],
    [1500, '1.5'],
    [250, '0.25'],
    [61000, '61'],
  ])('%i thousandths → %s', (milli, text) => expect(milliToDecimal(milli)).toBe(text));

  it('round-trips every cent value in a range', () => {
    for (let cents = -10_000; cents <= 10_000; cents += 7)
      expect(decimalToScaled(centsToDecimal(cents), 2)).toBe(cents);
  });
});
