import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The shared samples, vendored once in the X12 package with their licenses. */
const samples = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../x12/test/fixtures/samples/linuxforhealth/835_005010X221A1',
);
const PREVIEW = `query($x12: String!) { previewRemittance(x12: $x12) { __typename
  ... on RemittancePreview { totalPaidCents providerAdjustmentsCents paymentCents warnings
    findings { level expectedCents actualCents patientControlNumber serviceNumber }
    payments { amountCents method traceNumber payerName alreadyPosted providerAdjustments { reasonCode amountCents }
      claimPayments { patientControlNumber statusCode chargeCents paidCents patientResponsibilityCents claim { id } adjustments { groupCode reasonCode amountCents } } } }
  ... on X12Error { reason segmentId segmentIndex byteOffset message } } }`;

type Preview = {
  __typename: string;
  totalPaidCents: number;
  providerAdjustmentsCents: number;
  paymentCents: number;
  warnings: string[];
  findings: Array<{ level: string; expectedCents: number; actualCents: number; patientControlNumber: string | null }>;
  payments: Array<{
    amountCents: number;
    method: string;
    traceNumber: string;
    payerName: string;
    alreadyPosted: boolean;
    claimPayments: Array<{ patientControlNumber: string; statusCode: string; paidCents: number; claim: unknown }>;
  }>;
};

let t: TestApi;
let token: string;
beforeAll(async () => {
  t = await createTestApi();
  token = await t.token((await t.createOrganization()).id, ['biller']);
});
afterAll(() => t.close());

async function preview(x12: string): Promise<Preview> {
  const res = await t.execute<{ previewRemittance: Preview }>(PREVIEW, { token, variables: { x12 } });
  expect(res.errors).toBeUndefined();
  return res.data!.previewRemittance;
}

/**
 * Every shared sample 835, with its totals read off the file by hand (Σ CLP04, Σ PLB04, BPR02) and the balancing
 * findings it really has. Nothing is written: previews of files whose claims are not ours match nothing.
 */
const EXPECTED: Record<string, { paid: number; plb: number; payment: number; claims: string[]; findings: number }> = {
  'managed-care.835': {
    paid: 45_000 + 49_500,
    plb: 0,
    payment: 94_500,
    claims: ['5554555444', '8765432112'],
    findings: 0,
  },
  'medicare-part-a.835': {
    paid: 13_801_840 + 1_198_033,
    plb: -127,
    payment: 15_000_000,
    claims: ['666123', '777777'],
    findings: 0,
  },
  'secondary-payment.835': {
    paid: 91_200 + 31_000,
    plb: 0,
    payment: 122_200,
    claims: ['L0004828311', '0001000053'],
    findings: 0,
  },
  // Its SVC lacks the procedure code (SVC*HC*24599.00*1766.50*187.50), so the line's charge reads 24 599.00 and
  // the line does not balance: one service-level finding, the claim itself balances.
  'tertiary-payment.835': { paid: 18_750, plb: 0, payment: 18_750, claims: ['0001000054'], findings: 1 },
  'cob-contractural-adjustment.835': { paid: 3_400, plb: 0, payment: 3_400, claims: ['0001000055'], findings: 0 },
};

describe('previewRemittance', () => {
  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`${file}: totals, claim payments and balancing findings`, async () => {
      const before = await t.db.ledgerEntry.count();
      const p = await preview(readFileSync(join(samples, file), 'utf8'));
      expect(p.__typename).toBe('RemittancePreview');
      expect({ paid: p.totalPaidCents, plb: p.providerAdjustmentsCents, payment: p.paymentCents }).toEqual({
        paid: expected.paid,
        plb: expected.plb,
        payment: expected.payment,
      });
      expect(p.payments.flatMap((x) => x.claimPayments.map((c) => c.patientControlNumber))).toEqual(expected.claims);
      expect(p.payments.every((x) => x.claimPayments.every((c) => c.claim === null) && !x.alreadyPosted)).toBe(true);
      expect(p.findings).toHaveLength(expected.findings);
      // BPR02 = Σ paid − Σ PLB holds for every sample: the payment-level check finds nothing.
      expect(expected.paid - expected.plb).toBe(expected.payment);
      expect(await t.db.ledgerEntry.count()).toBe(before);
    });
  }

  it('reports an unbalanced claim with its amounts', async () => {
    const x12 = readFileSync(join(samples, 'managed-care.835'), 'utf8').replace(
      'CLP*5554555444*1*800.00*450.00',
      'CLP*5554555444*1*800.00*440.00',
    );
    const p = await preview(x12);
    expect(p.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          level: 'claim',
          patientControlNumber: '5554555444',
          expectedCents: 45_000,
          actualCents: 44_000,
        }),
        expect.objectContaining({ level: 'payment', expectedCents: 93_500, actualCents: 94_500 }),
      ]),
    );
  });

  it('answers a truncated file with a typed error naming the place', async () => {
    const x12 = readFileSync(join(samples, 'managed-care.835'), 'utf8');
    const res = await t.execute<{ previewRemittance: { __typename: string; reason: string; message: string } }>(
      PREVIEW,
      { token, variables: { x12: x12.slice(0, Math.floor(x12.length / 2)) } },
    );
    expect(res.data!.previewRemittance).toMatchObject({ __typename: 'X12Error', reason: 'TRUNCATED' });
  });
});
