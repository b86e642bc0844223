/**
 * NPI check digit: Luhn over the prefix 80840 followed by the first nine digits (CMS NPI standard).
 * @example isValidNpi('1234567893') // true
 */
export function isValidNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  return npiCheckDigit(npi.slice(0, 9)) === Number(npi[9]);
}

/** The check digit that completes a 9-digit NPI prefix. @example npiCheckDigit('123456789') // 3 */
export function npiCheckDigit(firstNine: string): number {
  if (!/^\d{9}$/.test(firstNine)) throw new RangeError('an NPI prefix is 9 digits');
  const digits = `80840${firstNine}`;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}
