import type { TestApi } from '@revcycle/testkit';

const M = {
  practice: `mutation($input: CreatePracticeInput!) { createPractice(input: $input) { ... on PracticeSuccess { practice { id } } } }`,
  provider: `mutation($input: CreateProviderInput!) { createProvider(input: $input) { ... on ProviderSuccess { provider { id } } } }`,
  payer: `mutation($input: CreatePayerInput!) { createPayer(input: $input) { ... on PayerSuccess { payer { id } } } }`,
  patient: `mutation($input: CreatePatientInput!) { createPatient(input: $input) { ... on PatientSuccess { patient { id coverages { id } } } } }`,
  encounter: `mutation($input: CreateEncounterInput!) { createEncounter(input: $input) { ... on EncounterSuccess { encounter { id } } } }`,
  claim: `mutation($input: CreateClaimInput!) { createClaim(input: $input) { ... on ClaimSuccess { claim { id } } } }`,
};

/** A practice billing a payer reached through the sandbox connector, through the public API. */
export async function sandboxWorld(
  t: TestApi,
  token: string,
  payer: { appealWindowDays?: number; connectorId?: string } = {},
) {
  const gql = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const res = await t.execute<T>(query, { token, variables });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  };
  const practiceId = (
    await gql<{ createPractice: { practice: { id: string } } }>(M.practice, {
      input: {
        name: 'Riverbend Family Medicine',
        npi: '1324567894',
        taxId: '74-1234567',
        phone: '512-555-0100',
        timeZone: 'America/Chicago',
        address: { line1: '1200 Barton Springs Rd', city: 'Austin', state: 'TX', postalCode: '78704-1521' },
      },
    })
  ).createPractice.practice.id;
  const providerId = (
    await gql<{ createProvider: { provider: { id: string } } }>(M.provider, {
      input: { practiceId, firstName: 'Maria', lastName: 'Alvarez', npi: '1512345673' },
    })
  ).createProvider.provider.id;
  const payerId = (
    await gql<{ createPayer: { payer: { id: string } } }>(M.payer, {
      input: {
        name: 'Sandbox Health',
        payerIdentifier: '60054',
        claimFilingIndicator: 'CI',
        connectorId: 'sandbox',
        ...payer,
      },
    })
  ).createPayer.payer.id;
  let n = 0;
  return {
    gql,
    /** A DRAFT claim for 99214 ($195.00) and 36415 ($25.00), 20 days ago, for a new patient with this member id. */
    async claimFor(memberId: string): Promise<string> {
      n++;
      const patient = (
        await gql<{ createPatient: { patient: { id: string; coverages: Array<{ id: string }> } } }>(M.patient, {
          input: {
            practiceId,
            firstName: 'Pat',
            lastName: `Sandbox${String.fromCharCode(64 + n)}`,
            dateOfBirth: '1980-01-01',
            sex: 'FEMALE',
            address: { line1: '1 Main St', city: 'Austin', state: 'TX', postalCode: '78701' },
            coverages: [{ payerId, memberId, priority: 'PRIMARY', effectiveDate: '2020-01-01' }],
          },
        })
      ).createPatient.patient;
      const encounterId = (
        await gql<{ createEncounter: { encounter: { id: string } } }>(M.encounter, {
          input: {
            practiceId,
            patientId: patient.id,
            dateOfService: new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10),
            renderingProviderId: providerId,
            coverageId: patient.coverages[0]!.id,
            diagnoses: ['E11.9'],
            serviceLines: [
              { procedureCode: '99214', chargeCents: 19_500, diagnosisPointers: [1] },
              { procedureCode: '36415', chargeCents: 2_500, diagnosisPointers: [1] },
            ],
          },
        })
      ).createEncounter.encounter.id;
      return (
        await gql<{ createClaim: { claim: { id: string } } }>(M.claim, {
          input: { encounterId, coverageId: patient.coverages[0]!.id },
        })
      ).createClaim.claim.id;
    },
    async submit(claimIds: string[]): Promise<boolean> {
      const sent = await gql<{ submitClaims: { results: Array<{ submitted: boolean }> } }>(
        `mutation($ids: [ID!]!) { submitClaims(input: { claimIds: $ids }) { results { submitted } } }`,
        { ids: claimIds },
      );
      return sent.submitClaims.results.every((r) => r.submitted);
    },
  };
}
