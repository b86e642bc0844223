import { definePayerConnector } from '@revcycle/core';
import type { TestApi } from '@revcycle/testkit';
import { write835 } from '@revcycle/x12';
import type { Adjustment, Remittance835Input } from '@revcycle/x12';
import { expect } from 'vitest';
import { M, mutate, setUpPractice } from './registration-api.ts';

/** Accepts every batch: remittance tests need claims SUBMITTED (their charges posted), nothing more. */
export const acceptingClearinghouse = definePayerConnector({
  id: 'accepting-clearinghouse',
  displayName: 'Accepting clearinghouse',
  capabilities: ['submit'],
  async submit(batch) {
    return { reference: `ok-${batch.batchId}` };
  },
});

export interface LinePayment {
  /** REF*6R; left out, the line is matched by its code. */
  lineControlNumber?: string;
  code: string;
  /** SVC01-1: HC (the default) or NU for a line billed by revenue code alone. */
  qualifier?: string;
  chargeCents: number;
  paidCents: number;
  adjustments: Adjustment[];
  allowedCents?: number;
}

export interface ClaimPaymentSpec {
  pcn: string;
  statusCode?: string;
  chargeCents: number;
  paidCents: number;
  patientResponsibilityCents?: number;
  payerClaimControlNumber?: string;
  lines?: LinePayment[];
  adjustments?: Adjustment[];
  /** Claim-level RARCs (MIA/MOA), e.g. MA130. */
  remarkCodes?: string[];
}

/** An 835 from Blue Cross (payer id 84980) to the test practice (NPI 1324567894). */
export function era(
  trace: string,
  claims: ClaimPaymentSpec[],
  options: {
    plb?: Array<{ reasonCode: string; amountCents: number; reference?: string }>;
    paymentDate?: string;
    /** Another payer than Blue Cross: its name and payer id (2U). */
    payer?: { name: string; id: string };
  } = {},
): string {
  const paid = claims.reduce((s, c) => s + c.paidCents, 0);
  const plb = options.plb ?? [];
  const input: Remittance835Input = {
    interchange: {
      senderQualifier: 'ZZ',
      senderId: 'BCBSTX',
      receiverQualifier: 'ZZ',
      receiverId: 'RIVERBEND',
      date: '2026-11-20',
      time: '0900',
      controlNumber: '000000777',
      usage: 'T',
    },
    group: { senderCode: 'BCBSTX', receiverCode: 'RIVERBEND', date: '2026-11-20', time: '0900', controlNumber: '777' },
    transaction: { controlNumber: '0001' },
    payment: {
      handlingCode: 'I',
      amountCents: paid - plb.reduce((s, p) => s + p.amountCents, 0),
      creditDebit: 'C',
      method: 'ACH',
      paymentDate: options.paymentDate ?? '2026-11-20',
      traceNumber: trace,
      originatorId: '1741234567',
    },
    payer: {
      name: options.payer?.name ?? 'BLUE CROSS BLUE SHIELD OF TEXAS',
      references: { '2U': options.payer?.id ?? '84980' },
    },
    payee: { name: 'RIVERBEND FAMILY MEDICINE', idQualifier: 'XX', id: '1324567894' },
    claims: claims.map((c) => ({
      patientControlNumber: c.pcn,
      statusCode: c.statusCode ?? '1',
      chargeCents: c.chargeCents,
      paidCents: c.paidCents,
      patientResponsibilityCents: c.patientResponsibilityCents ?? 0,
      filingIndicator: '12',
      payerClaimControlNumber: c.payerClaimControlNumber ?? `ICN-${c.pcn}`,
      adjustments: c.adjustments ?? [],
      remarkCodes: c.remarkCodes ?? [],
      patient: {
        entityCode: 'QC',
        lastOrOrganizationName: 'RAMIREZ',
        firstName: 'LUIS',
        idQualifier: 'MI',
        id: 'XOD771230045',
      },
      services: (c.lines ?? []).map((l) => ({
        procedure: { qualifier: l.qualifier ?? 'HC', code: l.code, modifiers: [] },
        chargeCents: l.chargeCents,
        paidCents: l.paidCents,
        serviceDate: '2026-10-01',
        lineControlNumber: l.lineControlNumber,
        adjustments: l.adjustments,
        allowedCents: l.allowedCents,
      })),
    })),
    providerAdjustments: plb.map((p) => ({
      providerId: '1324567894',
      fiscalPeriodDate: '2026-12-31',
      reasonCode: p.reasonCode,
      reference: p.reference,
      amountCents: p.amountCents,
    })),
  };
  return write835(input);
}

export const co = (reasonCode: string, amountCents: number): Adjustment => ({
  groupCode: 'CO',
  reasonCode,
  amountCents,
});
export const pr = (reasonCode: string, amountCents: number): Adjustment => ({
  groupCode: 'PR',
  reasonCode,
  amountCents,
});
export const oi = (reasonCode: string, amountCents: number): Adjustment => ({
  groupCode: 'OI',
  reasonCode,
  amountCents,
});

const SUBMIT = `mutation($input: SubmitClaimsInput!) { submitClaims(input: $input) { results { submitted errorCode message } } }`;
const CREATE_CLAIM = `mutation($input: CreateClaimInput!) { createClaim(input: $input) { __typename ... on ClaimSuccess { claim { id patientControlNumber lines { lineControlNumber } } } } }`;

export interface CoverageSpec {
  payerId: string;
  priority: 'PRIMARY' | 'SECONDARY' | 'TERTIARY';
  effectiveDate?: string;
  terminationDate?: string;
  groupNumber?: string;
}

export interface RemittanceWorld {
  practiceId: string;
  bcbsId: string;
  medicareId: string;
  providerId: string;
  /** Creates a patient with BCBS primary (and Medicare secondary when asked). */
  patient(options?: {
    secondary?: boolean;
    lastName?: string;
    memberId?: string;
    sex?: 'MALE' | 'FEMALE';
    dateOfBirth?: string;
  }): Promise<{ id: string; primaryCoverageId: string }>;
  /** Creates a patient with the coverages given (each from 2020-01-01 unless it says otherwise). */
  patientCovered(coverages: CoverageSpec[]): Promise<{ id: string; primaryCoverageId: string }>;
  /** A DRAFT claim for 99214 ($195.00) and 36415 ($25.00) on 2026-10-01. */
  draftClaim(
    patient: { id: string; primaryCoverageId: string },
    serviceDate?: string,
  ): Promise<{ id: string; pcn: string; lines: string[] }>;
  /** A submitted claim for 99214 ($195.00) and 36415 ($25.00) on 2026-10-01. */
  submittedClaim(
    patient: { id: string; primaryCoverageId: string },
    serviceDate?: string,
  ): Promise<{ id: string; pcn: string; lines: string[] }>;
}

export async function remittanceWorld(
  t: TestApi,
  token: string,
  connectorId = 'accepting-clearinghouse',
): Promise<RemittanceWorld> {
  const ids = await setUpPractice(t, token);
  await t.execute(
    `mutation { updatePayer(input: { id: "${ids.bcbsId}", connectorId: "${connectorId}" }) { __typename } }`,
    { token },
  );
  let n = 0;
  const world: RemittanceWorld = {
    ...ids,
    async patient(options = {}) {
      n++;
      const p = await mutate<{ patient: { id: string; coverages: Array<{ id: string; priority: string }> } }>(
        t,
        token,
        M.createPatient,
        {
          practiceId: ids.practiceId,
          firstName: 'Luis',
          lastName: options.lastName ?? `Ramirez${'abcdefghijklmnopqrstuvwxyz'[n % 26]}`,
          dateOfBirth: options.dateOfBirth ?? '1979-11-02',
          sex: options.sex ?? 'MALE',
          address: { line1: '4100 Manchaca Rd', city: 'Austin', state: 'TX', postalCode: '78704' },
          coverages: [
            {
              payerId: ids.bcbsId,
              memberId: options.memberId ?? `XOD77123${String(n).padStart(4, '0')}`,
              priority: 'PRIMARY',
              effectiveDate: '2020-01-01',
            },
            ...(options.secondary
              ? [
                  {
                    payerId: ids.medicareId,
                    memberId: `1EG4TE5MK7${String(n).padStart(2, '0')}`,
                    priority: 'SECONDARY',
                    effectiveDate: '2020-01-01',
                  },
                ]
              : []),
          ],
        },
      );
      expect(p.__typename).toBe('PatientSuccess');
      return { id: p.patient.id, primaryCoverageId: p.patient.coverages.find((c) => c.priority === 'PRIMARY')!.id };
    },
    async patientCovered(coverages) {
      n++;
      const p = await mutate<{ patient: { id: string; coverages: Array<{ id: string; priority: string }> } }>(
        t,
        token,
        M.createPatient,
        {
          practiceId: ids.practiceId,
          firstName: 'Rosa',
          lastName: `Delgado${'abcdefghijklmnopqrstuvwxyz'[n % 26]}`,
          dateOfBirth: '1950-03-14',
          sex: 'FEMALE',
          address: { line1: '77 Riverside Dr', city: 'Austin', state: 'TX', postalCode: '78704' },
          coverages: coverages.map((c, i) => ({
            effectiveDate: '2020-01-01',
            memberId: `COB${String(n).padStart(3, '0')}${i}`,
            ...c,
          })),
        },
      );
      expect(p.__typename).toBe('PatientSuccess');
      return { id: p.patient.id, primaryCoverageId: p.patient.coverages.find((c) => c.priority === 'PRIMARY')!.id };
    },
    async submittedClaim(patient, serviceDate = '2026-10-01') {
      const c = await world.draftClaim(patient, serviceDate);
      const s = await t.execute<{ submitClaims: { results: Array<{ submitted: boolean; message: string | null }> } }>(
        SUBMIT,
        { token, variables: { input: { claimIds: [c.id] } } },
      );
      expect(s.data!.submitClaims.results[0]).toMatchObject({ submitted: true });
      return c;
    },
    async draftClaim(patient, serviceDate = '2026-10-01') {
      const e = await mutate<{ encounter: { id: string } }>(t, token, M.createEncounter, {
        practiceId: ids.practiceId,
        patientId: patient.id,
        dateOfService: serviceDate,
        renderingProviderId: ids.providerId,
        coverageId: patient.primaryCoverageId,
        diagnoses: ['E11.9', 'I10'],
        serviceLines: [
          {
            procedureCode: '99214',
            chargeCents: 19_500,
            diagnosisPointers: [1, 2],
            description: 'Office visit, established patient',
          },
          { procedureCode: '36415', chargeCents: 2_500, diagnosisPointers: [1], description: 'Blood draw' },
        ],
      });
      expect(e.__typename).toBe('EncounterSuccess');
      const c = await mutate<{
        claim: { id: string; patientControlNumber: string; lines: Array<{ lineControlNumber: string }> };
      }>(t, token, CREATE_CLAIM, { encounterId: e.encounter.id, coverageId: patient.primaryCoverageId });
      return {
        id: c.claim.id,
        pcn: c.claim.patientControlNumber,
        lines: c.claim.lines.map((l) => l.lineControlNumber),
      };
    },
  };
  return world;
}

/** The standard adjudication of the test claim: $111.40 paid, $80.75 contractual, $27.85 patient share. */
export function paidInFull(claim: { pcn: string; lines: string[] }): ClaimPaymentSpec {
  return {
    pcn: claim.pcn,
    chargeCents: 22_000,
    paidCents: 11_140,
    patientResponsibilityCents: 2_785,
    lines: [
      {
        lineControlNumber: claim.lines[0]!,
        code: '99214',
        chargeCents: 19_500,
        paidCents: 10_000,
        adjustments: [co('45', 7_000), pr('2', 2_500)],
      },
      {
        lineControlNumber: claim.lines[1]!,
        code: '36415',
        chargeCents: 2_500,
        paidCents: 1_140,
        adjustments: [co('45', 1_075), pr('3', 285)],
      },
    ],
  };
}

/**
 * The test claim paid line by line: the office visit (99214, $195.00) and the venipuncture (36415, $25.00), each
 * with what the payer paid and adjusted.
 */
export function twoLinePayment(
  claim: { pcn: string; lines: string[] },
  office: { paidCents: number; adjustments: Adjustment[] },
  venipuncture: { paidCents: number; adjustments: Adjustment[] },
): ClaimPaymentSpec {
  const share = (l: { adjustments: Adjustment[] }) =>
    l.adjustments.filter((a) => a.groupCode === 'PR').reduce((s, a) => s + a.amountCents, 0);
  return {
    pcn: claim.pcn,
    chargeCents: 22_000,
    paidCents: office.paidCents + venipuncture.paidCents,
    patientResponsibilityCents: share(office) + share(venipuncture),
    lines: [
      { lineControlNumber: claim.lines[0]!, code: '99214', chargeCents: 19_500, ...office },
      { lineControlNumber: claim.lines[1]!, code: '36415', chargeCents: 2_500, ...venipuncture },
    ],
  };
}
