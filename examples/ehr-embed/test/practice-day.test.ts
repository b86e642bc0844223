import { createTestDatabase } from '@revcycle/testkit';
import type { TestDatabase } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billingClient } from '../src/billing-client.ts';
import { startEhr } from '../src/ehr-app.ts';
import type { EhrApp } from '../src/ehr-app.ts';
import { billADay, claimStatus, setUpPractice } from '../src/practice-day.ts';

let database: TestDatabase;
let ehr: EhrApp;
beforeAll(async () => {
  database = await createTestDatabase();
  ehr = await startEhr({ database: database.databaseUrl });
});
afterAll(async () => {
  await ehr.close();
  await database.drop();
});

describe('Meadowlark EHR with revcycle mounted under /billing/graphql', () => {
  it('bills a day at the practice from the EHR’s own code, through the typed client, to a paid claim', async () => {
    const org = await ehr.api.organizations.create({ name: 'Meadowlark customer' });
    const request = billingClient(
      `${ehr.url}/billing/graphql`,
      ehr.login({ userId: 'dr-alvarez', organizationId: org.id, roles: ['admin'] }),
    );
    const ids = await setUpPractice(request);
    const day = await billADay(request, ids, new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10));
    expect(day.totalChargeCents).toBe(24_000);
    expect(day.batches).toEqual([{ format: '837P', status: 'SENT' }]);
    const polled = await ehr.api.pollPayerConnectors();
    expect(polled.map((f) => f.kind)).toEqual(['999', '277CA', '835']);
    const status = await claimStatus(request, day.claimId);
    expect(status.status).toBe('PAID');
    // The sandbox allows 80 %: 99214 $156.00 (copay $20.00, 20 % of $136.00 = $27.20), 83036 $36.00 (20 % = $7.20).
    expect(status.balance).toEqual({ insuranceCents: 0, patientCents: 2_000 + 2_720 + 720 });
    expect(status.statusHistory.map((h) => h.toStatus)).toEqual([
      'DRAFT',
      'READY',
      'SUBMITTED',
      'ACKNOWLEDGED',
      'ACCEPTED',
      'PAID',
    ]);
  });

  it('keeps its own routes and answers 401 to a request without an EHR session', async () => {
    expect(await (await fetch(`${ehr.url}/health`)).json()).toEqual({ ok: true });
    const anonymous = await fetch(`${ehr.url}/billing/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ viewer { userId } }' }),
    });
    expect(anonymous.status).toBe(401);
  });
});
