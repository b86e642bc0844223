/**
 * Shapes of the code sets a claim carries. These check form, not existence: the code lists change several times a
 * year and are kept as data elsewhere.
 */

/** ICD-10-CM: a letter, a digit, an alphanumeric, then up to four more after an optional dot (E11.9, S52521A). */
export function isIcd10Cm(code: string): boolean {
  return /^[A-Z][0-9][A-Z0-9](\.?[A-Z0-9]{1,4})?$/.test(code) && !code.endsWith('.');
}

/** ICD-10-CM as claims carry it: upper case, without the dot. */
export function normalizeIcd10(code: string): string {
  return code.trim().toUpperCase().replace('.', '');
}

/** CPT: five digits (Category I) or four digits and F (Category II) or T (Category III). */
export function isCpt(code: string): boolean {
  return /^\d{4}[0-9FT]$/.test(code);
}

/** HCPCS Level II: a letter and four digits (J1030, G0008). */
export function isHcpcsLevel2(code: string): boolean {
  return /^[A-Z]\d{4}$/.test(code);
}

export function isProcedureCode(code: string): boolean {
  return isCpt(code) || isHcpcsLevel2(code);
}

/** A procedure modifier: two letters or digits (25, LT, 59, XS). */
export function isModifier(code: string): boolean {
  return /^[A-Z0-9]{2}$/.test(code);
}

/** CMS place-of-service codes in use (codes not assigned, e.g. 06, 29, 30, are refused). */
export const PLACE_OF_SERVICE_CODES: ReadonlySet<string> = new Set([
  '01',
  '02',
  '03',
  '04',
  '05',
  '07',
  '08',
  '09',
  '10',
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '20',
  '21',
  '22',
  '23',
  '24',
  '25',
  '26',
  '27',
  '31',
  '32',
  '33',
  '34',
  '41',
  '42',
  '49',
  '50',
  '51',
  '52',
  '53',
  '54',
  '55',
  '56',
  '57',
  '58',
  '60',
  '61',
  '62',
  '65',
  '71',
  '72',
  '81',
  '99',
]);

export function isPlaceOfService(code: string): boolean {
  return PLACE_OF_SERVICE_CODES.has(code);
}

/** National Drug Code in the 11-digit 5-4-2 billing format, with or without dashes. */
export function isNdc(code: string): boolean {
  return /^\d{11}$/.test(code.replace(/-/g, '')) && (!code.includes('-') || /^\d{5}-\d{4}-\d{2}$/.test(code));
}
