import { definePayerConnector } from '@revcycle/core';
import { createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { parse837, tokenize } from '@revcycle/x12';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remittanceWorld } from './remittance-fixtures.ts';
import type { RemittanceWorld } from './remittance-fixtures.ts';

// Envelopes come from the connector, not from a payer (from #23): a clearinghouse connector declares its receiver
// and takes claims for many payers in one file (ISA08, GS03 and 1000B name the clearinghouse, 2010BB each claim's
// payer); a connector that reaches payers directly sends each payer its own file, addressed to it.
const accept = async (batch: { batchId: string }) => ({ reference: `ok-${batch.batchId}` });
const clearinghouse = definePayerConnector({
  id: 'clearinghouse',
  displayName: 'A clearinghouse',
  capabilities: ['submit'],
  receiverId: 'CLEARHOUSE01',
  receiverQualifier: '30',
  receiverName: 'Clear House Inc',
  submit: accept,
});
const direct = definePayerConnector({
  id: 'direct',
  displayName: 'Direct to payers',
  capabilities: ['submit'],
  submit: accept,
});
const SUBMIT = `mutation($ids: [ID!]!) { submitClaims(input: { claimIds: $ids }) { results { submitted message } batches { content } } }`;

let t: TestApi;
let token: string;
let w: RemittanceWorld;
beforeAll(async () => {
  t = await createTestApi({ payers: [clearinghouse, direct] });
  token = await t.token((await t.createOrganization('Envelope Clinic')).id, ['admin']);
  w = await remittanceWorld(t, token, 'clearinghouse');
});
afterAll(() => t.close());

const connect = (payerId: string, connectorId: string) =>
  t.execute(`mutation { updatePayer(input: { id: "${payerId}", connectorId: "${connectorId}" }) { __typename } }`, {
    token,
  });
/** A READY claim (submittedClaim submits it: here the submission itself is what is looked at). */
async function readyClaims(coverages: Array<{ payerId: string }>) {
  const ids: string[] = [];
  for (const c of coverages) {
    const p = await w.patientCovered([{ payerId: c.payerId, priority: 'PRIMARY' }]);
    const e = await t.execute<{ createEncounter: { encounter: { id: string } } }>(
      `mutation($input: CreateEncounterInput!) { createEncounter(input: $input) { ... on EncounterSuccess { encounter { id } } } }`,
      {
        token,
        variables: {
          input: {
            practiceId: w.practiceId,
            patientId: p.id,
            coverageId: p.primaryCoverageId,
            dateOfService: '2026-10-05',
            renderingProviderId: w.providerId,
            diagnoses: ['I10'],
            serviceLines: [{ procedureCode: '99213', chargeCents: 13_500, diagnosisPointers: [1] }],
          },
        },
      },
    );
    const claim = await t.execute<{ createClaim: { claim: { id: string } } }>(
      `mutation($input: CreateClaimInput!) { createClaim(input: $input) { ... on ClaimSuccess { claim { id } } } }`,
      {
        token,
        variables: { input: { encounterId: e.data!.createEncounter.encounter.id, coverageId: p.primaryCoverageId } },
      },
    );
    ids.push(claim.data!.createClaim.claim.id);
  }
  return ids;
}
/** Each file's ISA07/ISA08, GS03, 1000B receiver and the payers of its claims. */
async function submitted(ids: string[]) {
  const r = await t.execute<{ submitClaims: { batches: Array<{ content: string }> } }>(SUBMIT, {
    token,
    variables: { ids },
  });
  return r.data!.submitClaims.batches.map(({ content }) => {
    const segments = tokenize(content);
    const isa = segments.find((s) => s.id === 'ISA')!;
    const gs = segments.find((s) => s.id === 'GS')!;
    const s = parse837(content).submissions[0]!;
    return {
      isa: [isa.element(7), isa.element(8).trim()],
      gs03: gs.element(3),
      receiver: [s.receiver.name, s.receiver.id],
      payers: s.billingProviders.flatMap((b) => b.subscribers.map((sub) => sub.payer.id)).sort(),
    };
  });
}

describe('837 envelopes', () => {
  it('address one file to the clearinghouse for claims of several payers', async () => {
    await connect(w.medicareId, 'clearinghouse');
    const ids = await readyClaims([{ payerId: w.bcbsId }, { payerId: w.medicareId }]);
    expect(await submitted(ids)).toEqual([
      {
        isa: ['30', 'CLEARHOUSE01'],
        gs03: 'CLEARHOUSE01',
        receiver: ['CLEAR HOUSE INC', 'CLEARHOUSE01'],
        payers: ['04412', '84980'],
      },
    ]);
  });

  it('send each payer its own file, addressed to it, when the connector reaches payers directly', async () => {
    await connect(w.bcbsId, 'direct');
    await connect(w.medicareId, 'direct');
    const ids = await readyClaims([{ payerId: w.bcbsId }, { payerId: w.medicareId }, { payerId: w.bcbsId }]);
    const files = await submitted(ids);
    expect(files.map((f) => [f.isa, f.gs03, f.payers]).sort()).toEqual([
      [['ZZ', '04412'], '04412', ['04412']],
      [['ZZ', '84980'], '84980', ['84980', '84980']],
    ]);
  });
});
