import { parseCsv } from '@revcycle/core';
import { csvCollectionsExporter } from '@revcycle/collections-csv';
import { pdfDocumentRenderer } from '@revcycle/document-pdf';
import { sandboxPayer } from '@revcycle/payer-sandbox';
import { businessHoursClock, createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxWorld } from './sandbox-world.ts';

const clock = businessHoursClock();
let t: TestApi;
let token: string;
beforeAll(async () => {
  t = await createTestApi({
    payers: [sandboxPayer()],
    documents: [pdfDocumentRenderer()],
    collections: [csvCollectionsExporter()],
    clock,
  });
  token = await t.token((await t.createOrganization('Collections Clinic')).id, ['admin'], { userId: 'cora' });
});
afterAll(() => t.close());

const csvRows = (base64: string) => {
  const [header, ...rows] = parseCsv(Buffer.from(base64, 'base64').toString('utf8')).map((r) => r.fields);
  return rows.filter((r) => r.length > 1).map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]])));
};
type Candidate = {
  eligible: boolean;
  balanceCents: number;
  account: { id: string; status: string; patient: { id: string } };
  checks: Array<{ check: string; passed: boolean; detail: string }>;
};

describe('collections through GraphQL: dunning finished → placed with an agency → agency updates → recall', () => {
  it('places eligible accounts through the CSV exporter without clinical codes, posts agency payments and disputes, and recalls on a payment at the practice', async () => {
    const world = await sandboxWorld(t, token);
    const { gql } = world;
    // The sandbox pays the plain claims leaving the patient $51.20 (copay + coinsurance), the NONCOV one $220.00.
    const claims = [await world.claimFor('K1PLAIN'), await world.claimFor('K2PLAIN'), await world.claimFor('K3NONCOV')];
    expect(await world.submit(claims)).toBe(true);
    expect((await t.api.pollPayerConnectors()).every((f) => f.ok)).toBe(true);
    const practiceId = (
      await gql<{ practices: { nodes: Array<{ id: string }> } }>(`{ practices(first: 1) { nodes { id } } }`)
    ).practices.nodes[0]!.id;
    // 92 days of the daily billing cycle: statements on days 0 and 30, reminders, final notices, ready on day 90.
    for (let day = 0; day <= 91; day++) {
      if (day > 0) clock.advanceDays(1);
      await t.api.runScheduledJobs();
    }

    const CANDIDATES = `query($p: ID!) { collectionCandidates(practiceId: $p, first: 100) { nodes { eligible balanceCents account { id status patient { id } } checks { check passed detail } } } }`;
    let candidates = (await gql<{ collectionCandidates: { nodes: Candidate[] } }>(CANDIDATES, { p: practiceId }))
      .collectionCandidates.nodes;
    expect(candidates.map((c) => [c.eligible, c.balanceCents, c.account.status])).toEqual([
      [true, 5_120, 'COMPLETED'],
      [true, 5_120, 'COMPLETED'],
      [true, 22_000, 'COMPLETED'],
    ]);
    const [first, second, third] = candidates;
    // The second guarantor files for bankruptcy: that account stays in-house, and says why.
    await gql(`mutation($input: FlagAccountInput!) { flagAccount(input: $input) { __typename } }`, {
      input: { patientId: second!.account.patient.id, kind: 'BANKRUPTCY', note: 'chapter 7 notice' },
    });
    candidates = (await gql<{ collectionCandidates: { nodes: Candidate[] } }>(CANDIDATES, { p: practiceId }))
      .collectionCandidates.nodes;
    expect(candidates[1]!.eligible).toBe(false);
    expect(candidates[1]!.checks.find((c) => !c.passed)).toMatchObject({
      check: 'NO_BANKRUPTCY',
      detail: expect.stringContaining('chapter 7 notice'),
    });

    const agency = (
      await gql<{ createCollectionAgency: { id: string } }>(
        `mutation { createCollectionAgency(input: { name: "Acme Recovery", exporterId: "collections-csv", reportsToCreditBureaus: true, address: { line1: "500 Congress Ave", city: "Austin", state: "TX", postalCode: "78701" }, phone: "512-555-0199" }) { ... on CollectionAgency { id } } }`,
      )
    ).createCollectionAgency;
    const PLACE = `mutation($input: PlaceAccountsInput!) { placeAccounts(input: $input) { __typename
      ... on PlaceAccountsSuccess { placements { id agencyReference status balanceCents itemizationDate delinquencyDate } files { fileName contentType contentBase64 } }
      ... on ValidationError { message fieldErrors { path code message } } } }`;
    type Placed = {
      placeAccounts: {
        __typename: string;
        message?: string;
        fieldErrors?: Array<{ path: Array<string | number>; code: string; message: string }>;
        placements: Array<{
          id: string;
          agencyReference: string;
          status: string;
          balanceCents: number;
          itemizationDate: string;
          delinquencyDate: string;
        }>;
        files: Array<{ fileName: string; contentType: string; contentBase64: string }>;
      };
    };
    const refused = await gql<Placed>(PLACE, {
      input: { accountIds: [first!.account.id, second!.account.id], agencyId: agency.id },
    });
    expect(refused.placeAccounts).toMatchObject({
      __typename: 'ValidationError',
      message: 'Some accounts may not be placed; nothing was placed',
      fieldErrors: [{ path: ['input', 'accountIds', '1'], code: 'NOT_ELIGIBLE' }],
    });
    expect(await t.db.collectionPlacement.count()).toBe(0);

    const placed = (
      await gql<Placed>(PLACE, { input: { accountIds: [first!.account.id, third!.account.id], agencyId: agency.id } })
    ).placeAccounts;
    expect(placed.placements.map((p) => [p.status, p.balanceCents])).toEqual([
      ['PLACED', 5_120],
      ['PLACED', 22_000],
    ]);
    expect(placed.files).toHaveLength(1);
    expect(placed.files[0]!.contentType).toBe('text/csv; charset=utf-8');
    const file = Buffer.from(placed.files[0]!.contentBase64, 'base64').toString('utf8');
    for (const clinical of ['99214', '36415', 'E11.9', 'Alvarez']) expect(file).not.toContain(clinical);
    const rows = csvRows(placed.files[0]!.contentBase64);
    expect(
      rows.map((r) => [r.placement_id, r.balance, r.itemization_balance, r.creditor_name, r.credit_reporting]),
    ).toEqual([
      [placed.placements[0]!.agencyReference, '51.20', '51.20', 'Riverbend Family Medicine', 'DO_NOT_REPORT'],
      [placed.placements[1]!.agencyReference, '220.00', '220.00', 'Riverbend Family Medicine', 'DO_NOT_REPORT'],
    ]);
    expect(rows[0]!.credit_reporting_reason).toBe('medical debt under $500.00 is not reported (balance $51.20)');
    const dunning = await gql<{ node: { dunning: { status: string } } }>(
      `query($id: ID!) { node(id: $id) { ... on Patient { dunning { status } } } }`,
      { id: first!.account.patient.id },
    );
    expect(dunning.node.dunning.status).toBe('PLACED');

    // The validation notice for the first placement, rendered as PDF.
    const notice = await gql<{
      sendValidationNotice: {
        placement: { validationPeriodEnd: string };
        file: { contentType: string };
        amountDueCents: number;
      };
    }>(
      `mutation($input: SendValidationNoticeInput!) { sendValidationNotice(input: $input) { ... on ValidationNoticeSent { placement { validationPeriodEnd } file { contentType } amountDueCents } } }`,
      { input: { placementId: placed.placements[0]!.id } },
    );
    expect(notice.sendValidationNotice).toMatchObject({
      file: { contentType: 'application/pdf' },
      amountDueCents: 5_120,
    });

    // The first communication about the third placement (a conversation the agency's tool reports) brings its
    // validation notice with it.
    const talk = await gql<{ recordContactAttempt: { decision: { allowed: boolean; warnings: string[] } } }>(
      `mutation($input: RecordContactAttemptInput!) { recordContactAttempt(input: $input) { ... on ContactAttemptRecorded { decision { allowed warnings } } } }`,
      { input: { accountId: third!.account.id, channel: 'MAIL', kind: 'LETTER', agencyId: agency.id } },
    );
    expect(talk.recordContactAttempt.decision).toEqual({
      allowed: true,
      warnings: ['the validation notice was generated with this first communication'],
    });
    const sentNotice = await gql<{
      node: { validationNoticeSentAt: string | null; validationPeriodEnd: string | null };
    }>(
      `query($id: ID!) { node(id: $id) { ... on CollectionPlacement { validationNoticeSentAt validationPeriodEnd } } }`,
      { id: placed.placements[1]!.id },
    );
    expect(sentNotice.node.validationNoticeSentAt).not.toBeNull();

    // The agency's update file: a payment with its commission on the first, a dispute on the third. Twice: once.
    const update = `placement_id,type,date,amount,commission,note\n${placed.placements[0]!.agencyReference},PAYMENT,${new Date(clock.now()).toISOString().slice(0, 10)},20.00,5.00,\n${placed.placements[1]!.agencyReference},DISPUTE,${new Date(clock.now()).toISOString().slice(0, 10)},,,says the visit was covered\n`;
    const IMPORT = `mutation($input: ImportAgencyUpdatesInput!) { importAgencyUpdates(input: $input) { ... on AgencyUpdateImport { duplicate payments collectedCents commissionCents disputes } } }`;
    expect(
      (
        await gql<{ importAgencyUpdates: unknown }>(IMPORT, {
          input: { agencyId: agency.id, fileName: 'acme-1.csv', content: update },
        })
      ).importAgencyUpdates,
    ).toEqual({ duplicate: false, payments: 1, collectedCents: 2_000, commissionCents: 500, disputes: 1 });
    expect(
      (
        await gql<{ importAgencyUpdates: { duplicate: boolean } }>(IMPORT, {
          input: { agencyId: agency.id, fileName: 'acme-1-again.csv', content: update },
        })
      ).importAgencyUpdates.duplicate,
    ).toBe(true);
    const balance = async (patientId: string) =>
      (
        await gql<{ node: { balance: { patientCents: number } } }>(
          `query($id: ID!) { node(id: $id) { ... on Patient { balance { patientCents } } } }`,
          { id: patientId },
        )
      ).node.balance.patientCents;
    expect(await balance(first!.account.patient.id)).toBe(3_120);
    // The commission is the practice's expense: on no patient, so no patient's balance moves by it.
    expect(
      (await t.db.ledgerEntry.findMany({ where: { kind: 'COLLECTION_FEE' } })).map((e) => [
        e.account,
        e.amountCents,
        e.patientId,
      ]),
    ).toEqual([['PRACTICE', -500, null]]);
    const total = await gql<{
      node: { balance: { insuranceCents: number; patientCents: number; totalCents: number } };
    }>(`query($id: ID!) { node(id: $id) { ... on Patient { balance { insuranceCents patientCents totalCents } } } }`, {
      id: first!.account.patient.id,
    });
    const { insuranceCents, patientCents, totalCents } = total.node.balance;
    expect(totalCents).toBe(insuranceCents + patientCents);
    const can = async (accountId: string) =>
      (
        await gql<{ canContact: { allowed: boolean; rule: string } }>(
          `query($a: ID!) { canContact(accountId: $a, channel: MAIL) { allowed rule } }`,
          { a: accountId },
        )
      ).canContact;
    expect(await can(third!.account.id)).toEqual({ allowed: false, rule: 'DISPUTE_PAUSE' });
    await gql(
      `mutation($input: RecordDebtVerificationInput!) { recordDebtVerification(input: $input) { __typename } }`,
      { input: { placementId: placed.placements[1]!.id, note: 'EOB and itemized bill mailed' } },
    );
    expect((await can(third!.account.id)).allowed).toBe(true);

    // A later file: the agency adjusts the third account by $5.00 and returns it; it comes back in-house.
    const today = new Date(clock.now()).toISOString().slice(0, 10);
    const returned = await gql<{ importAgencyUpdates: { adjustments: number; returns: number } }>(
      `mutation($input: ImportAgencyUpdatesInput!) { importAgencyUpdates(input: $input) { ... on AgencyUpdateImport { adjustments returns } } }`,
      {
        input: {
          agencyId: agency.id,
          fileName: 'acme-2.csv',
          content: `placement_id,type,date,amount,commission,note\n${placed.placements[1]!.agencyReference},ADJUSTMENT,${today},5.00,,settled the lab fee\n${placed.placements[1]!.agencyReference},RETURN,${today},,,no address found\n`,
        },
      },
    );
    expect(returned.importAgencyUpdates).toEqual({ adjustments: 1, returns: 1 });
    expect(await balance(third!.account.patient.id)).toBe(21_500);
    const back = await gql<{ node: { dunning: { status: string; explanation: string } } }>(
      `query($id: ID!) { node(id: $id) { ... on Patient { dunning { status explanation } } } }`,
      { id: third!.account.patient.id },
    );
    expect(back.node.dunning).toEqual({
      status: 'COMPLETED',
      explanation: expect.stringContaining('Returned by Acme Recovery on'),
    });

    // The first guarantor pays the rest at the front desk: the account is recalled from the agency, with a recall file.
    await gql(`mutation($input: RecordPatientPaymentInput!) { recordPatientPayment(input: $input) { __typename } }`, {
      input: { patientId: first!.account.patient.id, amountCents: 3_120, method: 'CARD' },
    });
    const after = await gql<{
      collectionPlacements: { nodes: Array<{ id: string; status: string; statusReason: string }> };
      collectionAgencies: { nodes: Array<{ files: Array<{ kind: string; contentBase64: string }> }> };
    }>(
      `{ collectionPlacements(first: 10) { nodes { id status statusReason } } collectionAgencies(first: 10) { nodes { files { kind contentBase64 } } } }`,
    );
    expect(after.collectionPlacements.nodes.find((p) => p.id === placed.placements[0]!.id)).toMatchObject({
      status: 'RECALLED',
      statusReason: 'the patient paid 3120 cents at the practice',
    });
    expect(after.collectionPlacements.nodes.find((p) => p.id === placed.placements[1]!.id)).toMatchObject({
      status: 'RETURNED',
      statusReason: 'no address found',
    });
    const recall = after.collectionAgencies.nodes[0]!.files.find((f) => f.kind === 'recall-file')!;
    expect(csvRows(recall.contentBase64)).toEqual([
      expect.objectContaining({
        placement_id: placed.placements[0]!.agencyReference,
        reason: 'the patient paid 3120 cents at the practice',
      }),
    ]);
  });
});
