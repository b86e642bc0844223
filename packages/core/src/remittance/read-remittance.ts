import { parse835, X12ParseError } from '@revcycle/x12';
import type { Remittance835 } from '@revcycle/x12';
import { X12InputError } from '../errors/billing-errors.ts';

/** Parses an 835 for the API: a bad or truncated file becomes a typed error naming the segment and byte. */
export function readRemittance(x12: string): Remittance835[] {
  try {
    return parse835(x12);
  } catch (error) {
    throw asInputError(error);
  }
}

/** A parse error of the 835 reader as the API's typed error; any other error as it is. */
export function asInputError(error: unknown): unknown {
  if (!(error instanceof X12ParseError)) return error;
  return new X12InputError(
    error.code,
    error.segmentIndex,
    error.segmentId,
    error.elementPosition,
    error.byteOffset,
    `The 835 was not imported: ${error.message}`,
  );
}
