import { defineStatementRenderer } from '@revcycle/core';
import type { StatementDocument } from '@revcycle/core';
import { createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptingClearinghouse, co, era, paidInFull, pr, remittanceWorld } from './remittance-fixtures.ts';
import type { RemittanceWorld } from './remittance-fixtures.ts';
import { practiceDay } from './registration-api.ts';

/** Renders the statement as its JSON, so the test can read what a renderer was given. */
const jsonRenderer = defineStatementRenderer({
  id: 'json-statements',
  displayName: 'JSON statements',
  contentType: 'application/json',
  async render(s: StatementDocument) {
    return {
      contentType: 'application/json',
      fileName: `statement-${s.accountNumber}.json`,
      bytes: new TextEncoder().encode(JSON.stringify(s)),
    };
  },
});

const RUN = `mutation($input: RunStatementsInput!) { runStatements(input: $input) { __typename ... on StatementRunSuccess { alreadyStated belowMinimum
  statements { id accountNumber amountDueCents priorBalanceCents newChargesCents paymentsSinceCents adjustmentsSinceCents dueDate status snapshot files { contentType contentBase64 } } } } }`;
type Run = {
  runStatements: {
    __typename: string;
    alreadyStated: number;
    belowMinimum: number;
    statements: Array<{
      id: string;
      accountNumber: string;
      amountDueCents: number;
      priorBalanceCents: number;
      newChargesCents: number;
      paymentsSinceCents: number;
      adjustmentsSinceCents: number;
      dueDate: string;
      status: string;
      snapshot: StatementDocument;
      files: Array<{ contentType: string; contentBase64: string }>;
    }>;
  };
};

let t: TestApi;
let token: string;
let w: RemittanceWorld;
beforeAll(async () => {
  t = await createTestApi({ payers: [acceptingClearinghouse], statements: [jsonRenderer] });
  token = await t.token((await t.createOrganization('Statement Clinic')).id, ['admin']);
  w = await remittanceWorld(t, token);
});
afterAll(() => t.close());

async function gql<T>(doc: string, variables: Record<string, unknown>): Promise<T> {
  const res = await t.execute<T>(doc, { token, variables });
  expect(res.errors).toBeUndefined();
  return res.data!;
}

const daysFromNow = (n: number) => practiceDay(n);
// Charges post on the day a claim is submitted (today), so the dates here are relative to today.
const today = daysFromNow(0);

describe('statement runs', () => {
  it('states every account owing the minimum, with balanced visits, and keeps what was sent', async () => {
    const owing = await w.patient();
    const small = await w.patient();
    const paid = await w.submittedClaim(owing, daysFromNow(-40));
    const pending = await w.submittedClaim(owing, daysFromNow(-10));
    const tiny = await w.submittedClaim(small, daysFromNow(-39));
    await gql(`mutation($x12: String!) { importRemittance(input: { x12: $x12 }) { __typename } }`, {
      x12: era(
        'EFT-ST-1',
        [
          paidInFull(paid),
          {
            pcn: tiny.pcn,
            chargeCents: 22_000,
            paidCents: 21_700,
            patientResponsibilityCents: 300,
            lines: [
              {
                lineControlNumber: tiny.lines[0]!,
                code: '99214',
                chargeCents: 19_500,
                paidCents: 19_200,
                adjustments: [pr('3', 300)],
              },
              {
                lineControlNumber: tiny.lines[1]!,
                code: '36415',
                chargeCents: 2_500,
                paidCents: 2_500,
                adjustments: [],
              },
            ],
          },
        ],
        { paymentDate: today },
      ),
    });
    await gql(`mutation($input: RecordPatientPaymentInput!) { recordPatientPayment(input: $input) { __typename } }`, {
      input: { patientId: owing.id, amountCents: 785, method: 'CARD', receivedDate: today },
    });
    void co;

    const first = await gql<Run>(RUN, { input: { practiceId: w.practiceId, statementDate: today } });
    expect(first.runStatements).toMatchObject({ __typename: 'StatementRunSuccess', alreadyStated: 0, belowMinimum: 1 });
    expect(first.runStatements.statements).toHaveLength(1);
    const statement = first.runStatements.statements[0]!;
    // 2 785 patient share − 785 paid.
    expect(statement).toMatchObject({
      amountDueCents: 2_000,
      priorBalanceCents: 0,
      newChargesCents: 2_785,
      paymentsSinceCents: 785,
      adjustmentsSinceCents: 0,
      dueDate: daysFromNow(30),
      status: 'DRAFT',
    });
    const visits = statement.snapshot.visits;
    expect(
      visits.map((v) => [
        v.serviceDate,
        v.chargesCents,
        v.insurancePaidCents,
        v.adjustmentsCents,
        v.insurancePendingCents,
        v.patientPaidCents,
        v.balanceCents,
      ]),
    ).toEqual([
      [daysFromNow(-40), 22_000, 11_140, 8_075, 0, 785, 2_000],
      [daysFromNow(-10), 22_000, 0, 0, 22_000, 0, 0],
    ]);
    // Each service as the practice named it, and who adjudicated the visit (nobody yet, for the pending one).
    expect(visits.map((v) => [v.lines.map((l) => l.description), v.payers])).toEqual([
      [['99214 Office visit, established patient', '36415 Blood draw'], ['Blue Cross Blue Shield of Texas']],
      [['99214 Office visit, established patient', '36415 Blood draw'], []],
    ]);
    expect(statement.snapshot.messages).toContain(
      'Some visits are still with your insurance; their balance may change when it pays.',
    );
    expect(statement.snapshot.aging).toEqual({
      days0to30Cents: 0,
      days31to60Cents: 2_000,
      days61to90Cents: 0,
      over90Cents: 0,
    });
    const rendered = JSON.parse(
      Buffer.from(statement.files[0]!.contentBase64, 'base64').toString(),
    ) as StatementDocument;
    expect(rendered.amountDueCents).toBe(2_000);
    void pending;

    // Running the same date again creates nothing; a later payment does not change what was sent.
    const again = await gql<Run>(RUN, { input: { practiceId: w.practiceId, statementDate: today } });
    expect(again.runStatements).toMatchObject({ alreadyStated: 1, statements: [] });
    await gql(`mutation($input: RecordPatientPaymentInput!) { recordPatientPayment(input: $input) { __typename } }`, {
      input: { patientId: owing.id, amountCents: 500, method: 'CASH', receivedDate: daysFromNow(1) },
    });
    const kept = await gql<{ node: { amountDueCents: number; snapshot: StatementDocument } }>(
      `query($id: ID!) { node(id: $id) { ... on Statement { amountDueCents snapshot } } }`,
      { id: statement.id },
    );
    expect(kept.node.amountDueCents).toBe(2_000);
    expect(kept.node.snapshot.visits[0]!.balanceCents).toBe(2_000);

    const sent = await gql<{ markStatementSent: { status: string; channel: string } }>(
      `mutation($input: MarkStatementSentInput!) { markStatementSent(input: $input) { ... on Statement { status channel } } }`,
      { input: { statementId: statement.id, channel: 'MAIL' } },
    );
    expect(sent.markStatementSent).toEqual({ status: 'SENT', channel: 'MAIL' });

    // The next cycle shows the previous statement's balance and the payment since.
    const next = await gql<Run>(RUN, { input: { practiceId: w.practiceId, statementDate: daysFromNow(30) } });
    expect(next.runStatements.statements[0]).toMatchObject({
      amountDueCents: 1_500,
      priorBalanceCents: 2_000,
      newChargesCents: 0,
      paymentsSinceCents: 500,
      adjustmentsSinceCents: 0,
    });
  });
});

describe('the statement minimum', () => {
  it('states an account owing exactly the minimum and not one owing a cent less', async () => {
    // An organization of its own, so that no other account of this file is in the run.
    const ownToken = await t.token((await t.createOrganization('Minimum Clinic')).id, ['admin']);
    const own = await remittanceWorld(t, ownToken);
    const ownGql = async <T>(query: string, variables: Record<string, unknown>) =>
      (await t.execute<T>(query, { token: ownToken, variables })).data!;
    const atMinimum = await own.patient();
    const justUnder = await own.patient();
    const share = (claim: { pcn: string }, patientCents: number) => ({
      pcn: claim.pcn,
      chargeCents: 22_000,
      paidCents: 22_000 - patientCents,
      patientResponsibilityCents: patientCents,
      adjustments: [pr('2', patientCents)],
    });
    const a = await own.submittedClaim(atMinimum, daysFromNow(-20));
    const b = await own.submittedClaim(justUnder, daysFromNow(-20));
    await ownGql(`mutation($x12: String!) { importRemittance(input: { x12: $x12 }) { __typename } }`, {
      x12: era('EFT-ST-MIN', [share(a, 2_000), share(b, 1_999)], { paymentDate: today }),
    });
    const run = await ownGql<Run>(RUN, {
      input: { practiceId: own.practiceId, statementDate: today, minimumBalanceCents: 2_000 },
    });
    expect(run.runStatements).toMatchObject({ alreadyStated: 0, belowMinimum: 1 });
    expect(run.runStatements.statements.map((s) => s.amountDueCents)).toEqual([2_000]);
  });
});

describe('a visit carried to a secondary payer', () => {
  it('is one visit on the statement, naming both payers, with what the last payer left to the patient', async () => {
    await gql(
      `mutation { updatePayer(input: { id: "${w.medicareId}", connectorId: "accepting-clearinghouse" }) { __typename } }`,
      {},
    );
    const p = await w.patient({ secondary: true });
    const c = await w.submittedClaim(p, daysFromNow(-20));
    await gql(`mutation($x12: String!) { importRemittance(input: { x12: $x12 }) { __typename } }`, {
      x12: era('EFT-ST-COB-1', [paidInFull(c)], { paymentDate: today }),
    });
    const secondary = (
      await gql<{ node: { secondaryClaims: Array<{ id: string; patientControlNumber: string }> } }>(
        `query($id: ID!) { node(id: $id) { ... on Claim { secondaryClaims { id patientControlNumber } } } }`,
        { id: c.id },
      )
    ).node.secondaryClaims[0]!;
    await gql(`mutation($ids: [ID!]!) { submitClaims(input: { claimIds: $ids }) { __typename } }`, {
      ids: [secondary.id],
    });
    // Medicare pays $22.28 of the $27.85 and leaves $5.57; OA-23 $192.15 is BCBS's share.
    const medicare = {
      pcn: secondary.patientControlNumber,
      statusCode: '2',
      chargeCents: 22_000,
      paidCents: 2_228,
      adjustments: [{ groupCode: 'OA', reasonCode: '23', amountCents: 19_215 }, pr('2', 557)],
    };
    await gql(`mutation($x12: String!) { importRemittance(input: { x12: $x12 }) { __typename } }`, {
      x12: era('EFT-ST-COB-2', [medicare], { paymentDate: today, payer: { name: 'MEDICARE PART B', id: '04412' } }),
    });
    const run = await gql<Run>(RUN, { input: { practiceId: w.practiceId, statementDate: daysFromNow(1) } });
    const statement = run.runStatements.statements.find((s) => s.snapshot.visits.some((v) => v.reference === c.pcn))!;
    // Paid $111.40 + $22.28 = $133.68; contractual $80.75; the patient owes $5.57.
    expect(statement.snapshot.visits).toEqual([
      expect.objectContaining({
        reference: c.pcn,
        payers: ['Blue Cross Blue Shield of Texas', 'Medicare Part B'],
        chargesCents: 22_000,
        insurancePaidCents: 13_368,
        adjustmentsCents: 8_075,
        insurancePendingCents: 0,
        balanceCents: 557,
      }),
    ]);
    expect(statement).toMatchObject({ amountDueCents: 557, newChargesCents: 557, paymentsSinceCents: 0 });
  });
});
