import type { ScrubRule } from '@revcycle/core';
import { createTestApi, startTestServer, subscribeOverWebSocket } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { M, mutate, practiceDay, setUpPractice } from './registration-api.ts';

const C = {
  createClaim: `mutation($input: CreateClaimInput!) { createClaim(input: $input) { __typename ... on ClaimSuccess { claim { id patientControlNumber status totalChargeCents lines { lineNumber procedureCode lineControlNumber } } } ... on ConflictError { message } ... on NotFoundError { entity } } }`,
  scrubClaim: `mutation($input: ScrubClaimInput!) { scrubClaim(input: $input) { __typename
    ... on ScrubClaimSuccess { passed findings { ruleId severity path message } claim { status statusHistory { fromStatus toStatus reason actorType } } }
    ... on InvalidStateTransitionError { from to message } } }`,
};

const VENDOR_RULE: ScrubRule = {
  id: 'ACME_PRIOR_AUTH',
  description: 'Knee arthroscopy needs a prior authorization.',
  check: ({ claim, encounter }) =>
    claim.lines.some((l) => l.procedureCode === '29881') && !encounter.priorAuthorization
      ? [
          {
            severity: 'ERROR',
            path: ['encounter', 'priorAuthorization'],
            message: '29881 needs a prior authorization number',
          },
        ]
      : [],
};

let t: TestApi;
let token: string;
let orgId: string;
let ids: Awaited<ReturnType<typeof setUpPractice>>;
let patientId: string;
let coverageId: string;
const disabledByOrg = new Map<string, string[]>();

async function visit(date: string, code = '99214', extra: Record<string, unknown> = {}) {
  const r = await mutate<{ encounter: { id: string } }>(t, token, M.createEncounter, {
    practiceId: ids.practiceId,
    patientId,
    dateOfService: date,
    renderingProviderId: ids.providerId,
    coverageId,
    diagnoses: ['E11.9'],
    serviceLines: [{ procedureCode: code, chargeCents: 19500, diagnosisPointers: [1] }],
    ...extra,
  });
  expect(r.__typename).toBe('EncounterSuccess');
  return r.encounter.id;
}

beforeAll(async () => {
  t = await createTestApi({ scrub: { rules: [VENDOR_RULE], disabled: (org) => disabledByOrg.get(org) ?? [] } });
  orgId = (await t.createOrganization()).id;
  token = await t.token(orgId, ['admin']);
  ids = await setUpPractice(t, token);
  // No address yet: the scrub must catch it.
  const p = await mutate<{ patient: { id: string; coverages: Array<{ id: string }> } }>(t, token, M.createPatient, {
    practiceId: ids.practiceId,
    firstName: 'Luis',
    lastName: 'Ramirez',
    dateOfBirth: '1979-11-02',
    sex: 'MALE',
    coverages: [{ payerId: ids.bcbsId, memberId: 'XOD771230045', priority: 'PRIMARY', effectiveDate: '2020-01-01' }],
  });
  patientId = p.patient.id;
  coverageId = p.patient.coverages[0]!.id;
});
afterAll(() => t.close());

const recent = () => practiceDay(-10);

describe('claim lifecycle through GraphQL', () => {
  let claimId: string;

  it('creates a DRAFT claim from an encounter with its lines and a patient control number', async () => {
    const encounterId = await visit(recent());
    const r = await mutate<{
      claim: {
        id: string;
        patientControlNumber: string;
        status: string;
        totalChargeCents: number;
        lines: Array<{ lineControlNumber: string }>;
      };
    }>(t, token, C.createClaim, { encounterId, coverageId });
    expect(r.claim).toMatchObject({ status: 'DRAFT', totalChargeCents: 19500 });
    expect(r.claim.patientControlNumber).toMatch(/^RC[0-9A-Z]{10}$/);
    expect(r.claim.lines[0]!.lineControlNumber).toBe(`${r.claim.patientControlNumber}-1`);
    claimId = r.claim.id;
    const again = await mutate<{ message: string }>(t, token, C.createClaim, { encounterId, coverageId });
    expect(again.__typename).toBe('ConflictError');
  });

  it('fails the scrub with findings a biller can act on, then passes once fixed', async () => {
    const failed = await mutate<{
      passed: boolean;
      findings: Array<{ ruleId: string; severity: string; path: string[]; message: string }>;
      claim: { status: string };
    }>(t, token, C.scrubClaim, { claimId });
    expect(failed.passed).toBe(false);
    expect(failed.claim.status).toBe('SCRUB_FAILED');
    expect(failed.findings).toContainEqual({
      ruleId: 'PATIENT_COMPLETE',
      severity: 'ERROR',
      path: ['patient', 'address'],
      message: 'Luis Ramirez needs a full address (street, city, state, ZIP) on a claim',
    });

    const fix = await t.execute(
      `mutation($input: UpdatePatientInput!) { updatePatient(input: $input) { __typename } }`,
      {
        token,
        variables: {
          input: {
            id: patientId,
            address: { line1: '4100 Manchaca Rd', city: 'Austin', state: 'TX', postalCode: '78704' },
          },
        },
      },
    );
    expect(fix.errors).toBeUndefined();
    const passed = await mutate<{
      passed: boolean;
      findings: unknown[];
      claim: {
        status: string;
        statusHistory: Array<{ fromStatus: string | null; toStatus: string; actorType: string }>;
      };
    }>(t, token, C.scrubClaim, { claimId });
    expect(passed.passed).toBe(true);
    // No code set is loaded here: the scrubber says so (a warning), and nothing else remains.
    expect(passed.findings).toEqual([expect.objectContaining({ ruleId: 'CODE_SET_MISSING', severity: 'WARNING' })]);
    expect(passed.claim.statusHistory.map((h) => [h.fromStatus, h.toStatus])).toEqual([
      [null, 'DRAFT'],
      ['DRAFT', 'SCRUB_FAILED'],
      ['SCRUB_FAILED', 'READY'],
    ]);
    expect(passed.claim.statusHistory.every((h) => h.actorType === 'USER')).toBe(true);
  });

  it('refuses an illegal transition with a typed error and changes nothing', async () => {
    await t.db.claim.update({ where: { id: (await t.db.claim.findFirstOrThrow()).id }, data: { status: 'SUBMITTED' } });
    const r = await mutate<{ from: string; to: string }>(t, token, C.scrubClaim, { claimId });
    expect(r).toMatchObject({ __typename: 'InvalidStateTransitionError', from: 'SUBMITTED', to: 'READY' });
    expect((await t.db.claim.findFirstOrThrow()).status).toBe('SUBMITTED');
  });
});

describe('scrub rules', () => {
  async function scrubNew(date: string, code = '99213', extra: Record<string, unknown> = {}) {
    const encounterId = await visit(date, code, extra);
    const { claim } = await mutate<{ claim: { id: string } }>(t, token, C.createClaim, { encounterId, coverageId });
    return mutate<{ passed: boolean; findings: Array<{ ruleId: string; severity: string; message: string }> }>(
      t,
      token,
      C.scrubClaim,
      { claimId: claim.id },
    );
  }

  it('errors past the payer’s timely-filing limit and warns in the last 30 days', async () => {
    const days = (n: number) => practiceDay(-n);
    const late = await scrubNew(days(200), '99202');
    expect(late.findings).toContainEqual(expect.objectContaining({ ruleId: 'TIMELY_FILING', severity: 'ERROR' }));
    const close = await scrubNew(days(165), '99203');
    expect(close.passed).toBe(true);
    expect(close.findings.filter((f) => f.ruleId !== 'CODE_SET_MISSING')).toEqual([
      expect.objectContaining({
        ruleId: 'TIMELY_FILING',
        severity: 'WARNING',
        message: expect.stringMatching(
          /^1[45] days are left of Blue Cross Blue Shield of Texas's 180-day filing limit$/,
        ),
      }),
    ]);
  });

  it('flags a duplicate of an open claim (same patient, date and code)', async () => {
    const date = practiceDay(-20);
    await scrubNew(date, '99215');
    const second = await scrubNew(date, '99215');
    expect(second.findings).toContainEqual(expect.objectContaining({ ruleId: 'DUPLICATE_CLAIM', severity: 'ERROR' }));
  });

  it('runs a vendor’s own rule, and an organization can disable a rule', async () => {
    const date = practiceDay(-5);
    const knee = await scrubNew(date, '29881');
    expect(knee.findings).toContainEqual({
      ruleId: 'ACME_PRIOR_AUTH',
      severity: 'ERROR',
      path: ['encounter', 'priorAuthorization'],
      message: '29881 needs a prior authorization number',
    });
    disabledByOrg.set(orgId, ['ACME_PRIOR_AUTH', 'DUPLICATE_CLAIM']);
    const again = await scrubNew(date, '29881');
    expect(again.passed).toBe(true);
    disabledByOrg.clear();
  });
});

describe('claimStatusChanged and work lists', () => {
  it('publishes transitions of a practice’s claims to subscribers, tenant-scoped, over graphql-ws', async () => {
    const server = await startTestServer(t.api);
    const sub = subscribeOverWebSocket<{
      claimStatusChanged: { from: string | null; to: string; claim: { patientControlNumber: string } };
    }>(
      server.wsUrl,
      token,
      `subscription { claimStatusChanged(practiceId: "${ids.practiceId}") { from to reason claim { patientControlNumber } } }`,
    );
    const needsScope = subscribeOverWebSocket(server.wsUrl, token, 'subscription { claimStatusChanged { to } }');
    try {
      await sub.ready;
      const encounterId = await visit(practiceDay(-3), '99212');
      const { claim } = await mutate<{ claim: { id: string; patientControlNumber: string } }>(t, token, C.createClaim, {
        encounterId,
        coverageId,
      });
      await mutate(t, token, C.scrubClaim, { claimId: claim.id });
      const created = await sub.next();
      const scrubbed = await sub.next();
      expect(created.data?.claimStatusChanged).toMatchObject({
        from: null,
        to: 'DRAFT',
        claim: { patientControlNumber: claim.patientControlNumber },
      });
      expect(scrubbed.data?.claimStatusChanged).toMatchObject({ from: 'DRAFT', to: 'READY' });
      expect(JSON.stringify((await needsScope.next()).errors)).toContain('needs claimId or practiceId');
    } finally {
      sub.close();
      needsScope.close();
      await server.close();
    }
  });

  it('lists claims by status, payer, age and amount with counts', async () => {
    const q = `query($f: ClaimFilter, $o: ClaimOrder) { claims(first: 50, filter: $f, orderBy: $o) { totalCount nodes { status totalChargeCents } } }`;
    const count = async (f: Record<string, unknown>) =>
      (await t.execute<{ claims: { totalCount: number } }>(q, { token, variables: { f } })).data!.claims.totalCount;
    const all = await count({});
    expect(all).toBeGreaterThanOrEqual(8);
    expect(
      (await count({ statuses: ['READY'] })) + (await count({ statuses: ['SCRUB_FAILED', 'SUBMITTED', 'DRAFT'] })),
    ).toBe(all);
    expect(await count({ payerId: ids.bcbsId })).toBe(all);
    expect(await count({ payerId: ids.medicareId })).toBe(0);
    expect(await count({ minAgeDays: 150 })).toBe(2);
    expect(await count({ maxAgeDays: 7 })).toBeGreaterThanOrEqual(3);
    expect(await count({ minChargeCents: 19500, maxChargeCents: 19500 })).toBe(all);
    expect(await count({ minChargeCents: 19501 })).toBe(0);
  });
});
