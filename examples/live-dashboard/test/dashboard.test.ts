import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { sandboxPayer } from '@revcycle/payer-sandbox';
import { createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDashboard } from '../server/dashboard-server.ts';

/**
 * Debian's Chromium, driven by playwright-core (never a downloaded browser). Without it the test is skipped
 * locally; CI installs it and sets REQUIRE_BROWSER=1, so there a missing browser fails the run.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser && process.env.REQUIRE_BROWSER)
  throw new Error(`REQUIRE_BROWSER is set but there is no browser at ${CHROMIUM} (apt-get install -y chromium)`);

const root = join(import.meta.dirname, '..');
let t: TestApi;
let token: string;
let site: Awaited<ReturnType<typeof serveDashboard>>;
let browser: Browser;

async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await t.execute<T>(query, { token, variables });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
}

beforeAll(async () => {
  if (!haveBrowser) return;
  await build({ root, logLevel: 'silent', configFile: join(root, 'vite.config.ts') });
  t = await createTestApi({ payers: [sandboxPayer()] });
  token = await t.token((await t.createOrganization('Dashboard Billing')).id, ['admin']);
  site = await serveDashboard(t.api, join(root, 'dist'));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await t?.close();
});

describe.skipIf(!haveBrowser)('the live dashboard in headless Chromium', () => {
  it('shows a claim moving to SUBMITTED, then PAID with the A/R and the remittance, without a reload', async () => {
    const practiceId = (
      await gql<{ createPractice: { practice: { id: string } } }>(
        `mutation($input: CreatePracticeInput!) { createPractice(input: $input) { ... on PracticeSuccess { practice { id } } } }`,
        {
          input: {
            name: 'Riverbend Family Medicine',
            npi: '1324567894',
            taxId: '74-1234567',
            phone: '512-555-0100',
            timeZone: 'America/Chicago',
            address: { line1: '1 Main St', city: 'Austin', state: 'TX', postalCode: '78701-2403' },
          },
        },
      )
    ).createPractice.practice.id;
    const providerId = (
      await gql<{ createProvider: { provider: { id: string } } }>(
        `mutation($input: CreateProviderInput!) { createProvider(input: $input) { ... on ProviderSuccess { provider { id } } } }`,
        { input: { practiceId, firstName: 'Maria', lastName: 'Alvarez', npi: '1512345673' } },
      )
    ).createProvider.provider.id;
    const payerId = (
      await gql<{ createPayer: { payer: { id: string } } }>(
        `mutation($input: CreatePayerInput!) { createPayer(input: $input) { ... on PayerSuccess { payer { id } } } }`,
        {
          input: {
            name: 'Sandbox Health',
            payerIdentifier: '60054',
            claimFilingIndicator: 'CI',
            connectorId: 'sandbox',
          },
        },
      )
    ).createPayer.payer.id;
    const patient = (
      await gql<{ createPatient: { patient: { id: string; coverages: Array<{ id: string }> } } }>(
        `mutation($input: CreatePatientInput!) { createPatient(input: $input) { ... on PatientSuccess { patient { id coverages { id } } } } }`,
        {
          input: {
            practiceId,
            firstName: 'Luis',
            lastName: 'Ramirez',
            dateOfBirth: '1979-11-02',
            sex: 'MALE',
            address: { line1: '4100 Manchaca Rd', city: 'Austin', state: 'TX', postalCode: '78704' },
            coverages: [{ payerId, memberId: 'W771230045', priority: 'PRIMARY', effectiveDate: '2020-01-01' }],
          },
        },
      )
    ).createPatient.patient;
    const encounterId = (
      await gql<{ createEncounter: { encounter: { id: string } } }>(
        `mutation($input: CreateEncounterInput!) { createEncounter(input: $input) { ... on EncounterSuccess { encounter { id } } } }`,
        {
          input: {
            practiceId,
            patientId: patient.id,
            coverageId: patient.coverages[0]!.id,
            renderingProviderId: providerId,
            dateOfService: new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10),
            diagnoses: ['J06.9'],
            serviceLines: [{ procedureCode: '99213', chargeCents: 13_500, diagnosisPointers: [1] }],
          },
        },
      )
    ).createEncounter.encounter.id;
    const claimId = (
      await gql<{ createClaim: { claim: { id: string } } }>(
        `mutation($input: CreateClaimInput!) { createClaim(input: $input) { ... on ClaimSuccess { claim { id } } } }`,
        { input: { encounterId, coverageId: patient.coverages[0]!.id } },
      )
    ).createClaim.claim.id;

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${site.url}/?practice=${encodeURIComponent(practiceId)}&token=${token}`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 10_000 });
    await page.waitForSelector('#connection:text("live")', { timeout: 5_000 });
    const status = (s: string) => `tr[data-claim-id="${claimId}"] .status[data-status="${s}"]`;
    await page.waitForSelector(status('DRAFT'), { timeout: 2_000 });

    await gql(`mutation($ids: [ID!]!) { submitClaims(input: { claimIds: $ids }) { results { submitted } } }`, {
      ids: [claimId],
    });
    await page.waitForSelector(status('SUBMITTED'), { timeout: 1_000 });

    const polled = await t.api.pollPayerConnectors();
    expect(polled.map((f) => f.kind)).toEqual(['999', '277CA', '835']);
    await page.waitForSelector(status('PAID'), { timeout: 1_000 });
    // 99213 at $135.00: the patient owes the $20.00 copay and 20 % of $88.00.
    await page.waitForSelector('tr[data-account="patient"] td:last-child:text("$37.60")', { timeout: 1_000 });
    await page.waitForSelector('#remittances li[data-trace^="SBX-EFT-"]', { timeout: 1_000 });
    expect(await page.locator('#events li').count()).toBeGreaterThanOrEqual(5);

    mkdirSync(join(root, 'test', 'output'), { recursive: true });
    await page.screenshot({ path: join(root, 'test', 'output', 'dashboard.png'), fullPage: true });
    await page.close();
  }, 60_000);
});
