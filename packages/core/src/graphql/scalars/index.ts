import { GraphQLError, Kind } from 'graphql';
import type { ValueNode } from 'graphql';
import { isCalendarDate } from '../../util/calendar-date.ts';
import { builder } from '../builder.ts';

function invalid(message: string): never {
  throw new GraphQLError(message, { extensions: { code: 'VALIDATION_FAILED' } });
}

function parseCents(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    invalid(`Cents must be a whole number of cents (a safe integer), got ${JSON.stringify(value)}`);
  }
  return value;
}

builder.scalarType('Cents', {
  description: 'An amount of money in integer cents (e.g. 12550 is $125.50). Never a float, never a formatted string.',
  serialize: (value) => parseCents(value),
  parseValue: parseCents,
  parseLiteral: (ast: ValueNode) =>
    ast.kind === Kind.INT ? parseCents(Number(ast.value)) : invalid('Cents must be an integer literal'),
});

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isCalendarDate(value))
    invalid(`Date must be a calendar date YYYY-MM-DD, got ${JSON.stringify(value)}`);
  return value;
}

builder.scalarType('Date', {
  description: 'A calendar date, `YYYY-MM-DD`, with no time zone (dates of service, birth dates, due dates).',
  serialize: (value) => value,
  parseValue: parseDate,
  parseLiteral: (ast) => (ast.kind === Kind.STRING ? parseDate(ast.value) : invalid('Date must be a string literal')),
});

function parseDateTime(value: unknown): Date {
  const date = typeof value === 'string' && /T.*(Z|[+-]\d\d:\d\d)$/.test(value) ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime()))
    invalid(`DateTime must be ISO-8601 with an offset, got ${JSON.stringify(value)}`);
  return date;
}

builder.scalarType('DateTime', {
  description: 'An instant, ISO-8601 with offset; returned in UTC.',
  serialize: (value) => (value instanceof Date ? value : new Date(value)).toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) =>
    ast.kind === Kind.STRING ? parseDateTime(ast.value) : invalid('DateTime must be a string literal'),
});

builder.scalarType('JSON', {
  description: 'Structured data whose shape is documented on the field.',
  serialize: (value) => value,
  parseValue: (value) => value,
});
