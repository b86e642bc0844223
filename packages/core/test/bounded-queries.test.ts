import type { Remittance835 } from '@revcycle/x12';
import { createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimsFor } from '../src/remittance/match-claims.ts';
import { chunks } from '../src/util/chunks.ts';

let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

describe('queries sized by a file stay bounded', () => {
  it('splits a list into pieces of at most the size, in order', () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunks([], 2)).toEqual([]);
    expect(chunks(Array.from({ length: 1_001 }, (_, i) => i)).map((c) => c.length)).toEqual([500, 500, 1]);
  });

  it('looks up the claims of an 835 with 5 000 claim payments in one piece per 500 numbers', async () => {
    const numbers = Array.from({ length: 5_000 }, (_, i) => `RC${String(i).padStart(10, '0')}`);
    const statements: string[] = [];
    const remittance = {
      claims: numbers.map((patientControlNumber) => ({ patientControlNumber })),
    } as unknown as Remittance835;
    const counting = new Proxy(t.db, {
      get(target, key) {
        if (key !== 'claim') return Reflect.get(target, key);
        return {
          findMany: (args: unknown) => {
            statements.push('claim');
            return target.claim.findMany(args as never);
          },
        };
      },
    });
    const found = await claimsFor(counting, [remittance]);
    expect(found.size).toBe(0);
    expect(statements).toHaveLength(10);
  });
});
