import { createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { M, mutate, setUpPractice } from './registration-api.ts';
import type { FieldError } from './registration-api.ts';

let t: TestApi;
let token: string;
let ids: Awaited<ReturnType<typeof setUpPractice>>;
let patientId: string;
let coverageId: string;

beforeAll(async () => {
  t = await createTestApi();
  const org = await t.createOrganization();
  token = await t.token(org.id, ['admin']);
  ids = await setUpPractice(t, token);
  const patient = await mutate<{ patient: { id: string; coverages: Array<{ id: string }> } }>(
    t,
    token,
    M.createPatient,
    {
      practiceId: ids.practiceId,
      firstName: 'Luis',
      lastName: 'Ramirez',
      dateOfBirth: '1979-11-02',
      sex: 'MALE',
      coverages: [
        {
          payerId: ids.bcbsId,
          memberId: 'XOD1',
          priority: 'PRIMARY',
          effectiveDate: '2024-01-01',
          terminationDate: '2024-12-31',
        },
      ],
    },
  );
  patientId = patient.patient.id;
  coverageId = patient.patient.coverages[0]!.id;
});
afterAll(() => t.close());

const practice = () => ({
  name: 'X',
  npi: '1324567894',
  taxId: '741234567',
  timeZone: 'America/Chicago',
  address: { line1: '1 A St', city: 'Austin', state: 'TX', postalCode: '78701' },
});
const patient = () => ({
  practiceId: ids.practiceId,
  firstName: 'Ana',
  lastName: 'Lopez',
  dateOfBirth: '1990-01-01',
  sex: 'FEMALE',
});
const encounter = (lines?: unknown[], extra: Record<string, unknown> = {}) => ({
  practiceId: ids.practiceId,
  patientId,
  dateOfService: '2024-03-04',
  renderingProviderId: ids.providerId,
  diagnoses: ['E11.9', 'I10'],
  serviceLines: lines ?? [{ procedureCode: '99214', chargeCents: 19500, diagnosisPointers: [1] }],
  ...extra,
});
const line = (extra: Record<string, unknown>) => ({
  procedureCode: '99214',
  chargeCents: 19500,
  diagnosisPointers: [1],
  ...extra,
});

type Case = [
  name: string,
  doc: string,
  input: () => Record<string, unknown>,
  path: Array<string | number>,
  code: string,
];

const cases: Case[] = [
  [
    'NPI check digit (practice)',
    M.createPractice,
    () => ({ ...practice(), npi: '1324567890' }),
    ['input', 'npi'],
    'INVALID_NPI',
  ],
  [
    'NPI length (provider)',
    M.createProvider,
    () => ({ practiceId: ids.practiceId, firstName: 'A', lastName: 'B', npi: '12345' }),
    ['input', 'npi'],
    'INVALID_NPI',
  ],
  ['tax id', M.createPractice, () => ({ ...practice(), taxId: '12-34' }), ['input', 'taxId'], 'INVALID_TAX_ID'],
  [
    'state',
    M.createPractice,
    () => ({ ...practice(), address: { ...practice().address, state: 'Texas' } }),
    ['input', 'address', 'state'],
    'INVALID_STATE',
  ],
  [
    'state code that is no state',
    M.createPractice,
    () => ({ ...practice(), address: { ...practice().address, state: 'XX' } }),
    ['input', 'address', 'state'],
    'INVALID_STATE',
  ],
  [
    'postal code',
    M.createPractice,
    () => ({ ...practice(), address: { ...practice().address, postalCode: '7870' } }),
    ['input', 'address', 'postalCode'],
    'INVALID_POSTAL_CODE',
  ],
  [
    'time zone',
    M.createPractice,
    () => ({ ...practice(), timeZone: 'Central' }),
    ['input', 'timeZone'],
    'INVALID_TIME_ZONE',
  ],
  [
    'claim filing indicator',
    M.createPayer,
    () => ({ name: 'P', payerIdentifier: '1', claimFilingIndicator: 'COMMERCIAL' }),
    ['input', 'claimFilingIndicator'],
    'INVALID_CODE',
  ],
  [
    'timely filing days > 0',
    M.createPayer,
    () => ({ name: 'P', payerIdentifier: '1', claimFilingIndicator: 'CI', timelyFilingDays: 0 }),
    ['input', 'timelyFilingDays'],
    'OUT_OF_RANGE',
  ],
  [
    'unknown payer connector',
    M.createPayer,
    () => ({ name: 'P', payerIdentifier: '1', claimFilingIndicator: 'CI', connectorId: 'nope' }),
    ['input', 'connectorId'],
    'UNKNOWN_CONNECTOR',
  ],
  [
    'facility place of service',
    M.createFacility,
    () => ({ practiceId: ids.practiceId, name: 'F', placeOfService: '06', address: practice().address }),
    ['input', 'placeOfService'],
    'INVALID_PLACE_OF_SERVICE',
  ],
  [
    'birth date in the future',
    M.createPatient,
    () => ({ ...patient(), dateOfBirth: '2999-01-01' }),
    ['input', 'dateOfBirth'],
    'DATE_IN_FUTURE',
  ],
  ['email', M.createPatient, () => ({ ...patient(), email: 'ana-at-example' }), ['input', 'email'], 'INVALID_EMAIL'],
  [
    'phone',
    M.createPatient,
    () => ({ ...patient(), mobilePhone: '555-0123' }),
    ['input', 'mobilePhone'],
    'INVALID_PHONE',
  ],
  [
    'guarantor needs a name',
    M.createPatient,
    () => ({ ...patient(), guarantor: { relationship: 'PARENT' } }),
    ['input', 'guarantor', 'firstName'],
    'REQUIRED',
  ],
  [
    'coverage ends before it starts',
    M.createPatient,
    () => ({
      ...patient(),
      coverages: [
        {
          payerId: ids.bcbsId,
          memberId: 'M',
          priority: 'PRIMARY',
          effectiveDate: '2024-05-01',
          terminationDate: '2024-04-01',
        },
      ],
    }),
    ['input', 'coverages', 0, 'terminationDate'],
    'DATE_BEFORE_EFFECTIVE',
  ],
  [
    'dependent coverage needs the subscriber',
    M.createPatient,
    () => ({
      ...patient(),
      coverages: [
        {
          payerId: ids.bcbsId,
          memberId: 'M',
          priority: 'PRIMARY',
          effectiveDate: '2024-01-01',
          subscriberRelationship: 'CHILD',
        },
      ],
    }),
    ['input', 'coverages', 0, 'subscriber'],
    'REQUIRED',
  ],
  [
    'ICD-10-CM shape',
    M.createEncounter,
    () => encounter(undefined, { diagnoses: ['E11.9', '250.00'] }),
    ['input', 'diagnoses', 1],
    'INVALID_ICD10',
  ],
  [
    'at most 12 diagnoses',
    M.createEncounter,
    () =>
      encounter(undefined, {
        diagnoses: ['A00', 'A01', 'A02', 'A03', 'A04', 'A05', 'A06', 'A07', 'A08', 'A09', 'B00', 'B01', 'B02'],
      }),
    ['input', 'diagnoses'],
    'OUT_OF_RANGE',
  ],
  [
    'CPT shape',
    M.createEncounter,
    () => encounter([line({ procedureCode: '9921' })]),
    ['input', 'serviceLines', 0, 'procedureCode'],
    'INVALID_PROCEDURE_CODE',
  ],
  [
    'HCPCS shape',
    M.createEncounter,
    () => encounter([line({ procedureCode: 'JJ030' })]),
    ['input', 'serviceLines', 0, 'procedureCode'],
    'INVALID_PROCEDURE_CODE',
  ],
  [
    'modifier shape',
    M.createEncounter,
    () => encounter([line({ modifiers: ['25', 'X'] })]),
    ['input', 'serviceLines', 0, 'modifiers', 1],
    'INVALID_MODIFIER',
  ],
  [
    'at most 4 modifiers',
    M.createEncounter,
    () => encounter([line({ modifiers: ['25', '59', 'LT', 'RT', 'XS'] })]),
    ['input', 'serviceLines', 0, 'modifiers'],
    'OUT_OF_RANGE',
  ],
  [
    'place of service (CMS list)',
    M.createEncounter,
    () => encounter(undefined, { placeOfService: '30' }),
    ['input', 'placeOfService'],
    'INVALID_PLACE_OF_SERVICE',
  ],
  [
    'service before birth',
    M.createEncounter,
    () => encounter(undefined, { dateOfService: '1970-01-01' }),
    ['input', 'dateOfService'],
    'BEFORE_BIRTH',
  ],
  [
    'service in the future',
    M.createEncounter,
    () => encounter(undefined, { dateOfService: '2999-01-01' }),
    ['input', 'dateOfService'],
    'DATE_IN_FUTURE',
  ],
  [
    'units > 0',
    M.createEncounter,
    () => encounter([line({ units: 0 })]),
    ['input', 'serviceLines', 0, 'units'],
    'OUT_OF_RANGE',
  ],
  [
    'units with at most 3 decimals',
    M.createEncounter,
    () => encounter([line({ units: 1.2345 })]),
    ['input', 'serviceLines', 0, 'units'],
    'OUT_OF_RANGE',
  ],
  [
    'charge ≥ 0',
    M.createEncounter,
    () => encounter([line({ chargeCents: -1 })]),
    ['input', 'serviceLines', 0, 'chargeCents'],
    'OUT_OF_RANGE',
  ],
  [
    'no charge and none in the charge master',
    M.createEncounter,
    () => encounter([line({ procedureCode: '99499', chargeCents: undefined })]),
    ['input', 'serviceLines', 0, 'chargeCents'],
    'NO_CHARGE',
  ],
  [
    'diagnosis pointer in range',
    M.createEncounter,
    () => encounter([line({ diagnosisPointers: [1, 3] })]),
    ['input', 'serviceLines', 0, 'diagnosisPointers', 1],
    'POINTER_OUT_OF_RANGE',
  ],
  [
    '1 to 4 diagnosis pointers',
    M.createEncounter,
    () => encounter([line({ diagnosisPointers: [] })]),
    ['input', 'serviceLines', 0, 'diagnosisPointers'],
    'OUT_OF_RANGE',
  ],
  [
    'NDC shape',
    M.createEncounter,
    () => encounter([line({ ndc: { code: '123', quantity: 1, unit: 'ML' } })]),
    ['input', 'serviceLines', 0, 'ndc', 'code'],
    'INVALID_NDC',
  ],
  [
    'NDC unit',
    M.createEncounter,
    () => encounter([line({ ndc: { code: '00009307303', quantity: 1, unit: 'CC' } })]),
    ['input', 'serviceLines', 0, 'ndc', 'unit'],
    'INVALID_CODE',
  ],
  [
    'coverage dates cover the date of service',
    M.createEncounter,
    () => encounter(undefined, { dateOfService: '2023-06-01', coverageId }),
    ['input', 'coverageId'],
    'COVERAGE_NOT_IN_EFFECT',
  ],
  [
    'fee schedule row code',
    M.importFeeSchedule,
    () => ({ practiceId: ids.practiceId, csv: 'code,amount\n99213,100\n9921,100\n' }),
    ['input', 'csv', '3', 'code'],
    'INVALID_PROCEDURE_CODE',
  ],
  [
    'fee schedule row amount',
    M.importFeeSchedule,
    () => ({ practiceId: ids.practiceId, csv: 'code,amount\n99213,12.345\n' }),
    ['input', 'csv', '2', 'amount'],
    'INVALID_AMOUNT',
  ],
  [
    'fee schedule row date',
    M.importFeeSchedule,
    () => ({ practiceId: ids.practiceId, csv: 'code,amount,effective_date\n99213,100,2024-02-30\n' }),
    ['input', 'csv', '2', 'effective_date'],
    'INVALID_DATE',
  ],
  [
    'fee schedule header',
    M.importFeeSchedule,
    () => ({ practiceId: ids.practiceId, csv: 'cpt,price\n99213,100\n' }),
    ['input', 'csv', '1'],
    'MISSING_COLUMNS',
  ],
];

describe('every validation rule names the field and the reason', () => {
  it.each(cases)('%s', async (_name, doc, input, path, code) => {
    const before = {
      patients: await t.db.patient.count(),
      encounters: await t.db.encounter.count(),
      entries: await t.db.feeScheduleEntry.count(),
      practices: await t.db.practice.count(),
    };
    const payload = await mutate(t, token, doc, input());
    expect(payload.__typename).toBe('ValidationError');
    expect(payload.fieldErrors).toContainEqual(expect.objectContaining({ path: path.map(String), code }));
    const error = payload.fieldErrors!.find((e: FieldError) => e.code === code)!;
    expect(error.message.length).toBeGreaterThan(10);
    // Nothing was written.
    expect({
      patients: await t.db.patient.count(),
      encounters: await t.db.encounter.count(),
      entries: await t.db.feeScheduleEntry.count(),
      practices: await t.db.practice.count(),
    }).toEqual(before);
  });

  it('needs an effective date on every contracted rate, not on a charge master’s', async () => {
    const contracted = await mutate(t, token, M.importFeeSchedule, {
      practiceId: ids.practiceId,
      payerId: ids.bcbsId,
      csv: 'code,amount,effective_date\n99213,100,2026-01-01\n99214,140,\n',
    });
    expect(contracted.fieldErrors!.map((e) => [e.path.slice(2).join(':'), e.code, e.message])).toEqual([
      [
        '3:effective_date',
        'MISSING_EFFECTIVE_DATE',
        'line 3, effective_date: a contracted rate needs the date the contract takes effect',
      ],
    ]);
    expect(await t.db.feeScheduleEntry.count()).toBe(0);
    const master = await mutate(t, token, M.importFeeSchedule, {
      practiceId: ids.practiceId,
      csv: 'code,amount\n99214,140\n',
    });
    expect(master.__typename).toBe('ImportFeeScheduleSuccess');
    await t.db.feeScheduleEntry.deleteMany({});
  });

  it('lists every bad row of a fee schedule and imports none of the good ones', async () => {
    const payload = await mutate(t, token, M.importFeeSchedule, {
      practiceId: ids.practiceId,
      csv: 'code,modifier,amount\n99213,,100\nXX,,100\n99214,ABC,100\n99215,,-5\n99213,,100\n',
    });
    expect(payload.fieldErrors!.map((e) => [e.path.slice(2).join(':'), e.code])).toEqual([
      ['3:code', 'INVALID_PROCEDURE_CODE'],
      ['4:modifier', 'INVALID_MODIFIER'],
      ['5:amount', 'INVALID_AMOUNT'],
      ['6:code', 'DUPLICATE_ROW'],
    ]);
    expect(payload.fieldErrors![0]!.message).toBe('line 3, code: "XX" is not a CPT or HCPCS Level II code');
    expect(await t.db.feeScheduleEntry.count()).toBe(0);
  });

  it('refuses fractional cents at the GraphQL boundary', async () => {
    const res = await t.execute(M.createEncounter, {
      token,
      variables: { input: encounter([line({ chargeCents: 12.5 })]) },
    });
    expect(res.errors?.[0]?.message).toContain('Cents must be a whole number of cents');
  });

  it('says which service line a pointer error is on, in words a biller reads', async () => {
    const payload = await mutate(t, token, M.createEncounter, encounter([line({}), line({ diagnosisPointers: [3] })]));
    expect(payload.fieldErrors![0]!.message).toBe(
      'Service line 2: diagnosis pointer 3 points past the 2 diagnoses on this encounter',
    );
  });
});
