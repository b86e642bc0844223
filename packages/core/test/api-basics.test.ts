import { createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPatientWithCoverage, insertPayer, insertPractice } from './fixtures.ts';

let t: TestApi;
let org: { id: string };

beforeAll(async () => {
  t = await createTestApi();
  org = await t.createOrganization('Acme Billing');
});
afterAll(() => t.close());

describe('reading through the API', () => {
  it('returns the viewer and its organization', async () => {
    const token = await t.token(org.id, ['biller'], { userId: 'u-1' });
    const res = await t.execute('{ viewer { userId roles practiceIds organization { name } } }', { token });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      viewer: { userId: 'u-1', roles: ['biller'], practiceIds: null, organization: { name: 'Acme Billing' } },
    });
  });

  it('lists patients with coverages and payers as a connection', async () => {
    const practice = await insertPractice(t, org.id);
    const payer = await insertPayer(t, org.id);
    await insertPatientWithCoverage(t, org.id, practice.id, [payer.id], 1);
    const token = await t.token(org.id, ['frontdesk']);
    const res = await t.execute<{
      patients: {
        totalCount: number;
        nodes: Array<{ lastName: string; coverages: Array<{ priority: string; payer: { name: string } }> }>;
      };
    }>('{ patients(first: 10) { totalCount nodes { lastName coverages { priority payer { name } } } } }', { token });
    expect(res.errors).toBeUndefined();
    expect(res.data?.patients.totalCount).toBe(1);
    expect(res.data?.patients.nodes[0]).toEqual({
      lastName: 'Doe1',
      coverages: [{ priority: 'PRIMARY', payer: { name: 'Lone Star Health' } }],
    });
  });
});

describe('mutations', () => {
  it('creates a practice, validates the NPI, and records an audit event', async () => {
    const token = await t.token(org.id, ['admin'], { userId: 'admin-1' });
    const mutation = `mutation($input: CreatePracticeInput!) {
      createPractice(input: $input) {
        __typename
        ... on PracticeSuccess { practice { id name npi timeZone address { city state } } }
        ... on ValidationError { code fieldErrors { path code message } }
      }
    }`;
    const input = {
      name: 'Hill Country Pediatrics',
      npi: '1234567890',
      taxId: '74-1234567',
      phone: '512-555-0100',
      timeZone: 'America/Chicago',
      address: { line1: '1 Oak St', city: 'Austin', state: 'TX', postalCode: '78702' },
    };
    const bad = await t.execute<{
      createPractice: { __typename: string; code: string; fieldErrors: Array<{ path: string[]; code: string }> };
    }>(mutation, { token, variables: { input } });
    expect(bad.data?.createPractice.__typename).toBe('ValidationError');
    expect(bad.data?.createPractice.fieldErrors).toEqual([
      expect.objectContaining({ path: ['input', 'npi'], code: 'INVALID_NPI' }),
    ]);

    const good = await t.execute<{ createPractice: { __typename: string; practice: { id: string; npi: string } } }>(
      mutation,
      {
        token,
        variables: { input: { ...input, npi: '1234567893' } },
      },
    );
    expect(good.data?.createPractice.__typename).toBe('PracticeSuccess');
    const practiceId = good.data!.createPractice.practice.id;

    const audit = await t.execute<{
      auditEvents: { nodes: Array<{ action: string; outcome: string; actorId: string; recordIds: string[] }> };
    }>('{ auditEvents(first: 5) { nodes { action outcome actorId recordIds } } }', { token });
    expect(audit.data?.auditEvents.nodes.slice(0, 2)).toEqual([
      { action: 'createPractice', outcome: 'SUCCEEDED', actorId: 'admin-1', recordIds: [practiceId] },
      { action: 'createPractice', outcome: 'VALIDATION_FAILED', actorId: 'admin-1', recordIds: [] },
    ]);
  });
});
