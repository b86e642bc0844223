import { globalId } from '@revcycle/core';
import { createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPatientWithCoverage, insertPayer, insertPractice } from './fixtures.ts';

let t: TestApi;
let orgA: { id: string };
let orgB: { id: string };
let tokenA: string;
let b: { practiceId: string; patientId: string; payerId: string };

beforeAll(async () => {
  t = await createTestApi();
  orgA = await t.createOrganization('Org A');
  orgB = await t.createOrganization('Org B');
  const practiceA = await insertPractice(t, orgA.id, 'A Clinic');
  const payerA = await insertPayer(t, orgA.id, 'A Payer');
  await insertPatientWithCoverage(t, orgA.id, practiceA.id, [payerA.id], 1);
  const practiceB = await insertPractice(t, orgB.id, 'B Clinic');
  const payerB = await insertPayer(t, orgB.id, 'B Payer');
  const patientB = await insertPatientWithCoverage(t, orgB.id, practiceB.id, [payerB.id], 2);
  b = { practiceId: practiceB.id, patientId: patientB.id, payerId: payerB.id };
  tokenA = await t.token(orgA.id, ['admin']);
});
afterAll(() => t.close());

describe('a token of organization A against organization B', () => {
  it('lists only its own records', async () => {
    const res = await t.execute<{
      practices: { totalCount: number; nodes: Array<{ name: string }> };
      patients: { totalCount: number };
      payers: { nodes: Array<{ name: string }> };
    }>(
      '{ practices(first: 10) { totalCount nodes { name } } patients(first: 10) { totalCount } payers(first: 10) { nodes { name } } }',
      { token: tokenA },
    );
    expect(res.data?.practices).toEqual({ totalCount: 1, nodes: [{ name: 'A Clinic' }] });
    expect(res.data?.patients.totalCount).toBe(1);
    expect(res.data?.payers.nodes).toEqual([{ name: 'A Payer' }]);
  });

  it('cannot read B’s records by global id with node and nodes', async () => {
    const ids = [globalId('Patient', b.patientId), globalId('Practice', b.practiceId), globalId('Payer', b.payerId)];
    const res = await t.execute<{ node: unknown; nodes: unknown[] }>(
      'query($id: ID!, $ids: [ID!]!) { node(id: $id) { id } nodes(ids: $ids) { id } }',
      { token: tokenA, variables: { id: ids[0], ids } },
    );
    expect(res.data?.node).toBeNull();
    expect(res.data?.nodes).toEqual([null, null, null]);
  });

  it('cannot write into B: a patient for B’s practice is NOT_FOUND and nothing is written', async () => {
    const before = await t.db.patient.count();
    const res = await t.execute<{ createPatient: { __typename: string; code: string } }>(
      `mutation($input: CreatePatientInput!) { createPatient(input: $input) { __typename ... on Error { code } } }`,
      {
        token: tokenA,
        variables: {
          input: {
            practiceId: globalId('Practice', b.practiceId),
            firstName: 'Eve',
            lastName: 'Intruder',
            dateOfBirth: '1990-01-01',
            sex: 'FEMALE',
          },
        },
      },
    );
    expect(res.data?.createPatient).toEqual({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    expect(await t.db.patient.count()).toBe(before);
  });

  it('cannot see B’s audit events', async () => {
    const tokenB = await t.token(orgB.id, ['admin']);
    await t.execute(
      'mutation { createPayer(input: { name: "B2", payerIdentifier: "B2", claimFilingIndicator: "CI" }) { __typename } }',
      { token: tokenB },
    );
    const res = await t.execute<{ auditEvents: { totalCount: number } }>('{ auditEvents(first: 10) { totalCount } }', {
      token: tokenA,
    });
    const aEvents = await t.db.auditEvent.count({ where: { organizationId: orgA.id } });
    expect(res.data?.auditEvents.totalCount).toBe(aEvents);
    expect(await t.db.auditEvent.count({ where: { organizationId: orgB.id } })).toBeGreaterThan(0);
  });
});

describe('a token limited to practices', () => {
  it('sees only patients of its practices and cannot register patients elsewhere', async () => {
    const practiceA2 = await insertPractice(t, orgA.id, 'A Second Clinic');
    const payer = await insertPayer(t, orgA.id);
    await insertPatientWithCoverage(t, orgA.id, practiceA2.id, [payer.id], 3);
    const limited = await t.token(orgA.id, ['frontdesk'], { practiceIds: [practiceA2.id] });
    const res = await t.execute<{
      practices: { nodes: Array<{ name: string }> };
      patients: { nodes: Array<{ lastName: string }> };
    }>('{ practices(first: 10) { nodes { name } } patients(first: 10) { nodes { lastName } } }', { token: limited });
    expect(res.data?.practices.nodes).toEqual([{ name: 'A Second Clinic' }]);
    expect(res.data?.patients.nodes).toEqual([{ lastName: 'Doe3' }]);

    const practiceA1 = await t.db.practice.findFirstOrThrow({ where: { organizationId: orgA.id, name: 'A Clinic' } });
    const write = await t.execute<{ createPatient: { __typename: string } }>(
      `mutation($input: CreatePatientInput!) { createPatient(input: $input) { __typename } }`,
      {
        token: limited,
        variables: {
          input: {
            practiceId: globalId('Practice', practiceA1.id),
            firstName: 'X',
            lastName: 'Y',
            dateOfBirth: '1990-01-01',
            sex: 'MALE',
          },
        },
      },
    );
    expect(write.data?.createPatient.__typename).toBe('NotFoundError');
  });
});
