import { createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TestApi;
let token: string;

beforeAll(async () => {
  t = await createTestApi({ limits: { maxDepth: 6, maxCost: 400, maxPageSize: 50 }, introspection: false });
  const org = await t.createOrganization();
  token = await t.token(org.id, ['admin']);
});
afterAll(() => t.close());

describe('query limits', () => {
  it('refuses a query deeper than the limit with a clear error', async () => {
    const deep =
      '{ viewer { organization { practices(first: 1) { nodes { providers(first: 1) { nodes { practice { name } } } } } } } }';
    const res = await t.execute(deep, { token });
    expect(res.errors?.[0]?.message).toMatch(/^Query depth \d+ exceeds the limit of 6$/);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', limit: 'depth', max: 6 });
  });

  it('refuses a query costlier than the limit', async () => {
    const costly = '{ patients(first: 50) { nodes { coverages { payer { name } patient { firstName lastName } } } } }';
    const res = await t.execute(costly, { token });
    expect(res.errors?.[0]?.message).toMatch(/^Query cost \d+ exceeds the limit of 400$/);
  });

  it('refuses a page above the maximum page size instead of truncating it', async () => {
    const res = await t.execute('{ payers(first: 51) { nodes { name } } }', { token });
    expect(res.errors?.[0]?.message).toBe('first: 51 is above the maximum page size of 50');
    expect(res.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
  });

  it('turns introspection off when configured', async () => {
    const res = await t.execute('{ __schema { types { name } } }', { token });
    expect(res.errors?.[0]?.message).toMatch(/introspection/i);
  });
});

describe('error masking', () => {
  it('shows an unexpected failure as INTERNAL with no detail', async () => {
    // A vendor's authenticate() hands over a malformed practice list (numbers): the scoped query fails unexpectedly.
    let organizationId = '';
    const api = await createTestApi({
      auth: {
        authenticate: () => ({
          userId: 'u-bad',
          organizationId,
          roles: ['admin'],
          practiceIds: [42 as unknown as string],
        }),
      },
    });
    try {
      organizationId = (await api.createOrganization()).id;
      const res = await api.execute('{ patients(first: 1) { totalCount } }');
      expect(res.errors).toEqual([
        { message: 'Unexpected error.', path: ['patients', 'totalCount'], extensions: { code: 'INTERNAL' } },
      ]);
    } finally {
      await api.close();
    }
  });

  it('shows an expected failure with its code and a message naming the argument', async () => {
    const res = await t.execute('{ patients(first: 1, filter: { practiceId: "bogus" }) { totalCount } }', { token });
    expect(res.errors?.[0]).toMatchObject({
      message: 'filter.practiceId: not a Practice id',
      extensions: { code: 'VALIDATION_FAILED' },
    });
  });
});
