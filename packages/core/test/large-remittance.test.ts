import { ManualClock } from '@revcycle/core';
import { createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptingClearinghouse, era } from './remittance-fixtures.ts';
import { organizationShared, practiceWithEverything, sweepPlugins } from './sweep-world.ts';

// A hospital-sized file: 2 000 claim payments in one 835. Not a timed test; it proves the import stays within the
// databases' parameter limits (SQLite refused ~1 000 claims before the lookups were chunked).
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
      patientControlNumber,
      status: 'SUBMITTED' as const,
      scrubErrors: [],
    })),
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
    const local = t.api.as({ userId: 'hospital-import', organizationId, roles: ['biller'] });
    const summary = await local.importRemittance({ x12 });
    expect(summary).toMatchObject({
      claimPayments: CLAIMS,
      matched: CLAIMS,
      unmatched: 0,
      totalPaidCents: CLAIMS * 18_000,
    });
    const posted = await t.db.ledgerEntry.count({
      where: { organizationId, kind: 'INSURANCE_PAYMENT', claim: { patientControlNumber: { startsWith: 'RCH' } } },
    });
    expect(posted).toBeGreaterThanOrEqual(CLAIMS);
    expect((await local.importRemittance({ x12 })).duplicate).toBe(true);
  }, 300_000);
});
