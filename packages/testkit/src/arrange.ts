import type { BillingApi, LocalApi, Role } from '@revcycle/core';

/** A valid Type 2 NPI (check digit verified) for arranged practices. */
export const ARRANGED_PRACTICE_NPI = '1234567893';
/** A valid Type 1 NPI for arranged providers. */
export const ARRANGED_PROVIDER_NPI = '1245319599';
const ADDRESS = { line1: '100 Main St', city: 'Austin', state: 'TX', postalCode: '78701' };
/** A billing provider's address: the 837 wants its full nine-digit ZIP. */
const PRACTICE_ADDRESS = { ...ADDRESS, postalCode: '78701-2403' };

let sequence = 0;
const next = () => ++sequence;

type Input<K extends keyof LocalApi> = Parameters<LocalApi[K]>[0];
type Output<K extends keyof LocalApi> = Awaited<ReturnType<LocalApi[K]>>;
type Practice = Output<'createPractice'>['practice'];
type Provider = Output<'createProvider'>['provider'];
type Payer = Output<'createPayer'>['payer'];
type Patient = Output<'createPatient'>['patient'];

export interface Arrangers {
  /** The local API the arrangers call, as an arranging user with every working role. */
  local: LocalApi;
  practice(overrides?: Partial<Input<'createPractice'>>): Promise<Practice>;
  provider(practiceId: string, overrides?: Partial<Input<'createProvider'>>): Promise<Provider>;
  payer(overrides?: Partial<Input<'createPayer'>>): Promise<Payer>;
  /** A patient with one coverage per payer, in priority order (primary first). */
  patient(practiceId: string, payerIds: string[], overrides?: Partial<Input<'createPatient'>>): Promise<Patient>;
}

const ARRANGER_ROLES: Role[] = ['admin', 'biller', 'coder', 'frontdesk', 'collector'];

/**
 * Arranges a test's world through the local API (`api.as(…)`), so arranged data passes the same validation, audit
 * and scoping as data a vendor sends: no raw database writes. Defaults are valid records; pass overrides for the
 * field a test is about.
 * @example
 * const a = arrange(t.api, org.id);
 * const practice = await a.practice({ name: 'A Clinic' });
 * const payer = await a.payer();
 * await a.patient(practice.id, [payer.id]);
 */
export function arrange(api: BillingApi, organizationId: string): Arrangers {
  const local = api.as({ userId: 'testkit-arranger', organizationId, roles: ARRANGER_ROLES });
  return {
    local,
    practice: (overrides) => createPractice(local, overrides),
    provider: (practiceId, overrides) => createProvider(local, practiceId, overrides),
    payer: (overrides) => createPayer(local, overrides),
    patient: (practiceId, payerIds, overrides) => createPatient(local, practiceId, payerIds, overrides),
  };
}

async function createPractice(local: LocalApi, overrides: Partial<Input<'createPractice'>> = {}): Promise<Practice> {
  const n = next();
  const input = {
    name: 'Prairie Family Medicine',
    npi: ARRANGED_PRACTICE_NPI,
    taxId: '741234567',
    phone: '512-555-0100',
    timeZone: 'America/Chicago',
    address: PRACTICE_ADDRESS,
    externalId: `practice-${n}`,
  };
  return (await local.createPractice({ ...input, ...overrides })).practice;
}

async function createProvider(
  local: LocalApi,
  practiceId: string,
  overrides: Partial<Input<'createProvider'>> = {},
): Promise<Provider> {
  const input = { practiceId, firstName: 'Ana', lastName: 'Ruiz', credential: 'MD', npi: ARRANGED_PROVIDER_NPI };
  return (await local.createProvider({ ...input, ...overrides })).provider;
}

async function createPayer(local: LocalApi, overrides: Partial<Input<'createPayer'>> = {}): Promise<Payer> {
  const n = next();
  return (
    await local.createPayer({
      name: 'Lone Star Health',
      payerIdentifier: `P${n}`,
      claimFilingIndicator: 'CI',
      ...overrides,
    })
  ).payer;
}

const PRIORITIES = ['PRIMARY', 'SECONDARY', 'TERTIARY'] as const;

async function createPatient(
  local: LocalApi,
  practiceId: string,
  payerIds: string[],
  overrides: Partial<Input<'createPatient'>> = {},
): Promise<Patient> {
  const n = next();
  const coverages = payerIds.map((payerId, i) => ({
    payerId,
    memberId: `M${n}${i}`,
    priority: PRIORITIES[i]!,
    effectiveDate: '2024-01-01',
  }));
  const input = {
    practiceId,
    accountNumber: `ACC${n}`,
    firstName: 'Pat',
    lastName: 'Doe',
    dateOfBirth: '1980-04-12',
    sex: 'FEMALE' as const,
    address: ADDRESS,
    coverages,
  };
  return (await local.createPatient({ ...input, ...overrides })).patient;
}
