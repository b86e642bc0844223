import { createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { parse837 } from '@revcycle/x12';
import type { Claim837 } from '@revcycle/x12';
import { afterAll, beforeAll, expect } from 'vitest';
import { acceptingClearinghouse, remittanceWorld } from './remittance-fixtures.ts';
import type { RemittanceWorld } from './remittance-fixtures.ts';

/** A test file's API, admin token and remittance world, made before its tests and closed after them. */
export function claimTestSuite(
  organizationName: string,
  options: { onQuery?: (sql: string) => void } = {},
): { t: TestApi; token: string; w: RemittanceWorld } {
  const suite = {} as { t: TestApi; token: string; w: RemittanceWorld };
  beforeAll(async () => {
    suite.t = await createTestApi({ payers: [acceptingClearinghouse], onQuery: options.onQuery });
    suite.token = await suite.t.token((await suite.t.createOrganization(organizationName)).id, ['admin']);
    suite.w = await remittanceWorld(suite.t, suite.token);
  });
  afterAll(() => suite.t.close());
  return suite;
}

/** The claim of an encounter, billed to `coverageId`. */
export async function claimOfEncounter(t: TestApi, token: string, encounterId: string, coverageId: string) {
  const created = await t.execute<{ createClaim: { claim: { id: string; patientControlNumber: string } } }>(
    `mutation($input: CreateClaimInput!) { createClaim(input: $input) { ... on ClaimSuccess { claim { id patientControlNumber } } } }`,
    { token, variables: { input: { encounterId, coverageId } } },
  );
  return created.data!.createClaim.claim;
}

/** Submits one claim, expects it sent, and reads its claim loop back from the 837 the product wrote. */
export async function submittedClaim837(t: TestApi, token: string, claimId: string): Promise<Claim837> {
  const sent = await t.execute<{
    submitClaims: {
      results: Array<{ submitted: boolean; message: string | null }>;
      batches: Array<{ content: string }>;
    };
  }>(
    `mutation($ids: [ID!]!) { submitClaims(input: { claimIds: $ids }) { results { submitted message } batches { content } } }`,
    { token, variables: { ids: [claimId] } },
  );
  expect(sent.data!.submitClaims.results).toEqual([{ submitted: true, message: null }]);
  const [provider] = parse837(sent.data!.submitClaims.batches[0]!.content).submissions[0]!.billingProviders;
  const subscriber = provider!.subscribers[0]!;
  return (subscriber.claims[0] ?? subscriber.patients[0]!.claims[0])!;
}
