import { createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { decodeId } from '../src/ids/global-id.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptingClearinghouse, remittanceWorld } from './remittance-fixtures.ts';
import type { RemittanceWorld } from './remittance-fixtures.ts';

const PAY = `mutation($input: RecordPatientPaymentInput!) { recordPatientPayment(input: $input) { __typename } }`;

let t: TestApi;
let token: string;
let organizationId: string;
let w: RemittanceWorld;

beforeAll(async () => {
  t = await createTestApi({ payers: [acceptingClearinghouse] });
  organizationId = (await t.createOrganization('Recall on payment')).id;
  token = await t.token(organizationId, ['admin']);
  w = await remittanceWorld(t, token);
});
afterAll(() => t.close());

/**
 * A patient's own account held by an agency (no agency record: no recall file to write). Registration makes every
 * patient a guarantor (SELF); `withoutGuarantor` arranges a patient recorded before that (guarantorId null), whose
 * account is the patient alone.
 */
async function placedPatient(status: 'PLACED' | 'DISPUTED' | 'RETURNED', withoutGuarantor = false) {
  const patient = await w.patient();
  const patientId = decodeId('Patient', patient.id);
  if (withoutGuarantor) await t.db.patient.update({ where: { id: patientId }, data: { guarantorId: null } });
  const placement = await t.db.collectionPlacement.create({
    data: {
      organizationId,
      practiceId: decodeId('Practice', w.practiceId),
      patientId,
      accountKey: `p:${patientId}`,
      exporterId: 'csv',
      agencyName: 'Lone Star Recovery',
      balanceCents: 12_000,
      status,
    },
  });
  return { patient, placementId: placement.id };
}

async function pay(patientId: string) {
  const res = await t.execute<{ recordPatientPayment: { __typename: string } }>(PAY, {
    token,
    variables: { input: { patientId, amountCents: 2_500, method: 'CASH', receivedDate: '2026-11-02' } },
  });
  expect(res.errors).toBeUndefined();
  expect(res.data!.recordPatientPayment.__typename).toBe('PatientPayment');
}

const statusOf = async (placementId: string) =>
  (await t.db.collectionPlacement.findUniqueOrThrow({ where: { id: placementId } })).status;

describe('a payment at the practice on a patient’s own account', () => {
  it('recalls a PLACED or DISPUTED placement from the agency, and leaves a returned one and other accounts alone', async () => {
    const placed = await placedPatient('PLACED');
    const disputed = await placedPatient('DISPUTED');
    const returned = await placedPatient('RETURNED');
    const bystander = await placedPatient('PLACED');
    const unguaranteed = await placedPatient('PLACED', true);
    const unguaranteedReturned = await placedPatient('RETURNED', true);

    await pay(placed.patient.id);
    await pay(disputed.patient.id);
    await pay(returned.patient.id);
    await pay(unguaranteed.patient.id);
    await pay(unguaranteedReturned.patient.id);

    expect(await statusOf(placed.placementId)).toBe('RECALLED');
    const recalled = await t.db.collectionPlacement.findUniqueOrThrow({ where: { id: placed.placementId } });
    expect(recalled.statusReason).toBe('the patient paid 2500 cents at the practice');
    expect(await statusOf(disputed.placementId)).toBe('RECALLED');
    expect(await statusOf(returned.placementId)).toBe('RETURNED');
    expect(await statusOf(bystander.placementId)).toBe('PLACED');
    expect(await statusOf(unguaranteed.placementId)).toBe('RECALLED');
    expect(await statusOf(unguaranteedReturned.placementId)).toBe('RETURNED');
  });
});
