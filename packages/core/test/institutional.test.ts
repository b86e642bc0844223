import { createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { parse837 } from '@revcycle/x12';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { M, mutate } from './registration-api.ts';
import { acceptingClearinghouse, remittanceWorld } from './remittance-fixtures.ts';
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
  practiceId: w.practiceId, patientId, coverageId, dateOfService: '2026-10-05', renderingProviderId: w.providerId, placeOfService: '22',
  diagnoses: ['R07.9', 'I10'],
  institutional: { facilityTypeCode: '13', attendingProviderId: w.providerId, patientStatus: '01', admissionType: '1', admissionSource: '1' },
  serviceLines: [
    { procedureCode: '99284', revenueCode: '0450', chargeCents: 85_000, diagnosisPointers: [1] },
    { procedureCode: '93005', revenueCode: '0730', chargeCents: 12_000, diagnosisPointers: [1, 2] },
  ],
  ...overrides,
});

describe('institutional claims (837I)', () => {
  it('checks the institutional fields with typed errors', async () => {
    const p = await w.patient();
    const bad = await mutate<{ fieldErrors: Array<{ path: string[]; code: string }> }>(t, token, M.createEncounter, outpatient(p.id, p.primaryCoverageId, {
      institutional: { facilityTypeCode: '1', attendingProviderId: w.providerId, patientStatus: 'home' },
      serviceLines: [{ procedureCode: '99284', chargeCents: 85_000, diagnosisPointers: [1] }, { procedureCode: '93005', revenueCode: '73', chargeCents: 12_000, diagnosisPointers: [1] }],
    }));
    expect(bad.__typename).toBe('ValidationError');
    expect(bad.fieldErrors!.map((e) => [e.path.join('.'), e.code])).toEqual(expect.arrayContaining([
      ['input.institutional.facilityTypeCode', 'INVALID_CODE'], ['input.institutional.patientStatus', 'INVALID_CODE'],
      ['input.serviceLines.0.revenueCode', 'REQUIRED'], ['input.serviceLines.1.revenueCode', 'INVALID_CODE'],
    ]));
    const inpatient = await mutate<{ fieldErrors: Array<{ path: string[]; code: string }> }>(t, token, M.createEncounter, outpatient(p.id, p.primaryCoverageId, { institutional: { facilityTypeCode: '11', attendingProviderId: w.providerId, patientStatus: '01' } }));
    expect(inpatient.fieldErrors).toEqual([expect.objectContaining({ path: ['input', 'institutional', 'admissionDate'], code: 'REQUIRED' })]);
  });

  it('bills an institutional visit on an 837I, in its own interchange beside the 837P claims', async () => {
    const p = await w.patient();
    const e = await mutate<{ encounter: { id: string } }>(t, token, M.createEncounter, outpatient(p.id, p.primaryCoverageId));
    expect(e.__typename).toBe('EncounterSuccess');
    const created = await t.execute<{ createClaim: { claim: { id: string; kind: string; patientControlNumber: string } } }>(`mutation($input: CreateClaimInput!) { createClaim(input: $input) { ... on ClaimSuccess { claim { id kind patientControlNumber } } } }`, { token, variables: { input: { encounterId: e.encounter.id, coverageId: p.primaryCoverageId } } });
    const claim = created.data!.createClaim.claim;
    expect(claim.kind).toBe('INSTITUTIONAL');
    const professional = await w.submittedClaim(await w.patient());
    void professional;

    const other = await w.patient();
    const pe = await mutate<{ encounter: { id: string } }>(t, token, M.createEncounter, { practiceId: w.practiceId, patientId: other.id, coverageId: other.primaryCoverageId, dateOfService: '2026-10-06', renderingProviderId: w.providerId, diagnoses: ['I10'], serviceLines: [{ procedureCode: '99213', chargeCents: 13_500, diagnosisPointers: [1] }] });
    const pc = await t.execute<{ createClaim: { claim: { id: string } } }>(`mutation($input: CreateClaimInput!) { createClaim(input: $input) { ... on ClaimSuccess { claim { id } } } }`, { token, variables: { input: { encounterId: pe.encounter.id, coverageId: other.primaryCoverageId } } });
    const sent = await t.execute<{ submitClaims: { results: Array<{ submitted: boolean; message: string | null }>; batches: Array<{ format: string; claimCount: number; content: string }> } }>(
      `mutation($ids: [ID!]!) { submitClaims(input: { claimIds: $ids }) { results { submitted message } batches { format claimCount content } } }`, { token, variables: { ids: [claim.id, pc.data!.createClaim.claim.id] } });
    expect(sent.data!.submitClaims.results).toEqual([{ submitted: true, message: null }, { submitted: true, message: null }]);
    expect(sent.data!.submitClaims.batches.map((b) => [b.format, b.claimCount]).sort()).toEqual([['837I', 1], ['837P', 1]]);

    const file = sent.data!.submitClaims.batches.find((b) => b.format === '837I')!.content;
    expect(file).toContain('005010X223A2');
    const [submission] = parse837(file).submissions;
    expect(submission!.kind).toBe('institutional');
    const c = submission!.billingProviders[0]!.subscribers[0]!.claims[0]!;
    expect(c).toMatchObject({ patientControlNumber: claim.patientControlNumber, facilityCode: '13', facilityCodeQualifier: 'A', frequencyCode: '1', totalChargeCents: 97_000, institutionalCodes: { admissionType: '1', admissionSource: '1', patientStatus: '01' } });
    expect(c.dates).toContainEqual({ qualifier: '434', date: '2026-10-05', endDate: '2026-10-05' });
    expect(c.names.map((n) => [n.entityCode, n.id])).toEqual([['71', '1512345673']]);
    expect(c.lines.map((l) => [l.institutional?.revenueCode, l.institutional?.procedure?.code, l.institutional?.chargeCents])).toEqual([['0450', '99284', 85_000], ['0730', '93005', 12_000]]);
  });
});
