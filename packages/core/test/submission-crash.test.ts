import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { arrange, createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderClearinghouse } from './processes/folder-clearinghouse.ts';

// A real crash: a process submits a claim, the clearinghouse takes the file, and the process is killed (-9) before
// it records the delivery. The next instance (this test's API, on the same database) reconciles on its polling
// round: the batch is completed with the same file and control number, the clearinghouse holds one interchange,
// the claim is SUBMITTED and charged once.
const folder = mkdtempSync(join(tmpdir(), 'revcycle-clearinghouse-'));
let t: TestApi;
let organizationId: string;

beforeAll(async () => {
  t = await createTestApi({ payers: [folderClearinghouse(folder)] });
  organizationId = (await t.createOrganization('Crash Clinic')).id;
});
afterAll(() => t.close());

async function readyClaim(): Promise<string> {
  const a = arrange(t.api, organizationId);
  const practice = await a.practice();
  const provider = await a.provider(practice.id);
  const payer = await a.payer({ connectorId: 'folder-clearinghouse' });
  const patient = await a.patient(practice.id, [payer.id]);
  const coverage = await t.db.coverage.findFirstOrThrow({ where: { patientId: patient.id } });
  const { encounter } = await a.local.createEncounter({
    practiceId: practice.id,
    patientId: patient.id,
    renderingProviderId: provider.id,
    coverageId: coverage.id,
    dateOfService: '2026-11-02',
    diagnoses: ['J06.9'],
    serviceLines: [{ procedureCode: '99213', chargeCents: 12_000, diagnosisPointers: [1] }],
  });
  const { claim } = await a.local.createClaim({ encounterId: encounter.id, coverageId: coverage.id });
  await a.local.scrubClaim({ claimId: claim.id });
  return claim.id;
}

function submitAndCrash(claimId: string): Promise<void> {
  const script = join(import.meta.dirname, 'processes', 'submit-then-crash.ts');
  const args = [t.database.target.url, organizationId, claimId, folder];
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@revcycle/source', script, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    cwd: join(import.meta.dirname, '..'),
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('DELIVERED')) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`the submitting process ended on its own (${_code})`)),
    );
  });
}

describe('a crash between delivery and the commit that records it', () => {
  it('is reconciled by the next instance: one interchange, the claim SUBMITTED and charged once', async () => {
    const claimId = await readyClaim();
    await submitAndCrash(claimId);

    const [batch] = await t.db.submissionBatch.findMany({ where: { organizationId } });
    expect(batch).toMatchObject({ status: 'PENDING', claimCount: 1 });
    expect(readdirSync(folder)).toEqual([`${batch!.id}.x12`]);
    expect((await t.db.claim.findUniqueOrThrow({ where: { id: claimId } })).status).toBe('READY');

    const reconciled = await t.api.reconcileSubmissions({ pendingForMs: 0 });
    expect(reconciled.redelivered).toEqual([batch!.id]);
    expect(readdirSync(folder)).toEqual([`${batch!.id}.x12`]);
    expect(readFileSync(join(folder, `${batch!.id}.x12`), 'utf8')).toBe(batch!.content);
    expect(await t.db.submissionBatch.findUniqueOrThrow({ where: { id: batch!.id } })).toMatchObject({
      status: 'SENT',
      interchangeControlNumber: batch!.interchangeControlNumber,
      connectorReference: `FOLDER-${batch!.interchangeControlNumber}`,
    });
    expect((await t.db.claim.findUniqueOrThrow({ where: { id: claimId } })).status).toBe('SUBMITTED');
    expect(await t.db.ledgerEntry.count({ where: { claimId, kind: 'CHARGE' } })).toBe(1);

    expect((await t.api.reconcileSubmissions({ pendingForMs: 0 })).redelivered).toEqual([]);
  }, 120_000);
});
