import type { Delimiters } from '../delimiters.ts';
import { COMPONENT, REPETITION } from './placeholders.ts';
import { X12WriteError } from './x12-write-error.ts';

// The X12 basic character set (upper-case letters, digits, space and ! " & ' ( ) * + , - . / : ; ? =) and the
// extended set 5010 allows (lower-case letters, % @ [ ] _ { } \ | < > # $); `~` and `^` are left to delimiters.
const ALLOWED = /^[A-Za-z0-9 !"&'()*+,\-./:;?=%@[\]_{}\\|<>#$~^]*$/;

/**
 * A value in the X12 character sets: letters with diacritics lose them (MUÑOZ → MUNOZ, José → Jose), which keeps
 * names matchable by the payer, whose files carry them the same way. Anything still outside the sets is refused.
 */
export function toX12Characters(value: string): string {
  if (ALLOWED.test(value)) return value;
  const plain = value.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return plain;
}

/**
 * Checks one element's value before it is written: it must hold none of the interchange's separators (they would
 * split it) and only characters of the X12 sets. The stand-ins for component and repetition separators that
 * writers put between a composite's parts are allowed; a value may not contain them itself.
 */
export function checkElement(value: string, d: Delimiters, segmentId: string, position: number): void {
  for (const [name, separator] of [
    ['element separator', d.element],
    ['segment terminator', d.segment],
    ['component separator', d.component],
    ['repetition separator', d.repetition],
  ] as const) {
    if (separator && value.includes(separator))
      throw new X12WriteError(
        'DELIMITER_IN_DATA',
        `"${value.replaceAll(COMPONENT, d.component).replaceAll(REPETITION, d.repetition ?? '')}" contains the ${name} "${separator}"`,
        segmentId,
        position,
      );
  }
  const text = value.replaceAll(COMPONENT, '').replaceAll(REPETITION, '');
  if (!ALLOWED.test(text))
    throw new X12WriteError(
      'CHARACTER_SET',
      `"${text}" has characters outside the X12 character sets`,
      segmentId,
      position,
    );
}

/**
 * Why a value could not be written as an X12 element with the default separators, if it could not: a separator
 * inside it, a character outside the X12 sets (after transliteration), or more than `maxLength` characters. For
 * checks made before any file is written (a claim scrubber).
 */
export function x12ValueProblem(value: string, maxLength?: number): string | undefined {
  const plain = toX12Characters(value);
  const separator = ['*', '~', ':', '^'].find((s) => plain.includes(s));
  if (separator) return `contains "${separator}", a separator of X12 files`;
  if (!ALLOWED.test(plain)) return 'has characters outside the X12 character sets';
  if (maxLength !== undefined && plain.length > maxLength) return `is ${plain.length} characters; at most ${maxLength}`;
  return undefined;
}
