import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBillingApi } from '@revcycle/core';
import type { BillingApi } from '@revcycle/core';
import { sandboxPayer } from '@revcycle/payer-sandbox';
import { sftpPayer } from '@revcycle/payer-sftp';
import { createTestApi, TEST_JWT_SECRET } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { opensshAvailable, startOpenSsh } from '@revcycle/testkit/openssh-server';
import type { OpenSshServer } from '@revcycle/testkit/openssh-server';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxWorld } from './sandbox-world.ts';

// A claim's whole trip through an SFTP clearinghouse (from #26): submitClaims uploads the 837 to a real OpenSSH
// server; the clearinghouse (the sandbox payer reading that very file) answers with a 999, a 277CA and an 835
// dropped in the inbound folder; two API instances on the same database poll the server at once; each file is
// applied once and archived, and the claim is PAID — on SQLite and on PostgreSQL.

let server: OpenSshServer;
let t: TestApi;
let second: BillingApi;
let token: string;
const folders = { outbound: '', inbound: '' };

const connector = () =>
  sftpPayer({
    host: '127.0.0.1',
    port: server.port,
    username: server.username,
    privateKey: server.privateKey,
    hostKeyFingerprint: server.fingerprint,
    ...folders,
    settleMs: 200,
  });

beforeAll(async () => {
  if (!opensshAvailable) return;
  server = await startOpenSsh();
  folders.outbound = join(server.root, 'to-clearinghouse');
  folders.inbound = join(server.root, 'from-clearinghouse');
  mkdirSync(folders.outbound);
  mkdirSync(folders.inbound);
  t = await createTestApi({ payers: [connector()] });
  second = createBillingApi({
    database: t.db,
    auth: { secret: TEST_JWT_SECRET },
    logger: pino({ level: 'silent' }),
    payers: [connector()],
  });
  token = await t.token((await t.createOrganization('SFTP Billing')).id, ['admin']);
});
afterAll(async () => {
  await second?.close();
  await t?.close();
  await server?.stop();
});

/** The clearinghouse's side: reads what was uploaded and drops its answers in the inbound folder. */
async function clearinghouseAnswers(): Promise<string[]> {
  const payer = sandboxPayer();
  const uploads = readdirSync(folders.outbound).filter((name) => !name.startsWith('.'));
  for (const name of uploads) {
    const content = readFileSync(join(folders.outbound, name), 'latin1');
    await payer.submit!(
      { batchId: name, organizationId: '', interchangeControlNumber: '', format: '837P', content, claimCount: 1 },
      new AbortController().signal,
    );
  }
  const answers = await payer.fetchResponses!(new AbortController().signal);
  for (const file of answers) writeFileSync(join(folders.inbound, file.name), file.content, 'latin1');
  return answers.map((file) => file.name);
}

describe.skipIf(!opensshAvailable)('a claim through an SFTP clearinghouse', () => {
  it('is uploaded, answered with a 999, 277CA and 835 that two polling instances apply once, and is PAID', async () => {
    const world = await sandboxWorld(t, token, { connectorId: 'sftp' });
    const claimId = await world.claimFor('W0001');
    expect(await world.submit([claimId])).toBe(true);
    const uploaded = readdirSync(folders.outbound);
    expect(uploaded).toEqual([expect.stringMatching(/^\d{9}-.+\.837p\.x12$/)]);
    expect(readFileSync(join(folders.outbound, uploaded[0]!), 'latin1')).toMatch(/^ISA\*[\s\S]*\nCLM\*/);

    const dropped = await clearinghouseAnswers();
    expect(dropped.map((name) => name.split('.').pop()).sort()).toEqual(['277', '835', '999']);
    const [a, b] = await Promise.all([t.api.pollPayerConnectors(), second.pollPayerConnectors()]);
    const applied = [...a, ...b];
    expect(applied.every((file) => file.ok)).toBe(true);
    // Every file was handled; one the other instance had applied first is "already" so, never applied twice.
    expect(new Set(applied.map((file) => file.name))).toEqual(new Set(dropped));
    expect(readdirSync(join(folders.inbound, 'archive')).sort()).toEqual([...dropped].sort());
    expect(readdirSync(folders.inbound)).toEqual(['archive']);

    const claim = await world.gql<{ node: { status: string; balance: { insuranceCents: number } } }>(
      `query($id: ID!) { node(id: $id) { ... on Claim { status balance { insuranceCents } } } }`,
      { id: claimId },
    );
    expect(claim.node).toEqual({ status: 'PAID', balance: { insuranceCents: 0 } });
    const payments = await t.db.ledgerEntry.count({ where: { kind: 'INSURANCE_PAYMENT' } });
    expect(payments).toBe(2); // one per service line, once
    // A later poll finds nothing new.
    expect(await t.api.pollPayerConnectors()).toEqual([]);
  });
});
