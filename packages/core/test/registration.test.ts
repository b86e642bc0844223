import { createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { M, mutate, setUpPractice } from './registration-api.ts';

let t: TestApi;
let token: string;
let ids: Awaited<ReturnType<typeof setUpPractice>>;

beforeAll(async () => {
  t = await createTestApi();
  const org = await t.createOrganization();
  token = await t.token(org.id, ['admin']);
  ids = await setUpPractice(t, token);
});
afterAll(() => t.close());

const CHARGE_MASTER = `code,modifier,amount,effective_date
99214,,195.00,2024-01-01
99214,25,195.00,2024-01-01
83036,,52.00,2024-01-01
36415,,25.00,2024-01-01
J1030,,"18.00",2024-01-01
`;

describe('a vendor registers, codes and prices a visit entirely through GraphQL', () => {
  let patientId: string;
  let coverageIds: string[];

  it('imports the charge master and a payer’s contracted rates from CSV', async () => {
    const master = await mutate<{
      importedRows: number;
      createdEntries: number;
      feeSchedule: {
        isChargeMaster: boolean;
        entries: {
          totalCount: number;
          nodes: Array<{ procedureCode: string; modifier: string | null; amountCents: number }>;
        };
      };
    }>(t, token, M.importFeeSchedule, { practiceId: ids.practiceId, csv: CHARGE_MASTER });
    expect(master.__typename).toBe('ImportFeeScheduleSuccess');
    expect(master).toMatchObject({ importedRows: 5, createdEntries: 5 });
    expect(master.feeSchedule.isChargeMaster).toBe(true);
    expect(master.feeSchedule.entries.nodes.find((e) => e.procedureCode === 'J1030')!.amountCents).toBe(1800);
    const rates = await mutate<{ feeSchedule: { isChargeMaster: boolean; name: string } }>(
      t,
      token,
      M.importFeeSchedule,
      {
        practiceId: ids.practiceId,
        payerId: ids.bcbsId,
        csv: 'code,modifier,amount_cents,effective_date,end_date\n99214,,14400,2024-01-01,2024-12-31\n99214,,15100,2025-01-01,\n',
      },
    );
    expect(rates.feeSchedule).toMatchObject({
      isChargeMaster: false,
      name: 'Blue Cross Blue Shield of Texas contracted rates',
    });
    // Importing the same file again updates, never duplicates.
    const again = await mutate<{ createdEntries: number; updatedEntries: number }>(t, token, M.importFeeSchedule, {
      practiceId: ids.practiceId,
      csv: CHARGE_MASTER.replace('195.00', '199.00'),
    });
    expect(again).toMatchObject({ createdEntries: 0, updatedEntries: 5 });
  });

  it('registers a patient with a parent guarantor and two coverages', async () => {
    const result = await mutate<{
      patient: {
        id: string;
        accountNumber: string;
        timeZone: string;
        guarantor: { relationship: string; firstName: string };
        coverages: Array<{ id: string; priority: string; memberId: string; payer: { name: string } }>;
      };
      possibleDuplicates: unknown[];
    }>(t, token, M.createPatient, {
      practiceId: ids.practiceId,
      externalId: 'ehr-patient-42',
      firstName: 'Emma',
      lastName: 'Nguyen',
      dateOfBirth: '2015-06-30',
      sex: 'FEMALE',
      address: { line1: '2301 S Lamar Blvd', city: 'Denver', state: 'CO', postalCode: '80204' },
      mobilePhone: '(720) 555-0123',
      email: 'tran@example.com',
      preferredChannel: 'SMS',
      guarantor: { relationship: 'PARENT', firstName: 'Tran', lastName: 'Nguyen', phone: '7205550123' },
      coverages: [
        {
          payerId: ids.bcbsId,
          memberId: 'XOD771230045',
          groupNumber: '120045',
          priority: 'SECONDARY',
          subscriberRelationship: 'CHILD',
          subscriber: { firstName: 'Tran', lastName: 'Nguyen', dateOfBirth: '1984-02-02' },
          effectiveDate: '2024-01-01',
        },
        { payerId: ids.medicareId, memberId: '1EG4TE5MK73', priority: 'PRIMARY', effectiveDate: '2023-01-01' },
      ],
    });
    expect(result.__typename).toBe('PatientSuccess');
    expect(result.patient.accountNumber).toMatch(/^A\d{6}$/);
    expect(result.patient.timeZone).toBe('America/Denver');
    expect(result.patient.guarantor).toMatchObject({ relationship: 'PARENT', firstName: 'Tran' });
    expect(result.patient.coverages.map((c) => [c.priority, c.payer.name])).toEqual([
      ['PRIMARY', 'Medicare Part B'],
      ['SECONDARY', 'Blue Cross Blue Shield of Texas'],
    ]);
    expect(result.possibleDuplicates).toEqual([]);
    patientId = result.patient.id;
    coverageIds = result.patient.coverages.map((c) => c.id);

    // The same registration sent again updates the same patient and adds no coverage.
    const again = await mutate<{ patient: { id: string; coverages: unknown[] } }>(t, token, M.createPatient, {
      practiceId: ids.practiceId,
      externalId: 'ehr-patient-42',
      firstName: 'Emma',
      lastName: 'Nguyen',
      dateOfBirth: '2015-06-30',
      sex: 'FEMALE',
      coverages: [
        { payerId: ids.medicareId, memberId: '1EG4TE5MK73', priority: 'PRIMARY', effectiveDate: '2023-01-01' },
      ],
    });
    expect(again.patient.id).toBe(patientId);
    expect(again.patient.coverages).toHaveLength(2);
    expect(await t.db.patient.count()).toBe(1);
  });

  it('records an encounter with three diagnoses and four lines, pricing lines from the charge master', async () => {
    const result = await mutate<{
      encounter: {
        status: string;
        totalChargeCents: number;
        diagnoses: Array<{ code: string; formattedCode: string }>;
        serviceLines: Array<{
          procedureCode: string;
          modifiers: string[];
          units: number;
          chargeCents: number;
          diagnosisPointers: number[];
          ndc: unknown;
        }>;
      };
    }>(t, token, M.createEncounter, {
      practiceId: ids.practiceId,
      patientId,
      externalId: 'visit-9001',
      dateOfService: '2024-03-04',
      renderingProviderId: ids.providerId,
      facilityId: ids.facilityId,
      coverageId: coverageIds[0],
      diagnoses: ['E11.9', 'I10', 'Z79.4'],
      serviceLines: [
        { procedureCode: '99214', modifiers: ['25'], diagnosisPointers: [1, 2] },
        { procedureCode: '83036', diagnosisPointers: [1] },
        { procedureCode: '36415', diagnosisPointers: [1], chargeCents: 3000 },
        {
          procedureCode: 'J1030',
          units: 4,
          diagnosisPointers: [3],
          ndc: { code: '00009-3073-03', quantity: 4, unit: 'ML' },
        },
      ],
    });
    expect(result.__typename).toBe('EncounterSuccess');
    expect(result.encounter.diagnoses).toEqual(
      [
        { code: 'E119', formattedCode: 'E11.9' },
        { code: 'I10', formattedCode: 'I10' },
        { code: 'Z794', formattedCode: 'Z79.4' },
      ].map((d, i) => ({ sequence: i + 1, ...d })),
    );
    expect(
      result.encounter.serviceLines.map((l) => [
        l.procedureCode,
        l.modifiers,
        l.units,
        l.chargeCents,
        l.diagnosisPointers,
      ]),
    ).toEqual([
      ['99214', ['25'], 1, 19500, [1, 2]], // the 99214-25 rate, not the re-imported 99214 one
      ['83036', [], 1, 5200, [1]],
      ['36415', [], 1, 3000, [1]],
      ['J1030', [], 4, 7200, [3]],
    ]);
    expect(result.encounter.serviceLines[3]!.ndc).toEqual({ code: '00009307303', quantity: 4, unit: 'ML' });
    expect(result.encounter.totalChargeCents).toBe(34900);
  });

  it('reads it all back: patient by external id with coverages, guarantor and encounters', async () => {
    const res = await t.execute<{
      patientByExternalId: {
        firstName: string;
        guarantor: { lastName: string };
        coverages: Array<{ priority: string }>;
        encounters: {
          totalCount: number;
          nodes: Array<{
            dateOfService: string;
            coverage: { memberId: string };
            renderingProvider: { lastName: string };
            serviceLines: unknown[];
            diagnoses: unknown[];
          }>;
        };
      };
    }>(
      `{ patientByExternalId(externalId: "ehr-patient-42") { firstName guarantor { lastName } coverages { priority }
         encounters(first: 5) { totalCount nodes { dateOfService coverage { memberId } renderingProvider { lastName } serviceLines { procedureCode } diagnoses { code } } } } }`,
      { token },
    );
    expect(res.errors).toBeUndefined();
    const p = res.data!.patientByExternalId;
    expect(p).toMatchObject({
      firstName: 'Emma',
      guarantor: { lastName: 'Nguyen' },
      coverages: [{ priority: 'PRIMARY' }, { priority: 'SECONDARY' }],
    });
    expect(p.encounters.totalCount).toBe(1);
    expect(p.encounters.nodes[0]).toMatchObject({
      dateOfService: '2024-03-04',
      coverage: { memberId: '1EG4TE5MK73' },
      renderingProvider: { lastName: 'Alvarez' },
    });
    expect(p.encounters.nodes[0]!.serviceLines).toHaveLength(4);
    expect(p.encounters.nodes[0]!.diagnoses).toHaveLength(3);
  });

  it('lets a time zone be overridden and the override cleared (derived from the address again)', async () => {
    const update = `mutation($input: UpdatePatientInput!) { updatePatient(input: $input) { ... on PatientSuccess { patient { timeZone timeZoneOverridden } } } }`;
    const set = await t.execute<{ updatePatient: { patient: { timeZone: string; timeZoneOverridden: boolean } } }>(
      update,
      { token, variables: { input: { id: patientId, timeZone: 'America/Phoenix' } } },
    );
    expect(set.data!.updatePatient.patient).toEqual({ timeZone: 'America/Phoenix', timeZoneOverridden: true });
    const cleared = await t.execute<{ updatePatient: { patient: { timeZone: string; timeZoneOverridden: boolean } } }>(
      update,
      { token, variables: { input: { id: patientId, timeZone: null } } },
    );
    expect(cleared.data!.updatePatient.patient).toEqual({ timeZone: 'America/Denver', timeZoneOverridden: false });
  });

  it('replaces an unbilled encounter sent again with the same external id', async () => {
    const result = await mutate<{ encounter: { serviceLines: unknown[] } }>(t, token, M.createEncounter, {
      practiceId: ids.practiceId,
      patientId,
      externalId: 'visit-9001',
      dateOfService: '2024-03-04',
      renderingProviderId: ids.providerId,
      diagnoses: ['E11.9'],
      serviceLines: [{ procedureCode: '99214', diagnosisPointers: [1] }],
    });
    expect(result.encounter.serviceLines).toHaveLength(1);
    expect(await t.db.encounter.count()).toBe(1);
    expect(await t.db.serviceLine.count()).toBe(1);
  });

  it('keeps exactly one coverage per priority: adding at a taken priority moves the others down, and changes swap', async () => {
    const tertiaryPayer = await mutate<{ payer: { id: string } }>(t, token, M.createPayer, {
      name: 'Aetna',
      payerIdentifier: '60054',
      claimFilingIndicator: 'CI',
    });
    const added = await mutate<{ coverage: { id: string; priority: string } }>(t, token, M.addCoverage, {
      patientId,
      coverage: { payerId: tertiaryPayer.payer.id, memberId: 'W1', priority: 'PRIMARY', effectiveDate: '2024-01-01' },
    });
    expect(added.coverage.priority).toBe('PRIMARY');
    const priorities = async () =>
      (await t.db.coverage.findMany({ where: { active: true }, orderBy: { priority: 'asc' } })).map((c) => [
        c.memberId,
        c.priority,
      ]);
    expect(await priorities()).toEqual([
      ['W1', 'PRIMARY'],
      ['1EG4TE5MK73', 'SECONDARY'],
      ['XOD771230045', 'TERTIARY'],
    ]);

    const fourth = await mutate(t, token, M.addCoverage, {
      patientId,
      coverage: { payerId: tertiaryPayer.payer.id, memberId: 'W2', priority: 'SECONDARY', effectiveDate: '2024-01-01' },
    });
    expect(fourth.__typename).toBe('ValidationError');
    expect(fourth.fieldErrors?.[0]).toMatchObject({
      path: ['input', 'coverage', 'priority'],
      code: 'TOO_MANY_COVERAGES',
    });
    expect(await t.db.coverage.count()).toBe(3);

    await mutate(t, token, M.changeCoveragePriority, { id: coverageIds[1], priority: 'PRIMARY' });
    expect(await priorities()).toEqual([
      ['XOD771230045', 'PRIMARY'],
      ['1EG4TE5MK73', 'SECONDARY'],
      ['W1', 'TERTIARY'],
    ]);

    const ended = await mutate<{ coverage: { active: boolean } }>(t, token, M.updateCoverage, {
      id: added.coverage.id,
      active: false,
      terminationDate: '2024-06-30',
    });
    expect(ended.coverage.active).toBe(false);
    expect(await priorities()).toEqual([
      ['XOD771230045', 'PRIMARY'],
      ['1EG4TE5MK73', 'SECONDARY'],
    ]);
  });

  it('reports a likely duplicate patient (same name, date of birth and member id) without merging it', async () => {
    const dup = await mutate<{ patient: { id: string }; possibleDuplicates: Array<{ id: string }> }>(
      t,
      token,
      M.createPatient,
      {
        practiceId: ids.practiceId,
        firstName: 'EMMA',
        lastName: 'nguyen',
        dateOfBirth: '2015-06-30',
        sex: 'FEMALE',
        coverages: [
          { payerId: ids.medicareId, memberId: '1EG4TE5MK73', priority: 'PRIMARY', effectiveDate: '2023-01-01' },
        ],
      },
    );
    expect(dup.possibleDuplicates.map((p) => p.id)).toEqual([patientId]);
    expect(dup.patient.id).not.toBe(patientId);
    const other = await mutate<{ possibleDuplicates: unknown[] }>(t, token, M.createPatient, {
      practiceId: ids.practiceId,
      firstName: 'Emma',
      lastName: 'Nguyen',
      dateOfBirth: '2015-06-30',
      sex: 'FEMALE',
      coverages: [{ payerId: ids.medicareId, memberId: 'DIFFERENT', priority: 'PRIMARY', effectiveDate: '2023-01-01' }],
    });
    expect(other.possibleDuplicates).toEqual([]);
  });
});

describe('search', () => {
  it('finds patients by name, date of birth, member id and account number; encounters by dates, provider and status', async () => {
    const q = `query($f: PatientFilter) { patients(first: 10, filter: $f) { totalCount nodes { firstName lastName accountNumber } } }`;
    const count = async (f: Record<string, unknown>) =>
      (await t.execute<{ patients: { totalCount: number } }>(q, { token, variables: { f } })).data!.patients.totalCount;
    expect(await count({ name: 'nguy' })).toBe(3);
    expect(await count({ name: 'Nguyen, Emm' })).toBe(3);
    expect(await count({ name: 'Emma Nguyen' })).toBe(3);
    expect(await count({ name: 'Smith' })).toBe(0);
    expect(await count({ dateOfBirth: '2015-06-30' })).toBe(3);
    expect(await count({ memberId: 'XOD771230045' })).toBe(1);
    const first = (
      await t.execute<{ patients: { nodes: Array<{ accountNumber: string }> } }>(q, { token, variables: { f: {} } })
    ).data!.patients.nodes[0]!;
    expect(await count({ accountNumber: first.accountNumber })).toBe(1);

    const e = `query($f: EncounterFilter) { encounters(first: 10, filter: $f) { totalCount } }`;
    const encounters = async (f: Record<string, unknown>) =>
      (await t.execute<{ encounters: { totalCount: number } }>(e, { token, variables: { f } })).data!.encounters
        .totalCount;
    expect(await encounters({ dateFrom: '2024-03-01', dateTo: '2024-03-31' })).toBe(1);
    expect(await encounters({ dateFrom: '2024-04-01' })).toBe(0);
    expect(await encounters({ providerId: ids.providerId, status: 'OPEN' })).toBe(1);
    expect(await encounters({ status: 'BILLED' })).toBe(0);
  });

  it('pages with stable cursors', async () => {
    const q = `query($after: String) { patients(first: 2, after: $after) { pageInfo { hasNextPage endCursor } nodes { id } } }`;
    const page1 = (
      await t.execute<{
        patients: { pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: Array<{ id: string }> };
      }>(q, { token })
    ).data!.patients;
    const page2 = (
      await t.execute<{ patients: { pageInfo: { hasNextPage: boolean }; nodes: Array<{ id: string }> } }>(q, {
        token,
        variables: { after: page1.pageInfo.endCursor },
      })
    ).data!.patients;
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect(page1.nodes).toHaveLength(2);
    expect(page2.nodes).toHaveLength(1);
    expect(page2.nodes[0]!.id).not.toBe(page1.nodes[0]!.id);
  });
});
