import { ManualClock } from '@revcycle/core';
import { createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptingClearinghouse, co, era, remittanceWorld } from './remittance-fixtures.ts';
import type { RemittanceWorld } from './remittance-fixtures.ts';

// A payer's overpayment, once a biller chose to post it, leaves an insurance credit on the claim. It ends one of
// two ways: the practice refunds it (refundPayerOverpayment, with the reason and the check reference), or the
// payer takes it back from a later payment (PLB WO naming the claim), which posts on that claim, not on the
// practice. The test claim: $220.00; the payer pays $200.00 and writes off $30.00: a $10.00 credit.
const IMPORT = `mutation($x12: String!) { importRemittance(input: { x12: $x12 }) { ... on ImportRemittanceSuccess { held } } }`;
const REVIEW = `{ claimPaymentsForReview(first: 50) { nodes { id patientControlNumber } } }`;
const CLAIM = `query($id: ID!) { node(id: $id) { ... on Claim { balance { insuranceCents }
  ledgerEntries { kind account amountCents memo } } } }`;
const PRACTICE = `query($id: ID!) { node(id: $id) { ... on Practice { balance { practiceCents } } } }`;
const REFUND = `mutation($input: RefundPayerOverpaymentInput!) { refundPayerOverpayment(input: $input) { __typename
  ... on LedgerEntry { kind amountCents memo } ... on ValidationError { fieldErrors { path code message } } } }`;

let t: TestApi;
let token: string;
let w: RemittanceWorld;

beforeAll(async () => {
  t = await createTestApi({
    payers: [acceptingClearinghouse],
    clock: new ManualClock(new Date('2026-11-20T16:00:00Z')),
  });
  token = await t.token((await t.createOrganization('Overpaid Clinic')).id, ['admin']);
  w = await remittanceWorld(t, token);
});
afterAll(() => t.close());

const gql = async <T>(query: string, variables: Record<string, unknown> = {}) =>
  (await t.execute<T>(query, { token, variables })).data!;
const claimOf = (id: string) =>
  gql<{
    node: {
      balance: { insuranceCents: number };
      ledgerEntries: Array<{ kind: string; account: string; amountCents: number; memo: string | null }>;
    };
  }>(CLAIM, { id }).then((r) => r.node);
const practiceCents = async () =>
  (await gql<{ node: { balance: { practiceCents: number } } }>(PRACTICE, { id: w.practiceId })).node.balance
    .practiceCents;

/** A claim carrying a $10.00 insurance credit: the overpayment was held, then posted by a biller. */
async function overpaidClaim(trace: string) {
  const c = await w.submittedClaim(await w.patient());
  const overpaid = { pcn: c.pcn, chargeCents: 22_000, paidCents: 20_000, adjustments: [co('45', 3_000)] };
  expect(await gql(IMPORT, { x12: era(trace, [overpaid]) })).toEqual({ importRemittance: { held: 1 } });
  const held = (
    await gql<{ claimPaymentsForReview: { nodes: Array<{ id: string; patientControlNumber: string }> } }>(REVIEW)
  ).claimPaymentsForReview.nodes.find((n) => n.patientControlNumber === c.pcn)!;
  await gql(`mutation($p: ID!, $c: ID!) { matchRemittance(claimPaymentId: $p, claimId: $c) { __typename } }`, {
    p: held.id,
    c: c.id,
  });
  expect((await claimOf(c.id)).balance.insuranceCents).toBe(-1_000);
  return c;
}

describe('refundPayerOverpayment', () => {
  it('refunds at most the credit, with the reason and the reference on the entry', async () => {
    const c = await overpaidClaim('OVP-1');
    const refund = (amountCents: number, reason = 'duplicate payment', reference = 'CHK 10442') =>
      gql<{ refundPayerOverpayment: Record<string, unknown> }>(REFUND, {
        input: { claimId: c.id, amountCents, reason, reference },
      }).then((r) => r.refundPayerOverpayment);
    expect(await refund(1_001)).toEqual({
      __typename: 'ValidationError',
      fieldErrors: [
        { path: ['input', 'amountCents'], code: 'EXCEEDS_CREDIT', message: expect.stringContaining('1000 cents') },
      ],
    });
    expect(await refund(1_000, ' ')).toMatchObject({ fieldErrors: [{ path: ['input', 'reason'] }] });
    expect((await claimOf(c.id)).balance.insuranceCents).toBe(-1_000);
    expect(await refund(1_000)).toEqual({
      __typename: 'LedgerEntry',
      kind: 'REFUND',
      amountCents: 1_000,
      memo: 'refund to Blue Cross Blue Shield of Texas, CHK 10442: duplicate payment',
    });
    expect((await claimOf(c.id)).balance.insuranceCents).toBe(0);
    expect(await refund(1)).toMatchObject({ fieldErrors: [{ code: 'EXCEEDS_CREDIT' }] });
  });

  it('refunds a credit once when the same refund arrives five times at once', async () => {
    const c = await overpaidClaim('OVP-4');
    const input = { claimId: c.id, amountCents: 1_000, reason: 'duplicate payment', reference: 'CHK 10443' };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        gql<{ refundPayerOverpayment: { __typename: string } }>(REFUND, { input }).then(
          (r) => r.refundPayerOverpayment,
        ),
      ),
    );
    expect(answers.map((a) => a.__typename).sort()).toEqual(['LedgerEntry', ...Array(4).fill('ValidationError')]);
    expect((await claimOf(c.id)).balance.insuranceCents).toBe(0);
  });
});

describe('a payer recoupment (PLB WO)', () => {
  it('posts on the claim its reference names, answering the credit; an unknown reference stays practice-level', async () => {
    const c = await overpaidClaim('OVP-2');
    const other = await w.submittedClaim(await w.patient());
    const before = await practiceCents();
    // The payer pays the next claim $150.00 and withholds the $10.00 (its claim number for the overpaid claim),
    // plus $4.00 against a claim we do not know.
    const paid = { pcn: other.pcn, chargeCents: 22_000, paidCents: 15_000, adjustments: [co('45', 7_000)] };
    const plb = [
      { reasonCode: 'WO', amountCents: 1_000, reference: `ICN-${c.pcn}` },
      { reasonCode: 'WO', amountCents: 400, reference: 'ICN-NOT-OURS' },
    ];
    expect(await gql(IMPORT, { x12: era('OVP-3', [paid], { plb }) })).toEqual({ importRemittance: { held: 0 } });
    const recouped = await claimOf(c.id);
    expect(recouped.balance.insuranceCents).toBe(0);
    expect(recouped.ledgerEntries.at(-1)).toEqual({
      kind: 'PROVIDER_ADJUSTMENT',
      account: 'INSURANCE',
      amountCents: 1_000,
      memo: `PLB WO ICN-${c.pcn}: recouped on claim ${c.pcn}`,
    });
    expect((await practiceCents()) - before).toBe(400);
  });
});
