// Shared by the posting and submission benchmarks: one claim made through the API, then copied in bulk (the API
// would take minutes to make a hospital's week of claims, and making them is not what is measured).
import type { Arrangers } from '@revcycle/testkit';
import type { Claim, ClaimLine, Db } from '../src/db/prisma-client.ts';
import { chunks } from '../src/util/chunks.ts';

export interface ClaimTemplate {
  claim: Claim;
  lines: ClaimLine[];
  practiceId: string;
  payerIdentifier: string;
  guarantorId: string | null;
}

/** A practice, provider, payer, insured patient and a scrubbed two-line claim (99213, 87880 on 2026-02-20). */
export async function claimTemplate(a: Arrangers, db: Db): Promise<ClaimTemplate> {
  const practice = await a.practice();
  const provider = await a.provider(practice.id);
  const payer = await a.payer({ payerIdentifier: '84980' });
  const patient = await a.patient(practice.id, [payer.id]);
  const coverage = await db.coverage.findFirstOrThrow({ where: { patientId: patient.id } });
  const { encounter } = await a.local.createEncounter({
    practiceId: practice.id,
    patientId: patient.id,
    renderingProviderId: provider.id,
    coverageId: coverage.id,
    dateOfService: '2026-02-20',
    diagnoses: ['J06.9'],
    serviceLines: [
      { procedureCode: '99213', diagnosisPointers: [1], chargeCents: 9_000 },
      { procedureCode: '87880', diagnosisPointers: [1], chargeCents: 9_000 },
    ],
  });
  const { claim } = await a.local.createClaim({ encounterId: encounter.id, coverageId: coverage.id });
  const row = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
  const lines = await db.claimLine.findMany({ where: { claimId: claim.id }, orderBy: { lineNumber: 'asc' } });
  const guarantorId = (await db.patient.findUniqueOrThrow({ where: { id: patient.id } })).guarantorId;
  return { claim: row, lines, practiceId: practice.id, payerIdentifier: '84980', guarantorId };
}

/**
 * `count` copies of the template claim, numbered from `offset`, in the given status. Submitted copies carry their
 * charges in the ledger and the payer's claim number (as after a 277CA); READY copies are as scrubbed, each for a
 * patient of its own (one patient with thousands of open claims on one day would be thousands of duplicates).
 * Returns their patient control numbers.
 */
export async function cloneClaims(
  db: Db,
  template: ClaimTemplate,
  offset: number,
  count: number,
  status: 'ACCEPTED' | 'READY' = 'ACCEPTED',
): Promise<string[]> {
  const { id: _id, createdAt: _c, updatedAt: _u, ...claimRow } = template.claim;
  const numbers = Array.from({ length: count }, (_, i) => `B${String(offset + i).padStart(9, '0')}`);
  for (const piece of chunks(numbers, 1000)) {
    const ownPatients = status === 'READY' ? await clonePatients(db, template, piece) : undefined;
    await db.claim.createMany({
      data: piece.map((pcn) => ({
        ...claimRow,
        ...ownPatients?.(pcn),
        id: `claim-${pcn}`,
        patientControlNumber: pcn,
        status,
        payerClaimControlNumber: status === 'ACCEPTED' ? `ICN-${pcn}` : null,
        scrubErrors: [],
      })),
    });
    await db.claimLine.createMany({
      data: piece.flatMap((pcn) =>
        template.lines.map(({ id: _l, claimId: _cl, ...line }) => ({
          ...line,
          id: `line-${pcn}-${line.lineNumber}`,
          claimId: `claim-${pcn}`,
          lineControlNumber: `${pcn}-${line.lineNumber}`,
        })),
      ),
    });
    if (status !== 'ACCEPTED') continue;
    await db.ledgerEntry.createMany({
      data: piece.flatMap((pcn) =>
        template.lines.map((line) => ({
          organizationId: template.claim.organizationId,
          practiceId: template.practiceId,
          account: 'INSURANCE' as const,
          kind: 'CHARGE' as const,
          amountCents: line.chargeCents,
          effectiveDate: '2026-02-21',
          agingDate: '2026-02-20',
          patientId: template.claim.patientId,
          guarantorId: template.guarantorId,
          claimId: `claim-${pcn}`,
          claimLineId: `line-${pcn}-${line.lineNumber}`,
          coverageId: template.claim.coverageId,
          payerId: template.claim.payerId,
          idempotencyKey: `charge:line-${pcn}-${line.lineNumber}`,
          actorType: 'SYSTEM' as const,
        })),
      ),
    });
  }
  return numbers;
}

/** A patient, coverage and encounter (with its diagnoses) per claim number, copied from the template's. */
async function clonePatients(db: Db, template: ClaimTemplate, numbers: string[]) {
  const { claim } = template;
  const {
    id: _p,
    createdAt: _pc,
    updatedAt: _pu,
    ...patient
  } = await db.patient.findUniqueOrThrow({
    where: { id: claim.patientId },
  });
  const {
    id: _c,
    createdAt: _cc,
    updatedAt: _cu,
    ...coverage
  } = await db.coverage.findUniqueOrThrow({
    where: { id: claim.coverageId },
  });
  const {
    id: _e,
    createdAt: _ec,
    updatedAt: _eu,
    ...encounter
  } = await db.encounter.findUniqueOrThrow({
    where: { id: claim.encounterId },
  });
  const diagnoses = await db.diagnosis.findMany({ where: { encounterId: claim.encounterId } });
  await db.patient.createMany({
    data: numbers.map((pcn) => ({ ...patient, id: `patient-${pcn}`, accountNumber: `A-${pcn}`, externalId: null })),
  });
  await db.coverage.createMany({
    data: numbers.map((pcn) => ({ ...coverage, id: `coverage-${pcn}`, patientId: `patient-${pcn}` })),
  });
  await db.encounter.createMany({
    data: numbers.map((pcn) => ({
      ...encounter,
      id: `encounter-${pcn}`,
      patientId: `patient-${pcn}`,
      coverageId: `coverage-${pcn}`,
      externalId: null,
    })),
  });
  await db.diagnosis.createMany({
    data: numbers.flatMap((pcn) =>
      diagnoses.map(({ id: _d, ...d }) => ({ ...d, id: `dx-${pcn}-${d.sequence}`, encounterId: `encounter-${pcn}` })),
    ),
  });
  return (pcn: string) => ({
    patientId: `patient-${pcn}`,
    coverageId: `coverage-${pcn}`,
    encounterId: `encounter-${pcn}`,
  });
}
