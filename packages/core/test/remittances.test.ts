import { decodeGlobalID } from '@pothos/plugin-relay';
import { createTestApi, startTestServer, subscribeOverSse } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { parse837 } from '@revcycle/x12';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptingClearinghouse, co, era, oi, paidInFull, pr, remittanceWorld } from './remittance-fixtures.ts';
import type { RemittanceWorld } from './remittance-fixtures.ts';

const IMPORT = `mutation($x12: String!) { importRemittance(input: { x12: $x12 }) { __typename
  ... on ImportRemittanceSuccess { payments claimPayments matched unmatched totalPaidCents providerAdjustmentsCents duplicate duplicatePayments findings { level message expectedCents actualCents } }
  ... on X12Error { code reason message segmentId segmentIndex byteOffset } } }`;
const CLAIM = `query($id: ID!) { node(id: $id) { ... on Claim { status payerClaimControlNumber balance { insuranceCents patientCents totalCents }
  ledgerEntries { kind account amountCents reasonCode category } secondaryClaims { id status primaryClaim { id } balance { insuranceCents } } } } }`;
const PATIENT = `query($id: ID!) { node(id: $id) { ... on Patient { balance { insuranceCents patientCents totalCents } accountBalance { patientCents } } } }`;

type ImportResult = {
  __typename: string;
  payments: number;
  claimPayments: number;
  matched: number;
  unmatched: number;
  totalPaidCents: number;
  providerAdjustmentsCents: number;
  duplicate: boolean;
  duplicatePayments: number;
  findings: Array<{ level: string; expectedCents: number; actualCents: number }>;
  code?: string;
  reason?: string;
  message?: string;
  segmentId?: string;
};
type ClaimView = {
  status: string;
  payerClaimControlNumber: string | null;
  balance: { insuranceCents: number; patientCents: number; totalCents: number };
  ledgerEntries: Array<{
    kind: string;
    account: string;
    amountCents: number;
    reasonCode: string | null;
    category: string | null;
  }>;
  secondaryClaims: Array<{
    id: string;
    status: string;
    primaryClaim: { id: string };
    balance: { insuranceCents: number };
  }>;
};

let t: TestApi;
let token: string;
let w: RemittanceWorld;
let organizationId: string;

beforeAll(async () => {
  t = await createTestApi({ payers: [acceptingClearinghouse] });
  organizationId = (await t.createOrganization('Riverbend Billing')).id;
  token = await t.token(organizationId, ['admin']);
  w = await remittanceWorld(t, token);
});
afterAll(() => t.close());

async function importEra(x12: string): Promise<ImportResult> {
  const res = await t.execute<{ importRemittance: ImportResult }>(IMPORT, { token, variables: { x12 } });
  expect(res.errors).toBeUndefined();
  return res.data!.importRemittance;
}
async function claim(id: string): Promise<ClaimView> {
  return (await t.execute<{ node: ClaimView }>(CLAIM, { token, variables: { id } })).data!.node;
}
async function patient(id: string) {
  return (
    await t.execute<{
      node: {
        balance: { insuranceCents: number; patientCents: number; totalCents: number };
        accountBalance: { patientCents: number };
      };
    }>(PATIENT, { token, variables: { id } })
  ).data!.node;
}
async function count(kind: 'remittance' | 'ledgerEntry'): Promise<number> {
  return kind === 'remittance' ? t.db.remittance.count() : t.db.ledgerEntry.count();
}

describe('importRemittance', () => {
  it('posts payments, contractual adjustments and the patient share; balances equal the hand-computed figures', async () => {
    const p = await w.patient();
    const c = await w.submittedClaim(p);
    expect((await claim(c.id)).balance).toEqual({ insuranceCents: 22_000, patientCents: 0, totalCents: 22_000 });

    const result = await importEra(era('EFT-1001', [paidInFull(c)]));
    expect(result).toMatchObject({
      __typename: 'ImportRemittanceSuccess',
      payments: 1,
      claimPayments: 1,
      matched: 1,
      unmatched: 0,
      totalPaidCents: 11_140,
      duplicate: false,
      findings: [],
    });

    const after = await claim(c.id);
    // 22 000 charged − 11 140 paid − 8 075 CO-45 − 2 785 moved to the patient = 0 owed by the payer; 2 785 by the patient.
    expect(after.balance).toEqual({ insuranceCents: 0, patientCents: 2_785, totalCents: 2_785 });
    expect(after.status).toBe('PAID');
    expect(after.payerClaimControlNumber).toBe(`ICN-${c.pcn}`);
    const patientShare = after.ledgerEntries.filter((e) => e.account === 'PATIENT');
    expect(patientShare.map((e) => [e.category, e.reasonCode, e.amountCents])).toEqual([
      ['COINSURANCE', 'PR-2', 2_500],
      ['COPAY', 'PR-3', 285],
    ]);
    expect(
      after.ledgerEntries.filter((e) => e.kind === 'CONTRACTUAL_ADJUSTMENT').reduce((s, e) => s + e.amountCents, 0),
    ).toBe(-8_075);
    expect(await patient(p.id)).toEqual({
      balance: { insuranceCents: 0, patientCents: 2_785, totalCents: 2_785 },
      accountBalance: { patientCents: 2_785 },
    });
  });

  it('posts a file once: sequential and 20 concurrent imports of one payment post a single time', async () => {
    const p = await w.patient();
    const c = await w.submittedClaim(p);
    const x12 = era('EFT-2002', [paidInFull(c)]);
    const first = await importEra(x12);
    expect(first.duplicate).toBe(false);
    const entries = await count('ledgerEntry');
    expect(await importEra(x12)).toMatchObject({ duplicate: true, duplicatePayments: 1 });
    expect(await count('ledgerEntry')).toBe(entries);

    const c2 = await w.submittedClaim(p, '2026-10-02');
    const x12b = era('EFT-2003', [paidInFull(c2)]);
    const before = await count('ledgerEntry');
    const results = await Promise.all(Array.from({ length: 20 }, () => importEra(x12b)));
    expect(results.every((r) => r.__typename === 'ImportRemittanceSuccess')).toBe(true);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(await t.db.remittance.count({ where: { traceNumber: 'EFT-2003' } })).toBe(1);
    expect((await claim(c2.id)).balance).toEqual({ insuranceCents: 0, patientCents: 2_785, totalCents: 2_785 });
    // 2 payments + 2 CO-45 adjustments + 2×2 transfer halves = 8 entries, once.
    expect(await count('ledgerEntry')).toBe(before + 8);
  }, 60_000);

  it('a truncated file posts nothing and says where it ends', async () => {
    const p = await w.patient();
    const c = await w.submittedClaim(p);
    const x12 = era('EFT-3003', [paidInFull(c)]);
    const truncated = x12.slice(0, x12.indexOf('SE*'));
    const [remittances, entries] = [await count('remittance'), await count('ledgerEntry')];
    const result = await importEra(truncated);
    expect(result).toMatchObject({ __typename: 'X12Error', code: 'X12_PARSE_ERROR', reason: 'TRUNCATED' });
    expect(result.message).toMatch(/835/);
    expect([await count('remittance'), await count('ledgerEntry')]).toEqual([remittances, entries]);
    expect((await claim(c.id)).balance.insuranceCents).toBe(22_000);
  });

  it('a reversal undoes the earlier posting and a corrected payment nets correctly', async () => {
    const p = await w.patient();
    const c = await w.submittedClaim(p);
    await importEra(era('EFT-4001', [paidInFull(c)]));
    const reversal = {
      pcn: c.pcn,
      statusCode: '22',
      chargeCents: -22_000,
      paidCents: -11_140,
      patientResponsibilityCents: -2_785,
      adjustments: [co('45', -8_075), pr('2', -2_500), pr('3', -285)],
    };
    expect(await importEra(era('EFT-4002', [reversal]))).toMatchObject({ matched: 1 });
    const reversed = await claim(c.id);
    expect(reversed.balance).toEqual({ insuranceCents: 22_000, patientCents: 0, totalCents: 22_000 });
    expect(reversed.status).toBe('ACCEPTED');
    expect(reversed.ledgerEntries.filter((e) => e.kind === 'REVERSAL')).toHaveLength(8);

    // The corrected adjudication: $150.00 paid, $50.00 CO-45, $20.00 coinsurance.
    const corrected = {
      pcn: c.pcn,
      chargeCents: 22_000,
      paidCents: 15_000,
      patientResponsibilityCents: 2_000,
      lines: [
        {
          lineControlNumber: c.lines[0]!,
          code: '99214',
          chargeCents: 19_500,
          paidCents: 14_000,
          adjustments: [co('45', 3_500), pr('2', 2_000)],
        },
        {
          lineControlNumber: c.lines[1]!,
          code: '36415',
          chargeCents: 2_500,
          paidCents: 1_000,
          adjustments: [co('45', 1_500)],
        },
      ],
    };
    await importEra(era('EFT-4003', [corrected]));
    const final = await claim(c.id);
    expect(final.balance).toEqual({ insuranceCents: 0, patientCents: 2_000, totalCents: 2_000 });
    expect(final.status).toBe('PAID');
  });

  it('posts PLB amounts to practice-level A/R, never dropping them', async () => {
    const p = await w.patient();
    const c = await w.submittedClaim(p);
    const before = await t.execute<{ node: { balance: { practiceCents: number } } }>(
      `query($id: ID!) { node(id: $id) { ... on Practice { balance { practiceCents } } } }`,
      { token, variables: { id: w.practiceId } },
    );
    const result = await importEra(
      era('EFT-5001', [paidInFull(c)], {
        plb: [
          { reasonCode: 'WO', amountCents: 4_000, reference: 'RC-OLD' },
          { reasonCode: 'L6', amountCents: -125 },
        ],
      }),
    );
    expect(result).toMatchObject({ providerAdjustmentsCents: 3_875, findings: [] });
    const after = await t.execute<{ node: { balance: { practiceCents: number } } }>(
      `query($id: ID!) { node(id: $id) { ... on Practice { balance { practiceCents } } } }`,
      { token, variables: { id: w.practiceId } },
    );
    expect(after.data!.node.balance.practiceCents - before.data!.node.balance.practiceCents).toBe(3_875);
    const aging = await t.execute<{ arAging: { practiceLevel: { totalCents: number } } }>(
      `{ arAging(asOf: "2026-11-30", groupBy: PRACTICE) { practiceLevel { totalCents } } }`,
      { token },
    );
    expect(aging.data!.arAging.practiceLevel.totalCents).toBe(after.data!.node.balance.practiceCents);
  });

  it('denials stay on the insurance A/R and go to the work list with category and appeal deadline', async () => {
    const p = await w.patient();
    const c = await w.submittedClaim(p);
    await importEra(
      era(
        'EFT-6001',
        [{ pcn: c.pcn, statusCode: '4', chargeCents: 22_000, paidCents: 0, adjustments: [co('50', 22_000)] }],
        { paymentDate: '2026-11-21' },
      ),
    );
    const denied = await claim(c.id);
    expect(denied.status).toBe('DENIED');
    expect(denied.balance.insuranceCents).toBe(22_000);
    const list = await t.execute<{
      denials: {
        nodes: Array<{ category: string; reasonCodes: string[]; appealDeadline: string; claim: { id: string } }>;
      };
    }>(
      `{ denials(first: 50, filter: { status: [OPEN] }) { nodes { category reasonCodes appealDeadline claim { id } } } }`,
      { token },
    );
    const denial = list.data!.denials.nodes.find((d) => d.claim.id === c.id)!;
    // Blue Cross's appeal window is the default 180 days from the payment date.
    expect(denial).toMatchObject({
      category: 'MEDICAL_NECESSITY',
      reasonCodes: ['CO-50'],
      appealDeadline: '2027-05-20',
    });
  });

  it('an unbalanced claim is posted as the payer stated it and flagged with the difference', async () => {
    const p = await w.patient();
    const c = await w.submittedClaim(p);
    const result = await importEra(
      era('EFT-7001', [{ pcn: c.pcn, chargeCents: 22_000, paidCents: 15_000, adjustments: [co('45', 5_000)] }]),
    );
    expect(result.findings).toEqual([
      expect.objectContaining({ level: 'claim', expectedCents: 17_000, actualCents: 15_000 }),
    ]);
    expect((await claim(c.id)).balance.insuranceCents).toBe(2_000);
    const review = await t.execute<{
      claimPaymentsForReview: {
        nodes: Array<{ patientControlNumber: string; unbalancedCents: number; reviewReason: string }>;
      };
    }>(`{ claimPaymentsForReview(first: 100) { nodes { patientControlNumber unbalancedCents reviewReason } } }`, {
      token,
    });
    expect(review.data!.claimPaymentsForReview.nodes.find((r) => r.patientControlNumber === c.pcn)).toMatchObject({
      unbalancedCents: 2_000,
    });
  });

  it('keeps unmatched claim payments in a queue and posts them with matchRemittance', async () => {
    const p = await w.patient();
    const c = await w.submittedClaim(p);
    const result = await importEra(era('EFT-8001', [{ ...paidInFull(c), pcn: 'NOT-OURS-1' }]));
    expect(result).toMatchObject({ matched: 0, unmatched: 1 });
    const queue = await t.execute<{
      unmatchedClaimPayments: {
        nodes: Array<{ id: string; patientControlNumber: string; posted: boolean; paidCents: number }>;
      };
    }>(`{ unmatchedClaimPayments(first: 100) { nodes { id patientControlNumber posted paidCents } } }`, { token });
    const waiting = queue.data!.unmatchedClaimPayments.nodes.find((q) => q.patientControlNumber === 'NOT-OURS-1')!;
    expect(waiting).toMatchObject({ posted: false, paidCents: 11_140 });
    const match = await t.execute<{ matchRemittance: { __typename: string; posted: boolean } }>(
      `mutation($p: ID!, $c: ID!) { matchRemittance(claimPaymentId: $p, claimId: $c) { __typename ... on ClaimPayment { posted } } }`,
      { token, variables: { p: waiting.id, c: c.id } },
    );
    expect(match.data!.matchRemittance).toEqual({ __typename: 'ClaimPayment', posted: true });
    expect((await claim(c.id)).balance).toEqual({ insuranceCents: 0, patientCents: 2_785, totalCents: 2_785 });
    const again = await t.execute<{ matchRemittance: { __typename: string } }>(
      `mutation($p: ID!, $c: ID!) { matchRemittance(claimPaymentId: $p, claimId: $c) { __typename } }`,
      { token, variables: { p: waiting.id, c: c.id } },
    );
    expect(again.data!.matchRemittance.__typename).toBe('InvalidStateTransitionError');
  });

  it('moves OI amounts to a secondary claim, created ready to submit', async () => {
    const p = await w.patient({ secondary: true });
    const c = await w.submittedClaim(p);
    // Subscribers hear of the secondary claim as of any other: created, then scrubbed.
    const published: Array<{ claimId: string; from: string | null; to: string }> = [];
    const events = t.api.pubsub.subscribe('claimStatusChanged', organizationId)[Symbol.asyncIterator]();
    const listening = (async () => {
      for (let next = await events.next(); !next.done; next = await events.next()) published.push(next.value);
    })();
    await importEra(
      era('EFT-9001', [
        {
          pcn: c.pcn,
          chargeCents: 22_000,
          paidCents: 12_000,
          lines: [
            {
              lineControlNumber: c.lines[0]!,
              code: '99214',
              chargeCents: 19_500,
              paidCents: 11_000,
              adjustments: [co('45', 5_500), oi('23', 3_000)],
            },
            {
              lineControlNumber: c.lines[1]!,
              code: '36415',
              chargeCents: 2_500,
              paidCents: 1_000,
              adjustments: [co('45', 1_000), oi('23', 500)],
            },
          ],
        },
      ]),
    );
    const primary = await claim(c.id);
    expect(primary.balance.insuranceCents).toBe(0);
    expect(primary.secondaryClaims).toHaveLength(1);
    expect(primary.secondaryClaims[0]).toMatchObject({
      status: 'READY',
      primaryClaim: { id: c.id },
      balance: { insuranceCents: 3_500 },
    });
    await events.return?.();
    await listening;
    const secondaryEvents = published.filter((e) => e.claimId !== decodeGlobalID(c.id).id).map((e) => [e.from, e.to]);
    expect(secondaryEvents).toEqual([
      [null, 'DRAFT'],
      ['DRAFT', 'READY'],
    ]);

    // Submitted, the secondary claim's 837 carries the primary's adjudication (2320/2330B, 2430) and posts no new charges.
    await t.execute(
      `mutation { updatePayer(input: { id: "${w.medicareId}", connectorId: "accepting-clearinghouse" }) { __typename } }`,
      { token },
    );
    const secondaryId = primary.secondaryClaims[0]!.id;
    const sent = await t.execute<{
      submitClaims: {
        results: Array<{ submitted: boolean; message: string | null }>;
        batches: Array<{ content: string }>;
      };
    }>(
      `mutation($ids: [ID!]!) { submitClaims(input: { claimIds: $ids }) { results { submitted message } batches { content } } }`,
      { token, variables: { ids: [secondaryId] } },
    );
    expect(sent.data!.submitClaims.results[0]).toMatchObject({ submitted: true });
    const { submissions } = parse837(sent.data!.submitClaims.batches[0]!.content);
    const claim837 = submissions[0]!.billingProviders[0]!.subscribers[0]!.claims[0]!;
    const prior = claim837.otherPayers[0]!;
    expect(prior).toMatchObject({ payerResponsibility: 'P', filingIndicator: 'BL' });
    expect(prior.amounts).toEqual([
      { qualifier: 'D', amountCents: 12_000 },
      { qualifier: 'EAF', amountCents: 0 },
    ]);
    expect(prior.names.map((n) => [n.entityCode, n.id])).toEqual([
      ['IL', expect.stringMatching(/^XOD77123/)],
      ['PR', '84980'],
    ]);
    expect(claim837.lines.map((l) => l.adjudications.map((a) => [a.payerId, a.paidCents, a.adjustmentGroups]))).toEqual(
      [
        [
          [
            '84980',
            11_000,
            [
              { groupCode: 'CO', adjustments: [{ reasonCode: '45', amountCents: 5_500 }] },
              // The 835's OI is not an 837 group code: it goes to the next payer as OA.
              { groupCode: 'OA', adjustments: [{ reasonCode: '23', amountCents: 3_000 }] },
            ],
          ],
        ],
        [
          [
            '84980',
            1_000,
            [
              { groupCode: 'CO', adjustments: [{ reasonCode: '45', amountCents: 1_000 }] },
              { groupCode: 'OA', adjustments: [{ reasonCode: '23', amountCents: 500 }] },
            ],
          ],
        ],
      ],
    );
    expect((await claim(secondaryId)).balance.insuranceCents).toBe(3_500);
  });

  it('flags a line paid below the contracted rate as an underpayment', async () => {
    const csv = 'code,modifier,amount,effective_date\n99214,,140.00,2026-01-01\n';
    const imported = await t.execute<{ importFeeSchedule: { __typename: string } }>(
      `mutation($input: ImportFeeScheduleInput!) { importFeeSchedule(input: $input) { __typename } }`,
      { token, variables: { input: { practiceId: w.practiceId, payerId: w.bcbsId, name: 'BCBS 2026', csv } } },
    );
    expect(imported.data!.importFeeSchedule.__typename).toBe('ImportFeeScheduleSuccess');
    const p = await w.patient();
    const c = await w.submittedClaim(p);
    await importEra(era('EFT-9101', [paidInFull(c)]));
    const list = await t.execute<{
      denials: { nodes: Array<{ category: string; expectedCents: number; paidCents: number; claim: { id: string } }> };
    }>(
      `{ denials(first: 50, filter: { category: [UNDERPAYMENT] }) { nodes { category expectedCents paidCents claim { id } } } }`,
      { token },
    );
    // 99214 was allowed 10 000 paid + 2 500 coinsurance = 12 500 against a contracted 14 000.
    expect(list.data!.denials.nodes.find((d) => d.claim.id === c.id)).toMatchObject({
      expectedCents: 14_000,
      paidCents: 10_000,
    });
  });
});

describe('claimStatusChanged from a remittance', () => {
  it('publishes PAID over SSE once the 835 is posted', async () => {
    const server = await startTestServer(t.api);
    const p = await w.patient();
    const c = await w.submittedClaim(p);
    const sub = subscribeOverSse<{ claimStatusChanged: { from: string; to: string; reason: string } }>(
      server.httpUrl,
      token,
      `subscription { claimStatusChanged(claimId: "${c.id}") { from to reason } }`,
    );
    try {
      await sub.ready;
      await importEra(era('EFT-SSE-1', [paidInFull(c)]));
      const event = await sub.next();
      expect(event.data!.claimStatusChanged).toMatchObject({ from: 'SUBMITTED', to: 'PAID' });
      expect(event.data!.claimStatusChanged.reason).toMatch(/EFT-SSE-1/);
    } finally {
      sub.close();
      await server.close();
    }
  });
});
