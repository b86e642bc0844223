import { ManualClock } from '@revcycle/core';
import { createTestApi, queryData } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../src/util/calendar-date.ts';
import { M, mutate, PRACTICE_TIME_ZONE } from './registration-api.ts';
import { acceptingClearinghouse, co, era, remittanceWorld } from './remittance-fixtures.ts';
import type { RemittanceWorld } from './remittance-fixtures.ts';

// 03:00 UTC is 21:00 or 22:00 the day before in Chicago: a UTC "today" would be the practice's tomorrow.
const clock = new ManualClock(new Date(`${new Date().toISOString().slice(0, 10)}T03:00:00Z`));
const utcDay = () => clock.now().toISOString().slice(0, 10);
const practiceToday = () => todayIn(PRACTICE_TIME_ZONE, clock.now());

let t: TestApi;
let token: string;
let w: RemittanceWorld;

beforeAll(async () => {
  t = await createTestApi({ payers: [acceptingClearinghouse], clock });
  token = await t.token((await t.createOrganization('Riverbend Billing')).id, ['admin']);
  w = await remittanceWorld(t, token);
});
afterAll(() => t.close());

const gql = <T>(doc: string, variables: Record<string, unknown> = {}) => queryData<T>(t, token, doc, variables);

describe('todayIn', () => {
  it('shifts by calendar days, also late in the evening across a daylight-saving change', () => {
    // 23:30 in Chicago on 27 November (CST); 170 days later is 16 May (CDT), whatever the hour.
    const evening = new Date('2026-11-28T05:30:00Z');
    expect(todayIn('America/Chicago', evening)).toBe('2026-11-27');
    expect(todayIn('America/Chicago', evening, 170)).toBe('2027-05-16');
    expect(todayIn('America/Chicago', new Date('2027-05-17T04:30:00Z'), -170)).toBe('2026-11-27');
    expect(todayIn('UTC', evening, -28)).toBe('2026-10-31');
  });
});

describe("dates are the practice's calendar day, evenings included", () => {
  it('posts charges, counts appeal deadlines and sweeps them on the practice’s today, not UTC’s', async () => {
    expect(practiceToday()).toBe(addDays(utcDay(), -1));
    const claim = await w.submittedClaim(await w.patient(), addDays(practiceToday(), -30));
    const entries = await gql<{ node: { ledgerEntries: Array<{ kind: string; effectiveDate: string }> } }>(
      `query($id: ID!) { node(id: $id) { ... on Claim { ledgerEntries { kind effectiveDate } } } }`,
      { id: claim.id },
    );
    const charge = entries.node.ledgerEntries.find((e) => e.kind === 'CHARGE')!;
    expect(charge.effectiveDate).toBe(practiceToday());

    // Paid (denied) 180 days ago with BCBS's 180-day appeal window: the deadline is the practice's today.
    const denial = era(
      'EFT-PD-1',
      [{ pcn: claim.pcn, statusCode: '4', chargeCents: 22_000, paidCents: 0, adjustments: [co('16', 22_000)] }],
      { paymentDate: addDays(practiceToday(), -180) },
    );
    await gql(`mutation($x12: String!) { importRemittance(input: { x12: $x12 }) { __typename } }`, { x12: denial });
    const ITEMS = `{ denials(first: 5) { nodes { appealDeadline daysToDeadline priority } } denialsApproachingDeadline(withinDays: 0) { totalCount nodes { appealDeadline } } }`;
    const before = await gql<{
      denials: { nodes: Array<{ appealDeadline: string; daysToDeadline: number; priority: number }> };
      denialsApproachingDeadline: { totalCount: number; nodes: unknown[] };
    }>(ITEMS);
    expect(before.denials.nodes).toEqual([{ appealDeadline: practiceToday(), daysToDeadline: 0, priority: 220 * 31 }]);
    expect(before.denialsApproachingDeadline.nodes).toHaveLength(1);
    expect(before.denialsApproachingDeadline.totalCount).toBe(1);
    // Due today is not past due: the sweep warns and does not mark it passed until the practice's midnight.
    expect(await t.api.sweepDenialDeadlines()).toEqual({ warned: 1, passed: 0 });
    clock.advanceDays(1);
    expect(await t.api.sweepDenialDeadlines()).toEqual({ warned: 0, passed: 1 });
    const after = await gql<{ denials: { nodes: Array<{ daysToDeadline: number }> } }>(ITEMS);
    expect(after.denials.nodes[0]!.daysToDeadline).toBe(-1);
  });

  it('lists claims whose timely-filing limit ends within the days asked, counted from the practice’s today', async () => {
    const patient = await w.patient();
    const draft = async (serviceDate: string) => {
      const e = await mutate<{ encounter: { id: string } }>(t, token, M.createEncounter, {
        practiceId: w.practiceId,
        patientId: patient.id,
        dateOfService: serviceDate,
        renderingProviderId: w.providerId,
        coverageId: patient.primaryCoverageId,
        diagnoses: ['E11.9'],
        serviceLines: [{ procedureCode: '99213', chargeCents: 13_500, diagnosisPointers: [1] }],
      });
      const c = await mutate<{ claim: { id: string } }>(
        t,
        token,
        `mutation($input: CreateClaimInput!) { createClaim(input: $input) { __typename ... on ClaimSuccess { claim { id } } } }`,
        { encounterId: e.encounter.id, coverageId: patient.primaryCoverageId },
      );
      return c.claim.id;
    };
    // BCBS allows 180 days: the first limit ends 30 days from the practice's today, the second 31.
    const due = await draft(addDays(practiceToday(), 30 - 180));
    const notYet = await draft(addDays(practiceToday(), 31 - 180));
    const listed = await gql<{ claimsApproachingTimelyFiling: { nodes: Array<{ id: string }> } }>(
      `{ claimsApproachingTimelyFiling(withinDays: 30, first: 100) { nodes { id } } }`,
    );
    const ids = listed.claimsApproachingTimelyFiling.nodes.map((c) => c.id);
    expect(ids).toContain(due);
    expect(ids).not.toContain(notYet);

    // The claims work list counts ages the same way: serviced 60 days before the practice's today is 60 days old
    // (by UTC's date it would be 61), serviced 59 days before is not.
    const sixty = await draft(addDays(practiceToday(), -60));
    const fiftyNine = await draft(addDays(practiceToday(), -59));
    const aged = async (filter: Record<string, number>) => {
      const page = await gql<{ claims: { nodes: Array<{ id: string }> } }>(
        `query($filter: ClaimFilter) { claims(first: 100, filter: $filter) { nodes { id } } }`,
        { filter },
      );
      return page.claims.nodes.map((c) => c.id);
    };
    expect(await aged({ minAgeDays: 60, maxAgeDays: 60 })).toEqual([sixty]);
    expect(await aged({ minAgeDays: 59, maxAgeDays: 59 })).toEqual([fiftyNine]);
  });
});
