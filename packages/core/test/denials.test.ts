import { defineDocumentRenderer } from '@revcycle/core';
import type { LetterDocument } from '@revcycle/core';
import { createTestApi, startTestServer, subscribeOverWebSocket } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptingClearinghouse, co, era, paidInFull, pr, remittanceWorld } from './remittance-fixtures.ts';
import type { RemittanceWorld } from './remittance-fixtures.ts';
import { practiceDay } from './registration-api.ts';

/** A renderer that writes the letter as plain text, so the tests can read what the letter says. */
const letters: LetterDocument[] = [];
const textRenderer = defineDocumentRenderer({
  id: 'text-letters',
  displayName: 'Plain-text letters',
  contentType: 'text/plain',
  async render(letter: LetterDocument) {
    letters.push(letter);
    const text = [
      letter.title,
      letter.from.name,
      letter.to.name,
      ...letter.references.map((r) => `${r.label}: ${r.value}`),
      ...letter.paragraphs,
      ...(letter.table?.rows.map((r) => r.join(' | ')) ?? []),
      ...letter.enclosures,
    ].join('\n');
    return { contentType: 'text/plain', fileName: `${letter.kind}.txt`, bytes: new TextEncoder().encode(text) };
  },
});

const IMPORT = `mutation($x12: String!) { importRemittance(input: { x12: $x12 }) { __typename ... on ImportRemittanceSuccess { matched } } }`;
const ITEM = `fragment Item on Denial { id kind category status amountAtStakeCents recoveredCents priority appealDeadline outcome ownerId
  reasons { code meaning } recommendation { action description } claim { id status } correctedClaim { id patientControlNumber status }
  appeals { id level outcome submittedAt letter { contentType contentBase64 } } notes { text } }`;
const DENIALS = `query($filter: DenialFilter, $orderBy: DenialOrder) { denials(first: 20, filter: $filter, orderBy: $orderBy) { totalCount nodes { ...Item } } } ${ITEM}`;

type Item = {
  id: string;
  kind: string;
  category: string;
  status: string;
  amountAtStakeCents: number;
  recoveredCents: number;
  priority: number;
  appealDeadline: string;
  outcome: string | null;
  ownerId: string | null;
  reasons: Array<{ code: string; meaning: string | null }>;
  recommendation: { action: string; description: string };
  claim: { id: string; status: string };
  correctedClaim: { id: string; patientControlNumber: string; status: string } | null;
  appeals: Array<{
    id: string;
    level: string;
    outcome: string | null;
    submittedAt: string | null;
    letter: { contentType: string; contentBase64: string } | null;
  }>;
  notes: Array<{ text: string }>;
};

let t: TestApi;
let token: string;
let w: RemittanceWorld;

beforeAll(async () => {
  t = await createTestApi({ payers: [acceptingClearinghouse], documents: [textRenderer] });
  token = await t.token((await t.createOrganization('Riverbend Billing')).id, ['admin'], { userId: 'dana' });
  w = await remittanceWorld(t, token);
});
afterAll(() => t.close());

async function gql<T>(doc: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await t.execute<T>(doc, { token, variables });
  expect(res.errors).toBeUndefined();
  return res.data!;
}
const importEra = (x12: string) => gql<{ importRemittance: { __typename: string } }>(IMPORT, { x12 });
async function itemsOf(claimId: string, status = ['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED']): Promise<Item[]> {
  const res = await gql<{ denials: { nodes: Item[] } }>(DENIALS, { filter: { status } });
  return res.denials.nodes.filter((d) => d.claim.id === claimId || d.correctedClaim?.id === claimId);
}
const today = () => practiceDay(0);
const plusDays = (n: number) => practiceDay(n);

describe('the denial work queue', () => {
  it('opens items per denied claim, denied line and underpaid line, with meanings, recommendations, deadlines and priorities', async () => {
    await gql(`mutation($input: ImportFeeScheduleInput!) { importFeeSchedule(input: $input) { __typename } }`, {
      input: {
        practiceId: w.practiceId,
        payerId: w.bcbsId,
        name: 'BCBS contract',
        csv: 'code,amount,effective_date\n99214,140.00,2026-01-01\n',
      },
    });
    const p = await w.patient();
    const denied = await w.submittedClaim(p, '2026-10-01');
    const bundled = await w.submittedClaim(p, '2026-10-02');
    const short = await w.submittedClaim(p, '2026-10-03');
    await importEra(
      era(
        'EFT-Q-1',
        [
          { pcn: denied.pcn, statusCode: '4', chargeCents: 22_000, paidCents: 0, adjustments: [co('16', 22_000)] },
          {
            pcn: bundled.pcn,
            chargeCents: 22_000,
            paidCents: 10_000,
            patientResponsibilityCents: 2_500,
            lines: [
              {
                lineControlNumber: bundled.lines[0]!,
                code: '99214',
                chargeCents: 19_500,
                paidCents: 10_000,
                adjustments: [co('45', 7_000), pr('2', 2_500)],
              },
              {
                lineControlNumber: bundled.lines[1]!,
                code: '36415',
                chargeCents: 2_500,
                paidCents: 0,
                adjustments: [co('97', 2_500)],
              },
            ],
          },
          { ...paidInFull(short), pcn: short.pcn },
        ],
        { paymentDate: today() },
      ),
    );

    const [claimItem] = await itemsOf(denied.id);
    expect(claimItem).toMatchObject({
      kind: 'CLAIM_DENIED',
      category: 'MISSING_INFORMATION',
      status: 'OPEN',
      amountAtStakeCents: 22_000,
      appealDeadline: plusDays(180),
      reasons: [
        { code: 'CO-16', meaning: 'The claim or service lacks information or has submission or billing errors' },
      ],
      recommendation: { action: 'CORRECT_AND_RESUBMIT' },
      // $220.00 × (1 + 30 / 180 days) = 256.67
      priority: 257,
    });
    const [lineItem] = await itemsOf(bundled.id);
    expect(lineItem).toMatchObject({
      kind: 'LINE_DENIED',
      category: 'BUNDLING',
      amountAtStakeCents: 2_500,
      priority: 29,
      recommendation: { action: 'REVIEW_MODIFIERS_OR_WRITE_OFF' },
    });
    const [underpaid] = await itemsOf(short.id);
    // Allowed 10 000 + 2 500 coinsurance = 12 500 against the contracted 14 000.
    expect(underpaid).toMatchObject({
      kind: 'UNDERPAID',
      category: 'UNDERPAYMENT',
      amountAtStakeCents: 1_500,
      priority: 18,
      recommendation: { action: 'APPEAL_UNDERPAYMENT' },
    });

    const byPriority = await gql<{ denials: { nodes: Item[] } }>(DENIALS, { orderBy: { field: 'PRIORITY' } });
    const order = byPriority.denials.nodes
      .filter((d) => [denied.id, bundled.id, short.id].includes(d.claim.id))
      .map((d) => d.kind);
    // The bundled claim's 99214 was also allowed 12 500 against 14 000: a second underpayment item.
    expect(order).toEqual(['CLAIM_DENIED', 'LINE_DENIED', 'UNDERPAID', 'UNDERPAID']);
    const summary = await gql<{
      denialSummary: Array<{ category: string; count: number; amountAtStakeCents: number }>;
    }>(`{ denialSummary { category count amountAtStakeCents } }`);
    expect(summary.denialSummary).toEqual(
      expect.arrayContaining([
        { category: 'MISSING_INFORMATION', count: 1, amountAtStakeCents: 22_000 },
        { category: 'BUNDLING', count: 1, amountAtStakeCents: 2_500 },
        { category: 'UNDERPAYMENT', count: 2, amountAtStakeCents: 3_000 },
      ]),
    );

    const policy = await t.execute(
      `mutation($input: SetDenialPolicyInput!) { setDenialPolicy(input: $input) { id } }`,
      {
        token,
        variables: { input: { practiceId: w.practiceId, writeOffCategories: ['BUNDLING'], writeOffBelowCents: 0 } },
      },
    );
    expect(policy.errors).toBeUndefined();
    expect((await itemsOf(bundled.id))[0]!.recommendation.action).toBe('WRITE_OFF');
    const off = await gql<{ writeOffDenial: { __typename: string; status: string } }>(
      `mutation($input: WriteOffDenialInput!) { writeOffDenial(input: $input) { __typename ... on Denial { status } } }`,
      { input: { denialId: lineItem!.id, reason: 'bundled venipuncture: policy' } },
    );
    expect(off.writeOffDenial).toEqual({ __typename: 'Denial', status: 'CLOSED' });
    const balance = await gql<{ node: { balance: { insuranceCents: number } } }>(
      `query($id: ID!) { node(id: $id) { ... on Claim { balance { insuranceCents } } } }`,
      { id: bundled.id },
    );
    expect(balance.node.balance.insuranceCents).toBe(0);
  });

  it('fixes a CO-16 denial with a corrected claim that a later 835 pays', async () => {
    const p = await w.patient();
    const c = await w.submittedClaim(p);
    await importEra(
      era(`EFT-16-${c.pcn}`, [
        { pcn: c.pcn, statusCode: '4', chargeCents: 22_000, paidCents: 0, adjustments: [co('16', 22_000)] },
      ]),
    );
    const [item] = await itemsOf(c.id);
    await gql(`mutation($input: AssignDenialInput!) { assignDenial(input: $input) { __typename } }`, {
      input: { denialId: item!.id, ownerId: 'dana' },
    });
    await gql(`mutation($input: AddDenialNoteInput!) { addDenialNote(input: $input) { __typename } }`, {
      input: { denialId: item!.id, text: 'Subscriber address was wrong; corrected.' },
    });
    await gql(`mutation($input: UpdatePatientInput!) { updatePatient(input: $input) { __typename } }`, {
      input: { id: p.id, address: { line1: '4102 Manchaca Rd', city: 'Austin', state: 'TX', postalCode: '78704' } },
    });
    const corrected = await gql<{
      correctDeniedClaim: { correctedClaim: { id: string; patientControlNumber: string } };
    }>(
      `mutation($input: CorrectDeniedClaimInput!) { correctDeniedClaim(input: $input) { ... on Denial { correctedClaim { id patientControlNumber } } } }`,
      { input: { denialId: item!.id, kind: 'REPLACEMENT' } },
    );
    const replacement = corrected.correctDeniedClaim.correctedClaim;
    const resubmitted = await gql<{ resubmitDeniedClaim: { __typename: string; status: string } }>(
      `mutation($input: ResubmitDeniedClaimInput!) { resubmitDeniedClaim(input: $input) { __typename ... on Denial { status } } }`,
      { input: { denialId: item!.id } },
    );
    expect(resubmitted.resubmitDeniedClaim).toEqual({ __typename: 'Denial', status: 'IN_PROGRESS' });
    expect((await itemsOf(c.id))[0]!.recommendation.action).toBe('AWAIT_ANSWER');

    const lines = await gql<{ node: { lines: Array<{ lineControlNumber: string }> } }>(
      `query($id: ID!) { node(id: $id) { ... on Claim { lines { lineControlNumber } } } }`,
      { id: replacement.id },
    );
    await importEra(
      era(`EFT-16-PAID-${c.pcn}`, [
        paidInFull({ pcn: replacement.patientControlNumber, lines: lines.node.lines.map((l) => l.lineControlNumber) }),
      ]),
    );
    const [resolved] = await itemsOf(c.id, ['RESOLVED']);
    expect(resolved).toMatchObject({
      status: 'RESOLVED',
      recoveredCents: 11_140,
      ownerId: 'dana',
      claim: { status: 'CLOSED' },
      correctedClaim: { status: 'PAID' },
      notes: [{ text: 'Subscriber address was wrong; corrected.' }],
    });
    const history = await gql<{ node: { statusHistory: Array<{ toStatus: string; reason: string }> } }>(
      `query($id: ID!) { node(id: $id) { ... on Claim { statusHistory { toStatus reason } } } }`,
      { id: c.id },
    );
    expect(history.node.statusHistory.map((h) => h.reason)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/assigned to dana/),
        expect.stringMatching(/^note on denial/),
        expect.stringMatching(/replacement of/),
        expect.stringMatching(/resubmitted the corrected claim/),
        expect.stringMatching(/^replacement .* paid/),
      ]),
    );
    // The original's charges were reversed when the replacement was sent: the patient owes the replacement's share only.
    const patient = await gql<{ node: { balance: { insuranceCents: number; patientCents: number } } }>(
      `query($id: ID!) { node(id: $id) { ... on Patient { balance { insuranceCents patientCents } } } }`,
      { id: p.id },
    );
    expect(patient.node.balance).toEqual({ insuranceCents: 0, patientCents: 2_785 });
  });

  it('appeals a CO-50 denial with a letter; upheld by a second denial, appealed again, overturned and paid', async () => {
    const p = await w.patient();
    const c = await w.submittedClaim(p);
    await importEra(
      era(`EFT-50-${c.pcn}`, [
        { pcn: c.pcn, statusCode: '4', chargeCents: 22_000, paidCents: 0, adjustments: [co('50', 22_000)] },
      ]),
    );
    const [item] = await itemsOf(c.id);
    expect(item!.recommendation.action).toBe('APPEAL_WITH_RECORDS');
    const FILE = `mutation($input: FileAppealInput!) { fileAppeal(input: $input) { __typename ... on Appeal { id level submittedAt letter { contentType contentBase64 } } ... on Error { message } } }`;
    const first = await gql<{
      fileAppeal: { __typename: string; id: string; letter: { contentType: string; contentBase64: string } };
    }>(FILE, {
      input: {
        denialId: item!.id,
        level: 'FIRST_LEVEL',
        argument:
          'The patient presented with uncontrolled type 2 diabetes.\n\nThe visit and the A1c test were necessary to adjust treatment.',
        attachments: [{ name: 'Visit note 2026-10-01', reference: 'ehr://notes/881' }],
      },
    });
    expect(first.fileAppeal.__typename).toBe('Appeal');
    const text = Buffer.from(first.fileAppeal.letter.contentBase64, 'base64').toString();
    for (const expected of [
      'First-level appeal',
      'CO-50 (Not deemed a medical necessity by the payer)',
      'uncontrolled type 2 diabetes',
      'Visit note 2026-10-01',
      'Amount in dispute: $220.00',
      `Our claim number: ${c.pcn}`,
    ])
      expect(text).toContain(expected);
    expect((await itemsOf(c.id))[0]!.claim.status).toBe('APPEALED');

    await importEra(
      era(`EFT-50-AGAIN-${c.pcn}`, [
        { pcn: c.pcn, statusCode: '4', chargeCents: 22_000, paidCents: 0, adjustments: [co('50', 22_000)] },
      ]),
    );
    const afterSecond = await itemsOf(c.id);
    expect(afterSecond).toHaveLength(1);
    expect(afterSecond[0]).toMatchObject({
      status: 'IN_PROGRESS',
      claim: { status: 'DENIED' },
      recommendation: { action: 'APPEAL_NEXT_LEVEL' },
      appeals: [{ level: 'FIRST_LEVEL', outcome: 'UPHELD' }],
    });

    const reused = await gql<{ fileAppeal: { __typename: string } }>(FILE, {
      input: { denialId: item!.id, level: 'FIRST_LEVEL', argument: 'again' },
    });
    expect(reused.fileAppeal.__typename).toBe('ValidationError');
    const second = await gql<{ fileAppeal: { id: string } }>(FILE, {
      input: {
        denialId: item!.id,
        level: 'SECOND_LEVEL',
        argument: 'Enclosed are the lab results supporting necessity.',
      },
    });
    const decided = await gql<{ recordAppealDecision: { __typename: string; outcome: string } }>(
      `mutation($input: RecordAppealDecisionInput!) { recordAppealDecision(input: $input) { __typename ... on Appeal { outcome } } }`,
      {
        input: {
          appealId: second.fileAppeal.id,
          outcome: 'OVERTURNED',
          expectedPaymentCents: 11_140,
          payerResponse: 'Medical necessity established',
        },
      },
    );
    expect(decided.recordAppealDecision).toEqual({ __typename: 'Appeal', outcome: 'OVERTURNED' });
    expect((await itemsOf(c.id))[0]!.recommendation.action).toBe('AWAIT_PAYMENT');

    await importEra(era(`EFT-50-PAID-${c.pcn}`, [paidInFull(c)]));
    const [paid] = await itemsOf(c.id, ['RESOLVED']);
    expect(paid).toMatchObject({
      status: 'RESOLVED',
      recoveredCents: 11_140,
      claim: { status: 'PAID' },
      appeals: [
        { level: 'FIRST_LEVEL', outcome: 'UPHELD' },
        { level: 'SECOND_LEVEL', outcome: 'OVERTURNED' },
      ],
    });
  });

  it('drafts an appeal (claim unchanged), then marks it sent: the claim becomes APPEALED, once', async () => {
    const p = await w.patient();
    const c = await w.submittedClaim(p);
    await importEra(
      era(`EFT-DRAFT-${c.pcn}`, [
        { pcn: c.pcn, statusCode: '4', chargeCents: 22_000, paidCents: 0, adjustments: [co('50', 22_000)] },
      ]),
    );
    const [item] = await itemsOf(c.id);
    const status = async () =>
      (
        await gql<{ node: { status: string } }>(`query($id: ID!) { node(id: $id) { ... on Claim { status } } }`, {
          id: c.id,
        })
      ).node.status;
    const before = await status();
    const draft = await gql<{ fileAppeal: { id: string; submittedAt: string | null } }>(
      `mutation($input: FileAppealInput!) { fileAppeal(input: $input) { ... on Appeal { id submittedAt } } }`,
      { input: { denialId: item!.id, level: 'FIRST_LEVEL', argument: 'Necessary.', sent: false } },
    );
    expect(draft.fileAppeal.submittedAt).toBeNull();
    expect(await status()).toBe(before);
    const MARK = `mutation($input: MarkAppealSentInput!) { markAppealSent(input: $input) { __typename ... on Appeal { submittedAt } ... on Error { message } } }`;
    const sent = await gql<{ markAppealSent: { __typename: string; submittedAt: string } }>(MARK, {
      input: { appealId: draft.fileAppeal.id },
    });
    expect(sent.markAppealSent.__typename).toBe('Appeal');
    expect(sent.markAppealSent.submittedAt).toEqual(expect.any(String));
    expect(await status()).toBe('APPEALED');
    const again = await gql<{ markAppealSent: { __typename: string; message: string } }>(MARK, {
      input: { appealId: draft.fileAppeal.id },
    });
    expect(again.markAppealSent).toEqual({
      __typename: 'ConflictError',
      message: 'This FIRST_LEVEL appeal was sent already',
    });
  });

  it('appeals an underpayment, which the payer reverses and pays at the contract rate', async () => {
    const org = await t.createOrganization('Underpaid Clinic');
    const admin = await t.token(org.id, ['admin']);
    const world = await remittanceWorld(t, admin);
    const run = <T>(doc: string, variables: Record<string, unknown>) => t.execute<T>(doc, { token: admin, variables });
    await run(`mutation($input: ImportFeeScheduleInput!) { importFeeSchedule(input: $input) { __typename } }`, {
      input: {
        practiceId: world.practiceId,
        payerId: world.bcbsId,
        name: 'BCBS',
        csv: 'code,amount,effective_date\n99214,140.00,2026-01-01\n',
      },
    });
    const p = await world.patient();
    const c = await world.submittedClaim(p);
    await run(IMPORT, { x12: era('EFT-UP-1', [paidInFull(c)]) });
    const items = (await run<{ denials: { nodes: Item[] } }>(DENIALS, { filter: { kind: ['UNDERPAID'] } })).data!
      .denials.nodes;
    expect(items).toHaveLength(1);
    const appeal = await run<{ requestReconsideration: { __typename: string; level: string } }>(
      `mutation($input: RequestReconsiderationInput!) { requestReconsideration(input: $input) { __typename ... on Appeal { level } } }`,
      { input: { denialId: items[0]!.id, argument: 'Our contract pays $140.00 for 99214.' } },
    );
    expect(appeal.data!.requestReconsideration).toEqual({ __typename: 'Appeal', level: 'RECONSIDERATION' });
    const reversal = {
      pcn: c.pcn,
      statusCode: '22',
      chargeCents: -22_000,
      paidCents: -11_140,
      patientResponsibilityCents: -2_785,
      adjustments: [co('45', -8_075), pr('2', -2_500), pr('3', -285)],
    };
    const repaid = {
      pcn: c.pcn,
      chargeCents: 22_000,
      paidCents: 12_640,
      patientResponsibilityCents: 2_785,
      lines: [
        {
          lineControlNumber: c.lines[0]!,
          code: '99214',
          chargeCents: 19_500,
          paidCents: 11_500,
          adjustments: [co('45', 5_500), pr('2', 2_500)],
        },
        {
          lineControlNumber: c.lines[1]!,
          code: '36415',
          chargeCents: 2_500,
          paidCents: 1_140,
          adjustments: [co('45', 1_075), pr('3', 285)],
        },
      ],
    };
    await run(IMPORT, { x12: era('EFT-UP-2', [reversal, repaid]) });
    const after = (
      await run<{ denials: { nodes: Item[] } }>(DENIALS, {
        filter: { kind: ['UNDERPAID'], status: ['RESOLVED', 'OPEN', 'IN_PROGRESS'] },
      })
    ).data!.denials.nodes;
    expect(after).toEqual([
      expect.objectContaining({
        status: 'RESOLVED',
        recoveredCents: 1_500,
        appeals: [expect.objectContaining({ level: 'RECONSIDERATION', outcome: 'OVERTURNED' })],
      }),
    ]);

    const figures = await run<{
      denialFigures: {
        resolvedItems: number;
        recoveredCents: number;
        averageDaysToResolution: number;
        overturnRates: Array<{ category: string; level: string; decided: number; overturned: number; rate: number }>;
      };
    }>(
      `query($from: Date!, $to: Date!) { denialFigures(from: $from, to: $to) { resolvedItems recoveredCents averageDaysToResolution overturnRates { category level decided overturned rate } } }`,
      { from: plusDays(-1), to: plusDays(1) },
    );
    expect(figures.errors).toBeUndefined();
    expect(figures.data!.denialFigures).toEqual({
      resolvedItems: 1,
      recoveredCents: 1_500,
      averageDaysToResolution: 0,
      overturnRates: [{ category: 'UNDERPAYMENT', level: 'RECONSIDERATION', decided: 1, overturned: 1, rate: 1 }],
    });
  });

  it('computes denial rates by payer and category and overturn rates, as hand-computed', async () => {
    const org = await t.createOrganization('Figures Clinic');
    const admin = await t.token(org.id, ['admin']);
    const world = await remittanceWorld(t, admin);
    const run = <T>(doc: string, variables: Record<string, unknown> = {}) =>
      t.execute<T>(doc, { token: admin, variables });
    const p = await world.patient();
    const claims = [
      await world.submittedClaim(p, '2026-10-01'),
      await world.submittedClaim(p, '2026-10-02'),
      await world.submittedClaim(p, '2026-10-03'),
      await world.submittedClaim(p, '2026-10-04'),
    ];
    // Four claim payments from Blue Cross: two CO-50 denials, one CO-29, one paid.
    await run(IMPORT, {
      x12: era(
        'EFT-F-1',
        [
          { pcn: claims[0]!.pcn, statusCode: '4', chargeCents: 22_000, paidCents: 0, adjustments: [co('50', 22_000)] },
          { pcn: claims[1]!.pcn, statusCode: '4', chargeCents: 22_000, paidCents: 0, adjustments: [co('50', 22_000)] },
          { pcn: claims[2]!.pcn, statusCode: '4', chargeCents: 22_000, paidCents: 0, adjustments: [co('29', 22_000)] },
          paidInFull(claims[3]!),
        ],
        { paymentDate: today() },
      ),
    });
    const items = (await run<{ denials: { nodes: Item[] } }>(DENIALS, { filter: { category: ['MEDICAL_NECESSITY'] } }))
      .data!.denials.nodes;
    for (const [i, outcome] of [
      [0, 'UPHELD'],
      [1, 'OVERTURNED'],
    ] as const) {
      const a = await run<{ fileAppeal: { id: string } }>(
        `mutation($input: FileAppealInput!) { fileAppeal(input: $input) { ... on Appeal { id } } }`,
        { input: { denialId: items[i]!.id, level: 'FIRST_LEVEL', argument: 'Necessary.' } },
      );
      await run(`mutation($input: RecordAppealDecisionInput!) { recordAppealDecision(input: $input) { __typename } }`, {
        input: { appealId: a.data!.fileAppeal.id, outcome },
      });
    }
    const figures = await run<{
      denialFigures: {
        denialRates: Array<{
          payer: { name: string };
          category: string;
          denials: number;
          claimPayments: number;
          rate: number;
        }>;
        overturnRates: Array<{ category: string; level: string; decided: number; overturned: number; rate: number }>;
      };
    }>(
      `query($from: Date!, $to: Date!) { denialFigures(from: $from, to: $to) { denialRates { payer { name } category denials claimPayments rate } overturnRates { category level decided overturned rate } } }`,
      { from: plusDays(-1), to: plusDays(1) },
    );
    expect(figures.errors).toBeUndefined();
    expect(figures.data!.denialFigures.denialRates).toEqual([
      {
        payer: { name: 'Blue Cross Blue Shield of Texas' },
        category: 'MEDICAL_NECESSITY',
        denials: 2,
        claimPayments: 4,
        rate: 0.5,
      },
      {
        payer: { name: 'Blue Cross Blue Shield of Texas' },
        category: 'TIMELY_FILING',
        denials: 1,
        claimPayments: 4,
        rate: 0.25,
      },
    ]);
    expect(figures.data!.denialFigures.overturnRates).toEqual([
      { category: 'MEDICAL_NECESSITY', level: 'FIRST_LEVEL', decided: 2, overturned: 1, rate: 0.5 },
    ]);
  });
});

describe('deadlines', () => {
  it('announces items approaching their appeal deadline once, and those that passed it, never silently', async () => {
    const org = await t.createOrganization('Deadline Clinic');
    const admin = await t.token(org.id, ['biller']);
    const world = await remittanceWorld(t, await t.token(org.id, ['admin']));
    const p = await world.patient();
    const c = await world.submittedClaim(p);
    await t.execute(IMPORT, {
      token: await t.token(org.id, ['admin']),
      variables: {
        x12: era(
          'EFT-D-1',
          [{ pcn: c.pcn, statusCode: '4', chargeCents: 22_000, paidCents: 0, adjustments: [co('197', 22_000)] }],
          { paymentDate: today() },
        ),
      },
    });
    const server = await startTestServer(t.api);
    const sub = subscribeOverWebSocket<{
      denialDeadlineApproaching: { daysLeft: number; passed: boolean; denial: { category: string } };
    }>(server.wsUrl, admin, `subscription { denialDeadlineApproaching { daysLeft passed denial { category } } }`);
    try {
      await sub.ready;
      expect(await t.api.sweepDenialDeadlines(plusDays(100))).toMatchObject({ warned: 0, passed: 0 });
      const near = await t.api.sweepDenialDeadlines(plusDays(170));
      expect(near.warned).toBeGreaterThanOrEqual(1);
      expect((await sub.next()).data!.denialDeadlineApproaching).toEqual({
        daysLeft: 10,
        passed: false,
        denial: { category: 'AUTHORIZATION' },
      });
      expect((await t.api.sweepDenialDeadlines(plusDays(171))).warned).toBe(0);
      const passed = await t.api.sweepDenialDeadlines(plusDays(181));
      expect(passed.passed).toBeGreaterThanOrEqual(1);
      expect((await sub.next()).data!.denialDeadlineApproaching).toEqual({
        daysLeft: -1,
        passed: true,
        denial: { category: 'AUTHORIZATION' },
      });
      const listed = await t.execute<{
        denialsApproachingDeadline: { nodes: Array<{ claim: { id: string }; deadlinePassed: boolean }> };
      }>(`{ denialsApproachingDeadline(withinDays: 400, first: 100) { nodes { claim { id } deadlinePassed } } }`, {
        token: admin,
      });
      expect(listed.data!.denialsApproachingDeadline.nodes).toContainEqual({
        claim: { id: c.id },
        deadlinePassed: true,
      });
    } finally {
      sub.close();
      await server.close();
    }
  });
});

describe('an unprocessable claim (MA130)', () => {
  it('recommends a new claim, where CO-16 without MA130 recommends a corrected claim', async () => {
    const unprocessable = await w.submittedClaim(await w.patient());
    const incomplete = await w.submittedClaim(await w.patient());
    const denial = (pcn: string, remarkCodes: string[]) => ({
      pcn,
      statusCode: '4',
      chargeCents: 22_000,
      paidCents: 0,
      adjustments: [co('16', 22_000)],
      remarkCodes,
    });
    await importEra(
      era('EFT-MA130-1', [denial(unprocessable.pcn, ['MA130']), denial(incomplete.pcn, ['N290'])], {
        paymentDate: today(),
      }),
    );
    expect((await itemsOf(unprocessable.id))[0]!.recommendation.action).toBe('SUBMIT_NEW_CLAIM');
    expect((await itemsOf(incomplete.id))[0]!.recommendation.action).toBe('CORRECT_AND_RESUBMIT');
  });
});
