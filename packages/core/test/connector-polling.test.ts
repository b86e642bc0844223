import { definePayerConnector } from '@revcycle/core';
import type { InboundFile } from '@revcycle/core';
import { createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeLease } from '../src/inbound/job-lease.ts';
import { era, paidInFull, remittanceWorld } from './remittance-fixtures.ts';
import { ack277CA } from './response-fixtures.ts';

/** A clearinghouse mailbox: files wait in `inbox` until acknowledged. */
const inbox: InboundFile[] = [];
const acknowledged: Array<{ name: string; ok: boolean; failure?: string }> = [];
let fetches = 0;
const mailbox = definePayerConnector({
  id: 'mailbox',
  displayName: 'Mailbox clearinghouse',
  capabilities: ['submit', 'responses'],
  async submit(batch) {
    return { reference: `up-${batch.batchId}` };
  },
  async fetchResponses() {
    fetches++;
    return [...inbox];
  },
  async acknowledgeResponse(file, outcome) {
    inbox.splice(
      inbox.findIndex((f) => f.name === file.name),
      1,
    );
    acknowledged.push({ name: file.name, ok: outcome.ok, ...(outcome.ok ? {} : { failure: outcome.failure }) });
  },
});

let t: TestApi;
beforeAll(async () => {
  t = await createTestApi({ payers: [mailbox] });
});
afterAll(() => t.close());

async function orgWithClaim(name: string) {
  const token = await t.token((await t.createOrganization(name)).id, ['admin']);
  const w = await remittanceWorld(t, token);
  await t.execute(`mutation { updatePayer(input: { id: "${w.bcbsId}", connectorId: "mailbox" }) { __typename } }`, {
    token,
  });
  const p = await w.patient();
  const c = await w.submittedClaim(p);
  return { token, claim: c };
}

const CLAIM = `query($id: ID!) { node(id: $id) { ... on Claim { status balance { insuranceCents patientCents } } } }`;

describe('polling payer connectors', () => {
  it('routes each file to its organization by what it names, applies it, and acknowledges it', async () => {
    const a = await orgWithClaim('North Clinic');
    const b = await orgWithClaim('South Clinic');
    inbox.push(
      { name: 'era-north.835', content: era('EFT-POLL-1', [paidInFull(a.claim)]) },
      {
        name: 'era-south.835',
        content: era('EFT-POLL-2', [
          {
            pcn: b.claim.pcn,
            statusCode: '4',
            chargeCents: 22_000,
            paidCents: 0,
            adjustments: [{ groupCode: 'CO', reasonCode: '29', amountCents: 22_000 }],
          },
        ]),
      },
      { name: 'era-nobody.835', content: era('EFT-POLL-3', [{ ...paidInFull(a.claim), pcn: 'NOBODY-1' }]) },
      { name: 'junk.txt', content: 'not x12 at all' },
    );
    const results = await t.api.pollPayerConnectors();
    expect(results.map((r) => [r.name, r.ok])).toEqual([
      ['era-north.835', true],
      ['era-south.835', true],
      ['era-nobody.835', false],
      ['junk.txt', false],
    ]);
    expect(inbox).toHaveLength(0);
    expect(acknowledged.find((f) => f.name === 'era-nobody.835')?.failure).toMatch(/which organization/);

    const north = await t.execute<{
      node: { status: string; balance: { insuranceCents: number; patientCents: number } };
    }>(CLAIM, { token: a.token, variables: { id: a.claim.id } });
    expect(north.data!.node).toEqual({ status: 'PAID', balance: { insuranceCents: 0, patientCents: 2_785 } });
    const south = await t.execute<{ node: { status: string } }>(CLAIM, {
      token: b.token,
      variables: { id: b.claim.id },
    });
    expect(south.data!.node.status).toBe('DENIED');
    // The same file again posts nothing more.
    inbox.push({ name: 'era-north-again.835', content: era('EFT-POLL-1', [paidInFull(a.claim)]) });
    const again = await t.api.pollPayerConnectors();
    expect(again[0]).toMatchObject({ ok: true, message: 'already posted' });
  });

  it('leaves a paid claim PAID when its 277CA is read after the 835', async () => {
    const c = await orgWithClaim('Late Ack Clinic');
    inbox.push(
      { name: 'a-era.835', content: era('EFT-LATE-1', [paidInFull(c.claim)]) },
      { name: 'b-ack.277', content: ack277CA([{ pcn: c.claim.pcn, accepted: true }]) },
    );
    const results = await t.api.pollPayerConnectors();
    expect(results.map((r) => [r.kind, r.ok, r.message])).toEqual([
      ['835', true, 'posted 1 claim payment(s), 0 unmatched'],
      ['277CA', true, '0 claim(s) updated, 0 unmatched'],
    ]);
    const claim = await t.execute<{ node: { status: string } }>(CLAIM, {
      token: c.token,
      variables: { id: c.claim.id },
    });
    expect(claim.data!.node.status).toBe('PAID');
  });

  it('of several instances, one takes the polling lease at a time', async () => {
    const holders = ['i-1', 'i-2', 'i-3', 'i-4', 'i-5'];
    const won = await Promise.all(holders.map((h) => takeLease(t.db, 'test-lease', h, 60_000)));
    expect(won.filter(Boolean)).toHaveLength(1);
    const winner = holders[won.indexOf(true)]!;
    expect(await takeLease(t.db, 'test-lease', winner, 60_000)).toBe(true);
    expect(await takeLease(t.db, 'test-lease', 'i-9', 60_000)).toBe(false);
    // Once expired, another instance takes it.
    expect(await takeLease(t.db, 'test-lease', 'i-9', 60_000, new Date(Date.now() + 120_000))).toBe(true);
  });

  it('startPolling polls on its interval and stops cleanly', async () => {
    const before = fetches;
    const stop = t.api.startPolling({ intervalMs: 50 });
    await new Promise((r) => setTimeout(r, 400));
    await stop();
    const after = fetches;
    expect(after).toBeGreaterThan(before);
    await new Promise((r) => setTimeout(r, 150));
    expect(fetches).toBe(after);
  });
});
