import { todayIn } from '@revcycle/core';
import type { BillingApi, LocalApi } from '@revcycle/core';
import { Readable } from 'node:stream';
import { DEMO_CODE_SETS } from './demo-code-sets.ts';
import * as demo from './demo-data.ts';

export { DEMO_ORGANIZATION_NAME } from './demo-data.ts';

/** The last record the seed writes: when it exists, the demo organization is complete. */
const LAST_VISIT = `demo-visit-${demo.encounters.length}`;

/**
 * Creates the demo organization with practices, providers, facilities, payers, a charge master, patients with
 * guarantors and coverages, and coded encounters, through the local API (the same validation and audit as a
 * vendor's calls). Idempotent: every record carries an external id, so a complete demo is returned as is and a
 * seed that stopped half-way is finished by the next run, never duplicated.
 */
export async function seedDemo(
  api: BillingApi,
  now = api.clock.now(),
): Promise<{ organizationId: string; created: boolean }> {
  const existing = (await api.organizations.list({ includeDeactivated: true })).find(
    (o) => o.name === demo.DEMO_ORGANIZATION_NAME,
  );
  if (existing && (await api.db.encounter.count({ where: { organizationId: existing.id, externalId: LAST_VISIT } }))) {
    return { organizationId: existing.id, created: false };
  }
  const organizationId = existing?.id ?? (await api.organizations.create({ name: demo.DEMO_ORGANIZATION_NAME })).id;
  const local = api.as(
    { userId: 'demo-seed', organizationId, roles: ['admin', 'biller', 'coder', 'frontdesk'] },
    { requestId: 'demo-seed' },
  );
  // Code sets first: the demo's visits are coded against them, as a practice's would be.
  for (const set of DEMO_CODE_SETS)
    await api.codeSets.import({ ...set, open: () => Readable.from([set.content]), importedBy: 'demo-seed' });
  await seedRecords(local, now);
  return { organizationId, created: !existing };
}

async function seedRecords(local: LocalApi, now: Date): Promise<void> {
  const practices = new Map<string, { id: string; timeZone: string }>();
  for (const { key, addressLine1, city, state, postalCode, ...p } of demo.practices) {
    const { practice } = await local.createPractice({
      ...p,
      externalId: `demo-${key}`,
      address: { line1: addressLine1, city, state, postalCode },
    });
    practices.set(key, practice);
  }
  const providerIds: string[] = [];
  for (const [i, { practice, ...p }] of demo.providers.entries()) {
    const { provider } = await local.createProvider({
      ...p,
      practiceId: practices.get(practice)!.id,
      externalId: `demo-provider-${i + 1}`,
    });
    providerIds.push(provider.id);
  }
  const facilityIds = new Map<string, string>();
  for (const { practice, addressLine1, city, state, postalCode, ...f } of demo.facilities) {
    const address = { line1: addressLine1, city, state, postalCode };
    const { facility } = await local.createFacility({
      ...f,
      practiceId: practices.get(practice)!.id,
      externalId: `demo-facility-${practice}`,
      address,
    });
    facilityIds.set(practice, facility.id);
  }
  const payerIds = new Map<string, string>();
  for (const { key, ...p } of demo.payers) {
    payerIds.set(key, (await local.createPayer({ ...p, externalId: `demo-${key}`, connectorId: 'sandbox' })).payer.id);
  }
  const csv = [
    'code,amount_cents,effective_date',
    ...demo.chargeMaster.map(([code, cents]) => `${code},${cents},2024-01-01`),
  ].join('\n');
  for (const practice of practices.values())
    await local.importFeeSchedule({ practiceId: practice.id, name: 'Charge master', csv });

  const patients: Array<{ id: string; practice: { id: string; timeZone: string } }> = [];
  for (const [i, p] of demo.patients.entries()) {
    const practice = practices.get(p.practice)!;
    const address = { line1: p.addressLine1, city: p.city, state: p.state, postalCode: p.postalCode };
    const priorities = ['PRIMARY', 'SECONDARY', 'TERTIARY'] as const;
    const coverages = p.coverages.map((c, k) => {
      const relationship = c.subscriberRelationship ?? 'SELF';
      const subscriber =
        relationship === 'SELF'
          ? null
          : { firstName: p.guarantor?.firstName ?? 'Alex', lastName: p.lastName, dateOfBirth: '1980-01-01' };
      return {
        payerId: payerIds.get(c.payer)!,
        memberId: c.memberId,
        groupNumber: c.groupNumber ?? null,
        priority: priorities[k]!,
        subscriberRelationship: relationship,
        subscriber,
        effectiveDate: '2024-01-01',
        terminationDate: c.terminationDate ?? null,
      };
    });
    const guarantor = p.guarantor ? { ...p.guarantor, address } : { relationship: 'SELF' as const };
    const { patient } = await local.createPatient({
      practiceId: practice.id,
      externalId: `demo-patient-${i + 1}`,
      accountNumber: `A${String(i + 1).padStart(6, '0')}`,
      firstName: p.firstName,
      lastName: p.lastName,
      dateOfBirth: p.dateOfBirth,
      sex: p.sex,
      address,
      mobilePhone: p.mobilePhone ?? null,
      email: p.email ?? null,
      preferredChannel: p.preferredChannel,
      smsOptOut: p.smsOptOut ?? false,
      guarantor,
      coverages,
    });
    // Texts need the patient's consent on record: the demo's mobile numbers were given on the intake form.
    if (p.mobilePhone && !p.smsOptOut)
      await local.recordContactConsent({
        patientId: patient.id,
        channel: 'TEXTS',
        address: p.mobilePhone,
        source: 'intake form',
      });
    patients.push({ id: patient.id, practice });
  }

  for (const [i, e] of demo.encounters.entries()) {
    const patient = patients[e.patient]!;
    const p = demo.patients[e.patient]!;
    const dateOfService = todayIn(patient.practice.timeZone, now, -e.daysAgo);
    await local.createEncounter({
      practiceId: patient.practice.id,
      patientId: patient.id,
      externalId: `demo-visit-${i + 1}`,
      dateOfService,
      renderingProviderId: providerIds[e.provider]!,
      facilityId: facilityIds.get(p.practice) ?? null,
      placeOfService: e.placeOfService,
      diagnoses: e.diagnoses,
      serviceLines: e.lines.map((line) => ({
        procedureCode: line.code,
        modifiers: line.modifiers ?? [],
        units: line.units ?? 1,
        diagnosisPointers: line.pointers,
      })),
    });
  }
}
