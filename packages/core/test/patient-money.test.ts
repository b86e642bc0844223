import { createTestApi, startTestServer, subscribeOverSse, subscribeOverWebSocket } from '@revcycle/testkit';
import type { TestApi, TestServer } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptingClearinghouse, co, era, paidInFull, pr, remittanceWorld } from './remittance-fixtures.ts';
import type { RemittanceWorld } from './remittance-fixtures.ts';
import { practiceDay } from './registration-api.ts';
import { databaseProviderOf } from '../src/db/prisma-client.ts';
import { decodeId } from '../src/ids/global-id.ts';

const IMPORT = `mutation($x12: String!) { importRemittance(input: { x12: $x12 }) { __typename } }`;
const PAY = `mutation($input: RecordPatientPaymentInput!) { recordPatientPayment(input: $input) { __typename
  ... on PatientPayment { id amountCents allocations { amountCents claim { id } memo } }
  ... on ValidationError { fieldErrors { path code } } ... on ConflictError { message } } }`;
const REFUND = `mutation($input: RefundCreditBalanceInput!) { refundCreditBalance(input: $input) { __typename ... on LedgerEntry { kind amountCents } ... on ValidationError { fieldErrors { path code message } } } }`;
const WRITE_OFF = `mutation($input: WriteOffInput!) { writeOff(input: $input) { __typename ... on LedgerEntry { kind amountCents memo } ... on ValidationError { fieldErrors { path code message } } } }`;
const BALANCE = `query($id: ID!) { node(id: $id) { ... on Patient { balance { insuranceCents patientCents totalCents } } ... on Claim { balance { insuranceCents patientCents } } } }`;

let t: TestApi;
let token: string;
let w: RemittanceWorld;

beforeAll(async () => {
  t = await createTestApi({ payers: [acceptingClearinghouse] });
  token = await t.token((await t.createOrganization('Riverbend Billing')).id, ['admin']);
  w = await remittanceWorld(t, token);
});
afterAll(() => t.close());

async function gql<T>(doc: string, variables: Record<string, unknown>, as = token): Promise<T> {
  const res = await t.execute<T>(doc, { token: as, variables });
  expect(res.errors).toBeUndefined();
  return res.data!;
}
const balance = async (id: string) =>
  (
    await gql<{ node: { balance: { insuranceCents: number; patientCents: number; totalCents?: number } } }>(BALANCE, {
      id,
    })
  ).node.balance;

/** A patient with two adjudicated claims: 2 785 owed on the October 1 claim and 2 785 on the October 5 one. */
async function patientOwingTwice() {
  const p = await w.patient();
  const older = await w.submittedClaim(p, '2026-10-01');
  const newer = await w.submittedClaim(p, '2026-10-05');
  const res = await gql<{ importRemittance: { __typename: string } }>(IMPORT, {
    x12: era(`EFT-PM-${p.id.slice(-8)}`, [paidInFull(older), paidInFull(newer)]),
  });
  expect(res.importRemittance.__typename).toBe('ImportRemittanceSuccess');
  return { p, older, newer };
}

describe('patient money', () => {
  it('allocates a payment oldest first and keeps the excess as a refundable credit', async () => {
    const { p, older, newer } = await patientOwingTwice();
    expect((await balance(p.id)).patientCents).toBe(5_570);
    const paid = await gql<{
      recordPatientPayment: {
        __typename: string;
        allocations: Array<{ amountCents: number; claim: { id: string } | null }>;
      };
    }>(PAY, {
      input: { patientId: p.id, amountCents: 3_000, method: 'CARD', reference: 'AUTH-1', receivedDate: '2026-11-22' },
    });
    expect(paid.recordPatientPayment.allocations.map((a) => [a.claim?.id ?? null, a.amountCents])).toEqual([
      [older.id, -2_785],
      [newer.id, -215],
    ]);
    expect(await balance(older.id)).toEqual({ insuranceCents: 0, patientCents: 0 });
    expect(await balance(newer.id)).toEqual({ insuranceCents: 0, patientCents: 2_570 });

    const over = await gql<{
      recordPatientPayment: { allocations: Array<{ amountCents: number; claim: { id: string } | null }> };
    }>(PAY, { input: { patientId: p.id, amountCents: 3_000, method: 'CASH', receivedDate: '2026-11-23' } });
    expect(over.recordPatientPayment.allocations.map((a) => [a.claim?.id ?? null, a.amountCents])).toEqual([
      [newer.id, -2_570],
      [null, -430],
    ]);
    expect(await balance(p.id)).toEqual({ insuranceCents: 0, patientCents: -430, totalCents: -430 });

    const tooMuch = await gql<{
      refundCreditBalance: { __typename: string; fieldErrors: Array<{ path: string[]; code: string }> };
    }>(REFUND, { input: { patientId: p.id, amountCents: 500, method: 'CHECK' } });
    expect(tooMuch.refundCreditBalance).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'amountCents'], code: 'EXCEEDS_CREDIT' }],
    });
    const refund = await gql<{ refundCreditBalance: { kind: string; amountCents: number } }>(REFUND, {
      input: { patientId: p.id, amountCents: 430, method: 'CHECK', reference: '10045' },
    });
    expect(refund.refundCreditBalance).toMatchObject({ kind: 'REFUND', amountCents: 430 });
    expect((await balance(p.id)).patientCents).toBe(0);
  });

  it('pays named claims, records a payment once per idempotency key, and refuses claims with nothing owed', async () => {
    const { p, older, newer } = await patientOwingTwice();
    const input = {
      patientId: p.id,
      amountCents: 1_000,
      method: 'CHECK',
      claimIds: [newer.id],
      idempotencyKey: `pay-${p.id}`,
    };
    const first = await gql<{
      recordPatientPayment: { id: string; allocations: Array<{ amountCents: number; claim: { id: string } }> };
    }>(PAY, { input });
    expect(first.recordPatientPayment.allocations.map((a) => [a.claim.id, a.amountCents])).toEqual([
      [newer.id, -1_000],
    ]);
    const again = await gql<{ recordPatientPayment: { id: string } }>(PAY, { input });
    expect(again.recordPatientPayment.id).toBe(first.recordPatientPayment.id);
    expect((await balance(p.id)).patientCents).toBe(4_570);
    const conflicting = await gql<{ recordPatientPayment: { __typename: string } }>(PAY, {
      input: { ...input, amountCents: 2_000 },
    });
    expect(conflicting.recordPatientPayment.__typename).toBe('ConflictError');

    await gql(PAY, { input: { patientId: p.id, amountCents: 2_785, method: 'CASH', claimIds: [older.id] } });
    const nothingOwed = await gql<{
      recordPatientPayment: { __typename: string; fieldErrors: Array<{ path: string[]; code: string }> };
    }>(PAY, { input: { patientId: p.id, amountCents: 100, method: 'CASH', claimIds: [older.id] } });
    expect(nothingOwed.recordPatientPayment).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'claimIds', '0'], code: 'NOTHING_OWED' }],
    });
    const negative = await gql<{
      recordPatientPayment: { __typename: string; fieldErrors: Array<{ path: string[]; code: string }> };
    }>(PAY, { input: { patientId: p.id, amountCents: -5, method: 'CASH' } });
    expect(negative.recordPatientPayment).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'amountCents'], code: 'OUT_OF_RANGE' }],
    });
  });

  it('takes a payment from a user limited to the patient’s practice, and none from a user of another practice', async () => {
    const { p, older, newer } = await patientOwingTwice();
    const organizationId = (await t.db.practice.findFirstOrThrow()).organizationId;
    const practiceId = decodeId('Practice', w.practiceId);
    const ownDesk = await t.token(organizationId, ['frontdesk'], { practiceIds: [practiceId], userId: 'own-desk' });
    const otherDesk = await t.token(organizationId, ['frontdesk'], { practiceIds: ['another-practice'] });
    const input = { patientId: p.id, amountCents: 3_000, method: 'CASH', receivedDate: '2026-11-22' };

    const refused = await gql<{ recordPatientPayment: { __typename: string } }>(PAY, { input }, otherDesk);
    expect(refused.recordPatientPayment.__typename).toBe('NotFoundError');
    expect((await balance(p.id)).patientCents).toBe(5_570);

    const paid = await gql<{
      recordPatientPayment: { allocations: Array<{ amountCents: number; claim: { id: string } | null }> };
    }>(PAY, { input }, ownDesk);
    expect(paid.recordPatientPayment.allocations.map((a) => [a.claim?.id ?? null, a.amountCents])).toEqual([
      [older.id, -2_785],
      [newer.id, -215],
    ]);
    expect((await balance(p.id)).patientCents).toBe(2_570);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { actorId: 'own-desk' } });
    expect(audit).toMatchObject({ action: 'recordPatientPayment', outcome: 'SUCCEEDED', practiceId });
  });

  it('gives no claim more than its share when ten payments for one patient arrive at once', async () => {
    const { p, older, newer } = await patientOwingTwice();
    const pay = () => gql(PAY, { input: { patientId: p.id, amountCents: 1_000, method: 'CARD' } });
    await Promise.all(Array.from({ length: 10 }, pay));
    // 10 000 paid on 2 785 + 2 785 owed: both claims settled exactly, 4 430 left as the account's credit.
    expect(await balance(older.id)).toEqual({ insuranceCents: 0, patientCents: 0 });
    expect(await balance(newer.id)).toEqual({ insuranceCents: 0, patientCents: 0 });
    expect(await balance(p.id)).toEqual({ insuranceCents: 0, patientCents: -4_430, totalCents: -4_430 });
  });

  it('writes off a balance once and refunds a credit once when the same request arrives five times at once', async () => {
    const { p, older } = await patientOwingTwice();
    type Answer = { __typename: string; fieldErrors?: Array<{ code: string }> };
    // What each of five identical requests sent at once answered: the entry's type, or the error's code.
    const fiveAtOnce = async (doc: string, input: Record<string, unknown>) =>
      (await Promise.all(Array.from({ length: 5 }, () => gql<Record<string, Answer>>(doc, { input }))))
        .map((data) => Object.values(data)[0]!)
        .map((a) => a.fieldErrors?.[0]?.code ?? a.__typename)
        .sort();

    const writeOffs = await fiveAtOnce(WRITE_OFF, { claimId: older.id, account: 'PATIENT', reason: 'hardship' });
    expect(writeOffs).toEqual([...Array(4).fill('EXCEEDS_BALANCE'), 'LedgerEntry']);
    expect(await balance(older.id)).toEqual({ insuranceCents: 0, patientCents: 0 });

    // 3 785 on the 2 785 still owed on the newer claim: a credit of 1 000, refunded once.
    await gql(PAY, { input: { patientId: p.id, amountCents: 3_785, method: 'CASH', receivedDate: '2026-11-22' } });
    expect((await balance(p.id)).patientCents).toBe(-1_000);
    const refunds = await fiveAtOnce(REFUND, { patientId: p.id, amountCents: 1_000, method: 'CHECK' });
    expect(refunds).toEqual([...Array(4).fill('EXCEEDS_CREDIT'), 'LedgerEntry']);
    expect(await balance(p.id)).toEqual({ insuranceCents: 0, patientCents: 0, totalCents: 0 });
  });

  it('reverses an entry once when the same reversal arrives five times at once', async () => {
    const { p, older } = await patientOwingTwice();
    await gql(PAY, { input: { patientId: p.id, amountCents: 1_000, method: 'CARD', claimIds: [older.id] } });
    const entries = await gql<{ node: { ledgerEntries: Array<{ id: string; kind: string }> } }>(
      `query($id: ID!) { node(id: $id) { ... on Claim { ledgerEntries { id kind } } } }`,
      { id: older.id },
    );
    const payment = entries.node.ledgerEntries.find((e) => e.kind === 'PATIENT_PAYMENT')!;
    const reverse = () =>
      gql<{ reverseLedgerEntry: { __typename: string } }>(
        `mutation($id: ID!) { reverseLedgerEntry(entryId: $id, reason: "card declined") { __typename } }`,
        { id: payment.id },
      );
    const answers = await Promise.all(Array.from({ length: 5 }, reverse));
    expect(answers.map((a) => a.reverseLedgerEntry.__typename).sort()).toEqual([
      ...Array(4).fill('ConflictError'),
      'LedgerEntry',
    ]);
    // The 1 000 paid on the 2 785 is undone once: the claim owes 2 785 again, not 3 785.
    expect(await balance(older.id)).toEqual({ insuranceCents: 0, patientCents: 2_785 });
  });

  it('does not wait for a transaction that is writing rows for the patient (PostgreSQL’s key-share lock)', async () => {
    if (databaseProviderOf(t.db) !== 'postgresql') return;
    const { p } = await patientOwingTwice();
    const patientId = decodeId('Patient', p.id);
    // The lock an INSERT referencing the patient takes, held as an 835's posting holds it until it commits: were
    // the payment to wait for it, this transaction would wait for the payment and expire.
    await t.db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT 1 FROM "Patient" WHERE "id" = ${patientId} FOR KEY SHARE`;
        const paid = await gql<{ recordPatientPayment: { __typename: string } }>(PAY, {
          input: { patientId: p.id, amountCents: 100, method: 'CASH' },
        });
        expect(paid.recordPatientPayment.__typename).toBe('PatientPayment');
      },
      { timeout: 4_000 },
    );
  });

  it('keeps the day a payment was received and the day it was deposited, never deposited before received', async () => {
    const p = await w.patient();
    const pay = (depositDate: string) =>
      t
        .execute<{ recordPatientPayment: Record<string, unknown> }>(
          `mutation($input: RecordPatientPaymentInput!) { recordPatientPayment(input: $input) { __typename
            ... on PatientPayment { receivedDate depositDate } ... on ValidationError { fieldErrors { path code message } } } }`,
          {
            token,
            variables: {
              input: { patientId: p.id, amountCents: 2_000, method: 'CHECK', receivedDate: '2026-11-20', depositDate },
            },
          },
        )
        .then((r) => r.data!.recordPatientPayment);
    expect(await pay('2026-11-19')).toEqual({
      __typename: 'ValidationError',
      fieldErrors: [
        {
          path: ['input', 'depositDate'],
          code: 'INVALID_DATE',
          message: 'depositDate: 2026-11-19 is before the payment was received (2026-11-20)',
        },
      ],
    });
    expect(await pay('2026-11-20')).toEqual({
      __typename: 'PatientPayment',
      receivedDate: '2026-11-20',
      depositDate: '2026-11-20',
    });
    expect(await pay('2026-11-23')).toEqual({
      __typename: 'PatientPayment',
      receivedDate: '2026-11-20',
      depositDate: '2026-11-23',
    });
  });

  it('writes off with a reason, never more than is open, and only for billers and admins', async () => {
    const { older } = await patientOwingTwice();
    const tooMuch = await gql<{ writeOff: { __typename: string; fieldErrors: Array<{ code: string }> } }>(WRITE_OFF, {
      input: { claimId: older.id, account: 'PATIENT', amountCents: 5_000, reason: 'hardship' },
    });
    expect(tooMuch.writeOff).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ code: 'EXCEEDS_BALANCE' }],
    });
    const frontDesk = await t.token((await t.db.practice.findFirstOrThrow()).organizationId, ['frontdesk']);
    const denied = await t.execute(WRITE_OFF, {
      token: frontDesk,
      variables: { input: { claimId: older.id, account: 'PATIENT', reason: 'hardship' } },
    });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const done = await gql<{ writeOff: { kind: string; amountCents: number; memo: string } }>(WRITE_OFF, {
      input: { claimId: older.id, account: 'PATIENT', reason: 'small balance' },
    });
    expect(done.writeOff).toMatchObject({ kind: 'WRITE_OFF', amountCents: -2_785, memo: 'small balance' });
    expect(await balance(older.id)).toEqual({ insuranceCents: 0, patientCents: 0 });
  });

  it('reverses a mistaken entry with a new one, both halves of a transfer together', async () => {
    const p = await w.patient();
    const c = await w.submittedClaim(p);
    await gql(IMPORT, {
      x12: era(`EFT-REV-${p.id.slice(-8)}`, [
        {
          pcn: c.pcn,
          chargeCents: 22_000,
          paidCents: 12_000,
          lines: [
            {
              lineControlNumber: c.lines[0]!,
              code: '99214',
              chargeCents: 19_500,
              paidCents: 12_000,
              adjustments: [co('45', 5_000), pr('1', 2_500)],
            },
            {
              lineControlNumber: c.lines[1]!,
              code: '36415',
              chargeCents: 2_500,
              paidCents: 0,
              adjustments: [co('45', 2_500)],
            },
          ],
        },
      ]),
    });
    const entries = await gql<{
      node: { ledgerEntries: Array<{ id: string; kind: string; account: string; category: string | null }> };
    }>(`query($id: ID!) { node(id: $id) { ... on Claim { ledgerEntries { id kind account category } } } }`, {
      id: c.id,
    });
    const deductible = entries.node.ledgerEntries.find((e) => e.account === 'PATIENT' && e.category === 'DEDUCTIBLE')!;
    const reversed = await gql<{ reverseLedgerEntry: { __typename: string; amountCents: number } }>(
      `mutation($id: ID!) { reverseLedgerEntry(entryId: $id, reason: "posted to the wrong patient") { __typename ... on LedgerEntry { amountCents } } }`,
      { id: deductible.id },
    );
    expect(reversed.reverseLedgerEntry).toEqual({ __typename: 'LedgerEntry', amountCents: -2_500 });
    expect(await balance(c.id)).toEqual({ insuranceCents: 2_500, patientCents: 0 });
    const twice = await gql<{ reverseLedgerEntry: { __typename: string } }>(
      `mutation($id: ID!) { reverseLedgerEntry(entryId: $id, reason: "again") { __typename } }`,
      { id: deductible.id },
    );
    expect(twice.reverseLedgerEntry.__typename).toBe('ConflictError');
  });
});

describe('A/R aging', () => {
  it('buckets insurance and patient A/R by the age of the claim, as of a date', async () => {
    const org = await t.createOrganization('Aging Co');
    const admin = await t.token(org.id, ['admin']);
    const world = await remittanceWorld(t, admin);
    const p = await world.patient();
    // Charges post on the day of submission (today), so the dates are relative to today.
    const today = practiceDay(0);
    const daysAgo = (n: number) => practiceDay(-n);
    await world.submittedClaim(p, daysAgo(20));
    const older = await world.submittedClaim(p, daysAgo(76));
    await world.submittedClaim(p, daysAgo(125));
    const res = await t.execute<{ importRemittance: { __typename: string } }>(IMPORT, {
      token: admin,
      variables: { x12: era('EFT-AGING-1', [paidInFull(older)], { paymentDate: today }) },
    });
    expect(res.data!.importRemittance.__typename).toBe('ImportRemittanceSuccess');
    const aging = await t.execute<{
      arAging: {
        insurance: Record<string, number>;
        patient: Record<string, number>;
        rows: Array<{ account: string; payer: { name: string } | null; totalCents: number }>;
      };
    }>(
      `query($asOf: Date!) { arAging(asOf: $asOf, groupBy: PAYER) {
        insurance { days0to30Cents days31to60Cents days61to90Cents days91to120Cents over120Cents totalCents }
        patient { days0to30Cents days61to90Cents totalCents }
        rows { account payer { name } totalCents } } }`,
      { token: admin, variables: { asOf: today } },
    );
    expect(aging.errors).toBeUndefined();
    expect(aging.data!.arAging.insurance).toEqual({
      days0to30Cents: 22_000,
      days31to60Cents: 0,
      days61to90Cents: 0,
      days91to120Cents: 0,
      over120Cents: 22_000,
      totalCents: 44_000,
    });
    expect(aging.data!.arAging.patient).toEqual({ days0to30Cents: 0, days61to90Cents: 2_785, totalCents: 2_785 });
    expect(aging.data!.arAging.rows).toContainEqual({
      account: 'INSURANCE',
      payer: { name: 'Blue Cross Blue Shield of Texas' },
      totalCents: 44_000,
    });
    // Entries after asOf are left out: the day before, nothing had been charged yet.
    const before = await t.execute<{ arAging: { insurance: { totalCents: number }; patient: { totalCents: number } } }>(
      `query($asOf: Date!) { arAging(asOf: $asOf, groupBy: PRACTICE) { insurance { totalCents } patient { totalCents } } }`,
      { token: admin, variables: { asOf: daysAgo(1) } },
    );
    expect(before.data!.arAging).toEqual({ insurance: { totalCents: 0 }, patient: { totalCents: 0 } });

    const figures = await t.execute<{
      arKeyFigures: {
        chargesCents: number;
        paymentsCents: number;
        contractualAdjustmentsCents: number;
        netCollectionRate: number;
        daysInAr: number;
        claimPaymentsAdjudicated: number;
      };
    }>(
      `query($from: Date!, $to: Date!) { arKeyFigures(from: $from, to: $to) { chargesCents paymentsCents contractualAdjustmentsCents netCollectionRate daysInAr claimPaymentsAdjudicated } }`,
      { token: admin, variables: { from: daysAgo(30), to: today } },
    );
    expect(figures.errors).toBeUndefined();
    // 66 000 charged, 11 140 paid, 8 075 contractual; A/R 46 785 over 66 000 / 90 a day.
    expect(figures.data!.arKeyFigures).toEqual({
      chargesCents: 66_000,
      paymentsCents: 11_140,
      contractualAdjustmentsCents: 8_075,
      claimPaymentsAdjudicated: 1,
      netCollectionRate: Math.round((11_140 / (66_000 - 8_075)) * 10_000) / 10_000,
      daysInAr: Math.round((46_785 / (66_000 / 90)) * 10) / 10,
    });
  });
});

describe('balanceChanged', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(t.api);
  });
  afterAll(() => server.close());

  for (const transport of ['sse', 'ws'] as const) {
    it(`${transport}: publishes the new balance and the entry that moved it`, async () => {
      const { p, newer } = await patientOwingTwice();
      const query = `subscription($id: ID) { balanceChanged(patientId: $id) { balance { patientCents } accountBalance { patientCents } entry { kind amountCents claim { id } } } }`;
      const doc = query
        .replace('$id: ID', '')
        .replace('patientId: $id', `patientId: "${p.id}"`)
        .replace('subscription()', 'subscription');
      const sub =
        transport === 'sse'
          ? subscribeOverSse<{ balanceChanged: unknown }>(server.httpUrl, token, doc)
          : subscribeOverWebSocket<{ balanceChanged: unknown }>(server.wsUrl, token, doc);
      try {
        await sub.ready;
        await gql(PAY, { input: { patientId: p.id, amountCents: 1_000, method: 'CASH', claimIds: [newer.id] } });
        const event = await sub.next();
        expect(event.errors).toBeUndefined();
        expect(event.data!.balanceChanged).toEqual({
          balance: { patientCents: 4_570 },
          accountBalance: { patientCents: 4_570 },
          entry: { kind: 'PATIENT_PAYMENT', amountCents: -1_000, claim: { id: newer.id } },
        });
      } finally {
        sub.close();
      }
    });
  }
});
