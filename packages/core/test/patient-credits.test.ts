import { ManualClock } from '@revcycle/core';
import { createTestApi, queryData } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptingClearinghouse, era, paidInFull, remittanceWorld } from './remittance-fixtures.ts';
import type { RemittanceWorld } from './remittance-fixtures.ts';

// A credit on a guarantor account (money paid before anything was owed) is applied to the account's visits
// still owing — by a biller (applyPatientCredit) or by the daily cycle when the practice's policy says APPLY —
// or left for a refund under REFUND. The visit: BCBS leaves the patient $27.85.
const clock = new ManualClock(new Date('2026-11-20T18:00:00Z'));
const BALANCES = `query($p: ID!, $c: ID!) {
  patient: node(id: $p) { ... on Patient { accountBalance { patientCents } } }
  claim: node(id: $c) { ... on Claim { balance { patientCents } } } }`;

let t: TestApi;
let token: string;
let w: RemittanceWorld;
beforeAll(async () => {
  t = await createTestApi({ payers: [acceptingClearinghouse], clock });
  token = await t.token((await t.createOrganization('Credit Clinic')).id, ['admin']);
  w = await remittanceWorld(t, token);
});
afterAll(() => t.close());

const gql = <T>(doc: string, variables: Record<string, unknown> = {}) => queryData<T>(t, token, doc, variables);
const balances = async (patientId: string, claimId: string) => {
  const r = await gql<{
    patient: { accountBalance: { patientCents: number } };
    claim: { balance: { patientCents: number } };
  }>(BALANCES, { p: patientId, c: claimId });
  return { account: r.patient.accountBalance.patientCents, visit: r.claim.balance.patientCents };
};
const setCredits = (patientCredits: string) =>
  gql(`mutation($input: SetPatientBillingPolicyInput!) { setPatientBillingPolicy(input: $input) { __typename } }`, {
    input: { practiceId: w.practiceId, patientCredits },
  });

/** A patient who paid `paidCents` at the desk and then had a visit leave them $27.85. */
async function creditThenVisit(paidCents: number, trace: string) {
  const p = await w.patient();
  await gql(`mutation($input: RecordPatientPaymentInput!) { recordPatientPayment(input: $input) { __typename } }`, {
    input: { patientId: p.id, amountCents: paidCents, method: 'CASH', receivedDate: '2026-11-20' },
  });
  const c = await w.submittedClaim(p);
  await gql(`mutation($x12: String!) { importRemittance(input: { x12: $x12 }) { __typename } }`, {
    x12: era(trace, [paidInFull(c)]),
  });
  expect(await balances(p.id, c.id)).toEqual({ account: 2_785 - paidCents, visit: 2_785 });
  return { patient: p, claim: c };
}

describe('applyPatientCredit', () => {
  it('applies a credit smaller than the visit’s balance in full, and a larger one up to the balance', async () => {
    const apply = (patientId: string) =>
      gql<{ applyPatientCredit: { appliedCents: number; accountBalanceCents: number } }>(
        `mutation($id: ID!) { applyPatientCredit(input: { patientId: $id }) { ... on PatientCreditApplied { appliedCents accountBalanceCents } } }`,
        { id: patientId },
      ).then((r) => r.applyPatientCredit);
    const small = await creditThenVisit(1_000, 'CRD-1');
    expect(await apply(small.patient.id)).toEqual({ appliedCents: 1_000, accountBalanceCents: 1_785 });
    expect(await balances(small.patient.id, small.claim.id)).toEqual({ account: 1_785, visit: 1_785 });
    const large = await creditThenVisit(5_000, 'CRD-2');
    expect(await apply(large.patient.id)).toEqual({ appliedCents: 2_785, accountBalanceCents: -2_215 });
    expect(await balances(large.patient.id, large.claim.id)).toEqual({ account: -2_215, visit: 0 });
    // Nothing left owing: applying again moves nothing.
    expect(await apply(large.patient.id)).toEqual({ appliedCents: 0, accountBalanceCents: -2_215 });

    // Two billers at once: the credit goes onto the visit once, and the second finds nothing left to apply.
    const twice = await creditThenVisit(5_000, 'CRD-4');
    const answers = await Promise.all([apply(twice.patient.id), apply(twice.patient.id)]);
    expect(answers.map((a) => a.appliedCents).sort((a, b) => a - b)).toEqual([0, 2_785]);
    expect(await balances(twice.patient.id, twice.claim.id)).toEqual({ account: -2_215, visit: 0 });
  });
});

describe('the daily cycle', () => {
  it('leaves a credit for a refund under REFUND, and applies it under APPLY', async () => {
    const { patient, claim } = await creditThenVisit(5_000, 'CRD-3');
    await setCredits('REFUND');
    await t.api.runScheduledJobs();
    expect(await balances(patient.id, claim.id)).toEqual({ account: -2_215, visit: 2_785 });
    await setCredits('APPLY');
    clock.advanceDays(1);
    await t.api.runScheduledJobs();
    expect(await balances(patient.id, claim.id)).toEqual({ account: -2_215, visit: 0 });
  });
});
