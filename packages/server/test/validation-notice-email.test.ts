import { csvCollectionsExporter } from '@revcycle/collections-csv';
import { ManualClock, defineNotifier, globalId } from '@revcycle/core';
import type { NotifierMessage } from '@revcycle/core';
import { htmlDocumentRenderer } from '@revcycle/document-html';
import { pdfDocumentRenderer } from '@revcycle/document-pdf';
import { arrange, createTestApi, queryData } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { pdfPages } from '@revcycle/testkit/pdf-text';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The validation notice by e-mail (from #25): the practice's policy says EMAIL, and the notice goes by e-mail only
// to an address the consumer gave E-SIGN consent for (12 CFR 1006.42(b)); every other case is mailed, with the
// reason kept. 15:00Z on Monday 2026-09-14 is 10:00 in Chicago and Texas: inside the contact hours.

const clock = new ManualClock(new Date('2026-09-14T15:00:00Z'));
const sent: NotifierMessage[] = [];
const notifier = defineNotifier({
  id: 'capture',
  displayName: 'Captures e-mail',
  channels: ['EMAIL'],
  async send(message: NotifierMessage) {
    sent.push(message);
    if (message.to.startsWith('full@')) return { outcome: 'FAILED' as const, detail: 'mailbox full' };
    return { outcome: 'SENT' as const, externalRef: `msg-${sent.length}` };
  },
});

let t: TestApi;
let token: string;
let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  t = await createTestApi({
    documents: [pdfDocumentRenderer(), htmlDocumentRenderer()],
    collections: [csvCollectionsExporter()],
    notifiers: [notifier],
    clock,
  });
  w = await world();
});
afterAll(() => t.close());

const gql = <T>(doc: string, variables: Record<string, unknown> = {}) => queryData<T>(t, token, doc, variables);

async function world() {
  const organizationId = (await t.createOrganization('E-mail Notice Clinic')).id;
  token = await t.token(organizationId, ['admin']);
  const a = arrange(t.api, organizationId);
  const practice = await a.practice({ name: 'Riverbend Family Medicine' });
  const agency = await a.local.createCollectionAgency({
    name: 'Acme Recovery',
    exporterId: 'collections-csv',
    address: { line1: '500 Congress Ave', city: 'Austin', state: 'TX', postalCode: '78701' },
    phone: '(512) 555-0199',
  });
  return { a, practice, agency, organizationId };
}

/** A consumer owing $220.00, placed with the agency, with an e-mail address and the consent given. */
async function placed(lastName: string, email: string, consent?: { address: string; esign: boolean }) {
  const patient = await w.a.patient(w.practice.id, [], {
    firstName: 'Maria',
    lastName,
    accountNumber: `ACC-${lastName}`,
    email,
    address: { line1: '12 Elm St', city: 'Round Rock', state: 'TX', postalCode: '78664' },
  });
  if (consent)
    await w.a.local.recordContactConsent({
      patientId: patient.id,
      channel: 'EMAIL',
      address: consent.address,
      source: 'patient portal',
      electronicDisclosures: consent.esign,
    });
  return t.db.collectionPlacement.create({
    data: {
      organizationId: w.organizationId,
      practiceId: w.practice.id,
      patientId: patient.id,
      guarantorId: patient.guarantorId,
      agencyId: w.agency.id,
      accountKey: patient.guarantorId ? `g:${patient.guarantorId}` : `p:${patient.id}`,
      exporterId: 'collections-csv',
      agencyName: 'Acme Recovery',
      balanceCents: 22_000,
      itemizationDate: '2026-09-01',
      itemizationBalanceCents: 22_000,
      status: 'PLACED',
    },
  });
}

type Sent = { deliveredBy: string; whyNotEmail: string | null; file: { contentType: string } };
const SEND = `mutation($input: SendValidationNoticeInput!) { sendValidationNotice(input: $input) {
  __typename ... on ValidationNoticeSent { deliveredBy whyNotEmail file { contentType } } } }`;
async function send(placementId: string): Promise<Sent> {
  const data = await gql<{ sendValidationNotice: Sent }>(SEND, {
    input: { placementId: globalId('CollectionPlacement', placementId) },
  });
  return data.sendValidationNotice;
}
const setPolicy = (input: Record<string, unknown>) =>
  gql<{ setPatientBillingPolicy: { validationNoticeDelivery?: string; validationNoticeSpanishOffer?: boolean } }>(
    `mutation($input: SetPatientBillingPolicyInput!) { setPatientBillingPolicy(input: $input) {
      ... on PatientBillingPolicy { validationNoticeDelivery validationNoticeSpanishOffer } } }`,
    { input: { practiceId: globalId('Practice', w.practice.id), ...input } },
  );
const communications = (placementId: string) =>
  t.db.communication.findMany({ where: { placementId }, orderBy: { createdAt: 'asc' } });

describe('the validation notice by e-mail', () => {
  it('is mailed under the default policy, whatever consent is on record', async () => {
    const placement = await placed('Mail', 'mail@example.com', { address: 'mail@example.com', esign: true });
    expect(await send(placement.id)).toEqual({
      __typename: 'ValidationNoticeSent',
      deliveredBy: 'MAIL',
      whyNotEmail: null,
      file: { contentType: 'application/pdf' },
    });
    expect(sent).toHaveLength(0);
  });

  it('goes by e-mail under policy EMAIL to an address with E-SIGN consent: the HTML notice in the message', async () => {
    expect((await setPolicy({ validationNoticeDelivery: 'EMAIL' })).setPatientBillingPolicy).toEqual({
      validationNoticeDelivery: 'EMAIL',
      validationNoticeSpanishOffer: true,
    });
    const placement = await placed('Esign', 'Maria.Esign@Example.com', {
      address: 'maria.esign@example.com',
      esign: true,
    });
    expect(await send(placement.id)).toMatchObject({
      deliveredBy: 'EMAIL',
      whyNotEmail: null,
      file: { contentType: 'text/html; charset=utf-8' },
    });
    expect(sent).toHaveLength(1);
    const message = sent[0]!;
    expect(message).toMatchObject({
      channel: 'EMAIL',
      template: 'validation-notice',
      to: 'maria.esign@example.com',
      optOutNotice: 'To stop e-mails from us, reply with the word UNSUBSCRIBE.',
      variables: { patientName: 'Maria Esign', amountDueCents: 22_000, dueDate: '2026-10-21' },
    });
    const html = new TextDecoder().decode(message.document!.bytes);
    expect(html).toContain('Acme Recovery is a debt collector.');
    expect(html).toContain('Call or write to us by October 21, 2026');
    // The evidence: one e-mail communication naming the address, the stored HTML and the opt-out notice.
    const [communication] = await communications(placement.id);
    expect(communication).toMatchObject({
      channel: 'EMAIL',
      outcome: 'SENT',
      sentTo: 'maria.esign@example.com',
      notifierKey: 'capture',
      externalRef: 'msg-1',
    });
    expect(communication!.content).toMatchObject({
      optOutNotice: message.optOutNotice,
      validationPeriodEnd: '2026-10-21',
    });
    const stored = await t.db.document.findUniqueOrThrow({ where: { id: communication!.documentId! } });
    expect(new TextDecoder().decode(stored.bytes)).toBe(html);
    expect(
      (await t.db.collectionPlacement.findUniqueOrThrow({ where: { id: placement.id } })).validationPeriodEnd,
    ).toBe('2026-10-21');
  });

  it('is mailed, with the reason, when the e-mail consent lacks E-SIGN consent or is for another address', async () => {
    const plain = await placed('Plain', 'plain@example.com', { address: 'plain@example.com', esign: false });
    expect(await send(plain.id)).toMatchObject({
      deliveredBy: 'MAIL',
      whyNotEmail: 'no E-SIGN consent to electronic disclosures on record for plain@example.com',
      file: { contentType: 'application/pdf' },
    });
    const moved = await placed('Moved', 'new@example.com', { address: 'old@example.com', esign: true });
    expect((await send(moved.id)).whyNotEmail).toBe(
      'no E-SIGN consent to electronic disclosures on record for new@example.com',
    );
    expect(sent).toHaveLength(1);
    const [mailed] = await communications(moved.id);
    expect(mailed).toMatchObject({
      channel: 'MAIL',
      outcome: 'QUEUED_FOR_MAIL',
      sentTo: expect.stringContaining('12 Elm St'),
    });
    expect(mailed!.content).toMatchObject({ whyNotEmail: expect.stringContaining('new@example.com') });
  });

  it('is mailed after the consumer stopped e-mail, and at an hour no e-mail may go', async () => {
    const stopped = await placed('Stopped', 'stopped@example.com', { address: 'stopped@example.com', esign: true });
    await w.a.local.stopContact({ patientId: stopped.patientId, channel: 'EMAIL', how: 'request by phone' });
    expect((await send(stopped.id)).whyNotEmail).toBe('the consumer opted out of e-mail');
    // The stop revoked the consent too: clearing the opt-out flag alone does not bring e-mail back.
    const revoked = await placed('Revoked', 'revoked@example.com', { address: 'revoked@example.com', esign: true });
    await w.a.local.stopContact({ patientId: revoked.patientId, channel: 'EMAIL', how: 'request by phone' });
    await t.db.patient.update({ where: { id: revoked.patientId }, data: { emailOptOut: false } });
    expect((await send(revoked.id)).whyNotEmail).toBe(
      'no E-SIGN consent to electronic disclosures on record for revoked@example.com',
    );
    const late = await placed('Late', 'late@example.com', { address: 'late@example.com', esign: true });
    clock.set(new Date('2026-09-15T03:30:00Z')); // 22:30 in Texas
    try {
      expect((await send(late.id)).whyNotEmail).toMatch(/^INCONVENIENT_TIME: /);
    } finally {
      clock.set(new Date('2026-09-14T15:00:00Z'));
    }
    expect(sent).toHaveLength(1);
  });

  it('is mailed when the e-mail fails, both attempts kept as evidence', async () => {
    const full = await placed('Full', 'full@example.com', { address: 'full@example.com', esign: true });
    expect(await send(full.id)).toMatchObject({
      deliveredBy: 'MAIL',
      whyNotEmail: 'the e-mail was not sent (FAILED: mailbox full)',
      file: { contentType: 'application/pdf' },
    });
    expect((await communications(full.id)).map((c) => [c.channel, c.outcome])).toEqual([
      ['EMAIL', 'FAILED: mailbox full'],
      ['MAIL', 'QUEUED_FOR_MAIL'],
    ]);
  });
});

describe('the Spanish-language offer as policy', () => {
  it('is left out of the English notice when the practice turns it off, and back when it turns it on', async () => {
    await setPolicy({ validationNoticeDelivery: 'MAIL', validationNoticeSpanishOffer: false });
    const without = await placed('NoOffer', 'nooffer@example.com');
    const text = async (placementId: string) => {
      const notice = await w.a.local.sendValidationNotice({ placementId });
      return (await pdfPages(notice.document.bytes)).join('\n');
    };
    const plain = await text(without.id);
    expect(plain).toContain('Contact us about your payment options.');
    expect(plain).not.toContain('Póngase en contacto');
    expect(plain).not.toContain('Quiero este formulario');
    await setPolicy({ validationNoticeSpanishOffer: true });
    const offered = await text((await placed('Offer', 'offer@example.com')).id);
    expect(offered).toContain('Póngase en contacto');
    expect(offered).toContain('Quiero este formulario');
  });
});

describe('consent to electronic disclosures', () => {
  it('belongs to an e-mail consent only', async () => {
    const patient = await w.a.patient(w.practice.id, [], { firstName: 'Ana', lastName: 'Text' });
    await expect(
      w.a.local.recordContactConsent({
        patientId: patient.id,
        channel: 'TEXTS',
        address: '512-555-0142',
        source: 'intake form',
        electronicDisclosures: true,
      }),
    ).rejects.toMatchObject({ fieldErrors: [{ path: ['input', 'electronicDisclosures'], code: 'INVALID' }] });
  });
});
