import { isCalendarDate, isValidNpi, ManualClock } from '@revcycle/core';
import { createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/demo/seed-demo.ts';
import { productPlugins } from '../src/product-plugins.ts';

let t: TestApi;

beforeAll(async () => {
  t = await createTestApi({ ...productPlugins(), clock: new ManualClock(new Date('2026-06-15T12:00:00Z')) });
});
afterAll(() => t.close());

describe('seedDemo', () => {
  it('creates a varied, valid demo organization once, through the local API', async () => {
    const first = await seedDemo(t.api);
    expect(first.created).toBe(true);
    const again = await seedDemo(t.api);
    expect(again).toEqual({ organizationId: first.organizationId, created: false });

    const db = t.db;
    const where = { organizationId: first.organizationId };
    expect(await db.practice.count({ where })).toBe(2);
    expect(await db.payer.count({ where })).toBe(5);
    expect(await db.patient.count({ where })).toBe(12);
    expect(await db.coverage.count({ where: { ...where, priority: 'SECONDARY' } })).toBe(2);
    expect(await db.guarantor.count({ where: { ...where, relationship: 'PARENT' } })).toBe(2);
    // Written by the operations, so audited as the seed: one event per record-creating call.
    const audit = await db.auditEvent.findMany({ where: { ...where, actorId: 'demo-seed' } });
    expect(new Set(audit.map((a) => a.action))).toEqual(
      new Set([
        'createPractice',
        'createProvider',
        'createFacility',
        'createPayer',
        'importFeeSchedule',
        'createPatient',
        'recordContactConsent',
        'createEncounter',
      ]),
    );
    // The demo's mobile numbers come with the consent to text them (texts are refused without one).
    expect(await db.contactConsent.count({ where: { ...where, channel: 'TEXTS', revokedAt: null } })).toBe(
      await db.patient.count({ where: { ...where, mobilePhone: { not: null }, smsOptOut: false } }),
    );

    const npis = [...(await db.practice.findMany({ where })), ...(await db.provider.findMany({ where }))].map(
      (r) => r.npi,
    );
    expect(npis.every(isValidNpi)).toBe(true);

    const encounters = await db.encounter.findMany({ where, include: { diagnoses: true, serviceLines: true } });
    expect(encounters).toHaveLength(10);
    for (const encounter of encounters) {
      expect(isCalendarDate(encounter.dateOfService)).toBe(true);
      expect(encounter.dateOfService < '2026-06-15').toBe(true);
      for (const line of encounter.serviceLines) {
        expect(line.chargeCents).toBeGreaterThan(0);
        const pointers = line.diagnosisPointers.split(',').map(Number);
        expect(pointers.every((p) => p >= 1 && p <= encounter.diagnoses.length)).toBe(true);
      }
    }
  });

  it('finishes a seed that stopped half-way instead of duplicating it', async () => {
    const { organizationId } = await seedDemo(t.api);
    // As if the process died after the first visits: the last visits are missing.
    const last = await t.db.encounter.findMany({
      where: { organizationId, externalId: { in: ['demo-visit-9', 'demo-visit-10'] } },
    });
    await t.db.serviceLine.deleteMany({ where: { encounterId: { in: last.map((e) => e.id) } } });
    await t.db.diagnosis.deleteMany({ where: { encounterId: { in: last.map((e) => e.id) } } });
    await t.db.encounter.deleteMany({ where: { id: { in: last.map((e) => e.id) } } });
    expect(await seedDemo(t.api)).toEqual({ organizationId, created: false });
    expect(await t.db.encounter.count({ where: { organizationId } })).toBe(10);
    expect(await t.db.patient.count({ where: { organizationId } })).toBe(12);
    expect(await t.db.coverage.count({ where: { organizationId } })).toBe(13);
  });
});
