import { decodeId, defineNotifier } from '@revcycle/core';
import type { NotifierMessage } from '@revcycle/core';
import { businessHoursClock, createTestApi, queryData } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptingClearinghouse, era, paidInFull, remittanceWorld } from './remittance-fixtures.ts';
import type { RemittanceWorld } from './remittance-fixtures.ts';

/** Keeps what it was asked to send, so the test can read the reminders as a carrier would get them. */
const sent: NotifierMessage[] = [];
const capturingNotifier = defineNotifier({
  id: 'capture',
  displayName: 'Capturing notifier',
  channels: ['EMAIL', 'SMS', 'PHONE_TASK'],
  async send(message: NotifierMessage) {
    sent.push(message);
    return { outcome: 'SENT', externalRef: `msg-${sent.length}` };
  },
});

const localDate = (at: Date) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Chicago',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
const dayOf = (start: string, date: string) =>
  Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000);

let t: TestApi;
let token: string;
let w: RemittanceWorld;
const clock = businessHoursClock();
beforeAll(async () => {
  t = await createTestApi({ payers: [acceptingClearinghouse], notifiers: [capturingNotifier], clock });
  token = await t.token((await t.createOrganization('Dunning Clinic')).id, ['admin']);
  w = await remittanceWorld(t, token);
});
afterAll(() => t.close());

const gql = <T>(doc: string, variables: Record<string, unknown> = {}) => queryData<T>(t, token, doc, variables);

type Account = {
  dunning: {
    status: string;
    explanation: string;
    stepsDone: number;
    nextStep: { dueDate: string; step: { name: string } } | null;
  } | null;
  communications: Array<{ purpose: string; channel: string; outcome: string; template: string; occurredAt: string }>;
  paymentPlans: Array<{
    id: string;
    status: string;
    statusReason: string | null;
    installments: Array<{ sequence: number; amountCents: number; paidCents: number; status: string; dueDate: string }>;
  }>;
};
const ACCOUNT = `query($id: ID!) { node(id: $id) { ... on Patient { dunning { status explanation stepsDone nextStep { dueDate step { name } } }
  communications { purpose channel outcome template occurredAt } paymentPlans { id status statusReason installments { sequence amountCents paidCents status dueDate } } } } }`;
const account = async (id: string) => (await gql<{ node: Account }>(ACCOUNT, { id })).node;

describe('120 simulated days of dunning (a controllable clock, the scheduler run daily)', () => {
  it('walks accounts through the steps with the right skips, and a defaulted plan resumes dunning', async () => {
    // A plan of three installments of a $27.85 balance needs a lower minimum installment than the default.
    const policy = await gql<{
      setPatientBillingPolicy: {
        __typename: string;
        minimumInstallmentCents?: number;
        dunningSteps?: Array<{ dayOffset: number }>;
      };
    }>(
      `mutation($input: SetPatientBillingPolicyInput!) { setPatientBillingPolicy(input: $input) { __typename ... on PatientBillingPolicy { minimumInstallmentCents dunningSteps { dayOffset } } } }`,
      { input: { practiceId: w.practiceId, minimumInstallmentCents: 500 } },
    );
    expect(policy.setPatientBillingPolicy).toMatchObject({
      minimumInstallmentCents: 500,
      dunningSteps: [{ dayOffset: 0 }, { dayOffset: 30 }, { dayOffset: 45 }, { dayOffset: 60 }, { dayOffset: 90 }],
    });

    const plain = await w.patient();
    const pending = await w.patient();
    const disputed = await w.patient();
    const planned = await w.patient();
    const bankrupt = await w.patient();
    const claims = [];
    for (const p of [plain, pending, disputed, planned, bankrupt]) claims.push(await w.submittedClaim(p, '2026-10-01'));
    await w.submittedClaim(pending, '2026-10-15'); // insurance never answers this one
    await gql(`mutation($x12: String!) { importRemittance(input: { x12: $x12 }) { __typename } }`, {
      x12: era('EFT-DUN-1', claims.map(paidInFull)),
    });
    // The plain account prefers texts but has opted out of them: its reminder goes by e-mail.
    await gql(`mutation($input: UpdatePatientInput!) { updatePatient(input: $input) { __typename } }`, {
      input: {
        id: plain.id,
        mobilePhone: '512-555-0101',
        email: 'luis@example.com',
        preferredChannel: 'SMS',
        smsOptOut: true,
      },
    });
    for (const p of [pending, disputed, planned])
      await gql(`mutation($input: UpdatePatientInput!) { updatePatient(input: $input) { __typename } }`, {
        input: { id: p.id, mobilePhone: '512-555-0199' },
      });

    const start = localDate(clock.now());
    const ranPerDay: number[] = [];
    for (let day = 0; day <= 120; day++) {
      if (day > 0) clock.advanceDays(1);
      if (day === 2) {
        const plan = await gql<{
          createPaymentPlan: { __typename: string; installments: Array<{ amountCents: number }> };
        }>(
          `mutation($input: CreatePaymentPlanInput!) { createPaymentPlan(input: $input) { __typename ... on PaymentPlan { installments { amountCents } } } }`,
          {
            input: {
              patientId: planned.id,
              installmentCount: 3,
              startDate: localDate(clock.now()),
              frequency: 'MONTHLY',
            },
          },
        );
        expect(plan.createPaymentPlan.installments.map((i) => i.amountCents)).toEqual([928, 928, 929]);
      }
      if (day === 3)
        await gql(
          `mutation($input: RecordPatientPaymentInput!) { recordPatientPayment(input: $input) { __typename } }`,
          { input: { patientId: planned.id, amountCents: 928, method: 'CARD' } },
        );
      if (day === 10) {
        await gql(`mutation($input: FlagAccountInput!) { flagAccount(input: $input) { __typename } }`, {
          input: { patientId: disputed.id, kind: 'DISPUTE', note: 'says the lab draw was not done' },
        });
        await gql(`mutation($input: FlagAccountInput!) { flagAccount(input: $input) { __typename } }`, {
          input: { patientId: bankrupt.id, kind: 'BANKRUPTCY', note: 'chapter 7 filed' },
        });
      }
      if (day === 40) {
        const held = await account(disputed.id);
        expect(held.dunning).toMatchObject({ status: 'HELD', stepsDone: 1 });
        expect(held.dunning!.explanation).toMatch(
          /^Held: flagged dispute on .* \(says the lab draw was not done\)\. first statement \(step 1 of 5\) ran .*; step 2 \(second statement\) waits until the hold ends\.$/,
        );
        const flags = await gql<{ node: { accountFlags: Array<{ id: string }> } }>(
          `query($id: ID!) { node(id: $id) { ... on Patient { accountFlags { id } } } }`,
          { id: disputed.id },
        );
        await gql(`mutation($input: ClearAccountFlagInput!) { clearAccountFlag(input: $input) { __typename } }`, {
          input: { flagId: flags.node.accountFlags[0]!.id },
        });
      }
      const { ran } = await t.api.runScheduledJobs();
      ranPerDay.push(ran.length);
    }
    expect(ranPerDay.every((n) => n === 1)).toBe(true); // one practice, one job a day

    /** Each contact as [purpose, day of the simulation], oldest first. */
    const steps = (a: Account) =>
      a.communications.map((c) => [c.purpose, dayOf(start, localDate(new Date(c.occurredAt)))]).reverse();

    // Plain: every step on its day; the reminder by e-mail because texts are opted out; ready for collections on
    // day 90, after which statements go on the practice's 30-day cycle (day 91: the last one was day 60).
    const a = await account(plain.id);
    expect(steps(a)).toEqual([
      ['STATEMENT', 0],
      ['STATEMENT', 30],
      ['REMINDER', 45],
      ['FINAL_NOTICE', 60],
      ['STATEMENT', 91],
    ]);
    expect(a.communications.find((c) => c.purpose === 'REMINDER')).toMatchObject({
      channel: 'EMAIL',
      template: 'reminder',
      outcome: 'SENT',
    });
    expect(a.dunning).toMatchObject({ status: 'COMPLETED', stepsDone: 5, nextStep: null });
    expect(a.dunning!.explanation).toContain('ready for collections');
    expect(sent.filter((m) => m.variables.accountNumber && m.to === 'luis@example.com')).toEqual([
      expect.objectContaining({
        channel: 'EMAIL',
        template: 'reminder',
        variables: expect.objectContaining({ amountDueCents: 2_785, practiceName: expect.any(String) }),
        optOutNotice: 'To stop e-mails from us, reply with the word UNSUBSCRIBE.',
      }),
    ]);
    // Every electronic message carries its channel's opt-out notice (12 CFR 1006.6(e)), kept with the record.
    const electronic = sent.filter((m) => m.channel !== 'PHONE_TASK');
    expect(electronic.length).toBeGreaterThan(0);
    expect(electronic.filter((m) => !m.optOutNotice.includes(m.channel === 'SMS' ? 'STOP' : 'UNSUBSCRIBE'))).toEqual(
      [],
    );
    const kept = await t.db.communication.findMany({ where: { channel: { in: ['EMAIL', 'SMS'] }, allowed: true } });
    expect(kept.length).toBe(electronic.length);
    for (const c of kept)
      expect(c.content).toMatchObject({ to: c.sentTo, optOutNotice: expect.stringMatching(/STOP|UNSUBSCRIBE/) });

    // Insurance pending: statements on the cycle, never a reminder or final notice.
    const b = await account(pending.id);
    expect(b.communications.map((c) => c.purpose).filter((p) => p !== 'STATEMENT')).toEqual([]);
    expect(b.communications.map((c) => dayOf(start, localDate(new Date(c.occurredAt)))).reverse()).toEqual([
      0, 30, 60, 90, 120,
    ]);
    expect(b.dunning).toMatchObject({ status: 'HELD', stepsDone: 0 });
    expect(b.dunning!.explanation).toContain('insurance still owes $220.00 on 1 visit');

    // Disputed on day 10 (no statements while it stands), cleared on day 40: step 2 runs late on day 40 and the rest
    // keep their spacing (45→55, 60→70, 90→100); then the cycle statement on day 101.
    // Bankruptcy holds every later step for as long as the flag stands (to the end of the simulation).
    const inBankruptcy = await account(bankrupt.id);
    expect(steps(inBankruptcy)).toEqual([['STATEMENT', 0]]);
    expect(inBankruptcy.dunning).toMatchObject({ status: 'HELD', stepsDone: 1 });
    expect(inBankruptcy.dunning!.explanation).toContain('chapter 7 filed');

    const c = await account(disputed.id);
    expect(steps(c)).toEqual([
      ['STATEMENT', 0],
      ['STATEMENT', 40],
      ['REMINDER', 55],
      ['FINAL_NOTICE', 70],
      ['STATEMENT', 101],
    ]);
    expect(c.dunning).toMatchObject({ status: 'COMPLETED', stepsDone: 5 });

    // The plan: installment 1 paid on day 3, installment 2 (due a month after day 2) missed past 10 days' grace → default, dunning resumes.
    const d = await account(planned.id);
    const plan = d.paymentPlans[0]!;
    expect(plan.status).toBe('DEFAULTED');
    expect(plan.installments.map((i) => [i.paidCents, i.status])).toEqual(
      [
        [928, 'PAID'],
        [0, 'MISSED'],
        [0, 'MISSED'],
      ]
        .slice(0, 2)
        .concat([[0, plan.installments[2]!.status]]),
    );
    expect(plan.statusReason).toMatch(/^installment 2 of \$9\.28 due \d{4}-\d{2}-\d{2} was not paid within 10 days$/);
    const defaultDay = dayOf(start, plan.installments[1]!.dueDate) + 11;
    // While the plan was kept: a cycle statement on day 30 (showing the plan), no escalation. After the default, step 2
    // runs that day and the sequence goes on from it, to ready-for-collections 60 days later, then the cycle.
    expect(steps(d)).toEqual([
      ['STATEMENT', 0],
      ['STATEMENT', 30],
      ['STATEMENT', defaultDay],
      ['REMINDER', defaultDay + 15],
      ['FINAL_NOTICE', defaultDay + 30],
      ['STATEMENT', defaultDay + 61],
    ]);
    expect(d.dunning).toMatchObject({ status: 'COMPLETED', stepsDone: 5, nextStep: null });
    const planStatement = await t.db.statement.findFirst({
      where: { patientId: decodeId('Patient', planned.id, ['id']), dunningStep: 1 },
      orderBy: { statementDate: 'desc' },
    });
    expect(planStatement!.snapshot).toMatchObject({ paymentPlan: { status: 'ACTIVE', installmentCents: 928 } });

    const list = await gql<{ dunningAccounts: { totalCount: number; nodes: Array<{ status: string }> } }>(
      `query($p: ID!) { dunningAccounts(practiceId: $p, first: 10) { totalCount nodes { status } } }`,
      { p: w.practiceId },
    );
    expect(list.dunningAccounts.totalCount).toBe(5);
    expect(list.dunningAccounts.nodes.map((n) => n.status).sort()).toEqual([
      'COMPLETED',
      'COMPLETED',
      'COMPLETED',
      'HELD',
      'HELD',
    ]);
    const held = await gql<{ dunningAccounts: { totalCount: number } }>(
      `query($p: ID!) { dunningAccounts(practiceId: $p, status: HELD, first: 10) { totalCount } }`,
      { p: w.practiceId },
    );
    expect(held.dunningAccounts.totalCount).toBe(2);

    // The final notice is a statement whose text says so.
    const finals = await t.db.statement.findMany({
      where: { patientId: decodeId('Patient', plain.id, ['id']), dunningStep: 4 },
    });
    expect(JSON.stringify(finals[0]!.snapshot)).toContain('FINAL NOTICE');
  });
});
