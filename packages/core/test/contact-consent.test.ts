import { createTestApi, queryData } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remittanceWorld } from './remittance-fixtures.ts';
import type { RemittanceWorld } from './remittance-fixtures.ts';

// Consent and opt-out per channel (from #25): texts and autodialed calls need the consent on record for the number,
// a STOP reply revokes at once (the inbound-message hook), a request to stop a channel or all contact is one
// mutation, and canContact honours each immediately, naming the rule and its citation. 16:00Z is 10:00 or 11:00 in
// Texas: inside the calling hours, so only the rules under test decide.

let t: TestApi;
let token: string;
let w: RemittanceWorld;
beforeAll(async () => {
  t = await createTestApi();
  token = await t.token((await t.createOrganization('Consent Clinic')).id, ['admin']);
  w = await remittanceWorld(t, token);
});
afterAll(() => t.close());

const AT = '2026-12-02T16:00:00Z';
const gql = <T>(doc: string, variables: Record<string, unknown> = {}) => queryData<T>(t, token, doc, variables);
type Decision = { allowed: boolean; rule: string; citation: string | null; reason: string };
const can = async (accountId: string, channel: string, autodialed = false) =>
  (
    await gql<{ canContact: Decision }>(
      `query($a: ID!, $c: ContactAttemptChannel!, $at: DateTime, $auto: Boolean) { canContact(accountId: $a, channel: $c, at: $at, autodialed: $auto) { allowed rule citation reason } }`,
      { a: accountId, c: channel, at: AT, auto: autodialed },
    )
  ).canContact;
const consent = (patientId: string, channel: string, address: string) =>
  gql<{ recordContactConsent: { __typename: string; address?: string } }>(
    `mutation($input: RecordContactConsentInput!) { recordContactConsent(input: $input) { __typename ... on ContactConsent { address } ... on ValidationError { fieldErrors { path code } } } }`,
    { input: { patientId, channel, address, source: 'intake form', consentedAt: '2026-11-01T15:00:00Z' } },
  );
const stop = (patientId: string, channel: string) =>
  gql(`mutation($input: StopContactInput!) { stopContact(input: $input) { __typename } }`, {
    input: { patientId, channel, how: 'request by phone', receivedAt: '2026-12-01T15:00:00Z' },
  });

async function debtor(mobilePhone: string, email = 'maria@example.com') {
  const p = await w.patient();
  await gql(`mutation($input: UpdatePatientInput!) { updatePatient(input: $input) { __typename } }`, {
    input: { id: p.id, mobilePhone, email },
  });
  return p.id;
}

describe('consent for texts and autodialed calls', () => {
  it('refuses a text without the consent on record for that number, and allows it with one', async () => {
    const id = await debtor('(512) 555-0142');
    expect(await can(id, 'SMS')).toEqual({
      allowed: false,
      rule: 'CONSENT_REQUIRED',
      citation: '47 U.S.C. 227(b)(1)(A)(iii); 47 CFR 64.1200(a)(1)(iii), (a)(10)',
      reason: 'no consent to text messages to 5125550142 is on record',
    });
    // A consent for another number, or for calls, is not a consent to text this one.
    await consent(id, 'TEXTS', '512-555-0199');
    await consent(id, 'CALLS', '512-555-0142');
    expect((await can(id, 'SMS')).rule).toBe('CONSENT_REQUIRED');
    expect((await consent(id, 'TEXTS', '+1 512 555 0142')).recordContactConsent).toEqual({
      __typename: 'ContactConsent',
      address: '5125550142',
    });
    expect(await can(id, 'SMS')).toMatchObject({ allowed: true, rule: 'ALL_RULES_PASSED' });
  });

  it('lets a person dial without consent, but not an autodialer', async () => {
    const id = await debtor('512-555-0143');
    expect(await can(id, 'PHONE')).toMatchObject({ allowed: true });
    expect(await can(id, 'PHONE', true)).toMatchObject({
      allowed: false,
      rule: 'CONSENT_REQUIRED',
      reason: 'no consent to autodialed or prerecorded calls to 5125550143 is on record',
    });
    await consent(id, 'CALLS', '5125550143');
    expect(await can(id, 'PHONE', true)).toMatchObject({ allowed: true });
  });

  it('refuses a number or address that is not one', async () => {
    const id = await debtor('512-555-0144');
    expect((await consent(id, 'TEXTS', '555-0144')).recordContactConsent.__typename).toBe('ValidationError');
    expect((await consent(id, 'EMAIL', 'not-an-address')).recordContactConsent.__typename).toBe('ValidationError');
  });
});

describe('stopping contact', () => {
  it('a STOP reply revokes at once; any other reply is kept for staff and stops nothing', async () => {
    const id = await debtor('512-555-0145');
    await consent(id, 'TEXTS', '512-555-0145');
    expect((await can(id, 'SMS')).allowed).toBe(true);
    const question = { channel: 'SMS' as const, from: '+15125550145', receivedAt: new Date('2026-12-01T18:00:00Z') };
    expect(await t.api.receiveReply({ ...question, text: 'When is my bill due?' })).toEqual({ stopped: 0 });
    expect((await can(id, 'SMS')).allowed).toBe(true);
    const later = new Date('2026-12-01T18:05:00Z');
    expect(await t.api.receiveReply({ ...question, receivedAt: later, text: ' Stop. ' })).toEqual({ stopped: 1 });
    expect(await can(id, 'SMS')).toMatchObject({
      allowed: false,
      rule: 'CHANNEL_OPT_OUT',
      citation: '12 CFR 1006.6(d)(3), 1006.6(e), 1006.14(h)',
    });
    const patient = await gql<{
      node: {
        contactConsents: Array<{ channel: string; revokedAt: string | null; revokedBy: string | null }>;
        communications: Array<{ direction: string; purpose: string; content: { text: string } }>;
      };
    }>(
      `query($id: ID!) { node(id: $id) { ... on Patient { contactConsents { channel revokedAt revokedBy } communications { direction purpose content } } } }`,
      { id },
    );
    expect(patient.node.contactConsents).toEqual([
      { channel: 'TEXTS', revokedAt: '2026-12-01T18:05:00.000Z', revokedBy: 'Stop. reply' },
    ]);
    expect(patient.node.communications.map((c) => [c.direction, c.purpose, c.content.text])).toEqual([
      ['INBOUND', 'OPT_OUT', ' Stop. '],
      ['INBOUND', 'REPLY', 'When is my bill due?'],
    ]);
    // Clearing the opt-out flag does not bring the revoked consent back: texts need a new one.
    await gql(`mutation($input: UpdatePatientInput!) { updatePatient(input: $input) { __typename } }`, {
      input: { id, smsOptOut: false },
    });
    expect(await can(id, 'SMS')).toMatchObject({
      allowed: false,
      rule: 'CONSENT_REQUIRED',
      reason: 'consent to text messages to 5125550145 was revoked on 2026-12-01 (Stop. reply)',
    });
  });

  it('stops one channel, or all contact (mail too), in one mutation', async () => {
    const id = await debtor('512-555-0146');
    expect((await can(id, 'EMAIL')).allowed).toBe(true);
    await stop(id, 'EMAIL');
    expect(await can(id, 'EMAIL')).toMatchObject({ allowed: false, rule: 'CHANNEL_OPT_OUT' });
    expect((await can(id, 'MAIL')).allowed).toBe(true);
    await stop(id, 'ALL');
    expect(await can(id, 'MAIL')).toMatchObject({ allowed: false, rule: 'CEASE_COMMUNICATION' });
  });
});
