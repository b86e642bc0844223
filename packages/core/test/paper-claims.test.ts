import { createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineDocumentRenderer, definePayerConnector, globalId } from '../src/index.ts';
import type { ClaimFormDocument } from '../src/index.ts';
import { M, mutate } from './registration-api.ts';
import { era, paidInFull, remittanceWorld } from './remittance-fixtures.ts';
import type { RemittanceWorld } from './remittance-fixtures.ts';

// Paper claims in core (from #26): which claims are printed instead of sent, what goes in the boxes a secondary
// claim adds (the earlier payer and what it paid), and what happens without a renderer for the form. The renderer
// here only keeps what core hands it; the PDF layout is tested in plugins/document-pdf and end to end in the server.

const printed: ClaimFormDocument[][] = [];
const delivered: string[] = [];
/** Prints CMS-1500 forms only: a UB-04 claim meets no renderer for its form. */
const cms1500Only = defineDocumentRenderer({
  id: 'forms-capture',
  displayName: 'Keeps the claim forms it is given',
  contentType: 'application/pdf',
  render: () => Promise.reject(new Error('letters are not this test’s')),
  claimForms: ['CMS-1500'],
  renderClaimForms: async (forms) => {
    printed.push(forms);
    return { contentType: 'application/pdf', fileName: 'forms.pdf', bytes: new TextEncoder().encode('%PDF-1.4') };
  },
});
const recording = definePayerConnector({
  id: 'recording',
  displayName: 'Records the 837s it is given',
  capabilities: ['submit'],
  async submit(batch) {
    delivered.push(batch.content);
    return { reference: `rec-${batch.batchId}` };
  },
});

const SUBMIT = `mutation($ids: [ID!]!) { submitClaims(input: { claimIds: $ids }) {
  results { claim { id status } submitted errorCode message }
  batches { format connectorId status interchangeControlNumber claimCount printFile { fileName } } } }`;
const CREATE_CLAIM = `mutation($input: CreateClaimInput!) { createClaim(input: $input) {
  __typename ... on ClaimSuccess { claim { id } } } }`;
const CLAIM = `query($id: ID!) { node(id: $id) { ... on Claim { status balance { insuranceCents patientCents }
  secondaryClaims { id patientControlNumber } } } }`;

type Submitted = {
  submitClaims: {
    results: Array<{ claim: { id: string; status: string }; submitted: boolean; errorCode: string | null }>;
    batches: Array<{
      format: string;
      connectorId: string;
      status: string;
      interchangeControlNumber: string;
      claimCount: number;
      printFile: { fileName: string } | null;
    }>;
  };
};

let t: TestApi;
let token: string;
let w: RemittanceWorld;
let paperPayerId: string;
beforeAll(async () => {
  t = await createTestApi({ payers: [recording], documents: [cms1500Only] });
  token = await t.token((await t.createOrganization('Paper Clinic')).id, ['admin']);
  w = await remittanceWorld(t, token, 'recording');
  // A paper-only payer with a connector still configured: paper wins, nothing is sent.
  paperPayerId = (
    await mutate<{ payer: { id: string } }>(t, token, M.createPayer, {
      name: 'Paper Mutual',
      payerIdentifier: 'PM001',
      claimFilingIndicator: 'CI',
      connectorId: 'recording',
      paperOnly: true,
      address: { line1: 'PO Box 1000', city: 'Dallas', state: 'TX', postalCode: '75201-0001' },
    })
  ).payer.id;
});
afterAll(() => t.close());

const submit = async (ids: string[]) =>
  (await t.execute<Submitted>(SUBMIT, { token, variables: { ids } })).data!.submitClaims;
const claim = async (id: string) =>
  (
    await t.execute<{
      node: {
        status: string;
        balance: { insuranceCents: number; patientCents: number };
        secondaryClaims: Array<{ id: string; patientControlNumber: string }>;
      };
    }>(CLAIM, { token, variables: { id } })
  ).data!.node;

describe('paper claims (core)', () => {
  it('prints the paper payer’s claim and sends the other as an 837, in one call, each claim once, in the order asked', async () => {
    const paperPatient = await w.patientCovered([{ payerId: paperPayerId, priority: 'PRIMARY' }]);
    const ediPatient = await w.patientCovered([{ payerId: w.bcbsId, priority: 'PRIMARY' }]);
    const paper = await w.draftClaim(paperPatient);
    const edi = await w.draftClaim(ediPatient);
    printed.length = 0;
    delivered.length = 0;
    // Asked EDI first: the results come in the order asked, though the paper claim is handled first.
    const result = await submit([edi.id, paper.id]);
    expect(result.results.map((r) => [r.claim.id, r.submitted, r.claim.status])).toEqual([
      [edi.id, true, 'SUBMITTED'],
      [paper.id, true, 'SUBMITTED'],
    ]);
    expect(result.batches.map((b) => [b.format, b.connectorId, b.status, b.claimCount])).toEqual([
      ['CMS-1500', 'paper', 'SENT', 1],
      ['837P', 'recording', 'SENT', 1],
    ]);
    expect(result.batches[0]!.printFile!.fileName).toMatch(/^CMS-1500-batch-\d{9}\.pdf$/);
    // Only the EDI claim reached the connector; only the paper claim was printed.
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toContain(`CLM*${edi.pcn}*`);
    expect(delivered[0]).not.toContain(paper.pcn);
    expect(printed.flat().map((f) => [globalId('Claim', f.claimId), f.form, f.page, f.pages])).toEqual([
      [paper.id, 'CMS-1500', 1, 1],
    ]);
    expect(printed[0]![0]!.fields).toMatchObject({
      carrier: 'PAPER MUTUAL\nPO BOX 1000\nDALLAS, TX 752010001',
      '1': 'GROUP',
      '26': paper.pcn,
      '28': '220 00',
      '11d': 'NO',
    });
    // Printing is the delivery: the charges are posted as for an 837 ($195.00 + $25.00 to insurance).
    expect((await claim(paper.id)).balance).toEqual({ insuranceCents: 22_000, patientCents: 0 });
  });

  it('a secondary claim printed on paper names the earlier payer and what it paid', async () => {
    const p = await w.patientCovered([
      { payerId: w.bcbsId, priority: 'PRIMARY' },
      { payerId: paperPayerId, priority: 'SECONDARY', groupNumber: 'GRP-9' },
    ]);
    const primary = await w.submittedClaim(p);
    await t.execute(`mutation($x12: String!) { importRemittance(input: { x12: $x12 }) { __typename } }`, {
      token,
      variables: { x12: era('PAPER-COB-1', [paidInFull(primary)]) },
    });
    // BCBS paid $111.40 and left $27.85 (PR-2 $25.00 + PR-3 $2.85) for the secondary.
    const [secondary] = (await claim(primary.id)).secondaryClaims;
    printed.length = 0;
    delivered.length = 0;
    const result = await submit([secondary!.id]);
    expect(result.results[0]).toMatchObject({ submitted: true, claim: { status: 'SUBMITTED' } });
    expect(delivered).toEqual([]);
    const form = printed[0]![0]!;
    expect(form.fields).toMatchObject({
      '9': form.fields['2'],
      '9a': expect.stringMatching(/^COB\d{3}0$/),
      '9d': 'BLUE CROSS BLUE SHIELD OF TEXAS',
      '11': 'GRP-9',
      '11c': 'PAPER MUTUAL',
      '11d': 'YES',
      '28': '220 00',
      '29': '111 40',
    });
  });

  it('without a renderer for the form the claim stays READY, named NO_CLAIM_FORM_RENDERER', async () => {
    const p = await w.patientCovered([{ payerId: paperPayerId, priority: 'PRIMARY' }]);
    const e = await mutate<{ encounter: { id: string } }>(t, token, M.createEncounter, {
      practiceId: w.practiceId,
      patientId: p.id,
      dateOfService: '2026-10-05',
      renderingProviderId: w.providerId,
      coverageId: p.primaryCoverageId,
      placeOfService: '22',
      diagnoses: ['R07.9'],
      institutional: { facilityTypeCode: '13', attendingProviderId: w.providerId, patientStatus: '01' },
      serviceLines: [{ procedureCode: '99284', revenueCode: '0450', chargeCents: 85_000, diagnosisPointers: [1] }],
    });
    const c = await mutate<{ claim: { id: string } }>(t, token, CREATE_CLAIM, {
      encounterId: e.encounter.id,
      coverageId: p.primaryCoverageId,
    });
    printed.length = 0;
    delivered.length = 0;
    const result = await submit([c.claim.id]);
    expect(result.results).toEqual([
      {
        claim: { id: c.claim.id, status: 'READY' },
        submitted: false,
        errorCode: 'NO_CLAIM_FORM_RENDERER',
        message: 'no document renderer is configured that prints UB-04 forms',
      },
    ]);
    expect(result.batches).toEqual([]);
    expect([printed, delivered]).toEqual([[], []]);
    expect((await claim(c.claim.id)).balance).toEqual({ insuranceCents: 0, patientCents: 0 });
  });

  it('the scrub warns when a paper-only payer has no mailing address, and never about its EDI enrollment', async () => {
    const SCRUB = `mutation($id: ID!) { scrubClaim(input: { claimId: $id }) {
      ... on ScrubClaimSuccess { findings { ruleId severity message } } } }`;
    const findings = async (payerId: string) => {
      const p = await w.patientCovered([{ payerId, priority: 'PRIMARY' }]);
      const c = await w.draftClaim(p);
      const r = await t.execute<{
        scrubClaim: { findings: Array<{ ruleId: string; severity: string; message: string }> };
      }>(SCRUB, {
        token,
        variables: { id: c.id },
      });
      return r.data!.scrubClaim.findings.filter((f) => ['PAPER_PAYER_ADDRESS', 'PAYER_ENROLLMENT'].includes(f.ruleId));
    };
    const addressless = await mutate<{ payer: { id: string } }>(t, token, M.createPayer, {
      name: 'Paper Without Address',
      payerIdentifier: 'PM009',
      claimFilingIndicator: 'CI',
      paperOnly: true,
    });
    // Enrollment for claims is required and not live with both payers: only an EDI payer is warned about it.
    for (const payerId of [addressless.payer.id, paperPayerId])
      await t.execute(
        `mutation($input: SetPayerEnrollmentInput!) { setPayerEnrollment(input: $input) { __typename } }`,
        {
          token,
          variables: { input: { practiceId: w.practiceId, payerId, transaction: 'CLAIMS_837P', status: 'REQUIRED' } },
        },
      );
    expect(await findings(addressless.payer.id)).toEqual([
      {
        ruleId: 'PAPER_PAYER_ADDRESS',
        severity: 'WARNING',
        message:
          "Paper Without Address takes paper claims and has no mailing address: the form's carrier block is left empty",
      },
    ]);
    expect(await findings(paperPayerId)).toEqual([]);
  });
});
