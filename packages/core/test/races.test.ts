import { globalId } from '@revcycle/core';
import { arrange, createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Concurrent identical requests answer the same result, never INTERNAL (on PostgreSQL they really run at once).
let t: TestApi;
let token: string;
let practiceId: string;
let patientId: string;

beforeAll(async () => {
  t = await createTestApi();
  const org = await t.createOrganization('Race Clinic');
  token = await t.token(org.id, ['admin', 'biller', 'frontdesk']);
  const a = arrange(t.api, org.id);
  const practice = await a.practice();
  practiceId = practice.id;
  patientId = (await a.patient(practice.id, [])).id;
});
afterAll(() => t.close());

describe('races', () => {
  it('records one payment for 20 concurrent requests with one idempotency key, and answers it to all of them', async () => {
    const pay = () =>
      t.execute<{ recordPatientPayment: { __typename: string; id: string; amountCents: number } }>(
        `mutation($input: RecordPatientPaymentInput!) { recordPatientPayment(input: $input) { __typename ... on PatientPayment { id amountCents } } }`,
        {
          token,
          variables: {
            input: {
              patientId: globalId('Patient', patientId),
              amountCents: 2_500,
              method: 'CARD',
              idempotencyKey: 'front-desk-77',
            },
          },
        },
      );
    const answers = await Promise.all(Array.from({ length: 20 }, pay));
    expect(answers.flatMap((a) => a.errors ?? [])).toEqual([]);
    expect(new Set(answers.map((a) => a.data!.recordPatientPayment.id)).size).toBe(1);
    expect(await t.db.patientPayment.count({ where: { idempotencyKey: 'front-desk-77' } })).toBe(1);
  });

  it('gives 20 concurrent registrations without an account number 20 different numbers', async () => {
    const register = (i: number) =>
      t.execute<{ createPatient: { __typename: string; patient: { accountNumber: string } } }>(
        `mutation($input: CreatePatientInput!) { createPatient(input: $input) { __typename ... on PatientSuccess { patient { accountNumber } } } }`,
        {
          token,
          variables: {
            input: {
              practiceId: globalId('Practice', practiceId),
              firstName: `Racer${i}`,
              lastName: 'Doe',
              dateOfBirth: '1990-01-01',
              sex: 'UNKNOWN',
            },
          },
        },
      );
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => register(i)));
    expect(answers.flatMap((a) => a.errors ?? [])).toEqual([]);
    expect(answers.map((a) => a.data!.createPatient.__typename)).toEqual(Array(20).fill('PatientSuccess'));
    expect(new Set(answers.map((a) => a.data!.createPatient.patient.accountNumber)).size).toBe(20);
  });
});
