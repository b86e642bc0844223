import { CMS1500_FIELDS, ManualClock, UB04_FIELDS, decodeId, globalId } from '@revcycle/core';
import { CLAIM_FORM_LAYOUTS, pdfDocumentRenderer } from '@revcycle/document-pdf';
import { arrange, createTestApi, queryData } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { readClaimForms } from '@revcycle/testkit/claim-form-text';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Paper claims (from #26): a payer marked paper-only gets no 837; submitClaims prints its claims on CMS-1500 or
// UB-04 forms (a print batch kept as a PDF), the claims move to SUBMITTED with their charges posted, and every box
// of the printed form reads back as the claim's data. Expected values are written out by hand from the data below.

const clock = new ManualClock(new Date('2026-09-14T15:00:00Z'));
let t: TestApi;
let token: string;
let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  t = await createTestApi({ documents: [pdfDocumentRenderer()], clock });
  w = await world();
});
afterAll(() => t.close());

const gql = <T>(doc: string, variables: Record<string, unknown> = {}) => queryData<T>(t, token, doc, variables);

const CREATE_PAYER = `mutation($input: CreatePayerInput!) { createPayer(input: $input) {
  __typename ... on PayerSuccess { payer { id paperOnly address { line1 city state postalCode } } }
  ... on ValidationError { fieldErrors { path code } } } }`;
const CREATE_ENCOUNTER = `mutation($input: CreateEncounterInput!) { createEncounter(input: $input) {
  __typename ... on EncounterSuccess { encounter { id } } ... on ValidationError { fieldErrors { path message } } } }`;
const CREATE_CLAIM = `mutation($input: CreateClaimInput!) { createClaim(input: $input) {
  ... on ClaimSuccess { claim { id patientControlNumber } } } }`;
const SUBMIT = `mutation($ids: [ID!]!) { submitClaims(input: { claimIds: $ids }) {
  results { claim { id status } submitted errorCode message }
  batches { id format status connectorId content claimCount totalChargeCents
    printFile { kind contentType fileName contentBase64 } } } }`;

async function world() {
  const organizationId = (await t.createOrganization('Paper Claims Clinic')).id;
  token = await t.token(organizationId, ['admin']);
  const a = arrange(t.api, organizationId);
  const practice = await a.practice({
    name: 'Riverbend Family Medicine',
    npi: '1324567894',
    taxId: '74-1234567',
    phone: '512-555-0100',
    taxonomyCode: '207Q00000X',
    address: { line1: '1200 Barton Springs Rd', city: 'Austin', state: 'TX', postalCode: '78704-1521' },
  });
  const provider = await a.provider(practice.id, { firstName: 'Maria', lastName: 'Alvarez', npi: '1512345673' });
  const { createPayer } = await gql<{ createPayer: { payer: { id: string } } }>(CREATE_PAYER, {
    input: {
      name: 'Paper Mutual',
      payerIdentifier: 'PM001',
      claimFilingIndicator: 'CI',
      paperOnly: true,
      address: { line1: 'PO Box 1000', city: 'Dallas', state: 'TX', postalCode: '75201' },
    },
  });
  const payerId = decodeId('Payer', createPayer.payer.id, ['payer']);
  const patient = await a.patient(practice.id, [], {
    firstName: 'Luis',
    lastName: 'Ramirez',
    dateOfBirth: '1979-11-02',
    sex: 'MALE',
    homePhone: '(512) 555-0142',
    address: { line1: '1 Main St', city: 'Austin', state: 'TX', postalCode: '78701' },
    coverages: [
      { payerId, memberId: 'W123456789', groupNumber: 'GRP-77', priority: 'PRIMARY', effectiveDate: '2024-01-01' },
    ],
  });
  const { node } = await gql<{ node: { coverages: Array<{ id: string }> } }>(
    'query($id: ID!) { node(id: $id) { ... on Patient { coverages { id } } } }',
    { id: globalId('Patient', patient.id) },
  );
  return { organizationId, practice, provider, payerId, patient, coverageId: node.coverages[0]!.id };
}

/** A claim made through the API from an encounter; answers its global id and patient control number. */
async function claimOf(encounter: Record<string, unknown>): Promise<{ id: string; patientControlNumber: string }> {
  const { createEncounter } = await gql<{ createEncounter: { __typename: string; encounter: { id: string } } }>(
    CREATE_ENCOUNTER,
    {
      input: {
        practiceId: globalId('Practice', w.practice.id),
        patientId: globalId('Patient', w.patient.id),
        coverageId: w.coverageId,
        renderingProviderId: globalId('Provider', w.provider.id),
        ...encounter,
      },
    },
  );
  expect(createEncounter.__typename).toBe('EncounterSuccess');
  const { createClaim } = await gql<{ createClaim: { claim: { id: string; patientControlNumber: string } } }>(
    CREATE_CLAIM,
    { input: { encounterId: createEncounter.encounter.id, coverageId: w.coverageId } },
  );
  return createClaim.claim;
}

type Submitted = {
  submitClaims: {
    results: Array<{
      claim: { id: string; status: string };
      submitted: boolean;
      errorCode: string | null;
      message: string | null;
    }>;
    batches: Array<{
      id: string;
      format: string;
      status: string;
      connectorId: string;
      content: string;
      claimCount: number;
      totalChargeCents: number;
      printFile: { kind: string; contentType: string; fileName: string; contentBase64: string } | null;
    }>;
  };
};

describe('paper claims', () => {
  it('a paper-only payer is created with its mailing address', async () => {
    const { createPayer } = await gql<{ createPayer: { payer: unknown } }>(CREATE_PAYER, {
      input: { name: 'Paper Two', payerIdentifier: 'PM002', claimFilingIndicator: 'CI', paperOnly: true },
    });
    expect(createPayer.payer).toMatchObject({ paperOnly: true, address: null });
    const bad = await gql<{ createPayer: { fieldErrors: Array<{ path: string[]; code: string }> } }>(CREATE_PAYER, {
      input: {
        name: 'Paper Three',
        payerIdentifier: 'PM003',
        claimFilingIndicator: 'CI',
        address: { line1: 'PO Box 1', city: 'Dallas', state: 'Texas', postalCode: '752' },
      },
    });
    expect(bad.createPayer.fieldErrors.map((e) => e.path.join('.')).sort()).toEqual([
      'input.address.postalCode',
      'input.address.state',
    ]);
  });

  it('submitClaims prints a professional claim on a CMS-1500 whose every box reads back', async () => {
    const claim = await claimOf({
      dateOfService: '2026-09-01',
      placeOfService: '11',
      priorAuthorization: 'PA-4471',
      diagnoses: ['E11.9', 'I10'],
      serviceLines: [
        { procedureCode: '99214', modifiers: ['25'], chargeCents: 19_500, diagnosisPointers: [1, 2] },
        { procedureCode: '36415', chargeCents: 2_500, diagnosisPointers: [1] },
      ],
    });
    const { submitClaims } = await gql<Submitted>(SUBMIT, { ids: [claim.id] });
    expect(submitClaims.results).toEqual([
      { claim: { id: claim.id, status: 'SUBMITTED' }, submitted: true, errorCode: null, message: null },
    ]);
    const [batch] = submitClaims.batches;
    expect(batch).toMatchObject({
      format: 'CMS-1500',
      status: 'SENT',
      connectorId: 'paper',
      content: '',
      claimCount: 1,
      totalChargeCents: 22_000,
      printFile: { kind: 'claim-forms', contentType: 'application/pdf', fileName: 'CMS-1500-batch-000000001.pdf' },
    });
    const pdf = Buffer.from(batch!.printFile!.contentBase64, 'base64');
    const [form, ...more] = await readClaimForms(pdf, CLAIM_FORM_LAYOUTS['CMS-1500']);
    expect(more).toEqual([]);
    expect(form!.stray).toEqual([]);
    expect(form!.fields).toEqual({
      carrier: 'PAPER MUTUAL\nPO BOX 1000\nDALLAS, TX 75201',
      '1': 'GROUP',
      '1a': 'W123456789',
      '2': 'RAMIREZ, LUIS',
      '3': '11 02 1979',
      '3.sex': 'M',
      '4': 'RAMIREZ, LUIS',
      '5': '1 MAIN ST',
      '5.city': 'AUSTIN',
      '5.state': 'TX',
      '5.zip': '78701',
      '5.phone': '512 5550142',
      '6': 'SELF',
      '7': '1 MAIN ST',
      '7.city': 'AUSTIN',
      '7.state': 'TX',
      '7.zip': '78701',
      '10a': 'NO',
      '10b': 'NO',
      '10c': 'NO',
      '11': 'GRP-77',
      '11a': '11 02 1979',
      '11a.sex': 'M',
      '11c': 'PAPER MUTUAL',
      '11d': 'NO',
      '12': 'SIGNATURE ON FILE',
      '13': 'SIGNATURE ON FILE',
      '21.ind': '0',
      '21.A': 'E119',
      '21.B': 'I10',
      '23': 'PA-4471',
      '25': '741234567',
      '25.type': 'EIN',
      '26': claim.patientControlNumber,
      '27': 'YES',
      '28': '220 00',
      '31': 'MARIA ALVAREZ MD',
      '33': 'RIVERBEND FAMILY MEDICINE\n1200 BARTON SPRINGS RD\nAUSTIN, TX 787041521',
      '33.phone': '512 5550100',
      '33a': '1324567894',
      '33b': 'ZZ207Q00000X',
    });
    expect(form!.lines).toEqual([
      {
        '24A.from': '09 01 26',
        '24A.to': '09 01 26',
        '24B': '11',
        '24D': '99214',
        '24D.modifiers': '25',
        '24E': 'AB',
        '24F': '195 00',
        '24G': '1',
        '24J': '1512345673',
      },
      {
        '24A.from': '09 01 26',
        '24A.to': '09 01 26',
        '24B': '11',
        '24D': '36415',
        '24E': 'A',
        '24F': '25 00',
        '24G': '1',
        '24J': '1512345673',
      },
    ]);
    // Every item core can fill is one the test reads: a box added to core without a place fails here.
    expect(Object.keys(form!.fields).every((key) => key in CMS1500_FIELDS)).toBe(true);
  });

  it('prints a claim of eight lines on two forms, the total on the second and CONTINUED on the first', async () => {
    const claim = await claimOf({
      dateOfService: '2026-09-02',
      placeOfService: '11',
      diagnoses: ['J06.9'],
      serviceLines: ['99211', '36415', '81002', '85025', '80053', '93000', '87880', '82947'].map((code, i) => ({
        procedureCode: code,
        chargeCents: 1_000 + i,
        diagnosisPointers: [1],
      })),
    });
    const { submitClaims } = await gql<Submitted>(SUBMIT, { ids: [claim.id] });
    expect(submitClaims.results[0]).toMatchObject({ submitted: true, message: null });
    const pdf = Buffer.from(submitClaims.batches[0]!.printFile!.contentBase64, 'base64');
    const forms = await readClaimForms(pdf, CLAIM_FORM_LAYOUTS['CMS-1500']);
    expect(forms.map((f) => f.lines.length)).toEqual([6, 2]);
    expect(forms.map((f) => f.fields['28'])).toEqual(['CONTINUED', '80 28']);
    expect(forms[1]!.lines.map((l) => l['24F'])).toEqual(['10 06', '10 07']);
  });

  it('prints an institutional claim on a UB-04 whose every form locator reads back', async () => {
    const claim = await claimOf({
      dateOfService: '2026-09-03',
      placeOfService: '21',
      diagnoses: ['J18.9', 'E11.9', 'I10'],
      institutional: {
        facilityTypeCode: '11',
        attendingProviderId: globalId('Provider', w.provider.id),
        patientStatus: '01',
        admissionDate: '2026-09-03',
        admissionType: '1',
        admissionSource: '7',
      },
      serviceLines: [
        {
          revenueCode: '0120',
          description: 'Room and board semi-private',
          units: 3,
          chargeCents: 360_000,
          serviceDate: '2026-09-03',
          serviceDateEnd: '2026-09-05',
          diagnosisPointers: [1],
        },
        { procedureCode: '94003', revenueCode: '0410', chargeCents: 45_000, diagnosisPointers: [1] },
      ],
    });
    const { submitClaims } = await gql<Submitted>(SUBMIT, { ids: [claim.id] });
    expect(submitClaims.results[0]).toMatchObject({ claim: { status: 'SUBMITTED' }, errorCode: null });
    expect(submitClaims.batches[0]).toMatchObject({ format: 'UB-04', totalChargeCents: 405_000 });
    const pdf = Buffer.from(submitClaims.batches[0]!.printFile!.contentBase64, 'base64');
    const [form, ...more] = await readClaimForms(pdf, CLAIM_FORM_LAYOUTS['UB-04']);
    expect(more).toEqual([]);
    expect(form!.stray).toEqual([]);
    expect(form!.fields).toEqual({
      FL1: 'RIVERBEND FAMILY MEDICINE\n1200 BARTON SPRINGS RD\nAUSTIN, TX 787041521\n512 5550100',
      FL3a: claim.patientControlNumber,
      FL3b: w.patient.accountNumber,
      FL4: '0111',
      FL5: '741234567',
      'FL6.from': '090326',
      'FL6.through': '090526',
      FL8b: 'RAMIREZ, LUIS',
      FL9a: '1 MAIN ST',
      FL9b: 'AUSTIN',
      FL9c: 'TX',
      FL9d: '78701',
      FL10: '11021979',
      FL11: 'M',
      FL12: '090326',
      FL14: '1',
      FL15: '7',
      FL17: '01',
      'FL42.total': '0001',
      page: '1',
      pages: '1',
      'FL45.created': '091426',
      'FL47.total': '4050 00',
      FL50A: 'PAPER MUTUAL',
      FL51A: 'PM001',
      FL52A: 'Y',
      FL53A: 'Y',
      FL56: '1324567894',
      FL58A: 'RAMIREZ, LUIS',
      FL59A: '18',
      FL60A: 'W123456789',
      FL62A: 'GRP-77',
      FL66: '0',
      FL67: 'J189',
      FL67A: 'E119',
      FL67B: 'I10',
      FL76: '1512345673',
      'FL76.last': 'ALVAREZ',
      'FL76.first': 'MARIA',
      FL81a: 'B3',
      'FL81a.code': '207Q00000X',
    });
    expect(form!.lines).toEqual([
      {
        FL42: '0120',
        FL43: 'ROOM AND BOARD SEMI-PRIV',
        FL45: '090326',
        FL46: '3',
        FL47: '3600 00',
      },
      { FL42: '0410', FL44: '94003', FL45: '090326', FL46: '1', FL47: '450 00' },
    ]);
    expect(Object.keys(form!.fields).every((key) => key in UB04_FIELDS)).toBe(true);
  });

  it('previewClaimForm draws the form under the data for review, changing nothing', async () => {
    const claim = await claimOf({
      dateOfService: '2026-09-04',
      placeOfService: '11',
      diagnoses: ['E11.9'],
      serviceLines: [{ procedureCode: '99213', chargeCents: 12_000, diagnosisPointers: [1] }],
    });
    const PREVIEW = `query($id: ID!, $bg: Boolean) { previewClaimForm(claimId: $id, formBackground: $bg) {
      __typename ... on ClaimFormPreview { form pages fileName contentBase64 } ... on NotFoundError { message } } }`;
    const { previewClaimForm } = await gql<{
      previewClaimForm: { form: string; pages: number; fileName: string; contentBase64: string };
    }>(PREVIEW, { id: claim.id });
    expect(previewClaimForm).toMatchObject({ form: 'CMS-1500', pages: 1, fileName: 'CMS-1500-review.pdf' });
    const [form] = await readClaimForms(
      Buffer.from(previewClaimForm.contentBase64, 'base64'),
      CLAIM_FORM_LAYOUTS['CMS-1500'],
    );
    expect(form!.fields['28']).toBe('120 00');
    const plain = await gql<{ previewClaimForm: { fileName: string } }>(PREVIEW, { id: claim.id, bg: false });
    expect(plain.previewClaimForm.fileName).toBe('CMS-1500.pdf');
    const status = await gql<{ node: { status: string } }>(
      'query($id: ID!) { node(id: $id) { ... on Claim { status } } }',
      { id: claim.id },
    );
    expect(status.node.status).toBe('DRAFT');
    const missing = await gql<{ previewClaimForm: { __typename: string } }>(PREVIEW, {
      id: globalId('Claim', 'no-such-claim'),
    });
    expect(missing.previewClaimForm.__typename).toBe('NotFoundError');
  });
});
