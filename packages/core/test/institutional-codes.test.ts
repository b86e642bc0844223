import { describe, expect, it } from 'vitest';
import { claimOfEncounter, claimTestSuite, submittedClaim837 } from './claim-837-helpers.ts';
import { M, mutate } from './registration-api.ts';

// The UB-04 codes beyond the diagnoses (from #23): an inpatient encounter takes an admitting diagnosis, reasons for
// visit, ICD-10-PCS procedures, occurrence, value and condition codes, and its 837I gives each kind its own HI in
// the guide's order (the other diagnoses in HIs of 12).

const suite = claimTestSuite('Mercy General');

/** Fourteen diagnoses: the principal one and 13 others, one more than an HI holds. */
const DIAGNOSES = [
  'J18.9',
  'E11.9',
  'I10',
  'E78.5',
  'N18.30',
  'K21.9',
  'F41.1',
  'G47.33',
  'E03.9',
  'D64.9',
  'R53.83',
  'M54.50',
  'J45.909',
  'Z79.4',
];

const CODES = {
  admittingDiagnosis: 'R06.02',
  reasonsForVisit: ['R50.9'],
  principalProcedure: { code: '5A1935Z', date: '2026-10-02' },
  otherProcedures: [
    { code: '0BH17EZ', date: '2026-10-02' },
    { code: 'BW03ZZZ', date: '2026-10-03' },
  ],
  occurrences: [
    { code: '11', date: '2026-09-30' },
    { code: 'A1', date: '2026-10-01' },
  ],
  values: [{ code: '80', amountCents: 300 }],
  conditions: ['09', '39'],
};

const inpatient = (patientId: string, coverageId: string, institutional: Record<string, unknown> = {}) => ({
  practiceId: suite.w.practiceId,
  patientId,
  coverageId,
  dateOfService: '2026-10-02',
  renderingProviderId: suite.w.providerId,
  placeOfService: '21',
  diagnoses: DIAGNOSES,
  institutional: {
    facilityTypeCode: '11',
    attendingProviderId: suite.w.providerId,
    patientStatus: '01',
    admissionDate: '2026-10-02',
    admissionType: '1',
    admissionSource: '7',
    codes: CODES,
    ...institutional,
  },
  serviceLines: [
    {
      revenueCode: '0120',
      units: 3,
      chargeCents: 360_000,
      serviceDate: '2026-10-02',
      serviceDateEnd: '2026-10-04',
      diagnosisPointers: [1],
    },
    { procedureCode: '94003', revenueCode: '0410', chargeCents: 45_000, diagnosisPointers: [1] },
  ],
});

type FieldErrors = { fieldErrors: Array<{ path: string[]; code: string }> };
const errorsOf = (r: Partial<FieldErrors>) => (r.fieldErrors ?? []).map((e) => [e.path.join('.'), e.code]);

describe('institutional codes on an encounter', () => {
  it('refuses malformed codes and too many of a kind, naming the field', async () => {
    const { t, token, w } = suite;
    const p = await w.patient();
    const bad = await mutate<FieldErrors>(
      t,
      token,
      M.createEncounter,
      inpatient(p.id, p.primaryCoverageId, {
        codes: {
          admittingDiagnosis: 'R0602X!',
          reasonsForVisit: ['R50.9', 'R51.9', 'R10.9', 'R11.0'],
          otherProcedures: [{ code: '0BH17E', date: '2026-10-02' }],
          occurrences: [{ code: '111', date: '2999-01-01' }],
          values: [{ code: '8', amountCents: 300 }],
          conditions: Array.from({ length: 25 }, () => '09'),
        },
      }),
    );
    expect(bad.__typename).toBe('ValidationError');
    expect(errorsOf(bad)).toEqual([
      ['input.institutional.admittingDiagnosis', 'INVALID_ICD10'],
      ['input.institutional.reasonsForVisit', 'OUT_OF_RANGE'],
      ['input.institutional.otherProcedures.0.code', 'INVALID_CODE'],
      ['input.institutional.principalProcedure', 'REQUIRED'],
      ['input.institutional.occurrences.0.code', 'INVALID_CODE'],
      ['input.institutional.occurrences.0.date', 'DATE_IN_FUTURE'],
      ['input.institutional.values.0.code', 'INVALID_CODE'],
      ['input.institutional.conditions', 'OUT_OF_RANGE'],
    ]);
  });

  it('takes 3 reasons for visit and 24 conditions; 25 diagnoses on an 837I but 12 on an 837P', async () => {
    const { t, token, w } = suite;
    const p = await w.patient();
    const most = await mutate(
      t,
      token,
      M.createEncounter,
      inpatient(p.id, p.primaryCoverageId, {
        codes: { reasonsForVisit: ['R50.9', 'R51.9', 'R10.9'], conditions: Array.from({ length: 24 }, () => '09') },
      }),
    );
    expect(most.__typename).toBe('EncounterSuccess');
    const codes = (n: number) => Array.from({ length: n }, (_, i) => `S${String(i).padStart(2, '0')}.0`);
    const institutional = (n: number) =>
      mutate<FieldErrors>(t, token, M.createEncounter, {
        ...inpatient(p.id, p.primaryCoverageId),
        diagnoses: codes(n),
      });
    expect((await institutional(25)).__typename).toBe('EncounterSuccess');
    expect(errorsOf(await institutional(26))).toEqual([['input.diagnoses', 'OUT_OF_RANGE']]);
    const { institutional: _, serviceLines: __, ...professional } = inpatient(p.id, p.primaryCoverageId);
    const office = (n: number) =>
      mutate<FieldErrors>(t, token, M.createEncounter, {
        ...professional,
        placeOfService: '11',
        diagnoses: codes(n),
        serviceLines: [{ procedureCode: '99213', chargeCents: 13_500, diagnosisPointers: [1] }],
      });
    expect((await office(12)).__typename).toBe('EncounterSuccess');
    expect(errorsOf(await office(13))).toEqual([['input.diagnoses', 'OUT_OF_RANGE']]);
  });

  it('shows them on the encounter and writes each kind in its own HI, in the guide’s order', async () => {
    const { t, token, w } = suite;
    const p = await w.patient();
    const e = await mutate<{ encounter: { id: string } }>(
      t,
      token,
      M.createEncounter,
      inpatient(p.id, p.primaryCoverageId),
    );
    const shown = await t.execute<{
      node: { institutionalCodes: Array<{ kind: string; sequence: number; code: string; date: string | null }> };
    }>(
      `query($id: ID!) { node(id: $id) { ... on Encounter { institutionalCodes { kind sequence code date amountCents } } } }`,
      { token, variables: { id: e.encounter.id } },
    );
    expect(shown.data!.node.institutionalCodes).toEqual([
      { kind: 'ADMITTING_DIAGNOSIS', sequence: 1, code: 'R0602', date: null, amountCents: null },
      { kind: 'REASON_FOR_VISIT', sequence: 1, code: 'R509', date: null, amountCents: null },
      { kind: 'PRINCIPAL_PROCEDURE', sequence: 1, code: '5A1935Z', date: '2026-10-02', amountCents: null },
      { kind: 'OTHER_PROCEDURE', sequence: 1, code: '0BH17EZ', date: '2026-10-02', amountCents: null },
      { kind: 'OTHER_PROCEDURE', sequence: 2, code: 'BW03ZZZ', date: '2026-10-03', amountCents: null },
      { kind: 'OCCURRENCE', sequence: 1, code: '11', date: '2026-09-30', amountCents: null },
      { kind: 'OCCURRENCE', sequence: 2, code: 'A1', date: '2026-10-01', amountCents: null },
      { kind: 'VALUE', sequence: 1, code: '80', date: null, amountCents: 300 },
      { kind: 'CONDITION', sequence: 1, code: '09', date: null, amountCents: null },
      { kind: 'CONDITION', sequence: 2, code: '39', date: null, amountCents: null },
    ]);

    const { id: claimId } = await claimOfEncounter(t, token, e.encounter.id, p.primaryCoverageId);
    const claim = await submittedClaim837(t, token, claimId);
    const his = claim.healthCareCodes.map((hi) => hi.map((c) => [c.qualifier, c.code, ...c.rest].join(':')));
    const others = DIAGNOSES.slice(1).map((d) => `ABF:${d.replace('.', '')}`);
    expect(his).toEqual([
      ['ABK:J189'],
      ['ABJ:R0602'],
      ['APR:R509'],
      others.slice(0, 12),
      others.slice(12),
      ['BBR:5A1935Z:D8:20261002'],
      ['BBQ:0BH17EZ:D8:20261002', 'BBQ:BW03ZZZ:D8:20261003'],
      ['BH:11:D8:20260930', 'BH:A1:D8:20261001'],
      ['BE:80:::3'],
      ['BG:09', 'BG:39'],
    ]);
  });
});
