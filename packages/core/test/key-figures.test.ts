import { createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { M, mutate } from './registration-api.ts';
import { acceptingClearinghouse, co, era, paidInFull, pr, remittanceWorld } from './remittance-fixtures.ts';
import type { RemittanceWorld } from './remittance-fixtures.ts';

// arKeyFigures nets reversals (from #22): a payment the payer took back is no payment, a charge reversed is no
// charge. The figures are computed by hand below; the period spans every date the test writes, so the day the
// test runs does not matter.
const FIGURES = `query { arKeyFigures(from: "2020-01-01", to: "2099-12-31") {
  chargesCents paymentsCents contractualAdjustmentsCents netCollectionRate } }`;
const IMPORT = `mutation($x12: String!) { importRemittance(input: { x12: $x12 }) { __typename } }`;
const CHARGES = `query($id: ID!) { node(id: $id) { ... on Claim { ledgerEntries { id kind amountCents } } } }`;
const REVERSE = `mutation($entryId: ID!) { reverseLedgerEntry(entryId: $entryId, reason: "36415 keyed in error") { __typename } }`;

let t: TestApi;
let token: string;
let w: RemittanceWorld;

beforeAll(async () => {
  t = await createTestApi({ payers: [acceptingClearinghouse] });
  const organizationId = (await t.createOrganization('Figures Clinic')).id;
  token = await t.token(organizationId, ['admin']);
  w = await remittanceWorld(t, token);
});
afterAll(() => t.close());

const post = async (x12: string) =>
  expect(
    (await t.execute<{ importRemittance: { __typename: string } }>(IMPORT, { token, variables: { x12 } })).data,
  ).toEqual({ importRemittance: { __typename: 'ImportRemittanceSuccess' } });

describe('arKeyFigures with reversals', () => {
  it('counts a reversed payment, contractual adjustment and charge as taken back', async () => {
    const c = await w.submittedClaim(await w.patient());
    // Paid $111.40, $80.75 contractual, $27.85 to the patient …
    await post(era('FIG-1', [paidInFull(c)]));
    // … taken back whole by the payer (CLP02 = 22) …
    await post(
      era('FIG-2', [
        {
          pcn: c.pcn,
          statusCode: '22',
          chargeCents: -22_000,
          paidCents: -11_140,
          patientResponsibilityCents: -2_785,
          adjustments: [co('45', -8_075), pr('2', -2_500), pr('3', -285)],
        },
      ]),
    );
    // … and adjudicated again: $150.00 paid, $50.00 contractual, $20.00 coinsurance.
    await post(
      era('FIG-3', [
        {
          pcn: c.pcn,
          chargeCents: 22_000,
          paidCents: 15_000,
          patientResponsibilityCents: 2_000,
          adjustments: [co('45', 5_000), pr('2', 2_000)],
        },
      ]),
    );
    // The $25.00 venipuncture charge was keyed in error: reversed by hand.
    const entries = (
      await t.execute<{ node: { ledgerEntries: Array<{ id: string; kind: string; amountCents: number }> } }>(CHARGES, {
        token,
        variables: { id: c.id },
      })
    ).data!.node.ledgerEntries;
    const venipuncture = entries.find((e) => e.kind === 'CHARGE' && e.amountCents === 2_500)!;
    expect(
      (
        await t.execute<{ reverseLedgerEntry: { __typename: string } }>(REVERSE, {
          token,
          variables: { entryId: venipuncture.id },
        })
      ).data!.reverseLedgerEntry.__typename,
    ).not.toMatch(/Error$/);

    const figures = await t.execute<{ arKeyFigures: Record<string, number> }>(FIGURES, { token });
    // Charges 220.00 − 25.00; payments 111.40 − 111.40 + 150.00; contractual 80.75 − 80.75 + 50.00;
    // net collection 150.00 ÷ (195.00 − 50.00) = 1.0345 (the reversed charge is gone, the payment for it is not).
    expect(figures.data!.arKeyFigures).toEqual({
      chargesCents: 19_500,
      paymentsCents: 15_000,
      contractualAdjustmentsCents: 5_000,
      netCollectionRate: 1.0345,
    });
  });
});

describe('denialFigures by payer', () => {
  it('divides a payer’s denials by the claim payments on its own claims, whoever’s 835 carried them', async () => {
    // A Medicare-primary patient, and Medicare taking claims like Blue Cross.
    await t.execute(
      `mutation { updatePayer(input: { id: "${w.medicareId}", connectorId: "accepting-clearinghouse" }) { __typename } }`,
      { token },
    );
    const created = await mutate<{ patient: { id: string; coverages: Array<{ id: string }> } }>(
      t,
      token,
      M.createPatient,
      {
        practiceId: w.practiceId,
        firstName: 'Rosa',
        lastName: 'Medicare',
        dateOfBirth: '1950-03-04',
        sex: 'FEMALE',
        address: { line1: '1 Elm St', city: 'Austin', state: 'TX', postalCode: '78704' },
        coverages: [
          { payerId: w.medicareId, memberId: '1EG4TE5MK73', priority: 'PRIMARY', effectiveDate: '2015-01-01' },
        ],
      },
    );
    const medicarePatient = { id: created.patient.id, primaryCoverageId: created.patient.coverages[0]!.id };
    const bcbs = await w.submittedClaim(await w.patient());
    const paid = await w.submittedClaim(medicarePatient, '2026-10-02');
    const denied = await w.submittedClaim(medicarePatient, '2026-10-03');
    // One 835 from a clearinghouse-level payer id that is on file for nobody: a Blue Cross claim first, then two
    // Medicare claims, one of them denied CO-50. (The remittance takes the first claim's payer, Blue Cross.)
    await post(
      era(
        'FIG-MIXED-1',
        [
          paidInFull(bcbs),
          paidInFull(paid),
          { pcn: denied.pcn, statusCode: '4', chargeCents: 22_000, paidCents: 0, adjustments: [co('50', 22_000)] },
        ],
        { payer: { name: 'REGIONAL CLEARINGHOUSE', id: '55555' } },
      ),
    );
    const figures = await t.execute<{
      denialFigures: {
        denialRates: Array<{ payer: { name: string }; denials: number; claimPayments: number; rate: number | null }>;
      };
    }>(
      `query { denialFigures(from: "2026-11-01", to: "2026-11-30") { denialRates { payer { name } denials claimPayments rate } } }`,
      { token },
    );
    // Medicare: 1 denial of its 2 claim payments = 0.5 (before: 1 denial over Blue Cross's 3, or 0 over none).
    expect(figures.data!.denialFigures.denialRates).toEqual([
      { payer: { name: 'Medicare Part B' }, denials: 1, claimPayments: 2, rate: 0.5 },
    ]);
  });
});
