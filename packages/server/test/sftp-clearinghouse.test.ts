import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
    inquiries: { transactions: ['270', '276'], waitMs: 10_000, pollMs: 200 },
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

  it('asks eligibility and claim status as 270 and 276 files, their 271 and 277 read from the inbound folder', async () => {
    const world = await sandboxWorld(t, token, { connectorId: 'sftp' });
    const claimId = await world.claimFor('W0002');
    expect(await world.submit([claimId])).toBe(true);
    // The clearinghouse answers each inquiry file it finds with the sandbox payer's 271 or 277; the payer has the
    // claim's 837 (what was uploaded), so its 277 knows the claim.
    const payer = sandboxPayer();
    for (const name of readdirSync(folders.outbound).filter((n) => n.endsWith('.837p.x12'))) {
      const content = readFileSync(join(folders.outbound, name), 'latin1');
      const batch = { batchId: name, organizationId: '', interchangeControlNumber: '', claimCount: 1 };
      await payer.submit!({ ...batch, format: '837P', content }, new AbortController().signal);
    }
    const answered = new Set<string>();
    const clearinghouse = setInterval(async () => {
      for (const name of readdirSync(folders.outbound).filter((n) => /\.(270|276)\.x12$/.test(n))) {
        if (answered.has(name)) continue;
        answered.add(name);
        const request = readFileSync(join(folders.outbound, name), 'latin1');
        const signal = new AbortController().signal;
        const reply = name.endsWith('.270.x12')
          ? await payer.checkEligibility!(request, signal)
          : await payer.checkClaimStatus!(request, signal);
        writeFileSync(join(folders.inbound, `${name}.answer`), reply, 'latin1');
      }
    }, 100);
    try {
      const { node } = await world.gql<{ node: { coverage: { id: string } } }>(
        'query($id: ID!) { node(id: $id) { ... on Claim { coverage { id } } } }',
        { id: claimId },
      );
      const eligibility = await world.gql<{ checkEligibility: { __typename: string; check: { active: boolean } } }>(
        `mutation($id: ID!) { checkEligibility(input: { coverageId: $id, serviceDate: "2026-09-14" }) {
          __typename ... on CheckEligibilitySuccess { check { active } } } }`,
        { id: node.coverage.id },
      );
      expect(eligibility.checkEligibility).toEqual({ __typename: 'CheckEligibilitySuccess', check: { active: true } });
      const status = await world.gql<{
        checkClaimStatus: { __typename: string; message: string; claim: { status: string } };
      }>(
        `mutation($id: ID!) { checkClaimStatus(input: { claimId: $id }) {
          __typename ... on ClaimStatusCheck { message claim { status } } } }`,
        { id: claimId },
      );
      // The sandbox adjudicated the claim when it took the 837: F1 (finalized, paid) is recorded on the history and
      // leaves the status to the 835.
      expect(status.checkClaimStatus).toEqual({
        __typename: 'ClaimStatusCheck',
        message: '277 claim status: F1:65',
        claim: { status: 'SUBMITTED' },
      });
      expect([...answered].map((name) => name.split('.').at(-2)).sort()).toEqual(['270', '276']);
      const archived = readdirSync(join(folders.inbound, 'archive')).filter((name) => name.endsWith('.answer'));
      expect(archived.length).toBe(2);
      expect(existsSync(join(folders.inbound, 'failed'))).toBe(false);
    } finally {
      clearInterval(clearinghouse);
    }
  });
});
