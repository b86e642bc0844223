import { decodeId, ManualClock } from '@revcycle/core';
import { createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptingClearinghouse, era, pr, remittanceWorld } from './remittance-fixtures.ts';
import type { RemittanceWorld } from './remittance-fixtures.ts';

// A/R ages from the first date of service, counted to `asOf`: 30 days old is still 0–30, 31 is 31–60, and so on
// to 120 and 121 (from #22: moving a boundary by a day broke no test). One $220.00 claim per side of each
// boundary; the clock is pinned, so the day CI runs does not matter.
const AS_OF = '2026-12-31';
const AGING = `{ arAging(asOf: "${AS_OF}", groupBy: PRACTICE) { insurance {
  days0to30Cents days31to60Cents days61to90Cents days91to120Cents over120Cents totalCents } } }`;

let t: TestApi;
let token: string;
let w: RemittanceWorld;

beforeAll(async () => {
  t = await createTestApi({
    payers: [acceptingClearinghouse],
    clock: new ManualClock(new Date('2026-12-15T16:00:00Z')),
  });
  const organizationId = (await t.createOrganization('Aging Clinic')).id;
  token = await t.token(organizationId, ['admin']);
  w = await remittanceWorld(t, token);
});
afterAll(() => t.close());

describe('A/R aging at its boundaries', () => {
  it('puts a claim exactly 30, 60, 90 and 120 days old in the younger bucket and one day older in the next', async () => {
    // Days before 2026-12-31: 30 → 12-01, 31 → 11-30, 60 → 11-01, 61 → 10-31, 90 → 10-02, 91 → 10-01,
    // 120 → 09-02, 121 → 09-01.
    for (const date of [
      '2026-12-01',
      '2026-11-30',
      '2026-11-01',
      '2026-10-31',
      '2026-10-02',
      '2026-10-01',
      '2026-09-02',
      '2026-09-01',
    ])
      await w.submittedClaim(await w.patient(), date);
    const aging = await t.execute<{ arAging: { insurance: Record<string, number> } }>(AGING, { token });
    expect(aging.data!.arAging.insurance).toEqual({
      days0to30Cents: 22_000,
      days31to60Cents: 44_000,
      days61to90Cents: 44_000,
      days91to120Cents: 44_000,
      over120Cents: 22_000,
      totalCents: 176_000,
    });
  });
});

describe('PI adjustments', () => {
  it('post as payer adjustments, not contractual: arKeyFigures counts only CO as contractual', async () => {
    const c = await w.submittedClaim(await w.patient(), '2026-12-02');
    const x12 = era(
      'PI-1',
      [
        {
          pcn: c.pcn,
          chargeCents: 22_000,
          paidCents: 15_000,
          patientResponsibilityCents: 2_000,
          adjustments: [
            { groupCode: 'CO', reasonCode: '45', amountCents: 3_000 },
            { groupCode: 'PI', reasonCode: '94', amountCents: 2_000 },
            pr('2', 2_000),
          ],
        },
      ],
      { paymentDate: '2026-12-20' },
    );
    const imported = await t.execute<{ importRemittance: unknown }>(
      `mutation($x12: String!) { importRemittance(input: { x12: $x12 }) { __typename ... on ImportRemittanceSuccess { matched held } } }`,
      { token, variables: { x12 } },
    );
    expect(imported.data!.importRemittance).toEqual({ __typename: 'ImportRemittanceSuccess', matched: 1, held: 0 });
    const kinds = await t.db.ledgerEntry.findMany({
      where: { claimId: decodeId('Claim', c.id), reasonCode: { in: ['CO-45', 'PI-94'] } },
      select: { kind: true, reasonCode: true, amountCents: true },
      orderBy: { reasonCode: 'asc' },
    });
    expect(kinds).toEqual([
      { kind: 'CONTRACTUAL_ADJUSTMENT', reasonCode: 'CO-45', amountCents: -3_000 },
      { kind: 'PAYER_ADJUSTMENT', reasonCode: 'PI-94', amountCents: -2_000 },
    ]);
    const figures = await t.execute<{ arKeyFigures: { contractualAdjustmentsCents: number; paymentsCents: number } }>(
      '{ arKeyFigures(from: "2026-12-20", to: "2026-12-20") { contractualAdjustmentsCents paymentsCents } }',
      { token },
    );
    expect(figures.data!.arKeyFigures).toEqual({ contractualAdjustmentsCents: 3_000, paymentsCents: 15_000 });
  });
});
