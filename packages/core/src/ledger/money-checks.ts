import { ValidationError } from '../errors/billing-errors.ts';

/** A positive, safe-integer number of cents, or a validation error naming the field. */
export function positiveCents(value: number, path: string[]): number {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new ValidationError([
      { path, code: 'OUT_OF_RANGE', message: `${path.join('.')}: must be a positive number of cents` },
    ]);
  }
  return value;
}
