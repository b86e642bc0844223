import type { Db } from '@revcycle/core';

/** A valid Type 2 NPI and Type 1 NPI (check digits verified by the NPI tests). */
export const PRACTICE_NPI = '1234567893';

let counter = 0;

/** Inserts a practice straight into the database (arranging, not testing, the API). */
export async function insertPractice(db: Db, organizationId: string, name = 'Prairie Family Medicine') {
  counter += 1;
  return db.practice.create({
    data: {
      organizationId,
      name,
      npi: PRACTICE_NPI,
      taxId: '741234567',
      addressLine1: '100 Main St',
      city: 'Austin',
      state: 'TX',
      postalCode: '78701',
      timeZone: 'America/Chicago',
      externalId: `practice-${counter}`,
    },
  });
}

export async function insertPayer(db: Db, organizationId: string, name = 'Lone Star Health') {
  counter += 1;
  return db.payer.create({
    data: { organizationId, name, payerIdentifier: `P${counter}`, claimFilingIndicator: 'CI' },
  });
}

/** A patient with a primary (and optionally a secondary) coverage. */
export async function insertPatientWithCoverage(
  db: Db,
  organizationId: string,
  practiceId: string,
  payerIds: string[],
  n = 0,
) {
  counter += 1;
  const patient = await db.patient.create({
    data: {
      organizationId,
      practiceId,
      accountNumber: `ACC${counter}`,
      firstName: `Pat${n}`,
      lastName: `Doe${n}`,
      dateOfBirth: '1980-04-12',
      sex: 'FEMALE',
    },
  });
  const priorities = ['PRIMARY', 'SECONDARY', 'TERTIARY'] as const;
  for (const [i, payerId] of payerIds.entries()) {
    await db.coverage.create({
      data: {
        organizationId,
        patientId: patient.id,
        payerId,
        memberId: `M${counter}${i}`,
        priority: priorities[i]!,
        effectiveDate: '2024-01-01',
      },
    });
  }
  return patient;
}
