import { createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { parse837 } from '@revcycle/x12';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { M, mutate } from './registration-api.ts';
import { acceptingClearinghouse, remittanceWorld } from './remittance-fixtures.ts';
import type { RemittanceWorld } from './remittance-fixtures.ts';

// The product's own 837P written from an encounter at the guide's limits — 12 diagnoses, 4 pointers, 4 modifiers,
// a drug line with its NDC — and read back field for field (from #23). Institutional, dependent, secondary,
// tertiary, replacement and revenue-code-only claims are read back in their own tests.
const DIAGNOSES = [
  'E11.9',
  'I10',
  'E78.5',
  'J45.909',
  'M54.50',
  'K21.9',
  'F41.1',
  'G47.33',
  'N18.30',
  'E03.9',
  'D64.9',
  'R53.83',
];

let t: TestApi;
let token: string;
let w: RemittanceWorld;
beforeAll(async () => {
  t = await createTestApi({ payers: [acceptingClearinghouse] });
  token = await t.token((await t.createOrganization('Corpus Clinic')).id, ['admin']);
  w = await remittanceWorld(t, token);
});
afterAll(() => t.close());

describe('an 837P at the guide’s limits', () => {
  it('reads back as it was coded', async () => {
    const p = await w.patient();
    const e = await mutate<{ encounter: { id: string } }>(t, token, M.createEncounter, {
      practiceId: w.practiceId,
      patientId: p.id,
      coverageId: p.primaryCoverageId,
      dateOfService: '2026-10-05',
      renderingProviderId: w.providerId,
      diagnoses: DIAGNOSES,
      serviceLines: [
        {
          procedureCode: '99215',
          modifiers: ['25', 'GT', '95', 'XE'],
          chargeCents: 24_000,
          diagnosisPointers: [1, 2, 3, 4],
        },
        { procedureCode: '96372', chargeCents: 4_500, diagnosisPointers: [12] },
        {
          procedureCode: 'J1885',
          units: 2,
          chargeCents: 1_840,
          diagnosisPointers: [5, 6],
          ndc: { code: '00409-3795-01', quantity: 2, unit: 'ML' },
        },
      ],
    });
    const created = await t.execute<{ createClaim: { claim: { id: string; patientControlNumber: string } } }>(
      `mutation($input: CreateClaimInput!) { createClaim(input: $input) { ... on ClaimSuccess { claim { id patientControlNumber } } } }`,
      { token, variables: { input: { encounterId: e.encounter.id, coverageId: p.primaryCoverageId } } },
    );
    const claim = created.data!.createClaim.claim;
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
    const read = parse837(sent.data!.submitClaims.batches[0]!.content).submissions[0]!.billingProviders[0]!
      .subscribers[0]!.claims[0]!;
    expect(read.patientControlNumber).toBe(claim.patientControlNumber);
    expect(read.totalChargeCents).toBe(30_340);
    expect(read.healthCareCodes).toEqual([
      DIAGNOSES.map((code, i) => ({ qualifier: i ? 'ABF' : 'ABK', code: code.replace('.', ''), rest: [] })),
    ]);
    expect(
      read.lines.map((l) => [
        l.professional!.procedure.code,
        l.professional!.procedure.modifiers,
        l.professional!.chargeCents,
        l.professional!.unitsMilli,
        l.professional!.diagnosisPointers,
        l.dates,
      ]),
    ).toEqual([
      ['99215', ['25', 'GT', '95', 'XE'], 24_000, 1_000, [1, 2, 3, 4], [{ qualifier: '472', date: '2026-10-05' }]],
      ['96372', [], 4_500, 1_000, [12], [{ qualifier: '472', date: '2026-10-05' }]],
      ['J1885', [], 1_840, 2_000, [5, 6], [{ qualifier: '472', date: '2026-10-05' }]],
    ]);
    expect(read.lines[2]!.drug).toMatchObject({
      qualifier: 'N4',
      ndc: '00409379501',
      quantityMilli: 2_000,
      unit: 'ML',
    });
  });
});
