import { ManualClock } from '@revcycle/core';
import { arrange, createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A user limited to a practice does the everyday work of that practice: each step writes children (coverages,
// diagnoses, service lines, claim lines) under a parent created in the same transaction, which the scope must allow.
let t: TestApi;
beforeAll(async () => {
  t = await createTestApi({ clock: new ManualClock(new Date('2026-03-10T16:00:00Z')) });
});
afterAll(() => t.close());

describe('a practice-limited user', () => {
  it('registers a patient with a coverage, codes a visit and bills it in its own practice', async () => {
    const organizationId = (await t.createOrganization()).id;
    const a = arrange(t.api, organizationId);
    const practice = await a.practice();
    const provider = await a.provider(practice.id);
    const payer = await a.payer();
    const roles = ['biller', 'frontdesk', 'coder'] as const;
    const limited = t.api.as({ userId: 'front-desk', organizationId, roles: [...roles], practiceIds: [practice.id] });
    const { patient } = await limited.createPatient({
      practiceId: practice.id,
      firstName: 'Ana',
      lastName: 'Ruiz',
      dateOfBirth: '1980-01-01',
      sex: 'FEMALE',
      address: { line1: '1 A St', city: 'Austin', state: 'TX', postalCode: '78701' },
      coverages: [{ payerId: payer.id, memberId: 'M1', priority: 'PRIMARY', effectiveDate: '2025-01-01' }],
    });
    const coverage = await t.db.coverage.findFirstOrThrow({ where: { patientId: patient.id } });
    const { encounter } = await limited.createEncounter({
      practiceId: practice.id,
      patientId: patient.id,
      renderingProviderId: provider.id,
      coverageId: coverage.id,
      dateOfService: '2026-03-02',
      diagnoses: ['J06.9'],
      serviceLines: [{ procedureCode: '99213', chargeCents: 10_000, diagnosisPointers: [1] }],
    });
    const { claim } = await limited.createClaim({ encounterId: encounter.id, coverageId: coverage.id });
    expect(claim).toMatchObject({ status: 'DRAFT', totalChargeCents: 10_000 });
    expect(await t.db.claimLine.count({ where: { claimId: claim.id } })).toBe(1);
  });
});
