import { arrange, createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePayerConnector, ManualClock } from '@revcycle/core';
import { claimTemplate, cloneClaims } from '../bench/seed-claims.ts';

// The 837 guides recommend at most 5 000 claims per transaction set: 5 001 claims of one connector go out in two
// files, 5 000 and 1, each claim with its one result. Claims are copied in bulk from one made through the API.
const delivered: number[] = [];
const clearinghouse = definePayerConnector({
  id: 'split-clearinghouse',
  displayName: 'Split clearinghouse',
  capabilities: ['submit'],
  receiverId: 'CLEARHOUSE01',
  async submit(batch) {
    delivered.push(batch.claimCount);
    return { reference: `ok-${batch.batchId}` };
  },
});

let t: TestApi;
beforeAll(async () => {
  t = await createTestApi({ payers: [clearinghouse], clock: new ManualClock(new Date('2026-03-10T16:00:00Z')) });
});
afterAll(() => t.close());

describe('a submission larger than one transaction set', () => {
  it('is split into files of at most 5 000 claims, one result per claim', async () => {
    const org = await t.createOrganization('Split Hospital');
    const arrangers = arrange(t.api, org.id);
    const template = await claimTemplate(arrangers, t.db);
    await arrangers.local.updatePayer({ id: template.claim.payerId, connectorId: clearinghouse.id });
    const numbers = await cloneClaims(t.db, template, 0, 5_001, 'READY');
    const { results, batches } = await arrangers.local.submitClaims({ claimIds: numbers.map((n) => `claim-${n}`) });
    expect(results.filter((r) => r.submitted)).toHaveLength(5_001);
    expect(batches.map((b) => b.claimCount).sort((a, b) => b - a)).toEqual([5_000, 1]);
    expect(delivered.sort((a, b) => b - a)).toEqual([5_000, 1]);
  }, 120_000);
});
