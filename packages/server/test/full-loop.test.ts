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
  const res = await running.api.yoga.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'revcycle-loop-'));
  const config = { ...readServerConfig({ DATABASE_URL: `file:${join(dir, 'r.db')}` }), port: 0 };
  running = await startServer(config, pino({ level: 'silent' }));
  const org = await running.api.db.organization.findFirstOrThrow();
  token = await signToken({ secret: config.auth.secret!, organizationId: org.id, roles: ['admin'], userId: 'loop' });
});
afterAll(() => running.stop());

describe('the demo’s claim loop through GraphQL, with the sandbox clearinghouse', () => {
  it('encounter → claim → scrub → submit → 999 → 277CA → ACCEPTED', async () => {
    const { patientByExternalId: patient } = await gql<{ patientByExternalId: { coverages: Array<{ id: string }>; encounters: { nodes: Array<{ id: string }> } } }>(
      '{ patientByExternalId(externalId: "demo-patient-2") { coverages { id } encounters(first: 1) { nodes { id } } } }',
    );
    const created = await gql<{ createClaim: { claim: { id: string } } }>(
      'mutation($input: CreateClaimInput!) { createClaim(input: $input) { ... on ClaimSuccess { claim { id } } } }',
      { input: { encounterId: patient.encounters.nodes[0]!.id, coverageId: patient.coverages[0]!.id } },
    );
    const claimId = created.createClaim.claim.id;
    const scrubbed = await gql<{ scrubClaim: { passed: boolean; findings: unknown[] } }>('mutation($id: ID!) { scrubClaim(input: { claimId: $id }) { ... on ScrubClaimSuccess { passed findings { ruleId message } } } }', { id: claimId });
    expect(scrubbed.scrubClaim).toEqual({ passed: true, findings: [] });
    const submitted = await gql<{ submitClaims: { results: Array<{ submitted: boolean }>; batches: Array<{ connectorId: string; status: string }> } }>(
      'mutation($id: ID!) { submitClaims(input: { claimIds: [$id] }) { results { submitted } batches { connectorId status } } }', { id: claimId },
    );
    expect(submitted.submitClaims).toEqual({ results: [{ submitted: true }], batches: [{ connectorId: 'sandbox', status: 'SENT' }] });

    // The host hands what the clearinghouse sent back to importResponses (a poller would do the same).
    const sandbox = running.api.plugins.payers.get('sandbox')!;
    const files = await sandbox.fetchResponses!(new AbortController().signal);
    expect(files.map((f) => f.name.split('.').pop()).sort()).toEqual(['277', '999']);
    const imported = await gql<{ importResponses: Array<{ kind: string; imported: boolean; claimsUpdated: number }> }>(
      'mutation($input: ImportResponsesInput!) { importResponses(input: $input) { kind imported claimsUpdated } }',
      { input: { files: files.sort((a, b) => (a.name.endsWith('.999') ? -1 : b.name.endsWith('.999') ? 1 : 0)).map((f) => ({ name: f.name, content: f.content })) } },
    );
    expect(imported.importResponses).toEqual([{ kind: '999', imported: true, claimsUpdated: 1 }, { kind: '277CA', imported: true, claimsUpdated: 1 }]);
    const claim = await gql<{ node: { status: string; payerClaimControlNumber: string; statusHistory: Array<{ toStatus: string }> } }>(
      'query($id: ID!) { node(id: $id) { ... on Claim { status payerClaimControlNumber statusHistory { toStatus } } } }', { id: claimId },
    );
    expect(claim.node.status).toBe('ACCEPTED');
    expect(claim.node.payerClaimControlNumber).toMatch(/^SBX/);
    expect(claim.node.statusHistory.map((h) => h.toStatus)).toEqual(['DRAFT', 'READY', 'SUBMITTED', 'ACKNOWLEDGED', 'ACCEPTED']);
  });
});
