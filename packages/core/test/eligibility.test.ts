import { ConnectorError, definePayerConnector } from '@revcycle/core';
import { createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { tokenize } from '@revcycle/x12';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { M, mutate, setUpPractice } from './registration-api.ts';

const requests: string[] = [];
let answer: 'active' | 'broken' | 'down' | 'rejected' | 'slow' = 'active';
/** What a slow payer waits for before it answers. */
let payerGate: Promise<void> = Promise.resolve();

const answer271 = (trace: string) =>
  `${[
    'ISA*00*          *00*          *ZZ*PAYER          *ZZ*RIVERBEND      *240301*1200*^*00501*000000078*0*P*:',
    'GS*HB*P*R*20240301*1200*78*X*005010X279A1',
    'ST*271*0001*005010X279A1',
    'BHT*0022*11*T1*20240301*1200',
    'HL*1**20*1',
    'NM1*PR*2*BLUE CROSS*****PI*84980',
    'HL*2*1*21*1',
    'NM1*1P*2*RIVERBEND*****XX*1324567894',
    'HL*3*2*22*0',
    `TRN*2*${trace}*9RIVERBEND`,
    'NM1*IL*1*RAMIREZ*LUIS****MI*XOD771230045',
    'DMG*D8*19791102*M',
    'EB*1*IND*30**BLUE ADVANTAGE PPO',
    'EB*B*IND*98***27*30',
    'EB*A*IND*98*****.2',
    'EB*C*IND*30***23*1500',
    'EB*C*IND*30***29*420.5',
    'SE*16*0001',
    'GE*1*78',
    'IEA*1*000000078',
  ].join('~')}~`;

/** The payer could not find the member: AAA*N**72*C under the subscriber, and a code the guide does not list. */
const rejected271 = (trace: string) =>
  answer271(trace)
    .replace(/EB\*[^~]*~/g, '')
    .replace('DMG*D8*19791102*M~', 'DMG*D8*19791102*M~AAA*N**72*C~AAA*N**ZZ*C~')
    .replace('SE*16*0001', 'SE*13*0001');

const payer = definePayerConnector({
  id: 'test-eligibility',
  displayName: 'Test eligibility',
  capabilities: ['eligibility'],
  async checkEligibility(request270: string) {
    requests.push(request270);
    if (answer === 'down') throw new ConnectorError('the payer portal is down', false);
    if (answer === 'broken') return 'this is not x12';
    if (answer === 'slow') await payerGate;
    const trace = tokenize(request270).find((s) => s.id === 'TRN')!.elements[2]!;
    if (answer === 'rejected') return rejected271(trace);
    return answer271(trace);
  },
});

let t: TestApi;
let token: string;
let coverageId: string;

beforeAll(async () => {
  t = await createTestApi({ payers: [payer] });
  token = await t.token((await t.createOrganization()).id, ['frontdesk', 'admin']);
  const ids = await setUpPractice(t, token);
  await t.execute(
    `mutation { updatePayer(input: { id: "${ids.bcbsId}", connectorId: "test-eligibility" }) { __typename } }`,
    { token },
  );
  const p = await mutate<{ patient: { coverages: Array<{ id: string }> } }>(t, token, M.createPatient, {
    practiceId: ids.practiceId,
    firstName: 'Luis',
    lastName: 'Ramirez',
    dateOfBirth: '1979-11-02',
    sex: 'MALE',
    coverages: [{ payerId: ids.bcbsId, memberId: 'XOD771230045', priority: 'PRIMARY', effectiveDate: '2020-01-01' }],
  });
  coverageId = p.patient.coverages[0]!.id;
});
afterAll(() => t.close());

const CHECK = `mutation($input: CheckEligibilityInput!) { checkEligibility(input: $input) { __typename
  ... on CheckEligibilitySuccess { check { active planName copayCents coinsuranceBasisPoints deductibleCents deductibleRemainingCents serviceDate connectorId } }
  ... on ConnectorError { message retryable } ... on ValidationError { fieldErrors { path code } } } }`;

describe('checkEligibility', () => {
  it('sends a 270 through the coverage’s connector and stores the 271’s answer on the coverage', async () => {
    const res = await t.execute<{ checkEligibility: { __typename: string; check: Record<string, unknown> } }>(CHECK, {
      token,
      variables: { input: { coverageId, serviceDate: '2024-03-04' } },
    });
    expect(res.data!.checkEligibility.check).toEqual({
      active: true,
      planName: 'BLUE ADVANTAGE PPO',
      copayCents: 3000,
      coinsuranceBasisPoints: 2000,
      deductibleCents: 150000,
      deductibleRemainingCents: 42050,
      serviceDate: '2024-03-04',
      connectorId: 'test-eligibility',
    });
    const segments = tokenize(requests[0]!).map((s) => s.elements.join('*'));
    expect(segments).toContain('NM1*IL*1*RAMIREZ*LUIS****MI*XOD771230045');
    expect(segments).toContain('DTP*291*D8*20240304');
    const stored = await t.execute<{ node: { eligibilityChecks: Array<{ planName: string }> } }>(
      `{ node(id: "${coverageId}") { ... on Coverage { eligibilityChecks { planName } } } }`,
      { token },
    );
    expect(stored.data!.node.eligibilityChecks).toEqual([{ planName: 'BLUE ADVANTAGE PPO' }]);
  });

  it('returns a typed connector error when the payer fails or answers nonsense, storing nothing', async () => {
    for (const mode of ['down', 'broken'] as const) {
      answer = mode;
      const res = await t.execute<{ checkEligibility: { __typename: string; message: string; retryable: boolean } }>(
        CHECK,
        { token, variables: { input: { coverageId } } },
      );
      expect(res.data!.checkEligibility).toMatchObject({ __typename: 'ConnectorError', retryable: false });
    }
    answer = 'active';
    expect(await t.db.eligibilityCheck.count()).toBe(1);
  });

  it('waits for the payer outside any transaction: other writes go on meanwhile (SQLite has one writer)', async () => {
    let open!: () => void;
    payerGate = new Promise<void>((resolve) => {
      open = resolve;
    });
    answer = 'slow';
    const asking = t.execute(CHECK, { token, variables: { input: { coverageId } } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    // While the payer has not answered, another mutation commits (with a transaction held open it would wait).
    const other = await Promise.race([
      mutate<{ payer: { id: string } }>(t, token, M.createPayer, {
        name: 'Written meanwhile',
        payerIdentifier: '55555',
        claimFilingIndicator: 'CI',
      }).then(() => 'committed'),
      new Promise((resolve) => setTimeout(() => resolve('blocked'), 3_000)),
    ]);
    open();
    expect(other).toBe('committed');
    expect((await asking).data).toMatchObject({ checkEligibility: { __typename: 'CheckEligibilitySuccess' } });
    answer = 'active';
  });

  it('says what a rejection means, not only its AAA code', async () => {
    answer = 'rejected';
    try {
      const res = await t.execute<{
        checkEligibility: {
          check: { rejections: string[]; rejectionReasons: Array<{ code: string; meaning: string | null }> };
        };
      }>(
        `mutation($input: CheckEligibilityInput!) { checkEligibility(input: $input) { ... on CheckEligibilitySuccess { check { rejections rejectionReasons { code meaning } } } } }`,
        { token, variables: { input: { coverageId } } },
      );
      expect(res.data!.checkEligibility.check).toEqual({
        rejections: ['72', 'ZZ'],
        rejectionReasons: [
          { code: '72', meaning: 'Invalid/missing subscriber/insured ID' },
          { code: 'ZZ', meaning: null },
        ],
      });
    } finally {
      answer = 'active';
    }
  });
});
