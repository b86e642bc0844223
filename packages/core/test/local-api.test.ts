import { ForbiddenError, ManualClock, NotFoundError, ValidationError } from '@revcycle/core';
import type { LocalApi, Principal } from '@revcycle/core';
import { createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptingClearinghouse, co, era, pr } from './remittance-fixtures.ts';

// 10:00 in Austin on a Tuesday; every date below is written out, none comes from today.
const clock = new ManualClock(new Date('2026-03-10T16:00:00Z'));
const ADDRESS = { line1: '100 Main St', city: 'Austin', state: 'TX', postalCode: '78701' };

let t: TestApi;
let organizationId: string;
let host: Principal;
let local: LocalApi;

beforeAll(async () => {
  t = await createTestApi({ payers: [acceptingClearinghouse], clock });
  organizationId = (await t.createOrganization('Local API Clinic')).id;
  host = { userId: 'host-job', organizationId, roles: ['admin', 'biller'] };
  local = t.api.as(host);
});
afterAll(() => t.close());

async function registerVisit(api: LocalApi) {
  const { practice } = await api.createPractice({
    name: 'Hill Country Family Medicine',
    npi: '1234567893',
    taxId: '74-1234567',
    phone: '512-555-0100',
    timeZone: 'America/Chicago',
    address: { ...ADDRESS, postalCode: '78701-2403' },
  });
  const { provider } = await api.createProvider({
    practiceId: practice.id,
    firstName: 'Ana',
    lastName: 'Ruiz',
    npi: '1245319599',
  });
  const { payer } = await api.createPayer({
    name: 'Lone Star Health',
    payerIdentifier: 'LSH01',
    claimFilingIndicator: 'CI',
    connectorId: 'accepting-clearinghouse',
  });
  const { patient } = await api.createPatient({
    practiceId: practice.id,
    firstName: 'Maria',
    lastName: 'Lopez',
    dateOfBirth: '1980-04-12',
    sex: 'FEMALE',
    address: ADDRESS,
    coverages: [{ payerId: payer.id, memberId: 'LSH-778', priority: 'PRIMARY', effectiveDate: '2025-01-01' }],
  });
  const coverage = await t.db.coverage.findFirstOrThrow({ where: { patientId: patient.id } });
  const { encounter } = await api.createEncounter({
    practiceId: practice.id,
    patientId: patient.id,
    renderingProviderId: provider.id,
    coverageId: coverage.id,
    dateOfService: '2026-03-02',
    diagnoses: ['J06.9'],
    serviceLines: [
      { procedureCode: '99213', chargeCents: 15_000, diagnosisPointers: [1] },
      { procedureCode: '87880', chargeCents: 3_000, diagnosisPointers: [1] },
    ],
  });
  return { practice, patient, coverage, encounter };
}

describe('the local API', () => {
  it('runs claim → remittance → statement in process, with the audit and history GraphQL would write', async () => {
    const { practice, patient, coverage, encounter } = await registerVisit(local);
    const { claim } = await local.createClaim({ encounterId: encounter.id, coverageId: coverage.id });
    expect(claim).toMatchObject({ status: 'DRAFT', totalChargeCents: 18_000 });
    const scrubbed = await local.scrubClaim({ claimId: claim.id });
    expect(scrubbed).toMatchObject({ passed: true, claim: { status: 'READY' } });
    const submitted = await local.submitClaims({ claimIds: [claim.id] });
    expect(submitted.results).toEqual([{ claimId: claim.id, submitted: true, batchId: submitted.batches[0]!.id }]);
    const lines = await t.db.claimLine.findMany({ where: { claimId: claim.id }, orderBy: { lineNumber: 'asc' } });

    // $180.00 billed: the payer allows $130.00, pays $110.00 and leaves $20.00 coinsurance to the patient.
    const x12 = era(
      'EFT-LOCAL-1',
      [
        {
          pcn: claim.patientControlNumber,
          chargeCents: 18_000,
          paidCents: 11_000,
          patientResponsibilityCents: 2_000,
          lines: [
            {
              lineControlNumber: lines[0]!.lineControlNumber!,
              code: '99213',
              chargeCents: 15_000,
              paidCents: 8_000,
              adjustments: [co('45', 5_000), pr('2', 2_000)],
            },
            {
              lineControlNumber: lines[1]!.lineControlNumber!,
              code: '87880',
              chargeCents: 3_000,
              paidCents: 3_000,
              adjustments: [],
            },
          ],
        },
      ],
      { paymentDate: '2026-03-09' },
    );
    const imported = await local.importRemittance({ x12 });
    expect(imported).toMatchObject({ matched: 1, unmatched: 0, totalPaidCents: 11_000, duplicate: false });

    const run = await local.runStatements({ practiceId: practice.id, statementDate: '2026-03-10' });
    expect(run.created.map((s) => [s.patientId, s.balanceCents, s.statementDate])).toEqual([
      [patient.id, 2_000, '2026-03-10'],
    ]);

    const history = await t.db.claimStatusEvent.findMany({
      where: { claimId: claim.id },
      orderBy: { createdAt: 'asc' },
    });
    expect(history.map((h) => h.toStatus)).toEqual(['DRAFT', 'READY', 'SUBMITTED', 'PAID']);
    const audit = await t.db.auditEvent.findMany({
      where: { organizationId, actorId: 'host-job' },
      orderBy: { createdAt: 'asc' },
    });
    expect(audit.map((a) => a.action)).toEqual([
      'createPractice',
      'createProvider',
      'createPayer',
      'createPatient',
      'createEncounter',
      'createClaim',
      'scrubClaim',
      'submitClaims',
      'importRemittance',
      'runStatements',
    ]);
    expect(new Set(audit.map((a) => a.outcome))).toEqual(new Set(['SUCCEEDED']));
    expect(audit.every((a) => a.requestId?.startsWith('local-'))).toBe(true);
  });

  it('admits the roles GraphQL admits, and no others', async () => {
    const frontDesk = t.api.as({ userId: 'fd', organizationId, roles: ['frontdesk'] });
    await expect(frontDesk.createClaim({ encounterId: 'x', coverageId: 'y' })).rejects.toThrow(ForbiddenError);
    await expect(
      frontDesk.createPayer({ name: 'X', payerIdentifier: 'X1', claimFilingIndicator: 'CI' }),
    ).rejects.toThrow('Your roles do not allow createPayer');
    const coder = t.api.as({ userId: 'coder', organizationId, roles: ['coder'] });
    await expect(coder.scrubClaim({ claimId: 'unknown' })).rejects.toThrow(NotFoundError);
  });

  it('keeps a practice-limited principal to its practices', async () => {
    const { encounter, coverage } = await registerVisit(local);
    const other = await local.createPractice({
      name: 'Other Practice',
      npi: '1234567893',
      taxId: '741234567',
      phone: '512-555-0100',
      timeZone: 'America/Chicago',
      address: ADDRESS,
    });
    const limited = t.api.as({
      userId: 'limited',
      organizationId,
      roles: ['biller'],
      practiceIds: [other.practice.id],
    });
    await expect(limited.createClaim({ encounterId: encounter.id, coverageId: coverage.id })).rejects.toThrow(
      NotFoundError,
    );
  });

  it('refuses another organization’s records as unknown, and a deactivated organization outright', async () => {
    const { encounter, coverage } = await registerVisit(local);
    const otherOrg = await t.createOrganization('Other Org');
    const outsider = t.api.as({ userId: 'outsider', organizationId: otherOrg.id, roles: ['admin'] });
    await expect(outsider.createClaim({ encounterId: encounter.id, coverageId: coverage.id })).rejects.toThrow(
      NotFoundError,
    );
    await t.api.organizations.deactivate(otherOrg.id);
    await expect(
      outsider.createPayer({ name: 'X', payerIdentifier: 'X1', claimFilingIndicator: 'CI' }),
    ).rejects.toThrow(ForbiddenError);
  });

  it('throws the typed validation error GraphQL returns, naming the field', async () => {
    const error = await local
      .createPatient({ practiceId: 'nope', firstName: '', lastName: 'X', dateOfBirth: '1980-01-01' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    const { practice } = await local.createPractice({
      name: 'Validation Practice',
      npi: '1234567893',
      taxId: '741234567',
      phone: '512-555-0100',
      timeZone: 'America/Chicago',
      address: ADDRESS,
    });
    const invalid = await local
      .createPatient({ practiceId: practice.id, firstName: ' ', lastName: 'X', dateOfBirth: '2030-01-01' })
      .catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(ValidationError);
    expect((invalid as ValidationError).fieldErrors.map((f) => f.path.join('.'))).toEqual([
      'input.firstName',
      'input.dateOfBirth',
    ]);
  });
});

describe('the local API’s reach', () => {
  it('offers every GraphQL mutation under the same name, and nothing GraphQL does not have', () => {
    const mutationType = t.api.schema.getMutationType()!;
    const mutations = Object.keys(mutationType.getFields()).sort();
    expect(Object.keys(local).sort()).toEqual(mutations);
  });
});
