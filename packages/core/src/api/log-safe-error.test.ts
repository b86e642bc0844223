import { describe, expect, it } from 'vitest';
import { logSafeError } from './log-safe-error.ts';

describe('logSafeError', () => {
  it('drops the quoted call (and the PHI in its arguments) from a Prisma-style message', () => {
    const error = new Error(
      '\nInvalid `tx.patient.create()` invocation in\n/app/x.ts:4:1\n\n  data: { firstName: "Dorothy", dateOfBirth: "1948-03-22" }\n\nUnique constraint failed on the fields: (`accountNumber`)',
    );
    Object.assign(error, { code: 'P2002' });
    const safe = logSafeError(error);
    expect(safe.code).toBe('P2002');
    expect(safe.message).toBe(
      'Invalid `tx.patient.create()` invocation in … Unique constraint failed on the fields: (`accountNumber`)',
    );
    expect(JSON.stringify(safe)).not.toContain('Dorothy');
  });

  it('keeps an ordinary message', () => {
    expect(logSafeError(new TypeError('x is undefined'))).toMatchObject({
      type: 'TypeError',
      message: 'x is undefined',
    });
  });
});
