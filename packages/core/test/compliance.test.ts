import { createTestApi, queryData } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remittanceWorld } from './remittance-fixtures.ts';
import type { RemittanceWorld } from './remittance-fixtures.ts';

let t: TestApi;
let token: string;
let w: RemittanceWorld;
beforeAll(async () => {
  t = await createTestApi();
  token = await t.token((await t.createOrganization('Compliance Clinic')).id, ['admin']);
  w = await remittanceWorld(t, token);
});
afterAll(() => t.close());

const gql = <T>(doc: string, variables: Record<string, unknown> = {}) => queryData<T>(t, token, doc, variables);

type Decision = {
  allowed: boolean;
  rule: string;
  citation: string | null;
  reason: string;
  localTimes: Array<{ timeZone: string; localTime: string }>;
};
const DECISION = 'allowed rule citation reason localTimes { timeZone localTime }';
const can = async (accountId: string, channel: string, at: string) =>
  (
    await gql<{ canContact: Decision }>(
      `query($a: ID!, $c: ContactAttemptChannel!, $at: DateTime) { canContact(accountId: $a, channel: $c, at: $at) { ${DECISION} } }`,
      { a: accountId, c: channel, at },
    )
  ).canContact;
const attempt = async (accountId: string, kind: string, at: string, channel = 'PHONE') =>
  (
    await gql<{ recordContactAttempt: { decision: Decision; communication: { outcome: string } } }>(
      `mutation($input: RecordContactAttemptInput!) { recordContactAttempt(input: $input) { ... on ContactAttemptRecorded { decision { ${DECISION} } communication { outcome } } } }`,
      { input: { accountId, channel, kind, at } },
    )
  ).recordContactAttempt;

/** A Texas patient (Central time) with a mobile number; `mobile` picks the area code. */
async function debtor(contact: Record<string, unknown> = {}) {
  const p = await w.patient();
  await gql(`mutation($input: UpdatePatientInput!) { updatePatient(input: $input) { __typename } }`, {
    input: { id: p.id, mobilePhone: '512-555-0101', ...contact },
  });
  // Texts need the consent on record (tested in contact-consent.test.ts); these debtors gave it.
  await gql(`mutation($input: RecordContactConsentInput!) { recordContactConsent(input: $input) { __typename } }`, {
    input: { patientId: p.id, channel: 'TEXTS', address: contact.mobilePhone ?? '512-555-0101', source: 'intake form' },
  });
  return p.id;
}

describe('the compliance engine: canContact at the edges of each rule', () => {
  it('8:00 is allowed and 7:59 is not; 9:00 p.m. is and 9:01 is not (the debtor’s local time)', async () => {
    const id = await debtor();
    expect(await can(id, 'PHONE', '2026-12-02T13:59:00Z')).toMatchObject({
      allowed: false,
      rule: 'INCONVENIENT_TIME',
      reason: 'it is 07:59 in America/Chicago: outside 8:00–21:00',
      citation: '15 U.S.C. 1692c(a)(1); 12 CFR 1006.6(b)(1)(i)',
    });
    expect(await can(id, 'PHONE', '2026-12-02T14:00:00Z')).toMatchObject({
      allowed: true,
      rule: 'ALL_RULES_PASSED',
      localTimes: [{ timeZone: 'America/Chicago', localTime: '08:00:00' }],
    });
    expect((await can(id, 'SMS', '2026-12-03T03:00:00Z')).allowed).toBe(true);
    expect(await can(id, 'SMS', '2026-12-03T03:01:00Z')).toMatchObject({ allowed: false, rule: 'INCONVENIENT_TIME' });
    expect((await can(id, 'MAIL', '2026-12-03T08:00:00Z')).allowed).toBe(true); // letters are not calls
  });

  it('follows daylight saving time: 13:00 UTC is 7:00 the day before the change and 8:00 the day of it', async () => {
    const id = await debtor();
    expect(await can(id, 'PHONE', '2027-03-13T13:00:00Z')).toMatchObject({
      allowed: false,
      localTimes: [{ localTime: '07:00:00' }],
    });
    expect(await can(id, 'PHONE', '2027-03-14T13:00:00Z')).toMatchObject({
      allowed: true,
      localTimes: [{ localTime: '08:00:00' }],
    });
    // …and back in November: 13:30 UTC is 8:30 CDT on Saturday, 7:30 CST on Sunday.
    expect((await can(id, 'PHONE', '2027-11-06T13:30:00Z')).allowed).toBe(true);
    expect((await can(id, 'PHONE', '2027-11-07T13:30:00Z')).allowed).toBe(false);
  });

  it('two time zones (a Texas address, a New York number): both must allow the call', async () => {
    const id = await debtor({ mobilePhone: '212-555-0188' });
    expect(await can(id, 'PHONE', '2026-12-03T02:30:00Z')).toMatchObject({
      allowed: false,
      reason: 'it is 21:30 in America/New_York: outside 8:00–21:00',
    });
    expect(await can(id, 'PHONE', '2026-12-02T13:30:00Z')).toMatchObject({
      allowed: false,
      reason: 'it is 07:30 in America/Chicago: outside 8:00–21:00',
    });
    expect(await can(id, 'PHONE', '2026-12-02T14:00:00Z')).toMatchObject({
      allowed: true,
      localTimes: [
        { timeZone: 'America/Chicago', localTime: '08:00:00' },
        { timeZone: 'America/New_York', localTime: '09:00:00' },
      ],
    });
    // A toll-free number says nothing about where its holder is: every US zone counts (Hawaii is 10 a.m. at 20:00 UTC).
    const unknown = await debtor({ mobilePhone: '800-555-0100' });
    expect((await can(unknown, 'PHONE', '2026-12-02T17:00:00Z')).allowed).toBe(false); // 7:00 in Honolulu
    expect((await can(unknown, 'PHONE', '2026-12-02T20:00:00Z')).allowed).toBe(true);
  });

  it('the 7th call attempt in 7 days is allowed, the 8th is not; the window moves with the debtor’s days', async () => {
    const id = await debtor();
    for (let day = 1; day <= 7; day++)
      expect((await attempt(id, 'CALL_ATTEMPT', `2026-12-0${day}T16:00:00Z`)).decision.allowed).toBe(true);
    const eighth = await attempt(id, 'CALL_ATTEMPT', '2026-12-07T18:00:00Z');
    expect(eighth.decision).toMatchObject({
      allowed: false,
      rule: 'CALL_FREQUENCY',
      reason: '7 call attempts from 2026-12-01 to 2026-12-07: the limit is 7 in 7 days',
    });
    expect(eighth.communication.outcome).toBe(
      'REFUSED: 7 call attempts from 2026-12-01 to 2026-12-07: the limit is 7 in 7 days',
    );
    // On the 8th the 1st falls out of the window.
    expect((await can(id, 'PHONE', '2026-12-08T16:00:00Z')).allowed).toBe(true);
  });

  it('no call within 7 days of a conversation: 6 days later refused, 7 days later allowed', async () => {
    const id = await debtor();
    expect((await attempt(id, 'CONVERSATION', '2026-12-01T16:00:00Z')).decision.allowed).toBe(true);
    expect(await can(id, 'PHONE', '2026-12-07T23:00:00Z')).toMatchObject({
      allowed: false,
      rule: 'CALL_AFTER_CONVERSATION',
      reason: 'a telephone conversation took place on 2026-12-01; no calls until 2026-12-08',
    });
    expect((await can(id, 'PHONE', '2026-12-08T14:00:00Z')).allowed).toBe(true);
    expect((await can(id, 'EMAIL', '2026-12-02T16:00:00Z')).allowed).toBe(true); // the quiet period is for calls
  });

  it('honours a cease-communication request, channel opt-outs and no calls at work, at once', async () => {
    const id = await debtor({ smsOptOut: true, workPhone: '512-555-0142', noContactAtWork: true });
    expect(await can(id, 'SMS', '2026-12-02T16:00:00Z')).toMatchObject({
      allowed: false,
      rule: 'CHANNEL_OPT_OUT',
      reason: 'the debtor opted out of text messages',
    });
    expect(await can(id, 'WORK_PHONE', '2026-12-02T16:00:00Z')).toMatchObject({
      allowed: false,
      rule: 'PLACE_OF_EMPLOYMENT',
    });
    expect((await can(id, 'PHONE', '2026-12-02T16:00:00Z')).allowed).toBe(true);
    await gql(
      `mutation($input: RecordCeaseCommunicationInput!) { recordCeaseCommunication(input: $input) { __typename } }`,
      { input: { patientId: id, receivedAt: '2026-12-02T17:00:00Z' } },
    );
    expect((await can(id, 'PHONE', '2026-12-02T16:59:00Z')).allowed).toBe(true);
    expect(await can(id, 'MAIL', '2026-12-02T17:00:00Z')).toMatchObject({
      allowed: false,
      rule: 'CEASE_COMMUNICATION',
      reason: 'the debtor asked in writing on 2026-12-02 that communication stop',
    });
  });

  it("dates a cease request by the practice's calendar: received 03:00 UTC is the evening before in Chicago", async () => {
    const id = await debtor();
    await gql(
      `mutation($input: RecordCeaseCommunicationInput!) { recordCeaseCommunication(input: $input) { __typename } }`,
      { input: { patientId: id, receivedAt: '2026-12-03T03:00:00Z' } },
    );
    expect(await can(id, 'MAIL', '2026-12-03T15:00:00Z')).toMatchObject({
      rule: 'CEASE_COMMUNICATION',
      reason: 'the debtor asked in writing on 2026-12-02 that communication stop',
    });
  });

  it('a dispute pauses collection until it is cleared', async () => {
    const id = await debtor();
    const flag = await gql<{ flagAccount: { id: string } }>(
      `mutation($input: FlagAccountInput!) { flagAccount(input: $input) { ... on AccountFlag { id } } }`,
      { input: { patientId: id, kind: 'DISPUTE' } },
    );
    expect(await can(id, 'MAIL', '2026-12-02T16:00:00Z')).toMatchObject({ allowed: false, rule: 'DISPUTE_PAUSE' });
    await gql(`mutation($input: ClearAccountFlagInput!) { clearAccountFlag(input: $input) { __typename } }`, {
      input: { flagId: flag.flagAccount.id },
    });
    expect((await can(id, 'MAIL', '2026-12-02T16:00:00Z')).allowed).toBe(true);
  });

  it('a practice adds a state’s stricter rule (never a looser one), with its citation', async () => {
    const SET = `mutation($input: SetComplianceRulesInput!) { setComplianceRules(input: $input) { __typename ... on ValidationError { fieldErrors { path code message } } } }`;
    const looser = await gql<{ setComplianceRules: { fieldErrors: Array<{ code: string; message: string }> } }>(SET, {
      input: {
        practiceId: w.practiceId,
        rules: [{ id: 'CALL_FREQUENCY', params: { maxAttempts: 9 }, citation: 'nowhere' }],
      },
    });
    expect(looser.setComplianceRules.fieldErrors[0]).toMatchObject({
      code: 'LOOSER_THAN_FEDERAL',
      message: 'rules.0.params.maxAttempts: 9 would loosen the federal 7',
    });
    await gql(SET, {
      input: {
        practiceId: w.practiceId,
        rules: [{ id: 'CALL_FREQUENCY', params: { maxAttempts: 2 }, citation: 'MA 940 CMR 7.04(1)(f)' }],
      },
    });
    const id = await debtor();
    await attempt(id, 'CALL_ATTEMPT', '2026-12-01T16:00:00Z');
    await attempt(id, 'CALL_ATTEMPT', '2026-12-02T16:00:00Z');
    expect(await can(id, 'PHONE', '2026-12-03T16:00:00Z')).toMatchObject({
      allowed: false,
      rule: 'CALL_FREQUENCY',
      citation: 'MA 940 CMR 7.04(1)(f); 12 CFR 1006.14(b)(2)(i)(A)',
    });
    const rules = await gql<{ complianceRules: Array<{ id: string; source: string; params: Record<string, number> }> }>(
      `query($p: ID!) { complianceRules(practiceId: $p) { id source params } }`,
      { p: w.practiceId },
    );
    expect(rules.complianceRules.find((r) => r.id === 'CALL_FREQUENCY')).toEqual({
      id: 'CALL_FREQUENCY',
      source: 'MA 940 CMR 7.04(1)(f)',
      params: { maxAttempts: 2, windowDays: 7 },
    });
    await gql(SET, { input: { practiceId: w.practiceId, rules: [] } });
  });
});
