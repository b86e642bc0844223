// How the paper claim forms write values: NUCC's 1500 instructions and the NUBC UB-04 manual ask for dates as
// numbers with spaces between month, day and year (no slashes), amounts without a dollar sign, the cents set
// apart by a space where the form prints the decimal line, and capital letters (OCR reads them best).

/** YYYY-MM-DD → `MM DD YYYY` (the 1500's birth dates: 8 digits). */
export function longDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${m} ${d} ${y}`;
}

/** YYYY-MM-DD → `MM DD YY` (the 1500's service dates: 6 digits). */
export function shortDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${m} ${d} ${y!.slice(2)}`;
}

/** YYYY-MM-DD → `MMDDYY` (the UB-04's dates: 6 digits, no spaces). */
export function packedDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${m}${d}${y!.slice(2)}`;
}

/** Cents → `195 00`: dollars, a space where the form's decimal line is, cents. */
export function formAmount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)} ${String(abs % 100).padStart(2, '0')}`;
}

/** Units from thousandths: `1`, `2.5`. */
export function formUnits(milli: number): string {
  return String(milli / 1000);
}

/** `LAST, FIRST, M` in capitals: the 1500's name order (a comma between each part). */
export function formName(last: string, first: string, middle?: string | null): string {
  return [last, first, middle?.charAt(0)].filter(Boolean).join(', ').toUpperCase();
}

/** A phone as `512 5550100`: the area code (printed in the form's parentheses), a space, the number. */
export function formPhone(phone: string | null | undefined): string {
  const digits = (phone ?? '').replace(/\D/g, '').slice(-10);
  return digits.length === 10 ? `${digits.slice(0, 3)} ${digits.slice(3)}` : '';
}

/** A ZIP code without its hyphen (ZIP+4 as 9 digits). */
export function formZip(zip: string | null | undefined): string {
  return (zip ?? '').replace('-', '');
}

/** Diagnosis codes go on the forms without their period (NUCC and NUBC both). */
export function formDiagnosis(code: string): string {
  return code.replace('.', '').toUpperCase();
}
