/**
 * One CSV field: empty for a missing value, quoted when it holds a comma, quote or line break (RFC 4180), and
 * neutralized when a spreadsheet would run it as a formula (OWASP's CSV injection rule: a cell starting with =, +,
 * -, @, tab or carriage return gets a leading apostrophe). Plain numbers, negative amounts included, stay numbers.
 */
export function csvField(value: string | number | null | undefined): string {
  const text = value === undefined || value === null ? '' : String(value);
  const formula = /^[=+\-@\t\r]/.test(text) && !/^[-+]?\d+(\.\d+)?$/.test(text);
  const safe = formula ? `'${text}` : text;
  return /[",\r\n\t]/.test(safe) || formula ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export const csvLine = (values: Array<string | number | null | undefined>) => values.map(csvField).join(',');

/** Cents as a dollars-and-cents string (123456 → "1234.56"), in integers only. */
export function dollars(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** "1234.56" (or "1234.5", "1234") → 123456 cents, exactly; null when it is not an amount. */
export function parseDollars(text: string): number | null {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}
