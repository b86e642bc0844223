import { createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { parse837 } from '@revcycle/x12';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { M, mutate } from './registration-api.ts';
import { acceptingClearinghouse, co, era, oi, remittanceWorld } from './remittance-fixtures.ts';
import type { RemittanceWorld } from './remittance-fixtures.ts';

let t: TestApi;
let token: string;
let w: RemittanceWorld;
beforeAll(async () => {
  t = await createTestApi({ payers: [acceptingClearinghouse] });
  token = await t.token((await t.createOrganization('Riverbend Hospital')).id, ['admin']);
  w = await remittanceWorld(t, token);
});
afterAll(() => t.close());

const outpatient = (patientId: string, coverageId: string, overrides: Record<string, unknown> = {}) => ({
  practiceId: w.practiceId,
  patientId,
  coverageId,
  dateOfService: '2026-10-05',
  renderingProviderId: w.providerId,
  placeOfService: '22',
  diagnoses: ['R07.9', 'I10'],
  institutional: {
    facilityTypeCode: '13',
    attendingProviderId: w.providerId,
    patientStatus: '01',
    admissionType: '1',
    admissionSource: '1',
  },
  serviceLines: [
    { procedureCode: '99284', revenueCode: '0450', chargeCents: 85_000, diagnosisPointers: [1] },
    { procedureCode: '93005', revenueCode: '0730', chargeCents: 12_000, diagnosisPointers: [1, 2] },
  ],
  ...overrides,
});

describe('institutional claims (837I)', () => {
  it('checks the institutional fields with typed errors', async () => {
    const p = await w.patient();
    const bad = await mutate<{ fieldErrors: Array<{ path: string[]; code: string }> }>(
      t,
      token,
      M.createEncounter,
      outpatient(p.id, p.primaryCoverageId, {
        institutional: { facilityTypeCode: '1', attendingProviderId: w.providerId, patientStatus: 'home' },
        serviceLines: [
          { procedureCode: '99284', chargeCents: 85_000, diagnosisPointers: [1] },
          { procedureCode: '93005', revenueCode: '73', chargeCents: 12_000, diagnosisPointers: [1] },
        ],
      }),
    );
    expect(bad.__typename).toBe('ValidationError');
    expect(bad.fieldErrors!.map((e) => [e.path.join('.'), e.code])).toEqual(
      expect.arrayContaining([
        ['input.institutional.facilityTypeCode', 'INVALID_CODE'],
        ['input.institutional.patientStatus', 'INVALID_CODE'],
        ['input.serviceLines.0.revenueCode', 'REQUIRED'],
        ['input.serviceLines.1.revenueCode', 'INVALID_CODE'],
      ]),
    );
    const inpatient = await mutate<{ fieldErrors: Array<{ path: string[]; code: string }> }>(
      t,
      token,
      M.createEncounter,
      outpatient(p.id, p.primaryCoverageId, {
        institutional: { facilityTypeCode: '11', attendingProviderId: w.providerId, patientStatus: '01' },
      }),
    );
    expect(inpatient.fieldErrors).toEqual([
      expect.objectContaining({ path: ['input', 'institutional', 'admissionDate'], code: 'REQUIRED' }),
    ]);
  });

  it('bills an institutional visit on an 837I, in its own interchange beside the 837P claims', async () => {
    const p = await w.patient();
    const e = await mutate<{ encounter: { id: string } }>(
      t,
      token,
      M.createEncounter,
      outpatient(p.id, p.primaryCoverageId),
    );
    expect(e.__typename).toBe('EncounterSuccess');
    const created = await t.execute<{
      createClaim: { claim: { id: string; kind: string; patientControlNumber: string } };
    }>(
      `mutation($input: CreateClaimInput!) { createClaim(input: $input) { ... on ClaimSuccess { claim { id kind patientControlNumber } } } }`,
      { token, variables: { input: { encounterId: e.encounter.id, coverageId: p.primaryCoverageId } } },
    );
    const claim = created.data!.createClaim.claim;
    expect(claim.kind).toBe('INSTITUTIONAL');
    const professional = await w.submittedClaim(await w.patient());
    void professional;

    const other = await w.patient();
    const pe = await mutate<{ encounter: { id: string } }>(t, token, M.createEncounter, {
      practiceId: w.practiceId,
      patientId: other.id,
      coverageId: other.primaryCoverageId,
      dateOfService: '2026-10-06',
      renderingProviderId: w.providerId,
      diagnoses: ['I10'],
      serviceLines: [{ procedureCode: '99213', chargeCents: 13_500, diagnosisPointers: [1] }],
    });
    const pc = await t.execute<{ createClaim: { claim: { id: string } } }>(
      `mutation($input: CreateClaimInput!) { createClaim(input: $input) { ... on ClaimSuccess { claim { id } } } }`,
      { token, variables: { input: { encounterId: pe.encounter.id, coverageId: other.primaryCoverageId } } },
    );
    const sent = await t.execute<{
      submitClaims: {
        results: Array<{ submitted: boolean; message: string | null }>;
        batches: Array<{ format: string; claimCount: number; content: string }>;
      };
    }>(
      `mutation($ids: [ID!]!) { submitClaims(input: { claimIds: $ids }) { results { submitted message } batches { format claimCount content } } }`,
      { token, variables: { ids: [claim.id, pc.data!.createClaim.claim.id] } },
    );
    expect(sent.data!.submitClaims.results).toEqual([
      { submitted: true, message: null },
      { submitted: true, message: null },
    ]);
    expect(sent.data!.submitClaims.batches.map((b) => [b.format, b.claimCount]).sort()).toEqual([
      ['837I', 1],
      ['837P', 1],
    ]);

    const file = sent.data!.submitClaims.batches.find((b) => b.format === '837I')!.content;
    expect(file).toContain('005010X223A2');
    const [submission] = parse837(file).submissions;
    expect(submission!.kind).toBe('institutional');
    const c = submission!.billingProviders[0]!.subscribers[0]!.claims[0]!;
    expect(c).toMatchObject({
      patientControlNumber: claim.patientControlNumber,
      facilityCode: '13',
      facilityCodeQualifier: 'A',
      frequencyCode: '1',
      totalChargeCents: 97_000,
      institutionalCodes: { admissionType: '1', admissionSource: '1', patientStatus: '01' },
    });
    expect(c.dates).toContainEqual({ qualifier: '434', date: '2026-10-05', endDate: '2026-10-05' });
    // The 837I guide: the principal diagnosis alone in its HI, the others in their own.
    expect(c.healthCareCodes.map((hi) => hi.map((d) => d.qualifier))).toEqual([['ABK'], ['ABF']]);
    // The submitter's contact is the practice's phone.
    expect(submission!.submitter.contacts).toEqual([
      { function: 'IC', name: 'BILLING OFFICE', numbers: [['TE', '5125550100']] },
    ]);
    expect(c.names.map((n) => [n.entityCode, n.id])).toEqual([['71', '1512345673']]);
    expect(
      c.lines.map((l) => [
        l.institutional?.revenueCode,
        l.institutional?.procedure?.code,
        l.institutional?.chargeCents,
      ]),
    ).toEqual([
      ['0450', '99284', 85_000],
      ['0730', '93005', 12_000],
    ]);
  });

  it('bills room and board by its revenue code alone: SV2 without a procedure, days as units, matched back from NU:0120, SVD without SVD03 to the secondary', async () => {
    const p = await w.patient({ secondary: true });
    const inpatient = (serviceLines: unknown[]) =>
      outpatient(p.id, p.primaryCoverageId, {
        institutional: {
          facilityTypeCode: '11',
          attendingProviderId: w.providerId,
          patientStatus: '01',
          admissionDate: '2026-10-02',
          admissionType: '1',
          admissionSource: '1',
        },
        serviceLines,
      });
    const roomAndBoard = {
      revenueCode: '0120',
      units: 3,
      chargeCents: 360_000,
      serviceDate: '2026-10-02',
      serviceDateEnd: '2026-10-04',
      diagnosisPointers: [1],
    };
    const lab = {
      procedureCode: '80053',
      revenueCode: '0300',
      chargeCents: 9_000,
      serviceDate: '2026-10-03',
      diagnosisPointers: [1],
    };

    // A code-less line is an institutional privilege, needs a revenue code and a charge, and takes no modifiers.
    const bad = await mutate<{ fieldErrors: Array<{ path: string[]; code: string }> }>(
      t,
      token,
      M.createEncounter,
      inpatient([{ ...roomAndBoard, chargeCents: undefined, modifiers: ['25'] }, lab]),
    );
    expect(bad.fieldErrors!.map((e) => [e.path.join('.'), e.code])).toEqual(
      expect.arrayContaining([
        ['input.serviceLines.0.chargeCents', 'NO_CHARGE'],
        ['input.serviceLines.0.modifiers', 'MODIFIER_WITHOUT_CODE'],
      ]),
    );
    const professional = await mutate<{ fieldErrors: Array<{ path: string[]; code: string }> }>(
      t,
      token,
      M.createEncounter,
      { ...inpatient([lab]), institutional: undefined, serviceLines: [{ chargeCents: 9_000, diagnosisPointers: [1] }] },
    );
    expect(professional.fieldErrors).toEqual([
      expect.objectContaining({ path: ['input', 'serviceLines', '0', 'procedureCode'], code: 'REQUIRED' }),
    ]);

    const e = await mutate<{ encounter: { id: string } }>(t, token, M.createEncounter, inpatient([roomAndBoard, lab]));
    expect(e.__typename).toBe('EncounterSuccess');
    const created = await t.execute<{
      createClaim: {
        claim: {
          id: string;
          patientControlNumber: string;
          status: string;
          lines: Array<{ procedureCode: string | null; revenueCode: string | null; units: number }>;
        };
      };
    }>(
      `mutation($input: CreateClaimInput!) { createClaim(input: $input) { ... on ClaimSuccess { claim { id patientControlNumber status lines { procedureCode revenueCode units } } } } }`,
      { token, variables: { input: { encounterId: e.encounter.id, coverageId: p.primaryCoverageId } } },
    );
    const claim = created.data!.createClaim.claim;
    expect(claim.lines).toEqual([
      { procedureCode: null, revenueCode: '0120', units: 3 },
      { procedureCode: '80053', revenueCode: '0300', units: 1 },
    ]);
    const sent = await t.execute<{
      submitClaims: {
        results: Array<{ submitted: boolean; message: string | null }>;
        batches: Array<{ content: string }>;
      };
    }>(
      `mutation($ids: [ID!]!) { submitClaims(input: { claimIds: $ids }) { results { submitted message } batches { content } } }`,
      { token, variables: { ids: [claim.id] } },
    );
    expect(sent.data!.submitClaims.results).toEqual([{ submitted: true, message: null }]);
    const file = sent.data!.submitClaims.batches[0]!.content;
    expect(file).toMatch(/SV2\*0120\*\*3600\*DA\*3~/);
    const lines = parse837(file).submissions[0]!.billingProviders[0]!.subscribers[0]!.claims[0]!.lines;
    expect(
      lines.map((l) => [
        l.institutional?.revenueCode,
        l.institutional?.procedure?.code,
        l.institutional?.unitBasis,
        l.institutional?.unitsMilli,
      ]),
    ).toEqual([
      ['0120', undefined, 'DA', 3_000],
      ['0300', '80053', 'UN', 1_000],
    ]);

    // The payer answers the room-and-board line as NU:0120 without a line control number: it is matched by revenue code.
    const x12 = era('EFT-RB-1', [
      {
        pcn: claim.patientControlNumber,
        chargeCents: 369_000,
        paidCents: 306_000,
        lines: [
          {
            code: '0120',
            qualifier: 'NU',
            chargeCents: 360_000,
            paidCents: 300_000,
            adjustments: [co('45', 40_000), oi('23', 20_000)],
          },
          { code: '80053', chargeCents: 9_000, paidCents: 6_000, adjustments: [co('45', 2_000), oi('23', 1_000)] },
        ],
      },
    ]);
    const imported = await t.execute<{ importRemittance: { matched: number } }>(
      `mutation($x12: String!) { importRemittance(input: { x12: $x12 }) { ... on ImportRemittanceSuccess { matched } } }`,
      { token, variables: { x12 } },
    );
    expect(imported.data!.importRemittance.matched).toBe(1);
    const remitted = await t.execute<{
      remittances: {
        nodes: Array<{
          traceNumber: string;
          claimPayments: Array<{
            patientControlNumber: string;
            lines: Array<{
              procedureCode: string;
              claimLine: { lineNumber: number; revenueCode: string | null } | null;
            }>;
          }>;
        }>;
      };
    }>(
      `{ remittances(first: 3) { nodes { traceNumber claimPayments { patientControlNumber lines { procedureCode claimLine { lineNumber revenueCode } } } } } }`,
      { token },
    );
    expect(remitted.errors).toBeUndefined();
    const payment = remitted.data!.remittances.nodes.find((r) => r.traceNumber === 'EFT-RB-1')!;
    expect(payment.claimPayments.find((c) => c.patientControlNumber === claim.patientControlNumber)!.lines).toEqual([
      { procedureCode: '0120', claimLine: { lineNumber: 1, revenueCode: '0120' } },
      { procedureCode: '80053', claimLine: { lineNumber: 2, revenueCode: '0300' } },
    ]);
    const view = await t.execute<{
      node: { balance: { insuranceCents: number }; secondaryClaims: Array<{ id: string; kind: string }> };
    }>(
      `query($id: ID!) { node(id: $id) { ... on Claim { balance { insuranceCents } secondaryClaims { id kind } } } }`,
      { token, variables: { id: claim.id } },
    );
    expect(view.data!.node.balance.insuranceCents).toBe(0);
    const [secondary] = view.data!.node.secondaryClaims;
    expect(secondary!.kind).toBe('INSTITUTIONAL');

    // The secondary's 2430: SVD03 is left out where the primary paid by revenue code alone, SVD04 carries the code.
    await t.execute(
      `mutation { updatePayer(input: { id: "${w.medicareId}", connectorId: "accepting-clearinghouse" }) { __typename } }`,
      { token },
    );
    const resent = await t.execute<{
      submitClaims: { results: Array<{ submitted: boolean }>; batches: Array<{ content: string }> };
    }>(
      `mutation($ids: [ID!]!) { submitClaims(input: { claimIds: $ids }) { results { submitted } batches { content } } }`,
      { token, variables: { ids: [secondary!.id] } },
    );
    expect(resent.data!.submitClaims.results).toEqual([{ submitted: true }]);
    const secondaryFile = resent.data!.submitClaims.batches[0]!.content;
    // (SVD05 is the units the primary paid: its 835 gave none, which X12 reads as 1.)
    expect(secondaryFile).toMatch(/SVD\*84980\*3000\*\*0120\*1~/);
    const adjudications = parse837(
      secondaryFile,
    ).submissions[0]!.billingProviders[0]!.subscribers[0]!.claims[0]!.lines.map((l) =>
      l.adjudications.map((a) => [a.procedure?.code, a.revenueCode, a.paidCents]),
    );
    expect(adjudications).toEqual([[[undefined, '0120', 300_000]], [['80053', '0300', 6_000]]]);
  });
});
