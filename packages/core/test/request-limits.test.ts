import { createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TestApi;
let token: string;
/** An API with small body limits, to send bodies over them cheaply. */
let small: TestApi;
let smallToken: string;

beforeAll(async () => {
  t = await createTestApi({ introspection: false });
  token = await t.token((await t.createOrganization()).id, ['admin']);
  small = await createTestApi({ limits: { maxBodyBytes: 4_000, maxFileBodyBytes: 40_000 } });
  smallToken = await small.token((await small.createOrganization()).id, ['admin']);
});
afterAll(async () => {
  await t.close();
  await small.close();
});

const post = (body: string) =>
  small.api.yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${smallToken}` },
    body,
  });

describe('request limits', () => {
  it('refuses 1 000 aliases of an aggregate before running any, naming the limit; 30 pass the alias rule', async () => {
    const aliases = (n: number) =>
      Array.from(
        { length: n },
        (_, i) => `a${i}: arKeyFigures(from: "2026-01-01", to: "2026-01-31") { chargesCents }`,
      ).join(' ');
    const many = await t.execute(`{ ${aliases(1_000)} }`, { token });
    expect(many.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', limit: 'tokens' });
    const thirtyOne = await t.execute(`{ ${aliases(31)} }`, { token });
    expect(thirtyOne.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(thirtyOne.errors?.map((e) => e.extensions?.limit)).toContain('aliases');
  });

  it('costs an aggregate what it costs: nine fit the default limit, ten do not', async () => {
    const figures = (n: number) =>
      Array.from(
        { length: n },
        (_, i) => `f${i}: arKeyFigures(from: "2026-01-01", to: "2026-01-31") { chargesCents }`,
      ).join(' ');
    expect((await t.execute(`{ ${figures(9)} }`, { token })).errors).toBeUndefined();
    const ten = await t.execute(`{ ${figures(10)} }`, { token });
    expect(ten.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', limit: 'cost', max: 20_000 });
  });

  it('refuses a 3 000-fragment chain while parsing', async () => {
    const fragments = Array.from({ length: 3_000 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} }`).join(' ');
    const res = await t.execute(`{ ...F0 } ${fragments} fragment F3000 on Query { viewer { userId } }`, { token });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', limit: 'tokens', max: 5_000 });
  });

  it('refuses more directives than the limit', async () => {
    const directives = Array.from({ length: 51 }, () => '@include(if: true)').join(' ');
    const res = await t.execute(`{ viewer ${directives} { userId } }`, { token });
    expect(res.errors?.map((e) => e.extensions?.limit)).toContain('directives');
  });

  it('refuses an ordinary body over maxBodyBytes with 413, and admits a file operation up to maxFileBodyBytes', async () => {
    const padding = 'x'.repeat(5_000);
    const ordinary = await post(JSON.stringify({ query: '{ viewer { userId } }', variables: { padding } }));
    expect(ordinary.status).toBe(413);
    expect((await ordinary.json()).errors[0].extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      limit: 'maxBodyBytes',
      max: 4_000,
    });

    const file = await post(
      JSON.stringify({
        query: 'mutation($x12: String!) { importRemittance(input: { x12: $x12 }) { __typename } }',
        variables: { x12: padding },
      }),
    );
    expect(file.status).toBe(200);
    expect((await file.json()).data.importRemittance.__typename).toBe('X12Error');

    const tooLarge = await post(
      JSON.stringify({
        query: 'mutation($x12: String!) { importRemittance(input: { x12: $x12 }) { __typename } }',
        variables: { x12: 'x'.repeat(50_000) },
      }),
    );
    expect(tooLarge.status).toBe(413);
    expect((await tooLarge.json()).errors[0].extensions).toMatchObject({ limit: 'maxFileBodyBytes', max: 40_000 });
  });

  it('suggests no field names when introspection is off', async () => {
    const res = await t.execute('{ patiens(first: 1) { totalCount } }', { token });
    expect(res.errors?.[0]?.message).toBeDefined();
    expect(res.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('lets an ordinary page through: 50 remittances with their claims, lines and adjustments', async () => {
    const page = `{ remittances(first: 50) { nodes { traceNumber paymentCents payerName claimPayments { patientControlNumber
      paidCents adjustments { groupCode reasonCode amountCents } lines { procedureCode paidCents adjustments { groupCode reasonCode amountCents } } } } } }`;
    const res = await t.execute(page, { token });
    expect(res.errors).toBeUndefined();
  });
});
