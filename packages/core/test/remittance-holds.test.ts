import { createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptingClearinghouse, co, era, paidInFull, pr, remittanceWorld } from './remittance-fixtures.ts';
import type { ClaimPaymentSpec, RemittanceWorld } from './remittance-fixtures.ts';

// What an 835 may not post on its own: another payer's claims, and more than the claim's insurance balance. Both
// are held unposted with the reason until a biller posts them with matchRemittance. Prior payers' amounts (OA-23)
// are information. The test claim: 99214 $195.00 + 36415 $25.00 = $220.00 on BCBS (payer id 84980).
const IMPORT = `mutation($x12: String!) { importRemittance(input: { x12: $x12 }) { __typename
  ... on ImportRemittanceSuccess { matched held } } }`;
const CLAIM = `query($id: ID!) { node(id: $id) { ... on Claim { status balance { insuranceCents patientCents }
  ledgerEntries { kind reasonCode amountCents } } } }`;
const REVIEW = `{ claimPaymentsForReview(first: 50) { nodes { id patientControlNumber posted reviewReason } } }`;
const MATCH = `mutation($claimPaymentId: ID!, $claimId: ID!) { matchRemittance(claimPaymentId: $claimPaymentId, claimId: $claimId) {
  __typename ... on ClaimPayment { posted } } }`;
const MEDICARE = { name: 'MEDICARE PART B', id: '04412' };

type Claim = {
  status: string;
  balance: { insuranceCents: number; patientCents: number };
  ledgerEntries: Array<{ kind: string; reasonCode: string | null; amountCents: number }>;
};

let t: TestApi;
let token: string;
let w: RemittanceWorld;

beforeAll(async () => {
  t = await createTestApi({ payers: [acceptingClearinghouse] });
  const organizationId = (await t.createOrganization('Holds Clinic')).id;
  token = await t.token(organizationId, ['admin']);
  w = await remittanceWorld(t, token);
});
afterAll(() => t.close());

async function submitted() {
  return w.submittedClaim(await w.patient());
}
async function post(x12: string) {
  const r = await t.execute<{ importRemittance: { __typename: string; matched: number; held: number } }>(IMPORT, {
    token,
    variables: { x12 },
  });
  return r.data!.importRemittance;
}
async function claim(id: string): Promise<Claim> {
  return (await t.execute<{ node: Claim }>(CLAIM, { token, variables: { id } })).data!.node;
}
async function review(pcn: string) {
  const r = await t.execute<{
    claimPaymentsForReview: {
      nodes: Array<{ id: string; patientControlNumber: string; posted: boolean; reviewReason: string }>;
    };
  }>(REVIEW, { token });
  return r.data!.claimPaymentsForReview.nodes.find((n) => n.patientControlNumber === pcn);
}
/** One line of $220.00 paid `paidCents` with a CO-45 of `contractualCents`. */
const oneLine = (pcn: string, paidCents: number, contractualCents: number): ClaimPaymentSpec => ({
  pcn,
  chargeCents: 22_000,
  paidCents,
  adjustments: [co('45', contractualCents)],
});

describe('an 835 from another payer than the claim’s', () => {
  it('is held unposted with the reason, and posts when a biller matches it', async () => {
    const c = await submitted();
    expect(await post(era('MCR-1', [paidInFull(c)], { payer: MEDICARE }))).toEqual({
      __typename: 'ImportRemittanceSuccess',
      matched: 1,
      held: 1,
    });
    expect(await claim(c.id)).toMatchObject({
      status: 'SUBMITTED',
      balance: { insuranceCents: 22_000, patientCents: 0 },
    });
    const held = await review(c.pcn);
    expect(held).toMatchObject({ posted: false });
    expect(held!.reviewReason).toContain('paid by MEDICARE PART B, but claim');
    expect(held!.reviewReason).toContain('billed to');

    const matched = await t.execute<{ matchRemittance: { __typename: string; posted: boolean } }>(MATCH, {
      token,
      variables: { claimPaymentId: held!.id, claimId: c.id },
    });
    expect(matched.data!.matchRemittance).toEqual({ __typename: 'ClaimPayment', posted: true });
    // $220.00 − $111.40 paid − $80.75 contractual − $27.85 to the patient = $0.
    expect(await claim(c.id)).toMatchObject({ status: 'PAID', balance: { insuranceCents: 0, patientCents: 2_785 } });
  });

  it('posts when the 835 names the claim’s own payer, or a payer not on file', async () => {
    const own = await submitted();
    expect(await post(era('BCBS-OWN-1', [paidInFull(own)]))).toMatchObject({ matched: 1, held: 0 });
    const unknown = await submitted();
    expect(await post(era('UNK-1', [paidInFull(unknown)], { payer: { name: 'SOME TPA', id: '99999' } }))).toMatchObject(
      {
        matched: 1,
        held: 0,
      },
    );
    for (const id of [own.id, unknown.id])
      expect((await claim(id)).balance).toEqual({ insuranceCents: 0, patientCents: 2_785 });
  });
});

describe('an 835 that would leave an insurance credit', () => {
  it('is held when it takes one cent more than the claim’s insurance balance', async () => {
    const c = await submitted();
    expect(await post(era('OVER-1', [oneLine(c.pcn, 15_000, 7_001)]))).toMatchObject({ held: 1 });
    expect((await claim(c.id)).balance.insuranceCents).toBe(22_000);
    expect((await review(c.pcn))!.reviewReason).toContain('insurance credit of 1 cents');
  });

  it('posts when it takes exactly the insurance balance', async () => {
    const c = await submitted();
    expect(await post(era('EXACT-1', [oneLine(c.pcn, 15_000, 7_000)]))).toMatchObject({ held: 0 });
    expect(await claim(c.id)).toMatchObject({ status: 'PAID', balance: { insuranceCents: 0 } });
  });
});

describe('prior payers’ amounts (OA-23)', () => {
  it('are kept as received but never posted', async () => {
    const c = await submitted();
    const spec = {
      ...oneLine(c.pcn, 12_000, 4_000),
      adjustments: [co('45', 4_000), { groupCode: 'OA' as const, reasonCode: '23', amountCents: 6_000 }],
    };
    expect(await post(era('OA23-1', [spec]))).toMatchObject({ held: 0 });
    const view = await claim(c.id);
    expect(view.ledgerEntries.some((e) => e.reasonCode === 'OA-23')).toBe(false);
    // $220.00 − $120.00 paid − $40.00 contractual = $60.00 still owed by insurance (OA-23 took nothing off).
    expect(view.balance.insuranceCents).toBe(6_000);
    const stored = await t.db.remittanceAdjustment.findMany({ where: { groupCode: 'OA', reasonCode: '23' } });
    expect(stored.map((a) => a.amountCents)).toEqual([6_000]);
  });
});

describe('patient responsibility in the check', () => {
  it('counts what moves to the patient: a PR share one cent over the balance is held', async () => {
    const c = await submitted();
    const spec = {
      ...oneLine(c.pcn, 15_000, 4_000),
      patientResponsibilityCents: 3_001,
      adjustments: [co('45', 4_000), pr('2', 3_001)],
    };
    expect(await post(era('PR-OVER-1', [spec]))).toMatchObject({ held: 1 });
  });
});
