import { ConflictError, ForbiddenError, ManualClock, NotFoundError } from '@revcycle/core';
import { arrange, createTestApi } from '@revcycle/testkit';
import type { Arrangers, TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Claim rules called through the local API (no HTTP), on a clock pinned per case: 16:00 UTC is 10:00 or 11:00 in
// Chicago, the same calendar day in the practice's zone.
const clock = new ManualClock(new Date('2026-03-01T16:00:00Z'));
const at = (day: string) => clock.set(new Date(`${day}T16:00:00Z`));

let t: TestApi;
let a: Arrangers;
let organizationId: string;

beforeAll(async () => {
  t = await createTestApi({ clock });
  organizationId = (await t.createOrganization('Claim Rules Clinic')).id;
  a = arrange(t.api, organizationId);
});
afterAll(() => t.close());

/** A 90-day payer, and a visit on 2026-01-01 billed to it. */
async function visitOnNewYearsDay() {
  at('2026-03-01');
  const practice = await a.practice();
  const provider = await a.provider(practice.id);
  const payer = await a.payer({ timelyFilingDays: 90 });
  const patient = await a.patient(practice.id, [payer.id]);
  const coverage = await t.db.coverage.findFirstOrThrow({ where: { patientId: patient.id } });
  const { encounter } = await a.local.createEncounter({
    practiceId: practice.id,
    patientId: patient.id,
    renderingProviderId: provider.id,
    coverageId: coverage.id,
    dateOfService: '2026-01-01',
    diagnoses: ['J06.9'],
    serviceLines: [{ procedureCode: '99213', chargeCents: 12_000, diagnosisPointers: [1] }],
  });
  return { practice, patient, coverage, encounter };
}

describe('timely filing, judged on the practice’s today by the clock', () => {
  it('passes quietly 31 days before the limit, warns from 30 days to the last day, fails the day after', async () => {
    const { encounter, coverage } = await visitOnNewYearsDay();
    const { claim } = await a.local.createClaim({ encounterId: encounter.id, coverageId: coverage.id });
    const scrubOn = async (day: string) => {
      at(day);
      const result = await a.local.scrubClaim({ claimId: claim.id });
      const timely = result.findings.filter((f) => f.ruleId === 'TIMELY_FILING').map((f) => [f.severity, f.message]);
      if (day === '2026-03-01') console.log(JSON.stringify(result.findings));
      return { status: result.claim.status, timely };
    };
    // 2026-01-01 + 90 days = 2026-04-01, the last day to file.
    expect(await scrubOn('2026-03-01')).toEqual({ status: 'READY', timely: [] });
    expect(await scrubOn('2026-03-02')).toEqual({
      status: 'READY',
      timely: [['WARNING', "30 days are left of Lone Star Health's 90-day filing limit"]],
    });
    expect(await scrubOn('2026-04-01')).toEqual({
      status: 'READY',
      timely: [['WARNING', "0 days are left of Lone Star Health's 90-day filing limit"]],
    });
    expect(await scrubOn('2026-04-02')).toEqual({
      status: 'SCRUB_FAILED',
      timely: [['ERROR', "Lone Star Health's 90-day filing limit passed 1 days ago"]],
    });
  });
});

describe('creating a claim', () => {
  it('bills an encounter to a coverage once while the first claim is open', async () => {
    const { encounter, coverage } = await visitOnNewYearsDay();
    const { claim } = await a.local.createClaim({ encounterId: encounter.id, coverageId: coverage.id });
    expect(claim).toMatchObject({ status: 'DRAFT', totalChargeCents: 12_000, kind: 'PROFESSIONAL' });
    await expect(a.local.createClaim({ encounterId: encounter.id, coverageId: coverage.id })).rejects.toThrow(
      ConflictError,
    );
  });

  it('refuses a coverage of another patient as unknown', async () => {
    const { encounter } = await visitOnNewYearsDay();
    const other = await visitOnNewYearsDay();
    await expect(a.local.createClaim({ encounterId: encounter.id, coverageId: other.coverage.id })).rejects.toThrow(
      NotFoundError,
    );
  });

  it('admits billers and admins, not coders; coders may scrub', async () => {
    const { encounter, coverage } = await visitOnNewYearsDay();
    const coder = t.api.as({ userId: 'coder', organizationId, roles: ['coder'] });
    await expect(coder.createClaim({ encounterId: encounter.id, coverageId: coverage.id })).rejects.toThrow(
      ForbiddenError,
    );
    const { claim } = await a.local.createClaim({ encounterId: encounter.id, coverageId: coverage.id });
    await expect(coder.scrubClaim({ claimId: claim.id })).resolves.toMatchObject({ passed: true });
  });
});
