import { isCalendarDate, isValidNpi } from '@revcycle/core';
import { createTestDatabase } from '@revcycle/testkit';
import type { TestDatabase } from '@revcycle/testkit';
import { createDb } from '@revcycle/core';
import type { Db } from '@revcycle/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/demo/seed-demo.ts';

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.target);
});
afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

describe('seedDemo', () => {
  it('creates a varied, valid demo organization once', async () => {
    const first = await seedDemo(db, new Date('2026-06-15T12:00:00Z'));
    expect(first.created).toBe(true);
    const again = await seedDemo(db);
    expect(again).toEqual({ organizationId: first.organizationId, created: false });

    const where = { organizationId: first.organizationId };
    expect(await db.practice.count({ where })).toBe(2);
    expect(await db.payer.count({ where })).toBeGreaterThanOrEqual(5);
    expect(await db.patient.count({ where })).toBeGreaterThanOrEqual(10);
    expect(await db.coverage.count({ where: { ...where, priority: 'SECONDARY' } })).toBeGreaterThanOrEqual(2);
    expect(await db.guarantor.count({ where: { ...where, relationship: 'PARENT' } })).toBeGreaterThanOrEqual(2);

    const npis = [...(await db.practice.findMany({ where })), ...(await db.provider.findMany({ where }))].map((r) => r.npi);
    expect(npis.every(isValidNpi)).toBe(true);

    const encounters = await db.encounter.findMany({ where, include: { diagnoses: true, serviceLines: true } });
    expect(encounters.length).toBeGreaterThanOrEqual(8);
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
});
