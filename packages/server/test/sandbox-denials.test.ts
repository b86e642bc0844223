import { pdfDocumentRenderer } from '@revcycle/document-pdf';
import { sandboxPayer } from '@revcycle/payer-sandbox';
import { createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { pdfPages } from '@revcycle/testkit/pdf-text';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxWorld } from './sandbox-world.ts';

let t: TestApi;
let token: string;

async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await t.execute<T>(query, { token, variables });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
}

beforeAll(async () => {
  t = await createTestApi({ payers: [sandboxPayer()], documents: [pdfDocumentRenderer()] });
  token = await t.token((await t.createOrganization('Sandbox Billing')).id, ['admin'], { userId: 'dana' });
});
afterAll(() => t.close());

describe('denials from the sandbox payer', () => {
  it('fill the work queue with the right categories, deadlines and priorities, and an appeal letter renders as PDF', async () => {
    const world = await sandboxWorld(t, token, { appealWindowDays: 90 });
    const claimIds = new Map<string, string>();
    for (const memberId of ['W1DENY16', 'W2DENY50', 'W3DENY97', 'W4NONCOV'])
      claimIds.set(memberId, await world.claimFor(memberId));
    expect(await world.submit([...claimIds.values()])).toBe(true);
    const polled = await t.api.pollPayerConnectors();
    expect(polled.every((f) => f.ok)).toBe(true);
    expect(polled.map((f) => f.kind)).toEqual(['999', '277CA', '835']);

    const queue = await gql<{
      denials: {
        totalCount: number;
        nodes: Array<{
          id: string;
          kind: string;
          category: string;
          amountAtStakeCents: number;
          priority: number;
          appealDeadline: string;
          claim: { id: string; status: string };
          recommendation: { action: string };
        }>;
      };
    }>(
      `{ denials(first: 20) { totalCount nodes { id kind category amountAtStakeCents priority appealDeadline claim { id status } recommendation { action } } } }`,
    );
    // The sandbox payer dates its 835 by UTC and the practice counts days in Chicago: between midnight UTC and
    // midnight in Chicago the payment is dated "tomorrow" for the practice, and 91 days are left instead of 90.
    const deadline = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    const practiceToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Chicago' }).format(new Date());
    const daysLeft = Math.round((Date.parse(deadline) - Date.parse(practiceToday)) / 86_400_000);
    expect([90, 91]).toContain(daysLeft);
    const at90 = { 22000: 293, 19500: 260, 2500: 33 } as const;
    const at91 = { 22000: 293, 19500: 259, 2500: 33 } as const;
    const priority = (cents: 22_000 | 19_500 | 2_500) => (daysLeft === 90 ? at90 : at91)[cents];
    const byClaim = (memberId: string) =>
      queue.denials.nodes
        .filter((d) => d.claim.id === claimIds.get(memberId))
        .map(({ kind, category, amountAtStakeCents, priority, appealDeadline, claim, recommendation }) => ({
          kind,
          category,
          amountAtStakeCents,
          priority,
          appealDeadline,
          status: claim.status,
          action: recommendation.action,
        }));
    // Priorities: dollars at stake × (1 + 30 / days left): at 90 days $220 → 293, $195 → 260, $25 → 33 (at 91, $195 → 259).
    expect(byClaim('W1DENY16')).toEqual([
      {
        kind: 'CLAIM_DENIED',
        category: 'MISSING_INFORMATION',
        amountAtStakeCents: 22_000,
        priority: priority(22_000),
        appealDeadline: deadline,
        status: 'DENIED',
        // The sandbox sends CO-16 with MA130 (unprocessable): nothing was adjudicated, so a new claim, not a corrected one.
        action: 'SUBMIT_NEW_CLAIM',
      },
    ]);
    expect(byClaim('W2DENY50')).toEqual([
      {
        kind: 'CLAIM_DENIED',
        category: 'MEDICAL_NECESSITY',
        amountAtStakeCents: 22_000,
        priority: priority(22_000),
        appealDeadline: deadline,
        status: 'DENIED',
        action: 'APPEAL_WITH_RECORDS',
      },
    ]);
    expect(byClaim('W3DENY97')).toEqual([
      {
        kind: 'LINE_DENIED',
        category: 'BUNDLING',
        amountAtStakeCents: 2_500,
        priority: priority(2_500),
        appealDeadline: deadline,
        status: 'PARTIALLY_PAID',
        action: 'REVIEW_MODIFIERS_OR_WRITE_OFF',
      },
    ]);
    expect(byClaim('W4NONCOV')).toEqual([
      {
        kind: 'LINE_DENIED',
        category: 'NON_COVERED',
        amountAtStakeCents: 19_500,
        priority: priority(19_500),
        appealDeadline: deadline,
        status: 'DENIED',
        action: 'BILL_PATIENT_OR_WRITE_OFF',
      },
      {
        kind: 'LINE_DENIED',
        category: 'NON_COVERED',
        amountAtStakeCents: 2_500,
        priority: priority(2_500),
        appealDeadline: deadline,
        status: 'DENIED',
        action: 'BILL_PATIENT_OR_WRITE_OFF',
      },
    ]);

    const item = queue.denials.nodes.find((d) => d.claim.id === claimIds.get('W2DENY50'))!;
    const appeal = await gql<{
      fileAppeal: { letter: { contentType: string; fileName: string; contentBase64: string } };
    }>(
      `mutation($input: FileAppealInput!) { fileAppeal(input: $input) { ... on Appeal { letter { contentType fileName contentBase64 } } } }`,
      {
        input: {
          denialId: item.id,
          level: 'FIRST_LEVEL',
          argument: 'The A1c of 9.8 % required a change of treatment the same day.',
          attachments: [{ name: 'Lab report', reference: 'ehr://labs/55' }],
          signedBy: 'Dana Biller',
        },
      },
    );
    expect(appeal.fileAppeal.letter.contentType).toBe('application/pdf');
    const text = (await pdfPages(Buffer.from(appeal.fileAppeal.letter.contentBase64, 'base64'))).join('\n');
    for (const expected of [
      'Riverbend Family Medicine',
      'Sandbox Health',
      'First-level appeal',
      'CO-50',
      'Not deemed a medical necessity',
      'A1c of 9.8 %',
      '$220.00',
      '$195.00',
      'Lab report',
      'Dana Biller',
      deadline,
    ])
      expect(text).toContain(expected);
  });
});
