import { defineCollectionsExporter, defineDocumentRenderer, defineStatementRenderer } from '@revcycle/core';
import type { LocalApi } from '@revcycle/core';
import { arrange } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { co, era, pr } from './remittance-fixtures.ts';

const text = (name: string, body: string) => ({
  contentType: 'text/plain',
  fileName: name,
  bytes: new TextEncoder().encode(body),
});

/** Plugins the world needs so that every node type gets a row: letters, statements, agency files. */
export const sweepPlugins = {
  documents: [
    defineDocumentRenderer({
      id: 'sweep-letters',
      displayName: 'Letters',
      contentType: 'text/plain',
      render: async (l) => text('letter.txt', l.title),
    }),
  ],
  statements: [
    defineStatementRenderer({
      id: 'sweep-statements',
      displayName: 'Statements',
      contentType: 'text/plain',
      render: async (s) => text('statement.txt', s.accountNumber),
    }),
  ],
  collections: [
    defineCollectionsExporter({
      id: 'sweep-agency',
      displayName: 'Agency files',
      contentType: 'text/csv',
      exportPlacements: async (p) => [text('placements.csv', String(p.length))],
      exportRecalls: async (r) => [text('recalls.csv', String(r.length))],
      parseUpdates: async () => [],
    }),
  ],
};

const ADDRESS = { line1: '100 Main St', city: 'Austin', state: 'TX', postalCode: '78701' };

/**
 * One practice with a record of every kind: registration, a claim sent and paid in part (a denied line, a patient
 * share), a patient payment, an appeal with its letter, a statement with its file, a payment plan, a flag, a contact
 * attempt, a dunning account and a collection placement. Everything goes through the local API except the last two,
 * which take weeks of billing cycles to reach: they are inserted as the cycle would leave them.
 */
export async function practiceWithEverything(
  t: TestApi,
  organizationId: string,
  tag: string,
  payerId: string,
  agencyId: string,
) {
  const a = arrange(t.api, organizationId);
  const local: LocalApi = a.local;
  const practice = await a.practice({ name: `${tag} Clinic`, externalId: `${tag}-practice` });
  const provider = await a.provider(practice.id);
  await local.createFacility({ practiceId: practice.id, name: `${tag} Facility`, address: ADDRESS });
  await local.importFeeSchedule({
    practiceId: practice.id,
    csv: 'code,amount_cents,effective_date\n99213,15000,2026-01-01\n87880,3000,2026-01-01',
  });
  const patient = await a.patient(practice.id, [payerId], {
    firstName: `${tag}-patient`,
    guarantor: { relationship: 'PARENT', firstName: `${tag}-parent`, lastName: 'Doe', address: ADDRESS },
  });
  const coverage = await t.db.coverage.findFirstOrThrow({ where: { patientId: patient.id } });
  const { encounter } = await local.createEncounter({
    practiceId: practice.id,
    patientId: patient.id,
    renderingProviderId: provider.id,
    coverageId: coverage.id,
    dateOfService: '2026-02-20',
    diagnoses: ['J06.9'],
    serviceLines: [
      { procedureCode: '99213', diagnosisPointers: [1] },
      { procedureCode: '87880', diagnosisPointers: [1] },
    ],
  });
  const { claim } = await local.createClaim({ encounterId: encounter.id, coverageId: coverage.id });
  await local.scrubClaim({ claimId: claim.id });
  await local.submitClaims({ claimIds: [claim.id] });
  const lines = await t.db.claimLine.findMany({ where: { claimId: claim.id }, orderBy: { lineNumber: 'asc' } });
  await local.importRemittance({
    x12: era(
      `EFT-SWEEP-${tag}`,
      [
        {
          pcn: claim.patientControlNumber,
          chargeCents: 18_000,
          paidCents: 4_000,
          patientResponsibilityCents: 9_000,
          lines: [
            {
              lineControlNumber: lines[0]!.lineControlNumber!,
              code: '99213',
              chargeCents: 15_000,
              paidCents: 4_000,
              adjustments: [co('45', 2_000), pr('2', 9_000)],
            },
            {
              lineControlNumber: lines[1]!.lineControlNumber!,
              code: '87880',
              chargeCents: 3_000,
              paidCents: 0,
              adjustments: [co('50', 3_000)],
            },
          ],
        },
      ],
      { paymentDate: '2026-03-05' },
    ),
  });
  await local.recordPatientPayment({
    patientId: patient.id,
    amountCents: 500,
    method: 'CASH',
    receivedDate: '2026-03-06',
  });
  const denial = await t.db.denial.findFirstOrThrow({ where: { claimId: claim.id } });
  await local.fileAppeal({ denialId: denial.id, level: 'FIRST_LEVEL', argument: 'The test was necessary.' });
  await local.runStatements({ practiceId: practice.id, statementDate: '2026-03-08' });
  await local.createPaymentPlan({
    patientId: patient.id,
    installmentCount: 3,
    startDate: '2026-04-01',
    frequency: 'MONTHLY',
  });
  await local.flagAccount({ patientId: patient.id, kind: 'DISPUTE', note: `${tag} dispute` });
  await local.recordContactAttempt({ accountPatientId: patient.id, channel: 'MAIL', kind: 'LETTER' });
  await local.setPayerEnrollment({
    practiceId: practice.id,
    payerId,
    transaction: 'ERA_835',
    status: 'SUBMITTED',
    note: `${tag} enrollment`,
  });
  await local.recordContactConsent({
    patientId: patient.id,
    channel: 'TEXTS',
    address: '512-555-0170',
    source: `${tag} intake form`,
  });
  const dunning = await t.db.dunningState.create({
    data: {
      organizationId,
      practiceId: practice.id,
      accountKey: `p:${patient.id}`,
      patientId: patient.id,
      guarantorId: patient.guarantorId,
      sequenceStart: '2026-03-08',
      anchorDate: '2026-03-08',
      status: 'COMPLETED',
    },
  });
  const placement = await t.db.collectionPlacement.create({
    data: {
      organizationId,
      practiceId: practice.id,
      patientId: patient.id,
      guarantorId: patient.guarantorId,
      agencyId,
      accountKey: `p:${patient.id}`,
      exporterId: 'sweep-agency',
      agencyName: 'Sweep Agency',
      status: 'PLACED',
      balanceCents: 1_500,
    },
  });
  return { practice, patient, claim, dunning, placement };
}

/** An organization's shared records (a payer, an agency) and an unmatched acknowledgement. */
export async function organizationShared(t: TestApi, organizationId: string) {
  const a = arrange(t.api, organizationId);
  const payer = await a.payer({ connectorId: 'accepting-clearinghouse' });
  const agency = await a.local.createCollectionAgency({ name: 'Sweep Agency', exporterId: 'sweep-agency' });
  await t.db.unmatchedResponse.create({
    data: { organizationId, kind: '999', reference: 'GS-404', detail: 'no such batch' },
  });
  return { payerId: payer.id, agencyId: agency.id };
}
