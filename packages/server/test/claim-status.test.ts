import { sandboxPayer } from '@revcycle/payer-sandbox';
import { createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxWorld } from './sandbox-world.ts';

let t: TestApi;
let token: string;
beforeAll(async () => {
  // Remittances off: the payer has accepted the claims but not paid them yet.
  t = await createTestApi({ payers: [sandboxPayer({ remittances: false })] });
  token = await t.token((await t.createOrganization('Status Billing')).id, ['biller']);
});
afterAll(() => t.close());

const CHECK = `mutation($id: ID!) { checkClaimStatus(input: { claimId: $id }) { __typename
  ... on ClaimStatusCheck { changed message statuses { categoryCode statusCode } claim { status payerClaimControlNumber statusHistory { toStatus reason } } }
  ... on ValidationError { fieldErrors { code } } } }`;
type Check = {
  __typename: string;
  changed: boolean;
  message: string;
  statuses: Array<{ categoryCode: string; statusCode: string }>;
  claim: {
    status: string;
    payerClaimControlNumber: string | null;
    statusHistory: Array<{ toStatus: string; reason: string }>;
  };
  fieldErrors?: Array<{ code: string }>;
};

describe('checkClaimStatus (276/277 through the connector)', () => {
  it('moves a submitted claim to ACCEPTED or REJECTED by the 277, before any 999 or 277CA is read', async () => {
    const world = await sandboxWorld(
      t,
      await t.token((await t.db.organization.findFirstOrThrow({ where: { name: 'Status Billing' } })).id, ['admin']),
    );
    const accepted = await world.claimFor('W123456789');
    const rejected = await world.claimFor('UNKNOWN42');
    const draft = await world.claimFor('W987654321');
    expect(await world.submit([accepted, rejected])).toBe(true);
    const run = async (id: string) =>
      (await t.execute<{ checkClaimStatus: Check }>(CHECK, { token, variables: { id } })).data!.checkClaimStatus;

    const ok = await run(accepted);
    expect(ok).toMatchObject({
      __typename: 'ClaimStatusCheck',
      changed: true,
      statuses: [{ categoryCode: 'A2', statusCode: '20' }],
      claim: { status: 'ACCEPTED', payerClaimControlNumber: expect.stringMatching(/^SBX/) },
    });
    expect(ok.claim.statusHistory.slice(-2)).toEqual([
      { toStatus: 'ACKNOWLEDGED', reason: '277 claim status: A2:20' },
      { toStatus: 'ACCEPTED', reason: '277 claim status: A2:20' },
    ]);
    const no = await run(rejected);
    expect(no).toMatchObject({
      changed: true,
      statuses: [{ categoryCode: 'A7', statusCode: '21' }],
      claim: { status: 'REJECTED' },
    });
    // Asking again changes nothing, and says so on the history.
    const again = await run(accepted);
    expect(again).toMatchObject({ changed: false, claim: { status: 'ACCEPTED' } });
    expect(again.claim.statusHistory.at(-1)).toEqual({ toStatus: 'ACCEPTED', reason: '277 claim status: A2:20' });
    expect((await run(draft)).fieldErrors).toEqual([{ code: 'NOT_SUBMITTED' }]);
  });
});
