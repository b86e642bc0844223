import { createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { parse837 } from '@revcycle/x12';
import type { Adjustment } from '@revcycle/x12';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { M, mutate } from './registration-api.ts';
import {
  acceptingClearinghouse,
  co,
  era,
  paidInFull,
  pr,
  remittanceWorld,
  twoLinePayment,
} from './remittance-fixtures.ts';
import type { CoverageSpec, RemittanceWorld } from './remittance-fixtures.ts';

// Coordination of benefits through the public API: what a payer leaves to the patient goes to the next coverage
// in force on the date of service first (a crossover waits for the next payer's 835 instead of being sent), and
// reaches the patient only after the last payer — never when a payer of last resort (Medicaid) adjudicated it.
// The test claim: 99214 $195.00 + 36415 $25.00 = $220.00 on 2026-10-01. Figures are computed by hand in comments.
const MEDICARE = { name: 'MEDICARE PART B', id: '04412' };
const MEDICAID = { name: 'TEXAS MEDICAID', id: '617591011' };
const oa = (reasonCode: string, amountCents: number): Adjustment => ({ groupCode: 'OA', reasonCode, amountCents });

const IMPORT = `mutation($x12: String!) { importRemittance(input: { x12: $x12 }) { __typename
  ... on ImportRemittanceSuccess { matched held } } }`;
const CLAIM = `query($id: ID!) { node(id: $id) { ... on Claim { status crossover patientControlNumber
  balance { insuranceCents patientCents }
  secondaryClaims { id patientControlNumber status crossover payer { name } }
  ledgerEntries { kind account reasonCode category amountCents memo } } } }`;
const ACCOUNT = `query($id: ID!) { node(id: $id) { ... on Patient { accountBalance { insuranceCents patientCents } } } }`;
const SUBMIT = `mutation($ids: [ID!]!) { submitClaims(input: { claimIds: $ids }) { results { submitted errorCode message } batches { content } } }`;

interface ClaimView {
  status: string;
  crossover: boolean;
  patientControlNumber: string;
  balance: { insuranceCents: number; patientCents: number };
  secondaryClaims: Array<{
    id: string;
    patientControlNumber: string;
    status: string;
    crossover: boolean;
    payer: { name: string };
  }>;
  ledgerEntries: Array<{
    kind: string;
    account: string;
    reasonCode: string | null;
    category: string | null;
    amountCents: number;
    memo: string | null;
  }>;
}

let t: TestApi;
let token: string;
let w: RemittanceWorld;
let medicaidId: string;
let plainMedicaidId: string;

beforeAll(async () => {
  t = await createTestApi({ payers: [acceptingClearinghouse] });
  const organizationId = (await t.createOrganization('COB Clinic')).id;
  token = await t.token(organizationId, ['admin']);
  w = await remittanceWorld(t, token);
  await t.execute(
    `mutation { updatePayer(input: { id: "${w.medicareId}", connectorId: "accepting-clearinghouse" }) { __typename } }`,
    { token },
  );
  const payer = async (externalId: string, forbidsBalanceBilling: boolean) =>
    (
      await mutate<{ payer: { id: string } }>(t, token, M.createPayer, {
        externalId,
        name: 'Texas Medicaid',
        payerIdentifier: externalId === 'medicaid' ? MEDICAID.id : '99001',
        claimFilingIndicator: 'MC',
        connectorId: 'accepting-clearinghouse',
        forbidsBalanceBilling,
      })
    ).payer.id;
  medicaidId = await payer('medicaid', true);
  // The same plan without the flag: the rule is data on the payer, and this one does not carry it.
  plainMedicaidId = await payer('plain-medicaid', false);
});
afterAll(() => t.close());

const patient = (coverages: CoverageSpec[]) => w.patientCovered(coverages);
async function post(x12: string) {
  return (
    await t.execute<{ importRemittance: { matched: number; held: number } }>(IMPORT, { token, variables: { x12 } })
  ).data!.importRemittance;
}
async function claim(id: string): Promise<ClaimView> {
  return (await t.execute<{ node: ClaimView }>(CLAIM, { token, variables: { id } })).data!.node;
}
async function account(patientId: string) {
  return (
    await t.execute<{ node: { accountBalance: { patientCents: number } } }>(ACCOUNT, {
      token,
      variables: { id: patientId },
    })
  ).data!.node.accountBalance.patientCents;
}
/** The next payer's answer on a claim carrying the prior payers' $220.00 − `carriedCents` as OA-23. */
const laterPayment = (
  pcn: string,
  carriedCents: number,
  paidCents: number,
  adjustments: Adjustment[],
  statusCode = '2',
) => ({
  pcn,
  statusCode,
  chargeCents: 22_000,
  paidCents,
  adjustments: [oa('23', 22_000 - carriedCents), ...adjustments],
});

describe('the patient’s share after the primary', () => {
  it('goes to the secondary claim; the patient is billed only what the secondary leaves', async () => {
    const p = await patient([
      { payerId: w.bcbsId, priority: 'PRIMARY' },
      { payerId: w.medicareId, priority: 'SECONDARY' },
    ]);
    const c = await w.submittedClaim(p);
    expect(await post(era('COB-A1', [paidInFull(c)]))).toMatchObject({ matched: 1, held: 0 });
    // BCBS: $220.00 − $111.40 paid − $80.75 CO-45 = $27.85 PR (PR-2 $25.00 + PR-3 $2.85), all to Medicare.
    const primary = await claim(c.id);
    expect(primary).toMatchObject({ status: 'PAID', balance: { insuranceCents: 0, patientCents: 0 } });
    expect(primary.ledgerEntries.filter((e) => e.kind === 'OTHER_INSURANCE_TRANSFER' && e.amountCents < 0)).toEqual([
      expect.objectContaining({ reasonCode: 'PR-2', category: 'COINSURANCE', amountCents: -2_500 }),
      expect.objectContaining({ reasonCode: 'PR-3', category: 'COPAY', amountCents: -285 }),
    ]);
    expect(primary.secondaryClaims).toEqual([
      expect.objectContaining({ status: 'READY', crossover: false, payer: { name: 'Medicare Part B' } }),
    ]);
    expect(await account(p.id)).toBe(0);
    const secondary = primary.secondaryClaims[0]!;
    expect((await claim(secondary.id)).balance).toEqual({ insuranceCents: 2_785, patientCents: 0 });

    // Its 837 carries BCBS as the prior payer (2320 AMT*D $111.40, AMT*EAF $27.85).
    const sent = await t.execute<{
      submitClaims: { results: Array<{ submitted: boolean }>; batches: Array<{ content: string }> };
    }>(SUBMIT, { token, variables: { ids: [secondary.id] } });
    expect(sent.data!.submitClaims.results).toEqual([expect.objectContaining({ submitted: true })]);
    const claim837 = parse837(sent.data!.submitClaims.batches[0]!.content).submissions[0]!.billingProviders[0]!
      .subscribers[0]!.claims[0]!;
    expect(claim837.otherPayers.map((o) => [o.payerResponsibility, o.amounts])).toEqual([
      [
        'P',
        [
          { qualifier: 'D', amountCents: 11_140 },
          { qualifier: 'EAF', amountCents: 2_785 },
        ],
      ],
    ]);

    // Medicare pays 80 % of $27.85 = $22.28 and leaves $5.57 coinsurance; OA-23 $192.15 is the primary's share.
    expect(
      await post(
        era('COB-A2', [laterPayment(secondary.patientControlNumber, 2_785, 2_228, [pr('2', 557)])], {
          payer: MEDICARE,
        }),
      ),
    ).toMatchObject({ matched: 1, held: 0 });
    expect(await claim(secondary.id)).toMatchObject({
      status: 'PAID',
      balance: { insuranceCents: 0, patientCents: 557 },
    });
    expect(await account(p.id)).toBe(557);
  });

  it('stays with the patient when the next coverage is not in force on the date of service (both sides of each end)', async () => {
    const cases = [
      { terminationDate: '2026-09-30', toNext: false },
      { terminationDate: '2026-10-01', toNext: true },
      { effectiveDate: '2026-10-02', toNext: false },
      { effectiveDate: '2026-10-01', toNext: true },
    ];
    for (const [i, dates] of cases.entries()) {
      const { toNext, ...range } = dates;
      const p = await patient([
        { payerId: w.bcbsId, priority: 'PRIMARY' },
        { payerId: w.medicareId, priority: 'SECONDARY', ...range },
      ]);
      const c = await w.submittedClaim(p);
      await post(era(`COB-DATES-${i}`, [paidInFull(c)]));
      const primary = await claim(c.id);
      expect([i, primary.secondaryClaims.length, await account(p.id)]).toEqual([i, toNext ? 1 : 0, toNext ? 0 : 2_785]);
    }
  });

  it('goes on to the tertiary claim, whose 837 carries both earlier payers', async () => {
    const p = await patient([
      { payerId: w.bcbsId, priority: 'PRIMARY' },
      { payerId: w.medicareId, priority: 'SECONDARY' },
      { payerId: plainMedicaidId, priority: 'TERTIARY' },
    ]);
    const c = await w.submittedClaim(p);
    await post(era('COB-T1', [paidInFull(c)]));
    const secondary = (await claim(c.id)).secondaryClaims[0]!;
    await t.execute(SUBMIT, { token, variables: { ids: [secondary.id] } });
    await post(
      era('COB-T2', [laterPayment(secondary.patientControlNumber, 2_785, 2_228, [pr('2', 557)])], { payer: MEDICARE }),
    );
    const afterSecondary = await claim(secondary.id);
    expect(afterSecondary.balance).toEqual({ insuranceCents: 0, patientCents: 0 });
    const tertiary = afterSecondary.secondaryClaims[0]!;
    expect(tertiary).toMatchObject({ status: 'READY', payer: { name: 'Texas Medicaid' } });
    expect((await claim(tertiary.id)).balance.insuranceCents).toBe(557);
    const sent = await t.execute<{ submitClaims: { batches: Array<{ content: string }> } }>(SUBMIT, {
      token,
      variables: { ids: [tertiary.id] },
    });
    const claim837 = parse837(sent.data!.submitClaims.batches[0]!.content).submissions[0]!.billingProviders[0]!
      .subscribers[0]!.claims[0]!;
    expect(claim837.otherPayers.map((o) => [o.payerResponsibility, o.amounts[0]?.amountCents])).toEqual([
      ['S', 2_228],
      ['P', 11_140],
    ]);
    // Medicare answered at the claim level only: the lines carry BCBS's adjudication alone.
    expect(claim837.lines[0]!.adjudications.map((a) => a.payerId)).toEqual(['84980']);
    expect(await account(p.id)).toBe(0);
  });
});

describe('a payer of last resort that forbids balance billing', () => {
  // BCBS pays the office visit ($100.00, CO-45 $70.00, PR-2 $25.00) and denies the venipuncture as not covered
  // (PR-204 $25.00): $50.00 to the secondary. It pays $18.00, writes off $7.00 and leaves PR-204 $25.00.
  const primaryPayment = (c: { pcn: string; lines: string[] }) =>
    twoLinePayment(
      c,
      { paidCents: 10_000, adjustments: [co('45', 7_000), pr('2', 2_500)] },
      { paidCents: 0, adjustments: [pr('204', 2_500)] },
    );
  const secondaryPayment = (pcn: string) => laterPayment(pcn, 5_000, 1_800, [co('45', 700), pr('204', 2_500)]);

  it('as secondary: what it leaves to the patient is written off, never billed', async () => {
    const p = await patient([
      { payerId: w.bcbsId, priority: 'PRIMARY' },
      { payerId: medicaidId, priority: 'SECONDARY' },
    ]);
    const c = await w.submittedClaim(p);
    await post(era('MCD-1', [primaryPayment(c)]));
    expect(await account(p.id)).toBe(0);
    const secondary = (await claim(c.id)).secondaryClaims[0]!;
    expect((await claim(secondary.id)).balance.insuranceCents).toBe(5_000);
    await t.execute(SUBMIT, { token, variables: { ids: [secondary.id] } });
    expect(
      await post(era('MCD-2', [secondaryPayment(secondary.patientControlNumber)], { payer: MEDICAID })),
    ).toMatchObject({ held: 0 });
    const after = await claim(secondary.id);
    expect(after.balance).toEqual({ insuranceCents: 0, patientCents: 0 });
    expect(after.ledgerEntries.filter((e) => e.reasonCode === 'PR-204' && e.amountCents < 0)).toEqual([
      expect.objectContaining({
        kind: 'CONTRACTUAL_ADJUSTMENT',
        amountCents: -2_500,
        memo: expect.stringContaining('forbids balance billing'),
      }),
    ]);
    expect(await account(p.id)).toBe(0);
  });

  it('without the flag on the payer, the same 835 bills the patient $25.00', async () => {
    const p = await patient([
      { payerId: w.bcbsId, priority: 'PRIMARY' },
      { payerId: plainMedicaidId, priority: 'SECONDARY' },
    ]);
    const c = await w.submittedClaim(p);
    await post(era('MCD-PLAIN-1', [primaryPayment(c)]));
    const secondary = (await claim(c.id)).secondaryClaims[0]!;
    await t.execute(SUBMIT, { token, variables: { ids: [secondary.id] } });
    await post(
      era('MCD-PLAIN-2', [secondaryPayment(secondary.patientControlNumber)], {
        payer: { name: 'TEXAS MEDICAID', id: '99001' },
      }),
    );
    expect(await account(p.id)).toBe(2_500);
  });

  it('as primary: its patient share is written off', async () => {
    const p = await patient([{ payerId: medicaidId, priority: 'PRIMARY' }]);
    const c = await w.submittedClaim(p);
    await post(era('MCD-P-1', [paidInFull(c)], { payer: MEDICAID }));
    expect(await claim(c.id)).toMatchObject({ status: 'PAID', balance: { insuranceCents: 0, patientCents: 0 } });
    expect(await account(p.id)).toBe(0);
  });
});

describe('a crossover', () => {
  it('is recorded, never submitted, and takes the next payer’s 835 that names the primary claim', async () => {
    const p = await patient([
      { payerId: w.medicareId, priority: 'PRIMARY' },
      { payerId: w.bcbsId, priority: 'SECONDARY' },
    ]);
    const c = await w.submittedClaim(p);
    // Medicare: processed as primary, forwarded to the supplemental insurer (CLP02 19).
    expect(await post(era('XO-1', [{ ...paidInFull(c), statusCode: '19' }], { payer: MEDICARE }))).toMatchObject({
      held: 0,
    });
    const primary = await claim(c.id);
    expect(primary.status).toBe('PAID');
    expect(primary.secondaryClaims).toEqual([
      expect.objectContaining({
        status: 'ACCEPTED',
        crossover: true,
        payer: { name: 'Blue Cross Blue Shield of Texas' },
      }),
    ]);
    const secondary = primary.secondaryClaims[0]!;
    const resent = await t.execute<{ submitClaims: { results: Array<{ submitted: boolean }> } }>(SUBMIT, {
      token,
      variables: { ids: [secondary.id] },
    });
    expect(resent.data!.submitClaims.results).toEqual([expect.objectContaining({ submitted: false })]);

    // BCBS answers with the claim number Medicare forwarded: it pays the $27.85 it was left.
    expect(await post(era('XO-2', [laterPayment(c.pcn, 2_785, 2_785, [])]))).toMatchObject({ matched: 1, held: 0 });
    expect(await claim(secondary.id)).toMatchObject({
      status: 'PAID',
      balance: { insuranceCents: 0, patientCents: 0 },
    });
    expect((await claim(c.id)).balance).toEqual({ insuranceCents: 0, patientCents: 0 });
    expect(await account(p.id)).toBe(0);
  });

  it('is recognized by the forwarding remark (MA18) too', async () => {
    const p = await patient([
      { payerId: w.medicareId, priority: 'PRIMARY' },
      { payerId: w.bcbsId, priority: 'SECONDARY' },
    ]);
    const c = await w.submittedClaim(p);
    await post(era('XO-MA18', [{ ...paidInFull(c), remarkCodes: ['MA18'] }], { payer: MEDICARE }));
    expect((await claim(c.id)).secondaryClaims).toEqual([
      expect.objectContaining({ status: 'ACCEPTED', crossover: true }),
    ]);
  });
});
