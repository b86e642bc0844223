import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signToken } from '@revcycle/core';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readServerConfig } from '../src/env-config.ts';
import { startServer } from '../src/serve.ts';
import type { RunningServer } from '../src/serve.ts';

let running: RunningServer;
let token: string;

async function gql<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await running.api.yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'revcycle-loop-'));
  const config = { ...readServerConfig({ DATABASE_URL: `file:${join(dir, 'r.db')}` }, { development: true }), port: 0 };
  running = await startServer(config, pino({ level: 'silent' }));
  const org = await running.api.db.organization.findFirstOrThrow();
  token = await signToken({ secret: config.auth.secret!, organizationId: org.id, roles: ['admin'], userId: 'loop' });
});
afterAll(() => running.stop());

describe('the demo’s claim loop through GraphQL, with the sandbox clearinghouse', () => {
  it('encounter → claim → scrub → submit → 999 → 277CA → 835 → PAID, with the patient’s share on the ledger', async () => {
    const { patientByExternalId: patient } = await gql<{
      patientByExternalId: { coverages: Array<{ id: string }>; encounters: { nodes: Array<{ id: string }> } };
    }>(
      '{ patientByExternalId(externalId: "demo-patient-2") { coverages { id } encounters(first: 1) { nodes { id } } } }',
    );
    const created = await gql<{ createClaim: { claim: { id: string } } }>(
      'mutation($input: CreateClaimInput!) { createClaim(input: $input) { ... on ClaimSuccess { claim { id } } } }',
      { input: { encounterId: patient.encounters.nodes[0]!.id, coverageId: patient.coverages[0]!.id } },
    );
    const claimId = created.createClaim.claim.id;
    const scrubbed = await gql<{ scrubClaim: { passed: boolean; findings: unknown[] } }>(
      'mutation($id: ID!) { scrubClaim(input: { claimId: $id }) { ... on ScrubClaimSuccess { passed findings { ruleId message } } } }',
      { id: claimId },
    );
    // The demo loads ICD-10-CM, NCCI, MUE and MCE subsets but ships no CPT (licensed): the scrubber says so.
    expect(scrubbed.scrubClaim).toEqual({
      passed: true,
      findings: [{ ruleId: 'CODE_SET_MISSING', message: expect.stringMatching(/^No CPT release is loaded for /) }],
    });
    const submitted = await gql<{
      submitClaims: { results: Array<{ submitted: boolean }>; batches: Array<{ connectorId: string; status: string }> };
    }>(
      'mutation($id: ID!) { submitClaims(input: { claimIds: [$id] }) { results { submitted } batches { connectorId status } } }',
      { id: claimId },
    );
    expect(submitted.submitClaims).toEqual({
      results: [{ submitted: true }],
      batches: [{ connectorId: 'sandbox', status: 'SENT' }],
    });

    // The poller reads what the sandbox sent back (999, 277CA, then its 835) and applies it, as `serve` does on its interval.
    const polled = await running.api.pollPayerConnectors();
    expect(polled.map((f) => [f.kind, f.ok])).toEqual([
      ['999', true],
      ['277CA', true],
      ['835', true],
    ]);
    const claim = await gql<{
      node: {
        status: string;
        payerClaimControlNumber: string;
        statusHistory: Array<{ toStatus: string }>;
        balance: { insuranceCents: number; patientCents: number };
        patient: { balance: { patientCents: number } };
      };
    }>(
      'query($id: ID!) { node(id: $id) { ... on Claim { status payerClaimControlNumber statusHistory { toStatus } balance { insuranceCents patientCents } patient { balance { patientCents } } } } }',
      { id: claimId },
    );
    expect(claim.node.payerClaimControlNumber).toMatch(/^SBX/);
    expect(claim.node.statusHistory.map((h) => h.toStatus)).toEqual([
      'DRAFT',
      'READY',
      'SUBMITTED',
      'ACKNOWLEDGED',
      'ACCEPTED',
      'PAID',
    ]);
    // 99213 at $135.00: the sandbox allows 80 % ($108.00, CO-45 $27.00), the patient owes the $20.00 copay and 20 %
    // of the remaining $88.00 ($17.60), the payer pays $70.40. Nothing is left on the insurance side.
    expect(claim.node.balance).toEqual({ insuranceCents: 0, patientCents: 3_760 });
    expect(claim.node.patient.balance.patientCents).toBe(3_760);
  });
});
