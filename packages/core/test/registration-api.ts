import type { TestApi } from '@revcycle/testkit';
import { expect } from 'vitest';
import { todayIn } from '../src/util/calendar-date.ts';

/** GraphQL documents and helpers for registration tests: every write goes through the public API. */
export const M = {
  createPractice: `mutation($input: CreatePracticeInput!) { createPractice(input: $input) { __typename ... on PracticeSuccess { practice { id } } ... on ValidationError { fieldErrors { path code message } } } }`,
  createProvider: `mutation($input: CreateProviderInput!) { createProvider(input: $input) { __typename ... on ProviderSuccess { provider { id } } ... on ValidationError { fieldErrors { path code message } } } }`,
  createFacility: `mutation($input: CreateFacilityInput!) { createFacility(input: $input) { __typename ... on FacilitySuccess { facility { id } } ... on ValidationError { fieldErrors { path code message } } } }`,
  createPayer: `mutation($input: CreatePayerInput!) { createPayer(input: $input) { __typename ... on PayerSuccess { payer { id } } ... on ValidationError { fieldErrors { path code message } } } }`,
  createPatient: `mutation($input: CreatePatientInput!) { createPatient(input: $input) { __typename
    ... on PatientSuccess { patient { id accountNumber timeZone timeZoneOverridden guarantor { relationship firstName lastName } coverages { id priority memberId payer { name } } } possibleDuplicates { id } }
    ... on ValidationError { fieldErrors { path code message } } ... on NotFoundError { entity } } }`,
  addCoverage: `mutation($input: AddCoverageInput!) { addCoverage(input: $input) { __typename ... on CoverageSuccess { coverage { id priority } } ... on ValidationError { fieldErrors { path code message } } } }`,
  changeCoveragePriority: `mutation($input: ChangeCoveragePriorityInput!) { changeCoveragePriority(input: $input) { __typename ... on CoverageSuccess { coverage { id priority } } } }`,
  updateCoverage: `mutation($input: UpdateCoverageInput!) { updateCoverage(input: $input) { __typename ... on CoverageSuccess { coverage { id priority active terminationDate } } ... on ValidationError { fieldErrors { path code message } } } }`,
  createEncounter: `mutation($input: CreateEncounterInput!) { createEncounter(input: $input) { __typename
    ... on EncounterSuccess { encounter { id status dateOfService placeOfService totalChargeCents diagnoses { sequence code formattedCode } serviceLines { lineNumber procedureCode modifiers units chargeCents serviceDate diagnosisPointers ndc { code quantity unit } } } }
    ... on ValidationError { fieldErrors { path code message } } ... on NotFoundError { entity } ... on ConflictError { message } } }`,
  importFeeSchedule: `mutation($input: ImportFeeScheduleInput!) { importFeeSchedule(input: $input) { __typename
    ... on ImportFeeScheduleSuccess { importedRows createdEntries updatedEntries feeSchedule { id name isChargeMaster entries(first: 50) { totalCount nodes { procedureCode modifier amountCents effectiveDate endDate } } } }
    ... on ValidationError { fieldErrors { path code message } } } }`,
};

export type FieldError = { path: Array<string>; code: string; message: string };

/** Runs a mutation and returns its payload (the field's value), failing on transport errors. */
export async function mutate<T = Record<string, unknown>>(
  t: TestApi,
  token: string,
  doc: string,
  input: Record<string, unknown>,
): Promise<T & { __typename: string; fieldErrors?: FieldError[] }> {
  const res = await t.execute<Record<string, T & { __typename: string }>>(doc, { token, variables: { input } });
  expect(res.errors).toBeUndefined();
  return Object.values(res.data!)[0]!;
}

/** The test practice's zone: its "today" is what scrub rules, deadlines and statements count from. */
export const PRACTICE_TIME_ZONE = 'America/Chicago';

/** A calendar date in the practice's zone, `offsetDays` from its today (negative: the past); UTC dates are a day off near midnight. */
export const practiceDay = (offsetDays: number): string => todayIn(PRACTICE_TIME_ZONE, new Date(), offsetDays);

/** A practice with a rendering provider, a facility, two payers and a charge master. */
export async function setUpPractice(t: TestApi, token: string) {
  const practice = await mutate<{ practice: { id: string } }>(t, token, M.createPractice, {
    externalId: 'ehr-practice-1',
    name: 'Riverbend Family Medicine',
    npi: '1324567894',
    taxId: '74-1234567',
    phone: '512-555-0100',
    timeZone: PRACTICE_TIME_ZONE,
    address: { line1: '1200 Barton Springs Rd', city: 'Austin', state: 'TX', postalCode: '78704-1521' },
  });
  const practiceId = practice.practice.id;
  const provider = await mutate<{ provider: { id: string } }>(t, token, M.createProvider, {
    practiceId,
    externalId: 'dr-alvarez',
    firstName: 'Maria',
    lastName: 'Alvarez',
    credential: 'MD',
    npi: '1512345673',
    taxonomyCode: '207Q00000X',
  });
  const facility = await mutate<{ facility: { id: string } }>(t, token, M.createFacility, {
    practiceId,
    name: 'Riverbend Clinic',
    placeOfService: '11',
    address: { line1: '1200 Barton Springs Rd', city: 'Austin', state: 'TX', postalCode: '78704-1521' },
  });
  const medicare = await mutate<{ payer: { id: string } }>(t, token, M.createPayer, {
    externalId: 'medicare',
    name: 'Medicare Part B',
    payerIdentifier: '04412',
    claimFilingIndicator: 'MB',
    timelyFilingDays: 365,
  });
  const bcbs = await mutate<{ payer: { id: string } }>(t, token, M.createPayer, {
    externalId: 'bcbs',
    name: 'Blue Cross Blue Shield of Texas',
    payerIdentifier: '84980',
    claimFilingIndicator: 'BL',
    timelyFilingDays: 180,
  });
  for (const r of [provider, facility, medicare, bcbs]) expect(r.__typename).toMatch(/Success$/);
  return {
    practiceId,
    providerId: provider.provider.id,
    facilityId: facility.facility.id,
    medicareId: medicare.payer.id,
    bcbsId: bcbs.payer.id,
  };
}
