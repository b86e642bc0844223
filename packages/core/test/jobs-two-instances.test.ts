import { createBillingApi } from '@revcycle/core';
import type { BillingApi } from '@revcycle/core';
import { TEST_JWT_SECRET, businessHoursClock, createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptingClearinghouse, era, paidInFull, remittanceWorld } from './remittance-fixtures.ts';

// Two server instances on one database, sharing a clock: the scheduler on both, every day, at the same moment.
const clock = businessHoursClock();
let t: TestApi;
let second: BillingApi;
let token: string;
beforeAll(async () => {
  t = await createTestApi({ payers: [acceptingClearinghouse], clock });
  second = createBillingApi({
    database: t.database.databaseUrl,
    auth: { secret: TEST_JWT_SECRET },
    payers: [acceptingClearinghouse],
    clock,
    logger: pino({ level: 'silent' }),
  });
  token = await t.token((await t.createOrganization('Two Instances')).id, ['admin']);
});
afterAll(async () => {
  await second.close();
  await t.close();
});

describe('scheduled jobs with two server instances', () => {
  it('runs each practice-day once, whichever instance takes it', async () => {
    expect(t.api.jobs.engine).toBe(process.env.DATABASE_URL?.startsWith('postgres') ? 'pg-boss' : 'in-process');
    const w = await remittanceWorld(t, token);
    const patient = await w.patient();
    const claim = await w.submittedClaim(patient, '2026-10-01');
    const res = await t.execute(`mutation($x12: String!) { importRemittance(input: { x12: $x12 }) { __typename } }`, {
      token,
      variables: { x12: era('EFT-TWO-1', [paidInFull(claim)]) },
    });
    expect(res.errors).toBeUndefined();

    const ran: string[] = [];
    for (let day = 0; day < 50; day++) {
      if (day > 0) clock.advanceDays(1);
      for (const round of await Promise.all([
        t.api.runScheduledJobs(),
        second.runScheduledJobs(),
        t.api.runScheduledJobs(),
      ]))
        ran.push(...round.ran);
    }
    // 50 days, one practice: 50 jobs, each run by exactly one instance.
    expect(ran).toHaveLength(50);
    expect(new Set(ran).size).toBe(50);
    // …so the account got each step once: statements on days 0 and 30, the reminder on day 45.
    const comms = await t.db.communication.findMany({ orderBy: { occurredAt: 'asc' } });
    expect(comms.map((c) => c.purpose)).toEqual(['STATEMENT', 'STATEMENT', 'REMINDER']);
    expect(await t.db.statement.count()).toBe(2);
  });

  it('a job whose worker died is taken again after its lock expires (in-database queue)', async () => {
    if (t.api.jobs.engine !== 'in-process') return; // pg-boss's own expiry does this on PostgreSQL
    await t.api.jobs.enqueue('test-job', 'crashed-1', { n: 1 });
    // The worker took it and died: ACTIVE with a lock that has run out.
    await t.db.scheduledJob.updateMany({
      where: { key: 'crashed-1' },
      data: { status: 'ACTIVE', attempts: 1, lockedUntil: new Date(Date.now() - 1000) },
    });
    const seen: unknown[] = [];
    expect(await t.api.jobs.workDue({ 'test-job': async (data) => void seen.push(data) })).toEqual(['crashed-1']);
    expect(seen).toEqual([{ n: 1 }]);
    expect(await t.api.jobs.enqueue('test-job', 'crashed-1', { n: 1 })).toBe(false); // once per key, ever
    expect(
      await t.api.jobs.workDue({
        'test-job': async () => {
          throw new Error('must not run again');
        },
      }),
    ).toEqual([]);
  });
});
