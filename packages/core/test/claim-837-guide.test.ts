import { createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { parse837 } from '@revcycle/x12';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { M, mutate } from './registration-api.ts';
import { acceptingClearinghouse, remittanceWorld } from './remittance-fixtures.ts';
import type { RemittanceWorld } from './remittance-fixtures.ts';

// The product's 837s follow the guides where the data varies (from #23): the scrubber reports what the writer
// would refuse, with the field to fix, before anything is sent; a dependent's subscriber carries no DMG.
const SCRUB = `mutation($id: ID!) { scrubClaim(input: { claimId: $id }) { ... on ScrubClaimSuccess { passed findings { ruleId severity path message } } } }`;
const SUBMIT = `mutation($ids: [ID!]!) { submitClaims(input: { claimIds: $ids }) { results { submitted message } batches { content } } }`;
const CREATE_CLAIM = `mutation($input: CreateClaimInput!) { createClaim(input: $input) { ... on ClaimSuccess { claim { id } } } }`;

let t: TestApi;
let token: string;
let w: RemittanceWorld;
beforeAll(async () => {
  t = await createTestApi({ payers: [acceptingClearinghouse] });
  token = await t.token((await t.createOrganization('Guide Clinic')).id, ['admin']);
  w = await remittanceWorld(t, token);
});
afterAll(() => t.close());

async function claimFor(patient: { id: string; primaryCoverageId: string }, extra: Record<string, unknown> = {}) {
  const e = await mutate<{ encounter: { id: string } }>(t, token, M.createEncounter, {
    practiceId: w.practiceId,
    patientId: patient.id,
    coverageId: patient.primaryCoverageId,
    dateOfService: '2026-10-05',
    renderingProviderId: w.providerId,
    diagnoses: ['I10'],
    serviceLines: [{ procedureCode: '99213', chargeCents: 13_500, diagnosisPointers: [1] }],
    ...extra,
  });
  const c = await t.execute<{ createClaim: { claim: { id: string } } }>(CREATE_CLAIM, {
    token,
    variables: { input: { encounterId: e.encounter.id, coverageId: patient.primaryCoverageId } },
  });
  return c.data!.createClaim.claim.id;
}
const scrub = async (claimId: string) =>
  (
    await t.execute<{
      scrubClaim: { passed: boolean; findings: Array<{ ruleId: string; path: string[]; message: string }> };
    }>(SCRUB, { token, variables: { id: claimId } })
  ).data!.scrubClaim;

describe('the scrubber, before an 837 is written', () => {
  it('names a separator in a patient’s name and an address too long for its element', async () => {
    const p = await w.patient({ lastName: 'Ramirez*Lopez' });
    await t.execute(`mutation($input: UpdatePatientInput!) { updatePatient(input: $input) { __typename } }`, {
      token,
      variables: {
        input: { id: p.id, address: { line1: 'A'.repeat(56), city: 'Austin', state: 'TX', postalCode: '78704' } },
      },
    });
    const result = await scrub(await claimFor(p));
    expect(result.passed).toBe(false);
    expect(result.findings.filter((f) => f.ruleId === 'X12_TEXT').map((f) => f.path)).toEqual([
      ['patient', 'lastName'],
      ['patient', 'address', 'line1'],
    ]);
  });

  it('passes a name with diacritics (written without them) and an address of exactly 55 characters', async () => {
    const p = await w.patient({ lastName: 'Muñoz' });
    await t.execute(`mutation($input: UpdatePatientInput!) { updatePatient(input: $input) { __typename } }`, {
      token,
      variables: {
        input: { id: p.id, address: { line1: 'A'.repeat(55), city: 'Austin', state: 'TX', postalCode: '78704' } },
      },
    });
    const claimId = await claimFor(p);
    expect((await scrub(claimId)).findings.filter((f) => f.ruleId === 'X12_TEXT')).toEqual([]);
    const sent = await t.execute<{ submitClaims: { batches: Array<{ content: string }> } }>(SUBMIT, {
      token,
      variables: { ids: [claimId] },
    });
    const subscriber = parse837(sent.data!.submitClaims.batches[0]!.content).submissions[0]!.billingProviders[0]!
      .subscribers[0]!.subscriber;
    expect(subscriber.name).toBe('MUNOZ');
  });
});

describe('the billing provider’s and service facility’s ZIP', () => {
  const UPDATE_PRACTICE = `mutation($input: UpdatePracticeInput!) { updatePractice(input: $input) { __typename } }`;
  const practiceAddress = (postalCode: string) => ({
    id: w.practiceId,
    address: { line1: '1200 Barton Springs Rd', city: 'Austin', state: 'TX', postalCode },
  });
  const zipFindings = async (claimId: string) =>
    (await scrub(claimId)).findings.filter((f) => f.ruleId === 'NINE_DIGIT_ZIP').map((f) => f.path.join('.'));

  it('needs nine digits: five are refused before the 837 is written, with the field to fix', async () => {
    const facility = await mutate<{ facility: { id: string } }>(t, token, M.createFacility, {
      practiceId: w.practiceId,
      name: 'Riverbend Infusion Center',
      placeOfService: '11',
      address: { line1: '900 W 5th St', city: 'Austin', state: 'TX', postalCode: '78703' },
    });
    const p = await w.patient();
    expect(await zipFindings(await claimFor(p))).toEqual([]);
    expect(await zipFindings(await claimFor(p, { facilityId: facility.facility.id }))).toEqual([
      'encounter.facility.address.postalCode',
    ]);
    await t.execute(UPDATE_PRACTICE, { token, variables: { input: practiceAddress('78704') } });
    try {
      const claimId = await claimFor(await w.patient());
      expect(await zipFindings(claimId)).toEqual(['practice.address.postalCode']);
      const sent = await t.execute<{ submitClaims: { results: Array<{ submitted: boolean }> } }>(SUBMIT, {
        token,
        variables: { ids: [claimId] },
      });
      expect(sent.data!.submitClaims.results).toEqual([expect.objectContaining({ submitted: false })]);
    } finally {
      await t.execute(UPDATE_PRACTICE, { token, variables: { input: practiceAddress('78704-1521') } });
    }
  });
});

describe('a dependent’s claim', () => {
  it('carries the patient’s DMG and none for the subscriber', async () => {
    const p = await mutate<{ patient: { id: string; coverages: Array<{ id: string }> } }>(t, token, M.createPatient, {
      practiceId: w.practiceId,
      firstName: 'Emma',
      lastName: 'Nguyen',
      dateOfBirth: '2015-06-30',
      sex: 'FEMALE',
      address: { line1: '2301 S Lamar Blvd', city: 'Austin', state: 'TX', postalCode: '78704' },
      coverages: [
        {
          payerId: w.bcbsId,
          memberId: 'XOD771239999',
          priority: 'PRIMARY',
          effectiveDate: '2020-01-01',
          subscriberRelationship: 'CHILD',
          subscriber: { firstName: 'Tran', lastName: 'Nguyen', dateOfBirth: '1984-02-11' },
        },
      ],
    });
    const claimId = await claimFor({ id: p.patient.id, primaryCoverageId: p.patient.coverages[0]!.id });
    const sent = await t.execute<{
      submitClaims: { results: Array<{ submitted: boolean }>; batches: Array<{ content: string }> };
    }>(SUBMIT, { token, variables: { ids: [claimId] } });
    expect(sent.data!.submitClaims.results).toEqual([expect.objectContaining({ submitted: true })]);
    const loop = parse837(sent.data!.submitClaims.batches[0]!.content).submissions[0]!.billingProviders[0]!
      .subscribers[0]!;
    expect(loop.subscriber.demographics).toBeUndefined();
    expect(loop.patients[0]!.patient.demographics).toEqual({ dateOfBirth: '2015-06-30', sex: 'F' });
  });
});

describe('a claim the writer refuses after its scrub rule was disabled', () => {
  it('is left out with X12_REFUSED naming the element, and the other claims of the file go out', async () => {
    const disabled = await createTestApi({
      payers: [acceptingClearinghouse],
      scrub: { disabled: () => ['X12_TEXT'] },
    });
    try {
      const adminToken = await disabled.token((await disabled.createOrganization('Lenient Clinic')).id, ['admin']);
      const world = await remittanceWorld(disabled, adminToken);
      const claimOf = async (patient: { id: string; primaryCoverageId: string }) => {
        const e = await mutate<{ encounter: { id: string } }>(disabled, adminToken, M.createEncounter, {
          practiceId: world.practiceId,
          patientId: patient.id,
          coverageId: patient.primaryCoverageId,
          dateOfService: '2026-10-05',
          renderingProviderId: world.providerId,
          diagnoses: ['I10'],
          serviceLines: [{ procedureCode: '99213', chargeCents: 13_500, diagnosisPointers: [1] }],
        });
        const c = await disabled.execute<{ createClaim: { claim: { id: string } } }>(CREATE_CLAIM, {
          token: adminToken,
          variables: { input: { encounterId: e.encounter.id, coverageId: patient.primaryCoverageId } },
        });
        return c.data!.createClaim.claim.id;
      };
      const bad = await claimOf(await world.patient({ lastName: 'Ramirez*Lopez' }));
      const good = await claimOf(await world.patient());
      const sent = await disabled.execute<{
        submitClaims: {
          results: Array<{ submitted: boolean; errorCode: string | null; message: string | null }>;
          batches: Array<{ claimCount: number }>;
        };
      }>(
        `mutation($ids: [ID!]!) { submitClaims(input: { claimIds: $ids }) { results { submitted errorCode message } batches { claimCount } } }`,
        { token: adminToken, variables: { ids: [bad, good] } },
      );
      const { results, batches } = sent.data!.submitClaims;
      expect(results).toEqual([
        { submitted: false, errorCode: 'X12_REFUSED', message: expect.stringMatching(/^claim \w+: NM103: /) },
        { submitted: true, errorCode: null, message: null },
      ]);
      expect(batches.map((b) => b.claimCount)).toEqual([1]);
    } finally {
      await disabled.close();
    }
  });
});
