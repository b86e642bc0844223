import { ack277CA } from './response-fixtures.ts';
import { ConnectorError, definePayerConnector, globalId } from '@revcycle/core';
import type { OutboundBatch } from '@revcycle/core';
import { createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { parse837, tokenize, walkEnvelope } from '@revcycle/x12';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { M, mutate, practiceDay, setUpPractice } from './registration-api.ts';

const delivered: OutboundBatch[] = [];
let failNext = 0;
const clearinghouse = definePayerConnector({
  id: 'test-clearinghouse',
  displayName: 'Test clearinghouse',
  capabilities: ['submit'],
  senderId: 'RIVERBEND',
  receiverId: 'TESTCH',
  async submit(batch: OutboundBatch) {
    if (failNext > 0) {
      failNext--;
      throw new ConnectorError('the clearinghouse answered 503', false);
    }
    if (!delivered.some((b) => b.batchId === batch.batchId)) delivered.push(batch);
    return { reference: `upload-${batch.batchId}` };
  },
});

const Q = {
  createClaim: `mutation($input: CreateClaimInput!) { createClaim(input: $input) { ... on ClaimSuccess { claim { id patientControlNumber } } } }`,
  submit: `mutation($input: SubmitClaimsInput!) { submitClaims(input: $input) { results { submitted errorCode message claim { status patientControlNumber } } batches { id status interchangeControlNumber claimCount connectorReference failureReason } } }`,
  importResponses: `mutation($input: ImportResponsesInput!) { importResponses(input: $input) { name kind imported message claimsUpdated unmatched } }`,
};

let t: TestApi;
let token: string;
let ids: Awaited<ReturnType<typeof setUpPractice>>;
let patientId: string;
let coverageId: string;
let day = 0;

beforeAll(async () => {
  t = await createTestApi({ payers: [clearinghouse] });
  token = await t.token((await t.createOrganization('Riverbend Billing')).id, ['admin']);
  ids = await setUpPractice(t, token);
  await t.execute(
    `mutation { updatePayer(input: { id: "${ids.bcbsId}", connectorId: "test-clearinghouse" }) { __typename } }`,
    { token },
  );
  const p = await mutate<{ patient: { id: string; coverages: Array<{ id: string }> } }>(t, token, M.createPatient, {
    practiceId: ids.practiceId,
    firstName: 'Luis',
    lastName: 'Ramirez',
    dateOfBirth: '1979-11-02',
    sex: 'MALE',
    address: { line1: '4100 Manchaca Rd', city: 'Austin', state: 'TX', postalCode: '78704' },
    coverages: [{ payerId: ids.bcbsId, memberId: 'XOD771230045', priority: 'PRIMARY', effectiveDate: '2020-01-01' }],
  });
  patientId = p.patient.id;
  coverageId = p.patient.coverages[0]!.id;
});
afterAll(() => t.close());

async function newClaim(code = '99214'): Promise<{ id: string; patientControlNumber: string }> {
  day++;
  const date = practiceDay(-day);
  const e = await mutate<{ encounter: { id: string } }>(t, token, M.createEncounter, {
    practiceId: ids.practiceId,
    patientId,
    dateOfService: date,
    renderingProviderId: ids.providerId,
    coverageId,
    diagnoses: ['E11.9', 'I10'],
    serviceLines: [
      { procedureCode: code, modifiers: ['25'], chargeCents: 19500, diagnosisPointers: [1, 2] },
      { procedureCode: '36415', chargeCents: 2500, diagnosisPointers: [1] },
    ],
  });
  const res = await t.execute<{ createClaim: { claim: { id: string; patientControlNumber: string } } }>(Q.createClaim, {
    token,
    variables: { input: { encounterId: e.encounter.id, coverageId } },
  });
  return res.data!.createClaim.claim;
}

type SubmitResult = {
  submitClaims: {
    results: Array<{ submitted: boolean; errorCode: string | null; message: string | null; claim: { status: string } }>;
    batches: Array<{
      id: string;
      status: string;
      interchangeControlNumber: string;
      claimCount: number;
      connectorReference: string | null;
      failureReason: string | null;
    }>;
  };
};

const ack999 = (groupControlNumber: string, accepted: boolean) =>
  `${[
    'ISA*00*          *00*          *ZZ*TESTCH         *ZZ*RIVERBEND      *240301*1200*^*00501*000000901*0*T*:',
    'GS*FA*TESTCH*RIVERBEND*20240301*1200*901*X*005010X231A1',
    'ST*999*0001*005010X231A1',
    `AK1*HC*${groupControlNumber}*005010X222A1`,
    'AK2*837*0001*005010X222A1',
    ...(accepted ? ['IK5*A'] : ['IK3*NM1*12*2010BA*8', 'IK4*9*67*7', 'IK5*R*5']),
    `AK9*${accepted ? 'A' : 'R'}*1*1*${accepted ? 1 : 0}`,
    `SE*${accepted ? 6 : 8}*0001`,
    'GE*1*901',
    'IEA*1*000000901',
  ].join('~')}~`;

describe('submitting claims and reading the acknowledgements, through GraphQL', () => {
  let first: { id: string; patientControlNumber: string };
  let second: { id: string; patientControlNumber: string };
  let icn: string;

  it('scrubs, writes one 837P per connector with a fresh control number, and sends it', async () => {
    first = await newClaim();
    second = await newClaim('99213');
    const res = await t.execute<SubmitResult>(Q.submit, {
      token,
      variables: { input: { claimIds: [first.id, second.id] } },
    });
    expect(res.errors).toBeUndefined();
    const out = res.data!.submitClaims;
    expect(out.results.map((r) => [r.submitted, r.claim.status])).toEqual([
      [true, 'SUBMITTED'],
      [true, 'SUBMITTED'],
    ]);
    expect(out.batches).toHaveLength(1);
    expect(out.batches[0]).toMatchObject({
      status: 'SENT',
      claimCount: 2,
      connectorReference: expect.stringMatching(/^upload-/),
    });
    icn = out.batches[0]!.interchangeControlNumber;
    expect(icn).toBe('000000001');

    const file = delivered.at(-1)!.content;
    expect(() => walkEnvelope(tokenize(file))).not.toThrow();
    const [submission] = parse837(file).submissions;
    const claims = submission!.billingProviders[0]!.subscribers.flatMap((s) => s.claims);
    expect(claims.map((c) => c.patientControlNumber)).toEqual([
      first.patientControlNumber,
      second.patientControlNumber,
    ]);
    expect(claims[0]).toMatchObject({
      totalChargeCents: 22000,
      healthCareCodes: [
        [
          { qualifier: 'ABK', code: 'E119' },
          { qualifier: 'ABF', code: 'I10' },
        ],
      ],
    });
    expect(claims[0]!.lines[0]!.professional).toMatchObject({
      procedure: { code: '99214', modifiers: ['25'] },
      chargeCents: 19500,
      diagnosisPointers: [1, 2],
    });
    expect(submission!.billingProviders[0]!.provider).toMatchObject({
      id: '1324567894',
      references: [{ qualifier: 'EI', value: '741234567' }],
    });
  });

  it('applies a 999 to the batch and a 277CA claim by claim; unknown references go to the review list', async () => {
    const ack = await t.execute<{ importResponses: Array<{ imported: boolean; kind: string; claimsUpdated: number }> }>(
      Q.importResponses,
      { token, variables: { input: { files: [{ name: 'a.999', content: ack999(String(Number(icn)), true) }] } } },
    );
    expect(ack.data!.importResponses[0]).toMatchObject({ kind: '999', imported: true, claimsUpdated: 2 });
    const ca = await t.execute<{ importResponses: Array<{ kind: string; claimsUpdated: number; unmatched: number }> }>(
      Q.importResponses,
      {
        token,
        variables: {
          input: {
            files: [
              {
                name: 'b.277',
                content: ack277CA([
                  { pcn: first.patientControlNumber, accepted: true },
                  { pcn: second.patientControlNumber, accepted: false },
                  { pcn: 'RCNOTOURS0001', accepted: true },
                ]),
              },
            ],
          },
        },
      },
    );
    expect(ca.data!.importResponses[0]).toMatchObject({ kind: '277CA', claimsUpdated: 2, unmatched: 1 });
    const statuses = await t.db.claim.findMany({
      orderBy: { createdAt: 'asc' },
      select: { patientControlNumber: true, status: true, payerClaimControlNumber: true },
    });
    expect(statuses.slice(0, 2)).toEqual([
      {
        patientControlNumber: first.patientControlNumber,
        status: 'ACCEPTED',
        payerClaimControlNumber: `ICN-${first.patientControlNumber}`,
      },
      { patientControlNumber: second.patientControlNumber, status: 'REJECTED', payerClaimControlNumber: null },
    ]);
    const secondRow = await t.db.claim.findFirstOrThrow({
      where: { patientControlNumber: second.patientControlNumber },
    });
    const history = await t.db.claimStatusEvent.findMany({
      where: { claimId: secondRow.id },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    expect(history.at(-1)).toMatchObject({
      fromStatus: 'ACKNOWLEDGED',
      toStatus: 'REJECTED',
      actorType: 'PAYER',
      reason: '277CA rejected: A7:21:IL',
    });
    const review = await t.execute<{
      unmatchedResponses: { totalCount: number; nodes: Array<{ kind: string; reference: string }> };
    }>('{ unmatchedResponses(first: 10) { totalCount nodes { kind reference } } }', { token });
    expect(review.data!.unmatchedResponses).toEqual({
      totalCount: 1,
      nodes: [{ kind: '277CA', reference: 'RCNOTOURS0001' }],
    });
    // The same file again changes nothing more.
    const again = await t.execute<{ importResponses: Array<{ claimsUpdated: number }> }>(Q.importResponses, {
      token,
      variables: { input: { files: [{ name: 'a.999', content: ack999(String(Number(icn)), true) }] } },
    });
    expect(again.data!.importResponses[0]!.claimsUpdated).toBe(0);
  });

  it('replaces an accepted claim with a frequency-7 claim that references the payer’s claim number', async () => {
    // Nothing it is written from has changed since it was sent: the payer would deny a replacement as a duplicate.
    const unchanged = await t.execute<{ correctClaim: { __typename: string; fieldErrors: Array<{ code: string }> } }>(
      `mutation($input: CorrectClaimInput!) { correctClaim(input: $input) { __typename ... on ValidationError { fieldErrors { code } } } }`,
      { token, variables: { input: { claimId: first.id, kind: 'REPLACEMENT' } } },
    );
    expect(unchanged.data!.correctClaim).toEqual({
      __typename: 'ValidationError',
      fieldErrors: [{ code: 'NOTHING_CHANGED' }],
    });
    // The patient's address was wrong on the claim; corrected, the replacement carries it.
    await t.execute(`mutation($input: UpdatePatientInput!) { updatePatient(input: $input) { __typename } }`, {
      token,
      variables: {
        input: {
          id: patientId,
          address: { line1: '4102 Manchaca Rd', city: 'Austin', state: 'TX', postalCode: '78704' },
        },
      },
    });
    const res = await t.execute<{
      correctClaim: { __typename: string; claim: { id: string; patientControlNumber: string } };
    }>(
      `mutation($input: CorrectClaimInput!) { correctClaim(input: $input) { __typename ... on ClaimSuccess { claim { id patientControlNumber } } } }`,
      { token, variables: { input: { claimId: first.id, kind: 'REPLACEMENT' } } },
    );
    expect(res.data!.correctClaim.__typename).toBe('ClaimSuccess');
    const sent = (
      await t.execute<SubmitResult>(Q.submit, {
        token,
        variables: { input: { claimIds: [res.data!.correctClaim.claim.id] } },
      })
    ).data!.submitClaims;
    expect(sent.results[0]).toMatchObject({ submitted: true });
    const claim = parse837(delivered.at(-1)!.content).submissions[0]!.billingProviders[0]!.subscribers[0]!.claims[0]!;
    expect(claim).toMatchObject({
      frequencyCode: '7',
      references: [{ qualifier: 'F8', value: `ICN-${first.patientControlNumber}` }],
    });
    const rejectedOne = await t.execute<{ correctClaim: { __typename: string } }>(
      `mutation { correctClaim(input: { claimId: "${second.id}", kind: VOID }) { __typename } }`,
      { token },
    );
    expect(rejectedOne.data!.correctClaim.__typename).toBe('ValidationError');
  });

  it('reports a malformed acknowledgement with its error and position instead of applying half of it', async () => {
    const res = await t.execute<{ importResponses: Array<{ imported: boolean; message: string }> }>(Q.importResponses, {
      token,
      variables: {
        input: { files: [{ name: 'c.999', content: ack999('1', true).replace('AK9*', 'AK9') }] },
      },
    });
    expect(res.data!.importResponses[0]).toMatchObject({
      imported: false,
      message: expect.stringMatching(/^[A-Z_]+: /),
    });
  });

  it('applies an acknowledgement whose trailer count is off, and says so', async () => {
    const res = await t.execute<{ importResponses: Array<{ imported: boolean; message: string }> }>(Q.importResponses, {
      token,
      variables: {
        input: { files: [{ name: 'd.999', content: ack999('1', true).replace('SE*6*0001', 'SE*9*0001') }] },
      },
    });
    expect(res.data!.importResponses[0]).toMatchObject({
      imported: true,
      message: expect.stringMatching(/^Imported; its trailers were off: COUNT_MISMATCH: SE01 says 9 segments/),
    });
  });

  it('leaves claims READY with the reason when the connector fails, and sends them on the next try', async () => {
    const claim = await newClaim('99215');
    failNext = 1;
    const failed = (await t.execute<SubmitResult>(Q.submit, { token, variables: { input: { claimIds: [claim.id] } } }))
      .data!.submitClaims;
    expect(failed.results[0]).toMatchObject({
      submitted: false,
      errorCode: 'CONNECTOR_ERROR',
      claim: { status: 'READY' },
    });
    expect(failed.batches[0]).toMatchObject({ status: 'FAILED', failureReason: 'the clearinghouse answered 503' });
    const retried = (await t.execute<SubmitResult>(Q.submit, { token, variables: { input: { claimIds: [claim.id] } } }))
      .data!.submitClaims;
    expect(retried.results[0]).toMatchObject({ submitted: true, claim: { status: 'SUBMITTED' } });
    expect(Number(retried.batches[0]!.interchangeControlNumber)).toBeGreaterThan(
      Number(failed.batches[0]!.interchangeControlNumber),
    );
  });

  it('reports per claim what could not be sent: a claim already submitted, a payer without a connector', async () => {
    const submittedOne = (await t.db.claim.findFirstOrThrow({ where: { status: 'SUBMITTED' } })).id;
    const res = (
      await t.execute<SubmitResult>(Q.submit, {
        token,
        variables: { input: { claimIds: [globalId('Claim', submittedOne)] } },
      })
    ).data!.submitClaims;
    expect(res.results[0]).toMatchObject({
      submitted: false,
      errorCode: 'INVALID_STATE',
      message: 'A SUBMITTED claim cannot be submitted',
    });
    await t.execute(`mutation { updatePayer(input: { id: "${ids.bcbsId}", connectorId: "" }) { __typename } }`, {
      token,
    });
    await t.db.payer.updateMany({ where: {}, data: { connectorId: null } });
    const orphan = await newClaim('99212');
    const none = (await t.execute<SubmitResult>(Q.submit, { token, variables: { input: { claimIds: [orphan.id] } } }))
      .data!.submitClaims;
    expect(none.results[0]).toMatchObject({ submitted: false, errorCode: 'NO_CONNECTOR' });
    await t.db.payer.updateMany({ where: {}, data: { connectorId: 'test-clearinghouse' } });
  });

  it('never hands out an interchange control number twice, even to 20 concurrent submissions', async () => {
    const claims = [];
    for (let i = 0; i < 20; i++) claims.push(await newClaim(i % 2 ? '99213' : '99214'));
    const before = delivered.length;
    await Promise.all(
      claims.map((c) => t.execute<SubmitResult>(Q.submit, { token, variables: { input: { claimIds: [c.id] } } })),
    );
    const numbers = (await t.db.submissionBatch.findMany({ select: { interchangeControlNumber: true } })).map(
      (b) => b.interchangeControlNumber,
    );
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(delivered.length - before).toBe(20);
  }, 60_000);
});
