import { ManualClock } from '@revcycle/core';
import { createTestApi, queryData } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
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
import type { ClaimPaymentSpec, RemittanceWorld } from './remittance-fixtures.ts';

// Ten patients through primary, secondary, tertiary and Medicaid-secondary adjudication, a crossover, a secondary's
// OA-23, a payer recoupment, a reversal, a payer overpayment refunded and a patient credit applied — every balance,
// statement and figure asserted against amounts computed by hand (in the comments). Every visit is the test claim:
// 99214 $195.00 + 36415 $25.00 = $220.00 on 2026-10-01, submitted (charged) on 2026-11-02; payments in November.
//
//  P1  BCBS only                 paid $111.40, CO-45 $80.75, PR $27.85; the patient pays $27.85        → all 0
//  P2  BCBS → Medicare           PR $27.85 to Medicare; it pays $22.28, OA-23 $192.15, PR-2 $5.57     → patient $5.57
//  P3  BCBS → Medicare → Aetna   as P2, the $5.57 goes to Aetna, which pays it (OA-23 $214.43)        → all 0
//  P4  BCBS → Medicaid           BCBS pays $100.00, CO-45 $70.00, PR-2 $25.00, PR-1 $25.00 (36415);
//                                Medicaid pays $18.00, CO-45 $7.00, PR-3 $25.00 written off           → all 0
//  P5  Medicare → BCBS crossover Medicare CLP02 19 as P1; BCBS answers on P5's claim number, pays $27.85 → all 0
//  P6  BCBS overpays             $200.00 + CO-45 $30.00: held, posted by a biller, refunded $10.00     → all 0
//  P7  BCBS overpays             as P6, then recouped by a PLB WO of $10.00 naming its claim           → all 0
//  P8  BCBS denies a line        99214 as P4's; 36415 CO-50 $25.00 stays with BCBS (a denial)         → ins $25.00, patient $25.00
//  P9  BCBS pays, then reverses  reversal of the first payment, then $120.00, CO-45 $72.15, PR $27.85  → patient $27.85
//  P10 BCBS only                 paid $50.00 at the desk first; PR $27.85 arrives; credit applied      → patient −$22.15
const MEDICARE = { name: 'MEDICARE PART B', id: '04412' };
const MEDICAID = { name: 'TEXAS MEDICAID', id: '617591011' };
const AETNA = { name: 'AETNA', id: '60054' };
const clock = new ManualClock(new Date('2026-11-02T18:00:00Z'));
const oa23 = (amountCents: number): Adjustment => ({ groupCode: 'OA', reasonCode: '23', amountCents });

type Claim = { id: string; pcn: string; lines: string[] };
type Balance = { insuranceCents: number; patientCents: number };

let t: TestApi;
let token: string;
let w: RemittanceWorld;
const payers: Record<'medicaid' | 'aetna', string> = { medicaid: '', aetna: '' };

beforeAll(async () => {
  t = await createTestApi({ payers: [acceptingClearinghouse], clock });
  token = await t.token((await t.createOrganization('Ten Patients Clinic')).id, ['admin']);
  w = await remittanceWorld(t, token);
  await gql(
    `mutation { updatePayer(input: { id: "${w.medicareId}", connectorId: "accepting-clearinghouse" }) { __typename } }`,
  );
  for (const [key, name, id, filing, forbids] of [
    ['medicaid', 'Texas Medicaid', MEDICAID.id, 'MC', true],
    ['aetna', 'Aetna', AETNA.id, 'CI', false],
  ] as const) {
    const created = await mutate<{ payer: { id: string } }>(t, token, M.createPayer, {
      externalId: key,
      name,
      payerIdentifier: id,
      claimFilingIndicator: filing,
      connectorId: 'accepting-clearinghouse',
      forbidsBalanceBilling: forbids,
    });
    payers[key] = created.payer.id;
  }
});
afterAll(() => t.close());

const gql = <T = unknown>(doc: string, variables: Record<string, unknown> = {}) =>
  queryData<T>(t, token, doc, variables);
const importEra = (x12: string) =>
  gql<{ importRemittance: { matched: number; held: number } }>(
    `mutation($x12: String!) { importRemittance(input: { x12: $x12 }) { ... on ImportRemittanceSuccess { matched held } } }`,
    { x12 },
  ).then((r) => r.importRemittance);
const claimView = (id: string) =>
  gql<{
    node: {
      status: string;
      balance: Balance;
      secondaryClaims: Array<{ id: string; patientControlNumber: string; crossover: boolean }>;
    };
  }>(
    `query($id: ID!) { node(id: $id) { ... on Claim { status balance { insuranceCents patientCents }
      secondaryClaims { id patientControlNumber crossover } } } }`,
    { id },
  ).then((r) => r.node);
const nextClaim = async (id: string): Promise<Claim> => {
  const next = (await claimView(id)).secondaryClaims[0]!;
  return { id: next.id, pcn: next.patientControlNumber, lines: [] };
};
const accountBalance = (patientId: string) =>
  gql<{ node: { accountBalance: { patientCents: number } } }>(
    `query($id: ID!) { node(id: $id) { ... on Patient { accountBalance { patientCents } } } }`,
    { id: patientId },
  ).then((r) => r.node.accountBalance.patientCents);
const submit = (ids: string[]) =>
  gql(`mutation($ids: [ID!]!) { submitClaims(input: { claimIds: $ids }) { __typename } }`, { ids });
const pay = (patientId: string, amountCents: number, receivedDate: string) =>
  gql(`mutation($input: RecordPatientPaymentInput!) { recordPatientPayment(input: $input) { __typename } }`, {
    input: { patientId, amountCents, method: 'CHECK', receivedDate },
  });

/** A later payer's answer at the claim level: it paid `paidCents`, with the prior payers' share as OA-23. */
const later = (
  pcn: string,
  carriedCents: number,
  paidCents: number,
  adjustments: Adjustment[] = [],
): ClaimPaymentSpec => ({
  pcn,
  statusCode: '2',
  chargeCents: 22_000,
  paidCents,
  adjustments: [oa23(22_000 - carriedCents), ...adjustments],
});
/** $100.00 on the office visit with CO-45 $70.00 and PR-2 $25.00, and the venipuncture as `venipuncture` says. */
const officeVisitPaid = (c: Claim, venipuncture: Adjustment): ClaimPaymentSpec =>
  twoLinePayment(
    c,
    { paidCents: 10_000, adjustments: [co('45', 7_000), pr('2', 2_500)] },
    { paidCents: 0, adjustments: [venipuncture] },
  );
const overpaid = (c: Claim): ClaimPaymentSpec => ({
  pcn: c.pcn,
  chargeCents: 22_000,
  paidCents: 20_000,
  adjustments: [co('45', 3_000)],
});

describe('ten patients, every payer case', () => {
  it('balances every claim, account, statement and figure to the cent', async () => {
    const bcbs = { payerId: w.bcbsId, priority: 'PRIMARY' } as const;
    const patients = [
      await w.patientCovered([bcbs]),
      await w.patientCovered([bcbs, { payerId: w.medicareId, priority: 'SECONDARY' }]),
      await w.patientCovered([
        bcbs,
        { payerId: w.medicareId, priority: 'SECONDARY' },
        { payerId: payers.aetna, priority: 'TERTIARY' },
      ]),
      await w.patientCovered([bcbs, { payerId: payers.medicaid, priority: 'SECONDARY' }]),
      await w.patientCovered([
        { payerId: w.medicareId, priority: 'PRIMARY' },
        { payerId: w.bcbsId, priority: 'SECONDARY' },
      ]),
      ...[6, 7, 8, 9, 10].map(() => null),
    ];
    for (let i = 5; i < 10; i++) patients[i] = await w.patientCovered([bcbs]);
    const [p1, p2, p3, p4, p5, p6, p7, p8, p9, p10] = patients.map((p) => p!);
    const claims: Claim[] = [];
    for (const p of [p1, p2, p3, p4, p5, p6, p7, p8, p9, p10]) claims.push(await w.submittedClaim(p!));
    const [c1, c2, c3, c4, c5, c6, c7, c8, c9, c10] = claims as [
      Claim,
      Claim,
      Claim,
      Claim,
      Claim,
      Claim,
      Claim,
      Claim,
      Claim,
      Claim,
    ];

    // P10 pays $50.00 on the day of submission, before anything is owed: an unapplied credit.
    await pay(p10!.id, 5_000, '2026-11-02');

    // BCBS, 2026-11-10: the primaries. P6's and P7's overpayments are held, then posted by a biller.
    const era1 = [c1, c2, c3, c9, c10].map(paidInFull);
    era1.push(officeVisitPaid(c4, pr('1', 2_500)), overpaid(c6), overpaid(c7));
    expect(await importEra(era('SC-BCBS-1', era1, { paymentDate: '2026-11-10' }))).toEqual({ matched: 8, held: 2 });
    const review = await gql<{
      claimPaymentsForReview: { nodes: Array<{ id: string; patientControlNumber: string }> };
    }>(`{ claimPaymentsForReview(first: 50) { nodes { id patientControlNumber } } }`);
    for (const c of [c6, c7]) {
      const held = review.claimPaymentsForReview.nodes.find((n) => n.patientControlNumber === c.pcn)!;
      await gql(`mutation($p: ID!, $c: ID!) { matchRemittance(claimPaymentId: $p, claimId: $c) { __typename } }`, {
        p: held.id,
        c: c.id,
      });
    }

    // The later claims the primaries left their patient shares to.
    const [s2, s3, s4] = [await nextClaim(c2.id), await nextClaim(c3.id), await nextClaim(c4.id)];
    await submit([s2.id, s3.id, s4.id]);
    expect((await claimView(s4.id)).balance).toEqual({ insuranceCents: 5_000, patientCents: 0 });

    // Medicare, 2026-11-12: P5 as primary, forwarded (a crossover); P2's and P3's secondaries.
    const medicareEra = [
      { ...paidInFull(c5), statusCode: '19' },
      later(s2.pcn, 2_785, 2_228, [pr('2', 557)]),
      later(s3.pcn, 2_785, 2_228, [pr('2', 557)]),
    ];
    expect(await importEra(era('SC-MCR-1', medicareEra, { paymentDate: '2026-11-12', payer: MEDICARE }))).toEqual({
      matched: 3,
      held: 0,
    });
    const x5 = await claimView(c5.id);
    expect(x5.secondaryClaims).toEqual([expect.objectContaining({ crossover: true })]);
    const s5 = await nextClaim(c5.id);
    const t3 = await nextClaim(s3.id);
    await submit([t3.id]);

    // Medicaid, 2026-11-14: P4's secondary; the PR-3 it leaves is never billed to the patient.
    expect(
      await importEra(
        era('SC-MCD-1', [later(s4.pcn, 5_000, 1_800, [co('45', 700), pr('3', 2_500)])], {
          paymentDate: '2026-11-14',
          payer: MEDICAID,
        }),
      ),
    ).toEqual({ matched: 1, held: 0 });
    // Aetna, 2026-11-16: P3's tertiary pays the $5.57.
    expect(
      await importEra(era('SC-AET-1', [later(t3.pcn, 557, 557)], { paymentDate: '2026-11-16', payer: AETNA })),
    ).toEqual({ matched: 1, held: 0 });

    // BCBS, 2026-11-20: the crossover answered on P5's claim number; P8 with a denied line; P9 reversed and paid
    // again; a PLB WO recouping P7's $10.00. Check: $27.85 + $100.00 − $111.40 + $120.00 − $10.00 = $126.45.
    const reversal: ClaimPaymentSpec = {
      pcn: c9.pcn,
      statusCode: '22',
      chargeCents: -22_000,
      paidCents: -11_140,
      patientResponsibilityCents: -2_785,
      adjustments: [co('45', -8_075), pr('2', -2_500), pr('3', -285)],
    };
    const readjudicated = twoLinePayment(
      c9,
      { paidCents: 10_800, adjustments: [co('45', 6_200), pr('2', 2_500)] },
      { paidCents: 1_200, adjustments: [co('45', 1_015), pr('3', 285)] },
    );
    const era2 = [later(c5.pcn, 2_785, 2_785), officeVisitPaid(c8, co('50', 2_500)), reversal, readjudicated];
    const plb = [{ reasonCode: 'WO', amountCents: 1_000, reference: `ICN-${c7.pcn}` }];
    expect(await importEra(era('SC-BCBS-2', era2, { paymentDate: '2026-11-20', plb }))).toEqual({
      matched: 4,
      held: 0,
    });

    // P1 pays its $27.85; later in the month the practice refunds P6's $10.00 and applies P10's credit.
    clock.advanceDays(23); // 2026-11-25
    await pay(p1!.id, 2_785, '2026-11-21');
    await gql(
      `mutation($input: RefundPayerOverpaymentInput!) { refundPayerOverpayment(input: $input) { __typename } }`,
      {
        input: { claimId: c6.id, amountCents: 1_000, reason: 'overpaid', reference: 'CHK 5512' },
      },
    );
    await gql(`mutation($id: ID!) { applyPatientCredit(input: { patientId: $id }) { __typename } }`, { id: p10!.id });

    // Every claim, per payer in the chain: [status, insurance, patient].
    const view = async (c: { id: string }) => {
      const v = await claimView(c.id);
      return [v.status, v.balance.insuranceCents, v.balance.patientCents];
    };
    expect({
      c1: await view(c1),
      c2: await view(c2),
      s2: await view(s2),
      c3: await view(c3),
      s3: await view(s3),
      t3: await view(t3),
      c4: await view(c4),
      s4: await view(s4),
      c5: await view(c5),
      s5: await view(s5),
      c6: await view(c6),
      c7: await view(c7),
      c8: await view(c8),
      c9: await view(c9),
      c10: await view(c10),
    }).toEqual({
      c1: ['PAID', 0, 0],
      c2: ['PAID', 0, 0],
      s2: ['PAID', 0, 557],
      c3: ['PAID', 0, 0],
      s3: ['PAID', 0, 0],
      t3: ['PAID', 0, 0],
      c4: ['PAID', 0, 0],
      s4: ['PAID', 0, 0],
      c5: ['PAID', 0, 0],
      s5: ['PAID', 0, 0],
      c6: ['PAID', 0, 0],
      c7: ['PAID', 0, 0],
      c8: ['PARTIALLY_PAID', 2_500, 2_500],
      c9: ['PAID', 0, 2_785],
      c10: ['PAID', 0, 0],
    });
    // Guarantor accounts: P2 $5.57, P8 $25.00, P9 $27.85, P10 a credit of $50.00 − $27.85 = $22.15.
    const accounts = [];
    for (const p of [p1, p2, p3, p4, p5, p6, p7, p8, p9, p10]) accounts.push(await accountBalance(p!.id));
    expect(accounts).toEqual([0, 557, 0, 0, 0, 0, 0, 2_500, 2_785, -2_215]);
    // The practice: insurance $25.00 (P8), patients $55.57 + $25.00 + $27.85 − $22.15 = $36.27, nothing practice-level.
    const practice = await gql<{ node: { balance: Balance & { practiceCents: number } } }>(
      `query($id: ID!) { node(id: $id) { ... on Practice { balance { insuranceCents patientCents practiceCents } } } }`,
      { id: w.practiceId },
    );
    expect(practice.node.balance).toEqual({ insuranceCents: 2_500, patientCents: 3_627, practiceCents: 0 });

    // Statements on 2026-11-30 for the accounts owing at least $5.00: P2, P8, P9 — each visit once.
    clock.advanceDays(5);
    const run = await gql<{
      runStatements: {
        statements: Array<{
          amountDueCents: number;
          newChargesCents: number;
          paymentsSinceCents: number;
          adjustmentsSinceCents: number;
          snapshot: { visits: Array<Record<string, unknown>> };
        }>;
      };
    }>(
      `mutation($input: RunStatementsInput!) { runStatements(input: $input) { ... on StatementRunSuccess {
        statements { amountDueCents newChargesCents paymentsSinceCents adjustmentsSinceCents snapshot } } } }`,
      { input: { practiceId: w.practiceId, statementDate: '2026-11-30' } },
    );
    const statements = run.runStatements.statements.map((s) => ({
      due: s.amountDueCents,
      new: s.newChargesCents,
      paid: s.paymentsSinceCents,
      adjusted: s.adjustmentsSinceCents,
      visits: s.snapshot.visits.map((v) => [
        v.reference,
        v.payers,
        v.chargesCents,
        v.insurancePaidCents,
        v.adjustmentsCents,
        v.insurancePendingCents,
        v.balanceCents,
      ]),
    }));
    expect(statements.sort((a, b) => a.due - b.due)).toEqual([
      // P2: $111.40 + $22.28 paid, CO-45 $80.75.
      {
        due: 557,
        new: 557,
        paid: 0,
        adjusted: 0,
        visits: [[c2.pcn, ['Blue Cross Blue Shield of Texas', 'Medicare Part B'], 22_000, 13_368, 8_075, 0, 557]],
      },
      // P8: $100.00 paid, CO-45 $70.00, the denied $25.00 still with BCBS.
      {
        due: 2_500,
        new: 2_500,
        paid: 0,
        adjusted: 0,
        visits: [[c8.pcn, ['Blue Cross Blue Shield of Texas'], 22_000, 10_000, 7_000, 2_500, 2_500]],
      },
      // P9: $111.40 − $111.40 + $120.00 paid, CO-45 $72.15; the reversed share and the new one net to $27.85.
      {
        due: 2_785,
        new: 2_785,
        paid: 0,
        adjusted: 0,
        visits: [[c9.pcn, ['Blue Cross Blue Shield of Texas'], 22_000, 12_000, 7_215, 0, 2_785]],
      },
    ]);

    // The month's figures. Charges 10 × $220.00. Payments: insurance $1,057.00 (BCBS 1) + $155.96 (Medicare)
    // + $18.00 (Medicaid) + $5.57 (Aetna) + $136.45 (BCBS 2, the reversal netted) = $1,372.98, patients $27.85 +
    // $50.00, less the $10.00 refunded and the $10.00 recouped: $1,430.83. Contractual: CO-45 5 × $80.75 + 2 × $70.00
    // + 2 × $30.00 + $72.15 + $7.00, and Medicaid's $25.00: $707.90. A/R on 2026-11-30: $25.00 + $36.27 = $61.27
    // against $2,200.00 of charges over 90 days: 2.5 days.
    const figures = await gql<{ arKeyFigures: Record<string, unknown> }>(
      `{ arKeyFigures(from: "2026-11-01", to: "2026-11-30") { chargesCents paymentsCents contractualAdjustmentsCents
        daysInAr netCollectionRate claimPaymentsAdjudicated denialRates { category count rate } } }`,
    );
    expect(figures.arKeyFigures).toEqual({
      chargesCents: 220_000,
      paymentsCents: 143_083,
      contractualAdjustmentsCents: 70_790,
      daysInAr: 2.5,
      // $1,430.83 ÷ ($2,200.00 − $707.90)
      netCollectionRate: 0.9589,
      // 8 + 3 + 1 + 1 + 4 claim payments posted
      claimPaymentsAdjudicated: 17,
      denialRates: [{ category: 'MEDICAL_NECESSITY', count: 1, rate: 0.0588 }],
    });
    // Denials per payer: BCBS adjudicated 12 claim payments on its claims (8 + P5's crossover + P8 + P9's two).
    const denials = await gql<{ denialFigures: { denialRates: Array<Record<string, unknown>> } }>(
      `{ denialFigures(from: "2026-11-01", to: "2026-11-30") { denialRates { payer { name } category denials claimPayments rate } } }`,
    );
    expect(denials.denialFigures.denialRates).toEqual([
      {
        payer: { name: 'Blue Cross Blue Shield of Texas' },
        category: 'MEDICAL_NECESSITY',
        denials: 1,
        claimPayments: 12,
        rate: 0.0833,
      },
    ]);
  });
});
