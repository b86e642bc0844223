/**
 * The fixed list of error codes a client can see in `extensions.code` (docs/api-style: Errors).
 * Expected failures are `BillingError`s: typed union members in mutation payloads, or GraphQL errors with the code.
 */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'VALIDATION_FAILED',
  'CONFLICT',
  'INVALID_STATE_TRANSITION',
  'X12_PARSE_ERROR',
  'CONNECTOR_ERROR',
  'RATE_LIMITED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export abstract class BillingError extends Error {
  abstract readonly code: ErrorCode;
}

export interface FieldError {
  /** Path of the offending input field, e.g. ["input", "serviceLines", 1, "diagnosisPointers"]. */
  path: Array<string | number>;
  /** Machine-readable reason, e.g. INVALID_NPI, REQUIRED, OUT_OF_RANGE. */
  code: string;
  message: string;
}

export class ValidationError extends BillingError {
  override readonly name = 'ValidationError';
  readonly code = 'VALIDATION_FAILED' as const;
  constructor(
    readonly fieldErrors: FieldError[],
    message?: string,
  ) {
    super(message ?? fieldErrors.map((e) => e.message).join('; '));
  }
}

export class NotFoundError extends BillingError {
  override readonly name = 'NotFoundError';
  readonly code = 'NOT_FOUND' as const;
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} was not found`);
  }
}

export class ConflictError extends BillingError {
  override readonly name = 'ConflictError';
  readonly code = 'CONFLICT' as const;
}

export class ForbiddenError extends BillingError {
  override readonly name = 'ForbiddenError';
  readonly code = 'FORBIDDEN' as const;
}

export class InvalidStateTransitionError extends BillingError {
  override readonly name = 'InvalidStateTransitionError';
  readonly code = 'INVALID_STATE_TRANSITION' as const;
  constructor(
    readonly from: string,
    readonly to: string,
    message?: string,
  ) {
    super(message ?? `Cannot go from ${from} to ${to}`);
  }
}

/** An X12 file the API was given could not be read; says what and where (segment, element, byte). */
export class X12InputError extends BillingError {
  override readonly name = 'X12InputError';
  readonly code = 'X12_PARSE_ERROR' as const;
  constructor(
    readonly reason: string,
    readonly segmentIndex: number,
    readonly segmentId: string,
    readonly elementPosition: number,
    readonly byteOffset: number,
    message: string,
  ) {
    super(message);
  }
}
