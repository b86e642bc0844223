import {
  BillVisitDocument,
  ClaimStatusDocument,
  CreatePayerDocument,
  CreatePracticeDocument,
  CreateProviderDocument,
  RecordVisitDocument,
  RegisterPatientDocument,
  SubmitClaimsDocument,
} from './generated/graphql.ts';
import type { billingClient } from './billing-client.ts';

type Request = ReturnType<typeof billingClient>;

function expectType<T extends { __typename: string }, N extends T['__typename']>(
  value: T,
  typename: N,
): Extract<T, { __typename: N }> {
  if (value.__typename !== typename)
    throw new Error(`Expected ${typename}, got ${value.__typename}: ${JSON.stringify(value)}`);
  return value as Extract<T, { __typename: N }>;
}

/** The practice, its doctor and a payer reached through the sandbox clearinghouse: set up once per EHR customer. */
export async function setUpPractice(request: Request) {
  const practice = expectType(
    (
      await request(CreatePracticeDocument, {
        input: {
          name: 'Meadowlark Family Clinic',
          npi: '1324567894',
          taxId: '74-1234567',
          phone: '512-555-0100',
          timeZone: 'America/Chicago',
          address: { line1: '500 W 2nd St', city: 'Austin', state: 'TX', postalCode: '78701-4203' },
        },
      })
    ).createPractice,
    'PracticeSuccess',
  ).practice;
  const provider = expectType(
    (
      await request(CreateProviderDocument, {
        input: {
          practiceId: practice.id,
          firstName: 'Maria',
          lastName: 'Alvarez',
          npi: '1512345673',
          credential: 'MD',
        },
      })
    ).createProvider,
    'ProviderSuccess',
  ).provider;
  const payer = expectType(
    (
      await request(CreatePayerDocument, {
        input: { name: 'Sandbox Health', payerIdentifier: '60054', claimFilingIndicator: 'CI', connectorId: 'sandbox' },
      })
    ).createPayer,
    'PayerSuccess',
  ).payer;
  return { practiceId: practice.id, providerId: provider.id, payerId: payer.id };
}

/** A day at the front desk and in the exam room: register, see the patient, bill the visit, send the claim. */
export async function billADay(
  request: Request,
  ids: Awaited<ReturnType<typeof setUpPractice>>,
  dateOfService: string,
) {
  const patient = expectType(
    (
      await request(RegisterPatientDocument, {
        input: {
          practiceId: ids.practiceId,
          firstName: 'Luis',
          lastName: 'Ramirez',
          dateOfBirth: '1979-11-02',
          sex: 'MALE',
          address: { line1: '4100 Manchaca Rd', city: 'Austin', state: 'TX', postalCode: '78704' },
          coverages: [
            { payerId: ids.payerId, memberId: 'W771230045', priority: 'PRIMARY', effectiveDate: '2020-01-01' },
          ],
        },
      })
    ).createPatient,
    'PatientSuccess',
  ).patient;
  const coverageId = patient.coverages[0]!.id;
  const visit = expectType(
    (
      await request(RecordVisitDocument, {
        input: {
          practiceId: ids.practiceId,
          patientId: patient.id,
          coverageId,
          renderingProviderId: ids.providerId,
          dateOfService,
          diagnoses: ['E11.9', 'I10'],
          serviceLines: [
            { procedureCode: '99214', chargeCents: 19_500, diagnosisPointers: [1, 2] },
            { procedureCode: '83036', chargeCents: 4_500, diagnosisPointers: [1] },
          ],
        },
      })
    ).createEncounter,
    'EncounterSuccess',
  ).encounter;
  const claim = expectType(
    (await request(BillVisitDocument, { input: { encounterId: visit.id, coverageId } })).createClaim,
    'ClaimSuccess',
  ).claim;
  const sent = (await request(SubmitClaimsDocument, { claimIds: [claim.id] })).submitClaims;
  if (!sent.results[0]?.submitted) throw new Error(`The claim was not sent: ${sent.results[0]?.message}`);
  return { patientId: patient.id, claimId: claim.id, totalChargeCents: visit.totalChargeCents, batches: sent.batches };
}

export async function claimStatus(request: Request, claimId: string) {
  const { node } = await request(ClaimStatusDocument, { id: claimId });
  if (!node || !('status' in node)) throw new Error(`No claim ${claimId}`);
  return node;
}
