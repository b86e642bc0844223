import { todayIn } from '@revcycle/core';
import type { Db } from '@revcycle/core';
import * as demo from './demo-data.ts';

export { DEMO_ORGANIZATION_NAME } from './demo-data.ts';

/**
 * Creates the demo organization with practices, providers, facilities, payers, a charge master, patients with
 * guarantors and coverages, and coded encounters. Idempotent: an existing demo organization is returned as is.
 * Runs in one transaction, so a failure leaves nothing half-seeded.
 */
export async function seedDemo(db: Db, now = new Date()): Promise<{ organizationId: string; created: boolean }> {
  const existing = await db.organization.findFirst({ where: { name: demo.DEMO_ORGANIZATION_NAME } });
  if (existing) return { organizationId: existing.id, created: false };
  const organizationId = await db.$transaction(
    async (tx) => {
      const org = await tx.organization.create({ data: { name: demo.DEMO_ORGANIZATION_NAME } });
      const organizationId = org.id;
      const practiceIds: Record<string, string> = {};
      const practiceZones: Record<string, string> = {};
      for (const { key, ...p } of demo.practices) {
        const row = await tx.practice.create({ data: { organizationId, externalId: `demo-${key}`, ...p } });
        practiceIds[key] = row.id;
        practiceZones[key] = p.timeZone;
      }
      const providerIds: string[] = [];
      for (const { practice, ...p } of demo.providers) {
        providerIds.push((await tx.provider.create({ data: { organizationId, practiceId: practiceIds[practice]!, ...p } })).id);
      }
      const facilityIds: Record<string, string> = {};
      for (const { practice, ...f } of demo.facilities) {
        facilityIds[practice] = (await tx.facility.create({ data: { organizationId, practiceId: practiceIds[practice]!, ...f } })).id;
      }
      const payerIds: Record<string, string> = {};
      for (const { key, ...p } of demo.payers) {
        payerIds[key] = (await tx.payer.create({ data: { organizationId, externalId: `demo-${key}`, connectorId: 'sandbox', ...p } })).id;
      }
      for (const practiceId of Object.values(practiceIds)) {
        const schedule = await tx.feeSchedule.create({ data: { organizationId, practiceId, name: 'Charge master' } });
        await tx.feeScheduleEntry.createMany({
          data: demo.chargeMaster.map(([procedureCode, amountCents]) => ({
            organizationId, feeScheduleId: schedule.id, procedureCode, amountCents, effectiveDate: '2024-01-01',
          })),
        });
      }
      const patientIds: string[] = [];
      for (const [i, p] of demo.patients.entries()) {
        const guarantor = await tx.guarantor.create({
          data: p.guarantor
            ? { organizationId, ...p.guarantor, addressLine1: p.addressLine1, city: p.city, state: p.state, postalCode: p.postalCode, timeZone: practiceZones[p.practice] }
            : { organizationId, relationship: 'SELF', firstName: p.firstName, lastName: p.lastName, dateOfBirth: p.dateOfBirth, addressLine1: p.addressLine1, city: p.city, state: p.state, postalCode: p.postalCode, timeZone: practiceZones[p.practice] },
        });
        const patient = await tx.patient.create({
          data: {
            organizationId, practiceId: practiceIds[p.practice]!, externalId: `demo-patient-${i + 1}`,
            accountNumber: `A${String(i + 1).padStart(6, '0')}`, guarantorId: guarantor.id,
            firstName: p.firstName, lastName: p.lastName, dateOfBirth: p.dateOfBirth, sex: p.sex,
            addressLine1: p.addressLine1, city: p.city, state: p.state, postalCode: p.postalCode,
            mobilePhone: p.mobilePhone ?? null, email: p.email ?? null, preferredChannel: p.preferredChannel,
            smsOptOut: p.smsOptOut ?? false, timeZone: practiceZones[p.practice],
          },
        });
        patientIds.push(patient.id);
        const priorities = ['PRIMARY', 'SECONDARY', 'TERTIARY'] as const;
        for (const [c, coverage] of p.coverages.entries()) {
          const relationship = coverage.subscriberRelationship ?? 'SELF';
          await tx.coverage.create({
            data: {
              organizationId, patientId: patient.id, payerId: payerIds[coverage.payer]!, memberId: coverage.memberId,
              groupNumber: coverage.groupNumber ?? null, priority: priorities[c]!, subscriberRelationship: relationship,
              ...(relationship === 'SELF' ? {} : { subscriberFirstName: p.guarantor?.firstName ?? 'Alex', subscriberLastName: p.lastName, subscriberDateOfBirth: '1980-01-01' }),
              effectiveDate: '2024-01-01', terminationDate: coverage.terminationDate ?? null,
              active: coverage.terminationDate === undefined,
            },
          });
        }
      }
      const charges = new Map(demo.chargeMaster);
      for (const e of demo.encounters) {
        const p = demo.patients[e.patient]!;
        const dateOfService = todayIn(practiceZones[p.practice]!, now, -e.daysAgo);
        const encounter = await tx.encounter.create({
          data: {
            organizationId, practiceId: practiceIds[p.practice]!, patientId: patientIds[e.patient]!, dateOfService,
            renderingProviderId: providerIds[e.provider]!, facilityId: facilityIds[p.practice] ?? null, placeOfService: e.placeOfService,
          },
        });
        await tx.diagnosis.createMany({
          data: e.diagnoses.map((code, d) => ({ organizationId, encounterId: encounter.id, sequence: d + 1, code })),
        });
        await tx.serviceLine.createMany({
          data: e.lines.map((line, l) => ({
            organizationId, encounterId: encounter.id, lineNumber: l + 1, procedureCode: line.code,
            modifier1: line.modifiers?.[0] ?? null, modifier2: line.modifiers?.[1] ?? null,
            unitsMilli: (line.units ?? 1) * 1000, chargeCents: (charges.get(line.code) ?? 0) * (line.units ?? 1),
            serviceDate: dateOfService, diagnosisPointers: line.pointers.join(','),
          })),
        });
      }
      return organizationId;
    },
    { timeout: 60_000 },
  );
  return { organizationId, created: true };
}
