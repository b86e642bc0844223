import { decodeId } from '@revcycle/core';
import { businessHoursClock, createTestApi, queryData } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptingClearinghouse, era, paidInFull, remittanceWorld } from './remittance-fixtures.ts';
import type { RemittanceWorld } from './remittance-fixtures.ts';

const clock = businessHoursClock();
let t: TestApi;
let token: string;
let w: RemittanceWorld;
let eft = 0;
beforeAll(async () => {
  t = await createTestApi({ payers: [acceptingClearinghouse], clock });
  token = await t.token((await t.createOrganization('Plan Clinic')).id, ['admin']);
  w = await remittanceWorld(t, token);
  // The test balances are small ($27.85): allow $5.00 installments.
  await gql(
    `mutation($input: SetPatientBillingPolicyInput!) { setPatientBillingPolicy(input: $input) { __typename } }`,
    { input: { practiceId: w.practiceId, minimumInstallmentCents: 500 } },
  );
});
afterAll(() => t.close());

const gql = <T>(doc: string, variables: Record<string, unknown> = {}) => queryData<T>(t, token, doc, variables);
const localDate = () =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Chicago',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(clock.now());

/** A patient owing $27.85 (the standard adjudication's patient share). */
async function owingPatient() {
  const p = await w.patient();
  const claim = await w.submittedClaim(p, '2026-10-01');
  await gql(`mutation($x12: String!) { importRemittance(input: { x12: $x12 }) { __typename } }`, {
    x12: era(`EFT-PLAN-${++eft}`, [paidInFull(claim)]),
  });
  return { ...p, claim };
}

const PLAN = `mutation($input: CreatePaymentPlanInput!) { createPaymentPlan(input: $input) { __typename
  ... on PaymentPlan { id status totalCents installmentCents installments { sequence dueDate amountCents paidCents status } }
  ... on ValidationError { fieldErrors { path code message } } ... on ConflictError { message } } }`;
type Plan = {
  id: string;
  status: string;
  statusReason?: string;
  totalCents: number;
  installmentCents: number;
  installments: Array<{ sequence: number; dueDate: string; amountCents: number; paidCents: number; status: string }>;
};
/** A $10.00-an-installment plan for a patient, starting today. */
const planFor = async (patient: { id: string }, frequency: 'WEEKLY' | 'MONTHLY') =>
  (
    await gql<{ createPaymentPlan: Plan }>(PLAN, {
      input: { patientId: patient.id, installmentCents: 1_000, startDate: localDate(), frequency },
    })
  ).createPaymentPlan;
const PAY = `mutation($input: RecordPatientPaymentInput!) { recordPatientPayment(input: $input) { __typename } }`;
const planOf = async (id: string) =>
  (
    await gql<{ node: Plan }>(
      `query($id: ID!) { node(id: $id) { ... on PaymentPlan { id status statusReason totalCents installmentCents installments { sequence dueDate amountCents paidCents status } } } }`,
      { id },
    )
  ).node;

describe('payment plans', () => {
  it('schedules in exact cents, refuses bad terms with the field named, one active plan per account', async () => {
    const p = await owingPatient();
    const bad = await gql<{
      createPaymentPlan: { __typename: string; fieldErrors: Array<{ path: string[]; code: string }> };
    }>(PLAN, {
      input: {
        patientId: p.id,
        installmentCount: 3,
        installmentCents: 1_000,
        startDate: localDate(),
        frequency: 'MONTHLY',
      },
    });
    expect(bad.createPaymentPlan.fieldErrors[0]).toMatchObject({ path: ['input', 'installmentCount'], code: 'ONE_OF' });
    const tooSmall = await gql<{ createPaymentPlan: { fieldErrors: Array<{ code: string; message: string }> } }>(PLAN, {
      input: { patientId: p.id, installmentCount: 6, startDate: localDate(), frequency: 'MONTHLY' },
    });
    expect(tooSmall.createPaymentPlan.fieldErrors[0]).toMatchObject({
      code: 'BELOW_MINIMUM',
      message: "installmentCount: installments would be $4.64, under the practice's minimum of $5.00",
    });
    const past = await gql<{ createPaymentPlan: { fieldErrors: Array<{ code: string }> } }>(PLAN, {
      input: { patientId: p.id, installmentCount: 1, startDate: '2020-01-01', frequency: 'MONTHLY' },
    });
    expect(past.createPaymentPlan.fieldErrors[0]).toMatchObject({ code: 'IN_THE_PAST' });

    const ok = await gql<{ createPaymentPlan: Plan }>(PLAN, {
      input: {
        patientId: p.id,
        installmentCents: 1_000,
        startDate: localDate(),
        frequency: 'BIWEEKLY',
        autopayReference: 'pm_tok_123',
      },
    });
    expect(ok.createPaymentPlan).toMatchObject({ status: 'ACTIVE', totalCents: 2_785, installmentCents: 1_000 });
    expect(ok.createPaymentPlan.installments.map((i) => i.amountCents)).toEqual([1_000, 1_000, 785]);
    const again = await gql<{ createPaymentPlan: { __typename: string } }>(PLAN, {
      input: { patientId: p.id, installmentCount: 1, startDate: localDate(), frequency: 'MONTHLY' },
    });
    expect(again.createPaymentPlan.__typename).toBe('ConflictError');
  });

  it('applies payments to installments and closes on early payoff', async () => {
    const p = await owingPatient();
    const plan = await planFor(p, 'WEEKLY');
    await gql(PAY, { input: { patientId: p.id, amountCents: 1_500, method: 'CARD' } });
    expect((await planOf(plan.id)).installments.map((i) => [i.paidCents, i.status])).toEqual([
      [1_000, 'PAID'],
      [500, 'SCHEDULED'],
      [0, 'SCHEDULED'],
    ]);
    await gql(PAY, { input: { patientId: p.id, amountCents: 1_285, method: 'CASH' } });
    const closed = await planOf(plan.id);
    expect(closed).toMatchObject({
      status: 'COMPLETED',
      statusReason: expect.stringMatching(/^paid off early on .* \(2 installments were not yet due\)$/),
    });
  });

  it('applies a payment to the plan of a patient recorded without a guarantor (the account is the patient alone)', async () => {
    const p = await owingPatient();
    const plan = await planFor(p, 'WEEKLY');
    // Data from before every patient had a guarantor record: no guarantor on the patient, its plan or its entries.
    const patientId = decodeId('Patient', p.id);
    await t.db.patient.update({ where: { id: patientId }, data: { guarantorId: null } });
    await t.db.paymentPlan.update({ where: { id: decodeId('PaymentPlan', plan.id) }, data: { guarantorId: null } });
    await t.db.ledgerEntry.updateMany({ where: { patientId }, data: { guarantorId: null } });
    await gql(PAY, { input: { patientId: p.id, amountCents: 1_500, method: 'CARD' } });
    expect((await planOf(plan.id)).installments.map((i) => [i.paidCents, i.status])).toEqual([
      [1_000, 'PAID'],
      [500, 'SCHEDULED'],
      [0, 'SCHEDULED'],
    ]);
  });

  it('re-plans when the balance drops under it (a late adjustment), keeping the installment and what was paid', async () => {
    const p = await owingPatient();
    const plan = await planFor(p, 'MONTHLY');
    await gql(PAY, { input: { patientId: p.id, amountCents: 1_000, method: 'CARD' } });
    // $12.85 of the remaining $17.85 is written off (a late adjustment): $5.00 is left, one installment.
    const writeOff = await gql<{ writeOff: { __typename: string } }>(
      `mutation($input: WriteOffInput!) { writeOff(input: $input) { __typename } }`,
      { input: { claimId: p.claim.id, account: 'PATIENT', amountCents: 1_285, reason: 'courtesy adjustment' } },
    );
    expect(writeOff.writeOff.__typename).toBe('LedgerEntry');
    const cycle = await gql<{ runBillingCycle: { plansReplanned: number } }>(
      `mutation($input: RunBillingCycleInput!) { runBillingCycle(input: $input) { ... on BillingCycleSuccess { plansReplanned } } }`,
      { input: { practiceId: w.practiceId } },
    );
    expect(cycle.runBillingCycle.plansReplanned).toBe(1);
    const replanned = await planOf(plan.id);
    expect(replanned).toMatchObject({
      status: 'ACTIVE',
      totalCents: 1_500,
      statusReason: expect.stringContaining('changed from $17.85 to $5.00'),
    });
    expect(replanned.installments.map((i) => [i.sequence, i.amountCents, i.paidCents, i.status])).toEqual([
      [1, 1_000, 1_000, 'PAID'],
      [2, 500, 0, 'SCHEDULED'],
    ]);
  });

  it('cancels on a balance change when the practice says so, and by request', async () => {
    await gql(
      `mutation($input: SetPatientBillingPolicyInput!) { setPatientBillingPolicy(input: $input) { __typename } }`,
      { input: { practiceId: w.practiceId, onPlanBalanceChange: 'CANCEL' } },
    );
    const p = await owingPatient();
    const plan = await planFor(p, 'MONTHLY');
    await gql(`mutation($input: WriteOffInput!) { writeOff(input: $input) { __typename } }`, {
      input: { claimId: p.claim.id, account: 'PATIENT', amountCents: 100, reason: 'courtesy' },
    });
    await gql(`mutation($input: RunBillingCycleInput!) { runBillingCycle(input: $input) { __typename } }`, {
      input: { practiceId: w.practiceId },
    });
    expect(await planOf(plan.id)).toMatchObject({
      status: 'CANCELLED',
      statusReason: expect.stringContaining("the practice's policy ends the plan"),
    });
    await gql(
      `mutation($input: SetPatientBillingPolicyInput!) { setPatientBillingPolicy(input: $input) { __typename } }`,
      { input: { practiceId: w.practiceId, onPlanBalanceChange: 'REPLAN' } },
    );

    const q = await owingPatient();
    const second = await planFor(q, 'MONTHLY');
    const cancelled = await gql<{ cancelPaymentPlan: { status: string } }>(
      `mutation($input: CancelPaymentPlanInput!) { cancelPaymentPlan(input: $input) { ... on PaymentPlan { status } } }`,
      { input: { paymentPlanId: second.id, reason: 'guarantor asked' } },
    );
    expect(cancelled.cancelPaymentPlan.status).toBe('CANCELLED');
  });
});

describe('small balances and financial assistance', () => {
  it('writes off a small balance after the set number of statements, with the reason on the entry', async () => {
    const p = await owingPatient();
    // $3.85 left after a payment; the practice writes off under $5.00 after one statement.
    await gql(PAY, { input: { patientId: p.id, amountCents: 2_400, method: 'CARD' } });
    const set = await gql<{ setPatientBillingPolicy: { __typename: string; fieldErrors?: unknown } }>(
      `mutation($input: SetPatientBillingPolicyInput!) { setPatientBillingPolicy(input: $input) { __typename } }`,
      {
        input: {
          practiceId: w.practiceId,
          smallBalanceWriteOffBelowCents: 500,
          smallBalanceAfterStatements: 1,
          minimumBalanceCents: 300,
        },
      },
    );
    expect(set.setPatientBillingPolicy.__typename).toBe('PatientBillingPolicy');
    const first = await gql<{ runBillingCycle: { smallBalancesWrittenOff: number } }>(
      `mutation($input: RunBillingCycleInput!) { runBillingCycle(input: $input) { ... on BillingCycleSuccess { smallBalancesWrittenOff } } }`,
      { input: { practiceId: w.practiceId } },
    );
    expect(first.runBillingCycle.smallBalancesWrittenOff).toBe(0); // no statement yet: it gets one now
    clock.advanceDays(1);
    const next = await gql<{ runBillingCycle: { smallBalancesWrittenOff: number } }>(
      `mutation($input: RunBillingCycleInput!) { runBillingCycle(input: $input) { ... on BillingCycleSuccess { smallBalancesWrittenOff } } }`,
      { input: { practiceId: w.practiceId } },
    );
    expect(next.runBillingCycle.smallBalancesWrittenOff).toBe(1);
    const entries = await t.db.ledgerEntry.findMany({
      where: { patientId: decodeId('Patient', p.id, ['id']), kind: 'WRITE_OFF' },
    });
    expect(entries.map((e) => [e.amountCents, e.reasonCode, e.memo])).toEqual([
      [-385, 'SMALL_BALANCE', 'small balance under $5.00 written off after 1 statements'],
    ]);
    await gql(
      `mutation($input: SetPatientBillingPolicyInput!) { setPatientBillingPolicy(input: $input) { __typename } }`,
      { input: { practiceId: w.practiceId, smallBalanceWriteOffBelowCents: 0, minimumBalanceCents: 500 } },
    );
  });

  it('posts a financial-assistance discount per visit and clears the review flag', async () => {
    const p = await owingPatient();
    await gql(`mutation($input: FlagAccountInput!) { flagAccount(input: $input) { __typename } }`, {
      input: { patientId: p.id, kind: 'FINANCIAL_ASSISTANCE', note: 'application received' },
    });
    const unknown = await gql<{
      applyFinancialAssistance: { __typename: string; fieldErrors: Array<{ message: string }> };
    }>(
      `mutation($input: ApplyFinancialAssistanceInput!) { applyFinancialAssistance(input: $input) { __typename ... on ValidationError { fieldErrors { message } } } }`,
      { input: { patientId: p.id, program: 'SLIDING' } },
    );
    expect(unknown.applyFinancialAssistance.fieldErrors[0]!.message).toBe(
      "program: the practice's programs are FULL, PARTIAL",
    );
    const res = await gql<{ applyFinancialAssistance: { __typename: string } }>(
      `mutation($input: ApplyFinancialAssistanceInput!) { applyFinancialAssistance(input: $input) { __typename } }`,
      { input: { patientId: p.id, program: 'PARTIAL', note: 'income 180% FPL' } },
    );
    expect(res.applyFinancialAssistance.__typename).toBe('ApplyFinancialAssistanceSuccess');
    const entries = await t.db.ledgerEntry.findMany({
      where: { patientId: decodeId('Patient', p.id, ['id']), kind: 'WRITE_OFF' },
    });
    // 50% of $27.85, rounded down to the cent: never more than is owed.
    expect(entries.map((e) => [e.amountCents, e.reasonCode, e.memo])).toEqual([
      [-1_392, 'FINANCIAL_ASSISTANCE', 'financial assistance PARTIAL (50%): income 180% FPL'],
    ]);
    const flags = await gql<{ node: { accountFlags: unknown[] } }>(
      `query($id: ID!) { node(id: $id) { ... on Patient { accountFlags { id } } } }`,
      { id: p.id },
    );
    expect(flags.node.accountFlags).toEqual([]);
  });

  it('refuses a policy that makes no sense, naming each field', async () => {
    const res = await gql<{
      setPatientBillingPolicy: {
        __typename: string;
        fieldErrors: Array<{ path: Array<string | number>; code: string }>;
      };
    }>(
      `mutation($input: SetPatientBillingPolicyInput!) { setPatientBillingPolicy(input: $input) { __typename ... on ValidationError { fieldErrors { path code } } } }`,
      {
        input: {
          practiceId: w.practiceId,
          statementCycleDays: 3,
          dunningSteps: [
            { name: 'reminder', dayOffset: 0, action: 'REMINDER', channels: ['MAIL'], template: 'x' },
            { name: 'collections', dayOffset: 0, action: 'READY_FOR_COLLECTIONS', channels: [], template: 'x' },
            { name: 'late', dayOffset: 10, action: 'STATEMENT', channels: ['MAIL'], template: 'x' },
          ],
        },
      },
    );
    expect(res.setPatientBillingPolicy.fieldErrors.map((e) => [e.path.join('.'), e.code])).toEqual([
      ['input.statementCycleDays', 'OUT_OF_RANGE'],
      ['input.dunningSteps.0.action', 'INVALID'],
      ['input.dunningSteps.0.channels', 'INVALID'],
      ['input.dunningSteps.1.dayOffset', 'OUT_OF_ORDER'],
      ['input.dunningSteps.1.action', 'INVALID'],
    ]);
  });
});
