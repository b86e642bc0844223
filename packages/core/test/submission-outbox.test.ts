import { definePayerConnector } from '@revcycle/core';
import type { OutboundBatch } from '@revcycle/core';
import { arrange, createTestApi } from '@revcycle/testkit';
import type { Arrangers, TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** A clearinghouse that keeps what it received, once per batch id (as the connector contract asks). */
const received: OutboundBatch[] = [];
const clearinghouse = definePayerConnector({
  id: 'outbox-clearinghouse',
  displayName: 'Outbox clearinghouse',
  capabilities: ['submit'],
  async submit(batch) {
    if (!received.some((b) => b.batchId === batch.batchId)) received.push(batch);
    return { reference: `CH-${batch.interchangeControlNumber}` };
  },
});

let t: TestApi;
let a: Arrangers;
let organizationId: string;

beforeAll(async () => {
  t = await createTestApi({ payers: [clearinghouse] });
  organizationId = (await t.createOrganization('Outbox Clinic')).id;
  a = arrange(t.api, organizationId);
});
afterAll(() => t.close());

/** A READY claim, and the PENDING batch a crash between recording it and delivering it would leave. */
async function interruptedSubmission(status: 'PENDING' | 'SENT') {
  const practice = await a.practice();
  const provider = await a.provider(practice.id);
  const payer = await a.payer({ connectorId: 'outbox-clearinghouse' });
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
  const batch = await t.db.submissionBatch.create({
    data: {
      organizationId,
      connectorId: 'outbox-clearinghouse',
      status,
      interchangeControlNumber: `00000${Math.floor(Math.random() * 9000) + 1000}`,
      format: '837P',
      content: `ISA*…the file exactly as recorded for ${claim.patientControlNumber}~`,
      claimCount: 1,
      totalChargeCents: 12_000,
      connectorReference: status === 'SENT' ? 'CH-EARLIER' : null,
      submittedAt: status === 'SENT' ? new Date() : null,
      createdAt: new Date(Date.now() - 10 * 60_000),
    },
  });
  await t.db.claim.update({
    where: { id: claim.id },
    data: { submissionBatchId: batch.id, connectorId: 'outbox-clearinghouse' },
  });
  return { claim, batch };
}

describe('submission as an outbox', () => {
  it('delivers a batch a crash left PENDING once, with its own file and control number, and records its claims', async () => {
    const { claim, batch } = await interruptedSubmission('PENDING');
    const first = await t.api.reconcileSubmissions();
    expect(first.redelivered).toContain(batch.id);
    const deliveries = received.filter((b) => b.batchId === batch.id);
    expect(deliveries).toEqual([
      expect.objectContaining({ interchangeControlNumber: batch.interchangeControlNumber, content: batch.content }),
    ]);
    expect(await t.db.submissionBatch.findUniqueOrThrow({ where: { id: batch.id } })).toMatchObject({
      status: 'SENT',
      connectorReference: `CH-${batch.interchangeControlNumber}`,
    });
    expect((await t.db.claim.findUniqueOrThrow({ where: { id: claim.id } })).status).toBe('SUBMITTED');
    const charges = await t.db.ledgerEntry.findMany({ where: { claimId: claim.id, kind: 'CHARGE' } });
    expect(charges.map((c) => c.amountCents)).toEqual([12_000]);

    const again = await t.api.reconcileSubmissions();
    expect(again.redelivered).not.toContain(batch.id);
    expect(received.filter((b) => b.batchId === batch.id)).toHaveLength(1);
  });

  it('leaves a PENDING batch younger than the grace period to the request that is delivering it', async () => {
    const { batch } = await interruptedSubmission('PENDING');
    await t.db.submissionBatch.update({ where: { id: batch.id }, data: { createdAt: new Date() } });
    expect((await t.api.reconcileSubmissions()).redelivered).not.toContain(batch.id);
    expect(received.some((b) => b.batchId === batch.id)).toBe(false);
  });

  it('completes a delivered batch whose claims were not recorded, without delivering it again', async () => {
    const { claim, batch } = await interruptedSubmission('SENT');
    const done = await t.api.reconcileSubmissions();
    expect(done.completed).toContain(batch.id);
    expect(received.some((b) => b.batchId === batch.id)).toBe(false);
    expect((await t.db.claim.findUniqueOrThrow({ where: { id: claim.id } })).status).toBe('SUBMITTED');
    expect(await t.db.ledgerEntry.count({ where: { claimId: claim.id, kind: 'CHARGE' } })).toBe(1);
  });
});
