import { ManualClock } from '@revcycle/core';
import { createTestApi, startTestServer, subscribeOverSse } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptingClearinghouse, era } from './remittance-fixtures.ts';
import { organizationShared, practiceWithEverything, sweepPlugins } from './sweep-world.ts';

// A hospital-sized file: 2 000 claim payments in one 835. Not a timed test; it proves the import stays within the
// databases' parameter limits (SQLite refused ~1 000 claims before the lookups were chunked) and reports its
// progress, chunk by chunk, to a subscriber.
const CLAIMS = 2_000;
let t: TestApi;
let organizationId: string;
let controlNumbers: string[];

beforeAll(async () => {
  t = await createTestApi({
    payers: [acceptingClearinghouse],
    ...sweepPlugins,
    clock: new ManualClock(new Date('2026-03-10T16:00:00Z')),
  });
  organizationId = (await t.createOrganization('Hospital')).id;
  const shared = await organizationShared(t, organizationId);
  const { claim } = await practiceWithEverything(t, organizationId, 'h1', shared.payerId, shared.agencyId);
  // Copies of one submitted claim, as a hospital's week of claims (arranged in bulk: the API would take minutes).
  const {
    id: _id,
    createdAt: _c,
    updatedAt: _u,
    ...row
  } = await t.db.claim.findUniqueOrThrow({ where: { id: claim.id } });
  controlNumbers = Array.from({ length: CLAIMS }, (_, i) => `RCH${String(i).padStart(8, '0')}`);
  await t.db.claim.createMany({
    data: controlNumbers.map((patientControlNumber) => ({
      ...row,
      id: `claim-${patientControlNumber}`,
      patientControlNumber,
      status: 'SUBMITTED' as const,
      scrubErrors: [],
    })),
  });
  // Each copy owes its insurer the claim's charges ($180.00), as the original does once submitted.
  const charges = await t.db.ledgerEntry.findMany({ where: { claimId: claim.id, kind: 'CHARGE' } });
  await t.db.ledgerEntry.createMany({
    data: controlNumbers.flatMap((pcn) =>
      charges.map(({ id: _e, createdAt: _ec, ...charge }) => ({
        ...charge,
        claimId: `claim-${pcn}`,
        claimLineId: null,
        idempotencyKey: `charge:${pcn}:${charge.claimLineId}`,
      })),
    ),
  });
}, 120_000);
afterAll(() => t.close());

describe('a 2 000-claim 835', () => {
  it('imports whole: every claim payment matched and posted, once', async () => {
    const x12 = era(
      'EFT-HOSPITAL-1',
      controlNumbers.map((pcn) => ({ pcn, chargeCents: 18_000, paidCents: 18_000 })),
      { paymentDate: '2026-03-09' },
    );
    // Through GraphQL, with a subscriber following its progress over SSE.
    const token = await t.token(organizationId, ['biller']);
    const server = await startTestServer(t.api);
    const progress = subscribeOverSse<{ importProgress: { claimPayments: number; matched: number } }>(
      server.httpUrl,
      token,
      'subscription { importProgress(progressKey: "week-10") { claimPayments matched } }',
    );
    await progress.ready;
    const answer = await t.execute<{ importRemittance: Record<string, unknown> }>(
      `mutation($input: ImportRemittanceInput!) { importRemittance(input: $input) {
         __typename ... on ImportRemittanceSuccess { claimPayments matched unmatched totalPaidCents } } }`,
      { token, variables: { input: { x12, progressKey: 'week-10' } } },
    );
    expect(answer.data?.importRemittance).toEqual({
      __typename: 'ImportRemittanceSuccess',
      claimPayments: CLAIMS,
      matched: CLAIMS,
      unmatched: 0,
      totalPaidCents: CLAIMS * 18_000,
    });
    const events = [];
    for (let i = 0; i < CLAIMS / 500; i++) events.push((await progress.next(10_000)).data?.importProgress);
    expect(events).toEqual([500, 1000, 1500, 2000].map((n) => ({ claimPayments: n, matched: n })));
    progress.close();
    await server.close();
    const local = t.api.as({ userId: 'hospital-import', organizationId, roles: ['biller'] });
    const posted = await t.db.ledgerEntry.count({
      where: { organizationId, kind: 'INSURANCE_PAYMENT', claim: { patientControlNumber: { startsWith: 'RCH' } } },
    });
    expect(posted).toBeGreaterThanOrEqual(CLAIMS);
    expect((await local.importRemittance({ x12 })).duplicate).toBe(true);
  }, 300_000);
});
