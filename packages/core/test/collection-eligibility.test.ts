import { businessHoursClock, createTestApi, queryData } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptingClearinghouse, era, paidInFull, remittanceWorld } from './remittance-fixtures.ts';
import type { RemittanceWorld } from './remittance-fixtures.ts';

// A nonprofit hospital: IRS 501(r) keeps accounts in-house for 120 days after the first statement, with 30 days'
// written notice, however short its own dunning sequence is.
const clock = businessHoursClock();
let t: TestApi;
let token: string;
let w: RemittanceWorld;
let organizationId: string;
beforeAll(async () => {
  t = await createTestApi({ payers: [acceptingClearinghouse], clock });
  organizationId = (await t.createOrganization('Mercy Community Hospital')).id;
  await t.db.organization.update({ where: { id: organizationId }, data: { nonprofit: true } });
  token = await t.token(organizationId, ['admin']);
  w = await remittanceWorld(t, token);
});
afterAll(() => t.close());

const gql = <T>(doc: string, variables: Record<string, unknown> = {}) => queryData<T>(t, token, doc, variables);
type Candidate = { eligible: boolean; checks: Array<{ check: string; passed: boolean; detail: string }> };
const candidates = async () =>
  (
    await gql<{ collectionCandidates: { nodes: Candidate[] } }>(
      `query($p: ID!) { collectionCandidates(practiceId: $p, first: 100) { nodes { eligible checks { check passed detail } } } }`,
      { p: w.practiceId },
    )
  ).collectionCandidates.nodes;

describe('placement eligibility for a nonprofit hospital', () => {
  it('waits 120 days after the first statement and 30 days after the written notice, and says so', async () => {
    await gql(
      `mutation($input: SetPatientBillingPolicyInput!) { setPatientBillingPolicy(input: $input) { __typename } }`,
      {
        input: {
          practiceId: w.practiceId,
          collectionMinimumCents: 1_000,
          dunningSteps: [
            { name: 'statement', dayOffset: 0, action: 'STATEMENT', channels: ['MAIL'], template: 'statement' },
            {
              name: 'final notice',
              dayOffset: 100,
              action: 'FINAL_NOTICE',
              channels: ['MAIL'],
              template: 'final-notice',
            },
            { name: 'ready', dayOffset: 101, action: 'READY_FOR_COLLECTIONS', channels: [], template: 'none' },
          ],
        },
      },
    );
    const p = await w.patient();
    const claim = await w.submittedClaim(p, '2026-10-01');
    await gql(`mutation($x12: String!) { importRemittance(input: { x12: $x12 }) { __typename } }`, {
      x12: era('EFT-501R', [paidInFull(claim)]),
    });
    for (let day = 0; day <= 101; day++) {
      if (day > 0) clock.advanceDays(1);
      await t.api.runScheduledJobs();
    }
    // Day 101: dunning finished, but 501(r) says not yet.
    let [c] = await candidates();
    expect(c!.eligible).toBe(false);
    expect(c!.checks.filter((x) => !x.passed).map((x) => x.check)).toEqual(['IRS_501R_WAIT', 'IRS_501R_NOTICE']);
    expect(c!.checks.find((x) => x.check === 'IRS_501R_WAIT')!.detail).toMatch(
      /^101 days since the first statement \(.*\); 501\(r\) requires 120 \(from .*\)$/,
    );
    expect(c!.checks.find((x) => x.check === 'IRS_501R_NOTICE')!.detail).toMatch(
      /^written notice sent .*, 1 days ago; 501\(r\) requires 30$/,
    );
    clock.advanceDays(19); // day 120: 120 days since the statement, 20 since the notice
    [c] = await candidates();
    expect(c!.checks.filter((x) => !x.passed).map((x) => x.check)).toEqual(['IRS_501R_NOTICE']);
    clock.advanceDays(10); // day 130: 30 days since the notice
    [c] = await candidates();
    expect(c!.eligible).toBe(true);
  });

  it('reports every attempt through the engine by deciding rule and channel', async () => {
    const p = await w.patient();
    await gql(`mutation($input: UpdatePatientInput!) { updatePatient(input: $input) { __typename } }`, {
      input: { id: p.id, mobilePhone: '512-555-0101', smsOptOut: true },
    });
    const attempt = (channel: string, at: string) =>
      gql(`mutation($input: RecordContactAttemptInput!) { recordContactAttempt(input: $input) { __typename } }`, {
        input: { accountId: p.id, channel, kind: channel === 'PHONE' ? 'CALL_ATTEMPT' : 'MESSAGE', at },
      });
    await attempt('PHONE', '2025-06-02T16:00:00Z');
    await attempt('PHONE', '2025-06-02T12:00:00Z'); // 7 a.m. in Austin (CDT)
    await attempt('SMS', '2025-06-02T16:00:00Z'); // opted out
    const report = await gql<{
      complianceReport: {
        attempts: number;
        allowed: number;
        refused: number;
        byRule: Array<{ rule: string; allowed: number; refused: number }>;
        byChannel: Array<{ channel: string; allowed: number; refused: number }>;
      };
    }>(
      `query($p: ID!) { complianceReport(practiceId: $p, from: "2025-06-01", to: "2025-06-30") { attempts allowed refused byRule { rule allowed refused } byChannel { channel allowed refused } } }`,
      { p: w.practiceId },
    );
    expect(report.complianceReport).toEqual({
      attempts: 3,
      allowed: 1,
      refused: 2,
      byRule: [
        { rule: 'ALL_RULES_PASSED', allowed: 1, refused: 0 },
        { rule: 'CHANNEL_OPT_OUT', allowed: 0, refused: 1 },
        { rule: 'INCONVENIENT_TIME', allowed: 0, refused: 1 },
      ],
      byChannel: [
        { channel: 'PHONE', allowed: 1, refused: 1 },
        { channel: 'SMS', allowed: 0, refused: 1 },
      ],
    });
  });
});
