import { createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { M, mutate, setUpPractice } from './registration-api.ts';

let t: TestApi;
let orgA: { id: string };
let ids: Awaited<ReturnType<typeof setUpPractice>>;
let patientId: string;

beforeAll(async () => {
  t = await createTestApi();
  orgA = await t.createOrganization('A');
  const admin = await t.token(orgA.id, ['admin']);
  ids = await setUpPractice(t, admin);
  patientId = (
    await mutate<{ patient: { id: string } }>(t, admin, M.createPatient, {
      practiceId: ids.practiceId,
      firstName: 'A',
      lastName: 'B',
      dateOfBirth: '1980-01-01',
      sex: 'MALE',
    })
  ).patient.id;
});
afterAll(() => t.close());

const visit = () => ({
  practiceId: ids.practiceId,
  patientId,
  dateOfService: '2024-03-04',
  renderingProviderId: ids.providerId,
  diagnoses: ['I10'],
  serviceLines: [{ procedureCode: '99213', chargeCents: 13500, diagnosisPointers: [1] }],
});

describe('roles on registration and coding', () => {
  it.each([
    ['coder', 'createEncounter', true],
    ['frontdesk', 'createEncounter', false],
    ['frontdesk', 'createPatient', true],
    ['coder', 'createPatient', false],
    ['biller', 'importFeeSchedule', true],
    ['auditor', 'importFeeSchedule', false],
    ['collector', 'createPayer', false],
  ] as const)('%s → %s allowed: %s', async (role, operation, allowed) => {
    const token = await t.token(orgA.id, [role]);
    const inputs = {
      createEncounter: visit(),
      createPatient: {
        practiceId: ids.practiceId,
        firstName: 'C',
        lastName: `D${role}`,
        dateOfBirth: '1980-01-01',
        sex: 'FEMALE',
      },
      importFeeSchedule: { practiceId: ids.practiceId, csv: 'code,amount\n99213,135\n' },
      createPayer: { name: 'X', payerIdentifier: 'X', claimFilingIndicator: 'CI' },
    };
    const res = await t.execute<Record<string, { __typename: string }>>(M[operation], {
      token,
      variables: { input: inputs[operation] },
    });
    if (allowed) expect(res.data?.[operation]?.__typename).toMatch(/Success$/);
    else expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('another organization', () => {
  it('cannot code a visit for this organization’s patient, nor find it by external id', async () => {
    const orgB = await t.createOrganization('B');
    const adminB = await t.token(orgB.id, ['admin']);
    const payload = await mutate(t, adminB, M.createEncounter, visit());
    expect(payload.__typename).toBe('NotFoundError');
    const lookup = await t.execute<{ practiceByExternalId: unknown }>(
      '{ practiceByExternalId(externalId: "ehr-practice-1") { id } }',
      { token: adminB },
    );
    expect(lookup.data?.practiceByExternalId).toBeNull();
  });
});
