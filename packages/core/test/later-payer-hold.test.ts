import { ManualClock } from '@revcycle/core';
import { createTestApi, queryData } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptingClearinghouse, era, paidInFull, pr, remittanceWorld } from './remittance-fixtures.ts';
import type { RemittanceWorld } from './remittance-fixtures.ts';

// Statements and dunning wait while a secondary or tertiary payer still owes on a visit: until it answers, what
// the patient owes is not known. BCBS pays each $220.00 visit $111.40 and leaves $27.85 to Medicare (secondary);
// Medicare pays $22.28 of it and leaves the patient $5.57 coinsurance. The clock is pinned; the daily cycle runs
// through the scheduler as in production.
const clock = new ManualClock(new Date('2026-11-20T18:00:00Z'));
const oa = (amountCents: number) => ({ groupCode: 'OA', reasonCode: '23', amountCents });
const ACCOUNT = `query($id: ID!) { node(id: $id) { ... on Patient { accountBalance { patientCents }
  dunning { status explanation } communications { purpose } } } }`;
type Account = {
  accountBalance: { patientCents: number };
  dunning: { status: string; explanation: string } | null;
  communications: Array<{ purpose: string }>;
};

let t: TestApi;
let token: string;
let w: RemittanceWorld;
beforeAll(async () => {
  t = await createTestApi({ payers: [acceptingClearinghouse], clock });
  token = await t.token((await t.createOrganization('Later Payer Clinic')).id, ['admin']);
  w = await remittanceWorld(t, token);
  await queryData(
    t,
    token,
    `mutation { updatePayer(input: { id: "${w.medicareId}", connectorId: "accepting-clearinghouse" }) { __typename } }`,
  );
  // $5.57 a visit: the minimum to state is lowered so that one visit's share is enough.
  await queryData(
    t,
    token,
    `mutation($input: SetPatientBillingPolicyInput!) { setPatientBillingPolicy(input: $input) { __typename } }`,
    {
      input: { practiceId: w.practiceId, minimumBalanceCents: 100 },
    },
  );
});
afterAll(() => t.close());

const gql = <T>(doc: string, variables: Record<string, unknown> = {}) => queryData<T>(t, token, doc, variables);
const account = async (id: string) => (await gql<{ node: Account }>(ACCOUNT, { id })).node;
const SECONDARY = `query($id: ID!) { node(id: $id) { ... on Claim { secondaryClaims { id patientControlNumber } } } }`;

/** Medicare's answer on the secondary claim of a visit: $22.28 paid, $5.57 to the patient. */
async function medicarePays(primaryId: string, trace: string) {
  const secondary = (
    await gql<{ node: { secondaryClaims: Array<{ id: string; patientControlNumber: string }> } }>(SECONDARY, {
      id: primaryId,
    })
  ).node.secondaryClaims[0]!;
  await gql(`mutation($ids: [ID!]!) { submitClaims(input: { claimIds: $ids }) { __typename } }`, {
    ids: [secondary.id],
  });
  const payment = {
    pcn: secondary.patientControlNumber,
    statusCode: '2',
    chargeCents: 22_000,
    paidCents: 2_228,
    adjustments: [oa(19_215), pr('2', 557)],
  };
  await gql(`mutation($x12: String!) { importRemittance(input: { x12: $x12 }) { __typename } }`, {
    x12: era(trace, [payment], { payer: { name: 'MEDICARE PART B', id: '04412' } }),
  });
}

describe('a later payer still owing', () => {
  it('holds the statement and dunning until it answers, then the account is stated', async () => {
    const p = await w.patient({ secondary: true });
    const settled = await w.submittedClaim(p, '2026-10-01');
    const open = await w.submittedClaim(p, '2026-10-08');
    await gql(`mutation($x12: String!) { importRemittance(input: { x12: $x12 }) { __typename } }`, {
      x12: era('LP-1', [paidInFull(settled), paidInFull(open)]),
    });
    await medicarePays(settled.id, 'LP-MCR-1');
    // The patient owes $5.57 on the settled visit; Medicare still owes $27.85 on the other.
    await t.api.runScheduledJobs();
    const held = await account(p.id);
    expect(held.accountBalance.patientCents).toBe(557);
    expect(held.dunning).toMatchObject({ status: 'HELD' });
    expect(held.dunning!.explanation).toContain('a secondary or tertiary payer still owes $27.85 on 1 visit');
    expect(held.communications).toEqual([]);
    // A statement run by hand holds it too.
    const RUN = `mutation($input: RunStatementsInput!) { runStatements(input: $input) { ... on StatementRunSuccess { held statements { id } } } }`;
    const run = (statementDate: string) =>
      gql<{ runStatements: { held: number; statements: Array<{ id: string }> } }>(RUN, {
        input: { practiceId: w.practiceId, statementDate },
      }).then((r) => r.runStatements);
    expect(await run('2026-11-20')).toEqual({ held: 1, statements: [] });

    await medicarePays(open.id, 'LP-MCR-2');
    clock.advanceDays(1);
    await t.api.runScheduledJobs();
    const stated = await account(p.id);
    expect(stated.accountBalance.patientCents).toBe(1_114);
    expect(stated.communications).toEqual([{ purpose: 'STATEMENT' }]);
    expect(await run('2026-11-22')).toMatchObject({ held: 0, statements: [{ id: expect.any(String) }] });
  });
});
