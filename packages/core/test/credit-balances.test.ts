import { ManualClock } from '@revcycle/core';
import { createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptingClearinghouse, co, era, paidInFull, remittanceWorld } from './remittance-fixtures.ts';
import type { RemittanceWorld } from './remittance-fixtures.ts';

// Credit balances as their own list (from #22): an insurance overpayment a biller chose to post, and a patient's
// payment beyond what the account owes. Balances at exactly zero and balances owed are not credits. Claims are
// submitted (charged) on 2026-11-20, the clock's day.
const CREDITS = `{ creditBalances(asOf: "2026-12-31") {
  insurance { claim { id } payer { id } amountCents sinceDate }
  patient { patient { id } amountCents sinceDate } } }`;
const IMPORT = `mutation($x12: String!) { importRemittance(input: { x12: $x12 }) { ... on ImportRemittanceSuccess { held } } }`;
const REVIEW = `{ claimPaymentsForReview(first: 10) { nodes { id patientControlNumber } } }`;

let t: TestApi;
let token: string;
let w: RemittanceWorld;

beforeAll(async () => {
  t = await createTestApi({
    payers: [acceptingClearinghouse],
    clock: new ManualClock(new Date('2026-11-20T16:00:00Z')),
  });
  token = await t.token((await t.createOrganization('Credits Clinic')).id, ['admin']);
  w = await remittanceWorld(t, token);
});
afterAll(() => t.close());

const gql = async <T>(query: string, variables: Record<string, unknown> = {}) =>
  (await t.execute<T>(query, { token, variables })).data!;

describe('creditBalances', () => {
  it('lists an insurance overpayment by claim and payer and a patient overpayment by account, and nothing at zero', async () => {
    const over = await w.submittedClaim(await w.patient());
    const even = await w.submittedClaim(await w.patient());
    await w.submittedClaim(await w.patient()); // still with the payer: $220.00 owed
    // $220.00 owed; the payer pays $200.00 and writes off $30.00: $10.00 more than the claim's balance.
    const overpaid = { pcn: over.pcn, chargeCents: 22_000, paidCents: 20_000, adjustments: [co('45', 3_000)] };
    expect(
      await gql(IMPORT, { x12: era('CR-1', [overpaid, paidInFull(even)], { paymentDate: '2026-12-01' }) }),
    ).toEqual({
      importRemittance: { held: 1 },
    });
    const held = (
      await gql<{ claimPaymentsForReview: { nodes: Array<{ id: string; patientControlNumber: string }> } }>(REVIEW)
    ).claimPaymentsForReview.nodes.find((n) => n.patientControlNumber === over.pcn)!;
    await gql(`mutation($p: ID!, $c: ID!) { matchRemittance(claimPaymentId: $p, claimId: $c) { __typename } }`, {
      p: held.id,
      c: over.id,
    });
    // A patient who owes nothing pays $50.00 at the desk.
    const payer = await w.patient();
    await gql(`mutation($input: RecordPatientPaymentInput!) { recordPatientPayment(input: $input) { __typename } }`, {
      input: { patientId: payer.id, amountCents: 5_000, method: 'CASH', receivedDate: '2026-11-25' },
    });

    expect(await gql(CREDITS)).toEqual({
      creditBalances: {
        insurance: [{ claim: { id: over.id }, payer: { id: w.bcbsId }, amountCents: 1_000, sinceDate: '2026-12-01' }],
        patient: [{ patient: { id: payer.id }, amountCents: 5_000, sinceDate: '2026-11-25' }],
      },
    });

    // In the aging, credits stand apart: the overpaid claim does not hide $10.00 of the $220.00 owed at the same
    // age (first date of service 2026-10-01: 91 days on 2026-12-31), nor the $50.00 the $27.85 owed.
    const aging = await gql<{ arAging: Record<'insurance' | 'patient', Record<string, number>> }>(
      `{ arAging(asOf: "2026-12-31", groupBy: PRACTICE) {
        insurance { days61to90Cents days91to120Cents creditsCents totalCents }
        patient { days0to30Cents days91to120Cents creditsCents totalCents } } }`,
    );
    expect(aging.arAging).toEqual({
      insurance: { days61to90Cents: 0, days91to120Cents: 22_000, creditsCents: -1_000, totalCents: 21_000 },
      patient: { days0to30Cents: 0, days91to120Cents: 2_785, creditsCents: -5_000, totalCents: -2_215 },
    });
  });
});
