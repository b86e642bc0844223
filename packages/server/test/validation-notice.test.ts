import { csvCollectionsExporter } from '@revcycle/collections-csv';
import { ManualClock } from '@revcycle/core';
import { pdfDocumentRenderer } from '@revcycle/document-pdf';
import { arrange, createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { pdfPages } from '@revcycle/testkit/pdf-text';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The Regulation F validation notice (from #25), rendered to PDF and read back as text: every field 12 CFR
// 1006.34(c) requires, in model form B-1's wording, in English and in Spanish, against figures worked out by hand.
//
// Sent Monday 2026-09-14 (Chicago). Receipt is assumed five business days later: 15, 16, 17, 18, 21 → Monday
// 2026-09-21; the validation period ends 30 days after, on 2026-10-21. Itemization on 2026-09-01: $220.00 owed;
// a $20.00 payment at the practice on 2026-09-10 → $200.00 now.

const clock = new ManualClock(new Date('2026-09-14T15:00:00Z'));
let t: TestApi;
let world: Awaited<ReturnType<typeof placedAccount>>;

beforeAll(async () => {
  t = await createTestApi({ documents: [pdfDocumentRenderer()], collections: [csvCollectionsExporter()], clock });
  world = await placedAccount();
});
afterAll(() => t.close());

async function placedAccount() {
  const organizationId = (await t.createOrganization('Notice Clinic')).id;
  const a = arrange(t.api, organizationId);
  const practice = await a.practice({ name: 'Riverbend Family Medicine' });
  const agency = await a.local.createCollectionAgency({
    name: 'Acme Recovery',
    exporterId: 'collections-csv',
    address: { line1: '500 Congress Ave', line2: 'Suite 300', city: 'Austin', state: 'TX', postalCode: '78701' },
    phone: '(512) 555-0199',
    electronicDisputes: 'disputes@acme-recovery.example',
  });
  const bare = await a.local.createCollectionAgency({ name: 'Bare Agency', exporterId: 'collections-csv' });
  const consumer = (lastName: string) =>
    a.patient(practice.id, [], {
      firstName: 'Maria',
      lastName,
      accountNumber: `ACC-${lastName}`,
      address: { line1: '12 Elm St', city: 'Round Rock', state: 'TX', postalCode: '78664' },
    });
  const place = async (patient: { id: string; guarantorId: string | null }, agencyId: string) =>
    t.db.collectionPlacement.create({
      data: {
        organizationId,
        practiceId: practice.id,
        patientId: patient.id,
        guarantorId: patient.guarantorId,
        agencyId,
        accountKey: patient.guarantorId ? `g:${patient.guarantorId}` : `p:${patient.id}`,
        exporterId: 'collections-csv',
        agencyName: agencyId === agency.id ? 'Acme Recovery' : 'Bare Agency',
        balanceCents: 22_000,
        itemizationDate: '2026-09-01',
        itemizationBalanceCents: 22_000,
        status: 'PLACED',
      },
    });
  const paid = await consumer('Lopez');
  await a.local.recordPatientPayment({
    patientId: paid.id,
    amountCents: 2_000,
    method: 'CHECK',
    receivedDate: '2026-09-10',
  });
  const unpaid = await consumer('Garcia');
  return {
    local: a.local,
    paid: await place(paid, agency.id),
    unpaid: await place(unpaid, agency.id),
    unreachable: await place(await consumer('Perez'), bare.id),
  };
}

async function noticeText(placementId: string, language: 'ENGLISH' | 'SPANISH') {
  const sent = await world.local.sendValidationNotice({ placementId, language });
  expect(sent.amountDueCents).toBe(placementId === world.paid.id ? 20_000 : 22_000);
  return (await pdfPages(sent.document.bytes)).join('\n').replace(/\s+/g, ' ');
}

describe('the validation notice, read back from its PDF', () => {
  it('gives every field of model form B-1 in English, with the response form and the Spanish offer', async () => {
    const text = await noticeText(world.paid.id, 'ENGLISH');
    for (const expected of [
      // The collector, its address and telephone; the consumer; the creditor and the account.
      'Acme Recovery',
      '500 Congress Ave Suite 300 Austin, TX 78701',
      '(512) 555-0199',
      'Maria Lopez 12 Elm St Round Rock, TX 78664',
      'Acme Recovery is a debt collector. We are trying to collect a debt that you owe to Riverbend Family Medicine.',
      'with account number ACC-Lopez',
      `Reference: ${world.paid.id}`,
      // The itemization, its date and the amount now.
      'As of September 1, 2026, you owed: $220.00',
      'Between September 1, 2026 and today:',
      'You were charged this amount in interest: $0.00',
      'You were charged this amount in fees: $0.00',
      'You paid or were credited this amount toward the debt: – $20.00',
      'Total amount of the debt now: $200.00',
      // The validation period, the dispute and original-creditor prompts, the CFPB reference.
      'Call or write to us by October 21, 2026, to dispute all or part of the debt.',
      'If you write to us by October 21, 2026, we must stop collection on any amount you dispute',
      'We accept disputes electronically at disputes@acme-recovery.example.',
      'Write to ask for the name and address of the original creditor',
      'Go to www.cfpb.gov/debt-collection to learn more about your rights under federal law.',
      'Póngase en contacto con nosotros para solicitar una copia de este formulario en español.',
      // The consumer-response section.
      'How do you want to respond? Check all that apply: I want to dispute the debt because I think:',
      'This is not my debt. The amount is wrong. Other (please describe on reverse or attach additional information).',
      'I want you to send me the name and address of the original creditor.',
      'I enclosed this amount: $',
      'Quiero este formulario en español.',
      `Make your check payable to Acme Recovery. Include the reference number ${world.paid.id}.`,
      'Mail this form to: Acme Recovery 500 Congress Ave Suite 300 Austin, TX 78701',
    ])
      expect(text).toContain(expected);
  });

  it('is written in Spanish when the consumer asked, and never prints a signed zero', async () => {
    const text = await noticeText(world.unpaid.id, 'SPANISH');
    for (const expected of [
      'Aviso de deuda',
      'Acme Recovery es un cobrador de deudas. Estamos tratando de cobrar una deuda que usted le debe a Riverbend Family Medicine.',
      'con el número de cuenta ACC-Garcia',
      'Al 1 de septiembre de 2026, usted debía: $220.00',
      'Usted pagó o se le acreditó esta cantidad a la deuda: $0.00',
      'Cantidad total de la deuda ahora: $220.00',
      'Llámenos o escríbanos antes del 21 de octubre de 2026 para disputar toda o parte de la deuda.',
      'Visite www.cfpb.gov/debt-collection',
      '¿Cómo desea responder?',
      'Esta no es mi deuda.',
      'Envíe este formulario a: Acme Recovery 500 Congress Ave Suite 300 Austin, TX 78701',
    ])
      expect(text).toContain(expected);
    expect(text).not.toMatch(/[-–−] ?\$0\.00/);
    expect(text).not.toContain('Quiero este formulario en español');
  });

  it('is refused until the collector’s mailing address and telephone are on file, and nothing is recorded', async () => {
    const before = await t.db.communication.count();
    await expect(world.local.sendValidationNotice({ placementId: world.unreachable.id })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fieldErrors: [
        {
          path: ['input', 'placementId'],
          code: 'COLLECTOR_CONTACT_REQUIRED',
          message: expect.stringContaining(
            'Bare Agency has no mailing address, city, state, ZIP code, telephone number on file',
          ),
        },
      ],
    });
    expect(await t.db.communication.count()).toBe(before);
    expect(await t.db.document.count({ where: { placementId: world.unreachable.id } })).toBe(0);
    // A letter the agency reports is recorded all the same; the notice it should have carried is said to be owed.
    const letter = await world.local.recordContactAttempt({
      accountPatientId: world.unreachable.patientId,
      channel: 'MAIL',
      kind: 'LETTER',
    });
    expect(letter.decision.allowed).toBe(true);
    expect(letter.decision.warnings).toContain(
      "the validation notice could not be generated: Bare Agency has no mailing address, city, state, ZIP code, telephone number on file: a validation notice must give the collector's mailing address and telephone (12 CFR 1006.34(c)(1)); updateCollectionAgency adds them",
    );
    expect(
      (await t.db.collectionPlacement.findUniqueOrThrow({ where: { id: world.unreachable.id } }))
        .validationNoticeSentAt,
    ).toBeNull();
  });
});
