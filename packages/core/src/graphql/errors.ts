import {
  type BillingError,
  ConflictError,
  ForbiddenError,
  InvalidStateTransitionError,
  NotFoundError,
  ValidationError,
  X12InputError,
} from '../errors/billing-errors.ts';
import type { FieldError } from '../errors/billing-errors.ts';
import { builder } from './builder.ts';

/** Every expected failure in a mutation payload implements this. */
export const ErrorInterface = builder.interfaceRef<BillingError>('Error').implement({
  description: 'An expected failure: the operation did nothing, and `code` and `message` say why.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'One of the fixed error codes (VALIDATION_FAILED, NOT_FOUND, …).' }),
    message: t.exposeString('message'),
  }),
});

const FieldErrorRef = builder.objectRef<FieldError>('FieldError').implement({
  description: 'One problem with one input field.',
  fields: (t) => ({
    path: t.stringList({ resolve: (e) => e.path.map(String), description: 'Path of the field, e.g. ["input","npi"].' }),
    code: t.exposeString('code', { description: 'Machine-readable reason, e.g. INVALID_NPI.' }),
    message: t.exposeString('message'),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'The input was rejected; each field error names the field and the reason.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    fieldErrors: t.field({ type: [FieldErrorRef], resolve: (e) => e.fieldErrors }),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'A referenced record does not exist in your organization.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ entity: t.exposeString('entity'), id: t.exposeID('id') }),
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  description: 'The change conflicts with existing data (a duplicate, a concurrent change).',
  interfaces: [ErrorInterface],
  fields: () => ({}),
});

builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  description: 'You may not make this change to this record.',
  interfaces: [ErrorInterface],
  fields: () => ({}),
});

builder.objectType(InvalidStateTransitionError, {
  name: 'InvalidStateTransitionError',
  description: 'The record is not in a state that allows this change.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ from: t.exposeString('from'), to: t.exposeString('to') }),
});

builder.objectType(X12InputError, {
  name: 'X12Error',
  description: 'An X12 file could not be read: nothing was changed. Says what is wrong and where.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    reason: t.exposeString('reason', {
      description: 'TRUNCATED, COUNT_MISMATCH, CONTROL_NUMBER_MISMATCH, BAD_ELEMENT, MISSING_SEGMENT, …',
    }),
    segmentIndex: t.exposeInt('segmentIndex', { description: '0-based index of the segment (the ISA is 0).' }),
    segmentId: t.exposeString('segmentId'),
    elementPosition: t.exposeInt('elementPosition', {
      description: '1-based element position; 0 for the segment as a whole.',
    }),
    byteOffset: t.exposeInt('byteOffset'),
  }),
});

/** The error types most mutations can return. */
export const COMMON_ERRORS = [ValidationError, NotFoundError, ConflictError, ForbiddenError];
