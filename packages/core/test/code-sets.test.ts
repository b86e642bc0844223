import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestServer, subscribeOverSse } from '@revcycle/testkit';
import { describe, expect, it } from 'vitest';
import { claimOfEncounter, claimTestSuite } from './claim-837-helpers.ts';
import { M, mutate } from './registration-api.ts';
import { databaseProviderOf } from '../src/db/prisma-client.ts';

// Code sets loaded from the publishers' own file layouts, and the scrub edits they drive (from #24): codes not
// valid on the date of service, ICD-10-CM headers, NCCI PTP pairs, MUE units, two E/M visits a day. Claims coded
// before the sets were loaded are caught by the scrubber; visits coded after, at the encounter.

const FIXTURES = join(import.meta.dirname, 'fixtures', 'code-sets');
const file = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

const IMPORT = `mutation($input: ImportCodeSetInput!) { importCodeSet(input: $input) { __typename
  ... on ImportCodeSetSuccess { alreadyImported release { system version rowCount } }
  ... on ValidationError { fieldErrors { path code message } } ... on Error { message } } }`;
const SCRUB = `mutation($id: ID!) { scrubClaim(input: { claimId: $id }) { ... on ScrubClaimSuccess { passed findings { ruleId severity path message } } } }`;

const RELEASES = [
  { system: 'ICD10CM', version: '2025', effectiveDate: '2024-10-01', file: 'icd10cm_order_2025.txt' },
  { system: 'ICD10CM', version: '2026', effectiveDate: '2025-10-01', file: 'icd10cm_order_2026.txt' },
  { system: 'CPT', version: '2026-vendor', effectiveDate: '2020-01-01', file: 'cpt_vendor_2026.csv' },
  { system: 'HCPCS', version: '2026', effectiveDate: '2020-01-01', file: 'HCPC2026_JAN_ANWEB.txt' },
  { system: 'NCCI_PTP_PRACTITIONER', version: '2026Q1', effectiveDate: '2020-01-01', file: 'ccipra-v321r0-f1.txt' },
  { system: 'MUE_PRACTITIONER', version: '2026Q1', effectiveDate: '2020-01-01', file: 'mue_practitioner_2026q1.csv' },
  { system: 'MCE', version: '2026', effectiveDate: '2025-10-01', file: 'mce_2026.csv' },
  { system: 'ADD_ON', version: '2026Q1', effectiveDate: '2020-01-01', file: 'add_on_codes_2026q1.csv' },
];

/** The SQL statements sent while `statements` is an array (to count a scrub's code-set lookups). */
let statements: string[] | null = null;
const suite = claimTestSuite('Code Set Clinic', { onQuery: (sql) => statements?.push(sql) });

type Line = { procedureCode: string; units?: number; modifiers?: string[] };
type Finding = { ruleId: string; severity: string; path: string[]; message: string };

type Patient = { sex?: 'MALE' | 'FEMALE'; dateOfBirth?: string };

async function visit(diagnoses: string[], lines: Line[], dateOfService = '2026-10-05', patient: Patient = {}) {
  const { t, token, w } = suite;
  const p = await w.patient(patient);
  const e = await mutate<{
    encounter: { id: string };
    fieldErrors?: Array<{ path: string[]; code: string; message: string }>;
  }>(t, token, M.createEncounter, {
    practiceId: w.practiceId,
    patientId: p.id,
    coverageId: p.primaryCoverageId,
    dateOfService,
    renderingProviderId: w.providerId,
    diagnoses,
    serviceLines: lines.map((l) => ({ chargeCents: 5_000, diagnosisPointers: [1], ...l })),
  });
  return { e, p };
}

async function scrubbed(diagnoses: string[], lines: Line[], dateOfService = '2026-10-05', patient: Patient = {}) {
  const { t, token } = suite;
  const { e, p } = await visit(diagnoses, lines, dateOfService, patient);
  expect(e.__typename).toBe('EncounterSuccess');
  const claim = await claimOfEncounter(t, token, e.encounter.id, p.primaryCoverageId);
  const result = await t.execute<{ scrubClaim: { passed: boolean; findings: Finding[] } }>(SCRUB, {
    token,
    variables: { id: claim.id },
  });
  return result.data!.scrubClaim.findings;
}
const of = (findings: Finding[], ...rules: string[]) =>
  findings.filter((f) => rules.includes(f.ruleId)).map((f) => [f.ruleId, f.path.join('.')]);

let codedBeforeLoading: { id: string };

describe('before any code set is loaded', () => {
  it('warns once per claim that the edits did not run, and lets the visit be coded', async () => {
    const { t, token } = suite;
    const { e, p } = await visit(['Q99.9X'], [{ procedureCode: '99213', modifiers: ['25', 'XY'] }], '2025-09-30');
    expect(e.__typename).toBe('EncounterSuccess');
    codedBeforeLoading = await claimOfEncounter(t, token, e.encounter.id, p.primaryCoverageId);
    const findings = await scrubbed(['I10'], [{ procedureCode: '99213' }]);
    const missing = findings.filter((f) => f.ruleId === 'CODE_SET_MISSING');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ severity: 'WARNING' });
    expect(missing[0]!.message).toContain(
      'ICD-10-CM, CPT, NCCI PTP (practitioner), MUE (practitioner), Medicare Code Editor, CMS add-on code edits',
    );
  });
});

describe('importing releases', () => {
  it('reads each publisher’s layout; the same file again writes nothing, another file under its version is refused', async () => {
    const { t, token } = suite;
    for (const r of RELEASES) {
      const res = await t.execute<{ importCodeSet: { alreadyImported: boolean; release: { rowCount: number } } }>(
        IMPORT,
        {
          token,
          variables: {
            input: { system: r.system, version: r.version, effectiveDate: r.effectiveDate, content: file(r.file) },
          },
        },
      );
      expect(res.data!.importCodeSet).toMatchObject({ alreadyImported: false });
    }
    const again = await t.execute<{ importCodeSet: { alreadyImported: boolean; release: { rowCount: number } } }>(
      IMPORT,
      {
        token,
        variables: {
          input: {
            system: 'ICD10CM',
            version: '2026',
            effectiveDate: '2025-10-01',
            content: file('icd10cm_order_2026.txt'),
          },
        },
      },
    );
    expect(again.data!.importCodeSet).toEqual({
      __typename: 'ImportCodeSetSuccess',
      alreadyImported: true,
      release: { system: 'ICD10CM', version: '2026', rowCount: 8 },
    });
    const other = await t.execute<{ importCodeSet: { __typename: string } }>(IMPORT, {
      token,
      variables: {
        input: {
          system: 'ICD10CM',
          version: '2026',
          effectiveDate: '2025-10-01',
          content: file('icd10cm_order_2025.txt'),
        },
      },
    });
    expect(other.data!.importCodeSet.__typename).toBe('ConflictError');
  });

  it('tells a subscriber its progress every 1 000 rows, the last event with every row', async () => {
    const { t, token } = suite;
    const server = await startTestServer(t.api);
    const progress = subscribeOverSse<{ codeSetImportProgress: { rows: number } }>(
      server.httpUrl,
      token,
      'subscription { codeSetImportProgress(progressKey: "custom-2500") { rows } }',
    );
    await progress.ready;
    const codes = Array.from({ length: 2_500 }, (_, i) => `Z${String(i).padStart(4, '0')},Local code ${i}`);
    const res = await t.execute<{ importCodeSet: { release: { rowCount: number } } }>(IMPORT, {
      token,
      variables: {
        input: {
          system: 'CUSTOM',
          version: 'local-2500',
          effectiveDate: '2026-01-01',
          content: `code,description\n${codes.join('\n')}\n`,
          progressKey: 'custom-2500',
        },
      },
    });
    expect(res.data!.importCodeSet.release.rowCount).toBe(2_500);
    const events = [];
    for (let i = 0; i < 3; i++) events.push((await progress.next(10_000)).data?.codeSetImportProgress.rows);
    expect(events).toEqual([1_000, 2_000, 2_500]);
    progress.close();
    await server.close();
  });

  it('names the line a file cannot be read at, keeps nothing of it, and takes imports from admins only', async () => {
    const { t, token } = suite;
    const broken = `${file('mue_practitioner_2026q1.csv')}99214,many,"2 Date of Service Edit: Policy",x\n`;
    const res = await t.execute<{ importCodeSet: { __typename: string; fieldErrors: Array<{ message: string }> } }>(
      IMPORT,
      {
        token,
        variables: {
          input: { system: 'MUE_OUTPATIENT', version: 'broken', effectiveDate: '2026-01-01', content: broken },
        },
      },
    );
    expect(res.data!.importCodeSet.__typename).toBe('ValidationError');
    expect(res.data!.importCodeSet.fieldErrors[0]!.message).toBe('line 7: MUE value "many" is not a whole number');
    const retried = await t.execute<{ importCodeSet: { alreadyImported: boolean } }>(IMPORT, {
      token,
      variables: {
        input: {
          system: 'MUE_OUTPATIENT',
          version: 'broken',
          effectiveDate: '2026-01-01',
          content: file('mue_practitioner_2026q1.csv'),
        },
      },
    });
    expect(retried.data!.importCodeSet.alreadyImported).toBe(false);
    const biller = await t.token((await t.createOrganization('Other Clinic')).id, ['biller']);
    const refused = await t.execute(IMPORT, {
      token: biller,
      variables: { input: { system: 'CUSTOM', version: 'x', effectiveDate: '2026-01-01', content: 'code\nA1\n' } },
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('the scrubber with the code sets loaded', () => {
  it('catches a claim coded before loading: a code not in the release in force on its date', async () => {
    const { t, token } = suite;
    const res = await t.execute<{ scrubClaim: { findings: Finding[] } }>(SCRUB, {
      token,
      variables: { id: codedBeforeLoading.id },
    });
    const invalid = res.data!.scrubClaim.findings.filter((f) => f.ruleId === 'CODE_NOT_VALID_ON_DOS');
    expect(invalid.map((f) => [f.path.join('.'), f.message])).toEqual([
      ['diagnoses.0', 'Diagnosis Q999X is not valid on 2025-09-30 (ICD-10-CM 2025)'],
      ['lines.0.modifiers.1', 'Modifier XY is not valid on 2025-09-30 (HCPCS 2026)'],
    ]);
  });

  it('refuses an unknown code as the visit is coded, by the release in force on its date', async () => {
    const codes = async (date: string) => {
      const { e } = await visit(['E11.65'], [{ procedureCode: '99213' }], date);
      return (e.fieldErrors ?? []).map((f) => [f.path.join('.'), f.code]);
    };
    // E11.65 is in FY2026 (from 2025-10-01), not FY2025.
    expect(await codes('2025-09-30')).toEqual([['input.diagnoses.0', 'UNKNOWN_CODE']]);
    expect(await codes('2025-10-01')).toEqual([]);
    const { e } = await visit(['I10'], [{ procedureCode: '99201' }], '2021-01-01');
    expect((e.fieldErrors ?? []).map((f) => [f.path.join('.'), f.code])).toEqual([
      ['input.serviceLines.0.procedureCode', 'UNKNOWN_CODE'],
    ]);
  });

  it('stops a header diagnosis and passes its billable code', async () => {
    expect(of(await scrubbed(['E11'], [{ procedureCode: '99213' }]), 'ICD10_NOT_BILLABLE')).toEqual([
      ['ICD10_NOT_BILLABLE', 'diagnoses.0'],
    ]);
    const clean = await scrubbed(['E11.9'], [{ procedureCode: '99213' }]);
    expect(of(clean, 'ICD10_NOT_BILLABLE', 'CODE_NOT_VALID_ON_DOS', 'CODE_SET_MISSING')).toEqual([]);
  });

  it('stops two E/M visits a day without modifier 25, and passes them with it', async () => {
    expect(
      of(await scrubbed(['I10'], [{ procedureCode: '99213' }, { procedureCode: '99214' }]), 'EM_SAME_DAY'),
    ).toEqual([['EM_SAME_DAY', 'lines.1.modifiers']]);
    const with25 = await scrubbed(['I10'], [{ procedureCode: '99213' }, { procedureCode: '99214', modifiers: ['25'] }]);
    expect(of(with25, 'EM_SAME_DAY')).toEqual([]);
  });

  it('applies MUE units per day: 2 venipunctures pass, 3 and 5 do not', async () => {
    expect(of(await scrubbed(['I10'], [{ procedureCode: '36415', units: 2 }]), 'MUE_UNITS')).toEqual([]);
    expect(of(await scrubbed(['I10'], [{ procedureCode: '36415', units: 5 }]), 'MUE_UNITS')).toEqual([
      ['MUE_UNITS', 'lines.0.units'],
    ]);
    const split = await scrubbed(
      ['I10'],
      [
        { procedureCode: '36415', units: 2 },
        { procedureCode: '36415', units: 1 },
      ],
    );
    expect(of(split, 'MUE_UNITS')).toEqual([['MUE_UNITS', 'lines.1.units']]);
  });

  it('applies NCCI pairs: indicator 0 whatever the modifier, indicator 1 unless a modifier says distinct', async () => {
    const never = await scrubbed(['I10'], [{ procedureCode: '93000' }, { procedureCode: '93005', modifiers: ['59'] }]);
    expect(of(never, 'NCCI_PTP')).toEqual([['NCCI_PTP', 'lines.1.procedureCode']]);
    const bundled = await scrubbed(['I10'], [{ procedureCode: '20610' }, { procedureCode: '20604' }]);
    expect(of(bundled, 'NCCI_PTP')).toEqual([['NCCI_PTP', 'lines.1.modifiers']]);
    const distinct = await scrubbed(
      ['I10'],
      [{ procedureCode: '20610' }, { procedureCode: '20604', modifiers: ['XS'] }],
    );
    expect(of(distinct, 'NCCI_PTP')).toEqual([]);
  });

  it('judges a pair edit by its dates: in force the day before its deletion, gone on the day', async () => {
    const lines = [{ procedureCode: '99214' }, { procedureCode: '36415' }];
    expect(of(await scrubbed(['I10'], lines, '2024-12-31'), 'NCCI_PTP')).toEqual([['NCCI_PTP', 'lines.1.modifiers']]);
    expect(of(await scrubbed(['I10'], lines, '2025-01-01'), 'NCCI_PTP')).toEqual([]);
  });

  it('stops a diagnosis for the other sex or another age group (Medicare Code Editor)', async () => {
    const delivery = (patient: Patient) => scrubbed(['O80'], [{ procedureCode: '59400' }], '2026-10-05', patient);
    expect(of(await delivery({ sex: 'MALE', dateOfBirth: '1990-01-01' }), 'DIAGNOSIS_SEX_AGE')).toEqual([
      ['DIAGNOSIS_SEX_AGE', 'diagnoses.0'],
    ]);
    expect(of(await delivery({ sex: 'FEMALE', dateOfBirth: '1990-01-01' }), 'DIAGNOSIS_SEX_AGE')).toEqual([]);
    // Maternity is ages 9 to 64: 64 the day before the 65th birthday, 65 on it.
    expect(of(await delivery({ sex: 'FEMALE', dateOfBirth: '1961-10-06' }), 'DIAGNOSIS_SEX_AGE')).toEqual([]);
    expect(of(await delivery({ sex: 'FEMALE', dateOfBirth: '1961-10-05' }), 'DIAGNOSIS_SEX_AGE')).toEqual([
      ['DIAGNOSIS_SEX_AGE', 'diagnoses.0'],
    ]);
  });

  it('stops an add-on code without its primary (type 1), warns for type 3, and passes it with one', async () => {
    const addOn = (lines: Line[]) =>
      scrubbed(['I10'], lines).then((f) =>
        f.filter((x) => x.ruleId === 'ADD_ON_WITHOUT_PRIMARY').map((x) => [x.severity, x.path.join('.')]),
      );
    expect(await addOn([{ procedureCode: '99417' }])).toEqual([['ERROR', 'lines.0.procedureCode']]);
    expect(await addOn([{ procedureCode: '99215' }, { procedureCode: '99417' }])).toEqual([]);
    expect(await addOn([{ procedureCode: '96375' }])).toEqual([['WARNING', 'lines.0.procedureCode']]);
    expect(await addOn([{ procedureCode: '96374' }, { procedureCode: '96375' }])).toEqual([]);
  });

  it('judges a 20-line claim with as many code-set lookups as a 2-line one, each through an index', async () => {
    const { t, token } = suite;
    const codeSetStatements = async (lines: Line[]) => {
      const { e, p } = await visit(['I10', 'E11.9'], lines);
      const claim = await claimOfEncounter(t, token, e.encounter.id, p.primaryCoverageId);
      statements = [];
      await t.execute(SCRUB, { token, variables: { id: claim.id } });
      const sent = statements.filter((sql) => /MedicalCode|ProcedurePairEdit|UnitLimit|DiagnosisEdit/.test(sql));
      statements = null;
      return sent;
    };
    const codes = ['99213', 'J1885', '36415', '93000', '93005', '20610', '20604', 'G0008', 'A4253', '99214'];
    const twenty = codes.flatMap((procedureCode) => [{ procedureCode }, { procedureCode, modifiers: ['XS'] }]);
    const few = await codeSetStatements([{ procedureCode: '99213' }, { procedureCode: 'J1885', modifiers: ['XS'] }]);
    const many = await codeSetStatements(twenty);
    // One read per release (ICD-10-CM, CPT, HCPCS, PTP, MUE, MCE, add-on codes), whatever the number of lines.
    expect(many.length).toBe(few.length);
    expect(many.length).toBe(7);
    if (databaseProviderOf(suite.t.db) !== 'sqlite') return;
    // SQLite says SCAN for a table read row by row, SEARCH … USING INDEX for a lookup.
    for (const sql of many) {
      const parameters = Array<null>(sql.split('?').length - 1).fill(null);
      const plan = await suite.t.db.$queryRawUnsafe<Array<{ detail: string }>>(
        `EXPLAIN QUERY PLAN ${sql}`,
        ...parameters,
      );
      expect(plan.map((step) => step.detail).filter((d) => /^SCAN /.test(d))).toEqual([]);
    }
  });

  it('searches codes by prefix and by words, in the release in force', async () => {
    const { t, token } = suite;
    const search = async (search: string, dateOfService?: string) =>
      (
        await t.execute<{ codes: Array<{ code: string; billable: boolean; release: string }> }>(
          `query($s: String!, $d: Date) { codes(system: ICD10CM, search: $s, dateOfService: $d) { code billable release } }`,
          { token, variables: { s: search, d: dateOfService } },
        )
      ).data!.codes;
    expect(await search('e11', '2026-01-15')).toEqual([
      { code: 'E11', billable: false, release: '2026' },
      { code: 'E1165', billable: true, release: '2026' },
      { code: 'E119', billable: true, release: '2026' },
    ]);
    expect((await search('E11', '2025-06-01')).map((c) => c.code)).toEqual(['E11', 'E119']);
    expect((await search('type 2 diab hyperglyc', '2026-01-15')).map((c) => c.code)).toEqual(['E1165']);
  });
});

describe('the CMS HCPCS file', () => {
  const search = async (search: string, dateOfService: string) =>
    (
      await suite.t.execute<{ codes: Array<{ code: string; shortDescription: string; longDescription: string }> }>(
        `query($s: String!, $d: Date) { codes(system: HCPCS, search: $s, dateOfService: $d) { code shortDescription longDescription } }`,
        { token: suite.token, variables: { s: search, d: dateOfService } },
      )
    ).data!.codes;

  it('joins a long description continued on the next record, and keeps the modifiers', async () => {
    expect(await search('A4253', '2026-03-01')).toEqual([
      {
        code: 'A4253',
        shortDescription: 'Blood glucose/reagent strips',
        longDescription: 'Blood glucose test or reagent strips for home blood glucose monitor, per 50 strips',
      },
    ]);
    expect((await search('left side', '2026-03-01')).map((c) => [c.code, c.longDescription])).toEqual([
      ['LT', 'Left side (used to identify procedures performed on the left side of the body)'],
    ]);
  });

  it('refuses a continuation record that does not follow its code, naming the line', async () => {
    const records = file('HCPC2026_JAN_ANWEB.txt').split('\r\n');
    const [g0008, lt] = [records[2], records[6]]; // G0008's first record, then LT's continuation
    const res = await suite.t.execute<{ importCodeSet: { fieldErrors: Array<{ message: string }> } }>(IMPORT, {
      token: suite.token,
      variables: {
        input: { system: 'HCPCS', version: 'broken', effectiveDate: '2030-01-01', content: `${g0008}\n${lt}\n` },
      },
    });
    expect(res.data!.importCodeSet.fieldErrors.map((e) => e.message)).toEqual([
      'line 2: continues LT, which is not the code on the line before',
    ]);
  });

  it('takes CPT’s modifiers and the file’s letter modifiers, and refuses any other as the visit is coded', async () => {
    const fieldErrors = async (modifiers: string[]) => {
      const { e } = await visit(['I10'], [{ procedureCode: '99213', modifiers }]);
      return (e.fieldErrors ?? []).map((f) => [f.path.join('.'), f.code, f.message]);
    };
    expect(await fieldErrors(['25', 'LT', 'XS'])).toEqual([]);
    expect(await fieldErrors(['25', 'XY'])).toEqual([
      [
        'input.serviceLines.0.modifiers.1',
        'UNKNOWN_MODIFIER',
        'serviceLines.0.modifiers.1: XY is neither a CPT modifier nor in HCPCS 2026 on 2026-10-05',
      ],
    ]);
  });

  it('takes a code until its termination date, inclusive, and refuses it the day after', async () => {
    const fieldErrors = async (date: string) => {
      const { e } = await visit(['I10'], [{ procedureCode: 'G0102' }], date);
      return (e.fieldErrors ?? []).map((f) => [f.path.join('.'), f.code]);
    };
    expect(await fieldErrors('2025-12-31')).toEqual([]);
    expect(await fieldErrors('2026-01-01')).toEqual([['input.serviceLines.0.procedureCode', 'UNKNOWN_CODE']]);
    expect((await search('G0102', '2026-01-01')).map((c) => c.code)).toEqual([]);
  });
});

describe('code sets on a tenant’s client', () => {
  it('are read by every tenant, unfiltered, and written by none', async () => {
    const { t } = suite;
    const { scopeToTenant } = await import('../src/db/tenant-scope.ts');
    const other = await t.createOrganization('Another Tenant');
    const tenant = scopeToTenant(t.db, { userId: 'u', organizationId: other.id, roles: ['admin'] });
    expect(await tenant.codeSetRelease.count({ where: { system: 'ICD10CM' } })).toBe(2);
    await expect(
      tenant.codeSetRelease.updateMany({ where: { system: 'ICD10CM' }, data: { status: 'IMPORTING' } }),
    ).rejects.toThrow(/installation reference data/);
    await expect(tenant.medicalCode.deleteMany({ where: { code: 'E119' } })).rejects.toThrow(
      /installation reference data/,
    );
  });
});
