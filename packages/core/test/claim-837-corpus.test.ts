import { describe, expect, it } from 'vitest';
import { claimOfEncounter, claimTestSuite, submittedClaim837 } from './claim-837-helpers.ts';
import { M, mutate } from './registration-api.ts';

// The product's own 837P written from an encounter at the guide's limits — 12 diagnoses, 4 pointers, 4 modifiers,
// a drug line with its NDC — and read back field for field (from #23). Institutional, dependent, secondary,
// tertiary, replacement and revenue-code-only claims are read back in their own tests.
const DIAGNOSES = [
  'E11.9',
  'I10',
  'E78.5',
  'J45.909',
  'M54.50',
  'K21.9',
  'F41.1',
  'G47.33',
  'N18.30',
  'E03.9',
  'D64.9',
  'R53.83',
];

const suite = claimTestSuite('Corpus Clinic');

describe('an 837P at the guide’s limits', () => {
  it('reads back as it was coded', async () => {
    const { t, token, w } = suite;
    const p = await w.patient();
    const e = await mutate<{ encounter: { id: string } }>(t, token, M.createEncounter, {
      practiceId: w.practiceId,
      patientId: p.id,
      coverageId: p.primaryCoverageId,
      dateOfService: '2026-10-05',
      renderingProviderId: w.providerId,
      diagnoses: DIAGNOSES,
      serviceLines: [
        {
          procedureCode: '99215',
          modifiers: ['25', 'GT', '95', 'XE'],
          chargeCents: 24_000,
          diagnosisPointers: [1, 2, 3, 4],
        },
        { procedureCode: '96372', chargeCents: 4_500, diagnosisPointers: [12] },
        {
          procedureCode: 'J1885',
          units: 2,
          chargeCents: 1_840,
          diagnosisPointers: [5, 6],
          ndc: { code: '00409-3795-01', quantity: 2, unit: 'ML' },
        },
      ],
    });
    const claim = await claimOfEncounter(t, token, e.encounter.id, p.primaryCoverageId);
    const read = await submittedClaim837(t, token, claim.id);
    expect(read.patientControlNumber).toBe(claim.patientControlNumber);
    expect(read.totalChargeCents).toBe(30_340);
    expect(read.healthCareCodes).toEqual([
      DIAGNOSES.map((code, i) => ({ qualifier: i ? 'ABF' : 'ABK', code: code.replace('.', ''), rest: [] })),
    ]);
    expect(
      read.lines.map((l) => [
        l.professional!.procedure.code,
        l.professional!.procedure.modifiers,
        l.professional!.chargeCents,
        l.professional!.unitsMilli,
        l.professional!.diagnosisPointers,
        l.dates,
      ]),
    ).toEqual([
      ['99215', ['25', 'GT', '95', 'XE'], 24_000, 1_000, [1, 2, 3, 4], [{ qualifier: '472', date: '2026-10-05' }]],
      ['96372', [], 4_500, 1_000, [12], [{ qualifier: '472', date: '2026-10-05' }]],
      ['J1885', [], 1_840, 2_000, [5, 6], [{ qualifier: '472', date: '2026-10-05' }]],
    ]);
    expect(read.lines[2]!.drug).toMatchObject({
      qualifier: 'N4',
      ndc: '00409379501',
      quantityMilli: 2_000,
      unit: 'ML',
    });
  });
});
