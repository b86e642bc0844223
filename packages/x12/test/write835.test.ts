import { describe, expect, it } from 'vitest';
import { parse835, write835 } from '../src/index.ts';
import type { Remittance835Input } from '../src/index.ts';

const remittance: Remittance835Input = {
  interchange: {
    senderQualifier: 'ZZ',
    senderId: 'PAYER',
    receiverQualifier: 'ZZ',
    receiverId: 'PRACTICE',
    date: '2026-03-01',
    time: '1200',
    controlNumber: '000000101',
    usage: 'T',
  },
  group: { senderCode: 'PAYER', receiverCode: 'PRACTICE', date: '2026-03-01', time: '1200', controlNumber: '101' },
  transaction: { controlNumber: '0001' },
  payment: {
    handlingCode: 'I',
    amountCents: 10_890,
    creditDebit: 'C',
    method: 'ACH',
    paymentFormat: 'CCP',
    paymentDate: '2026-03-01',
    traceNumber: 'EFT-1',
    originatorId: '1123456789',
  },
  payer: { name: 'SANDBOX HEALTH', references: { '2U': 'SBX01' } },
  payee: { name: 'PRAIRIE FAMILY MEDICINE', idQualifier: 'XX', id: '1234567893' },
  claims: [
    {
      patientControlNumber: 'RC0001',
      statusCode: '1',
      chargeCents: 22_000,
      paidCents: 11_140,
      patientResponsibilityCents: 2_785,
      filingIndicator: '12',
      payerClaimControlNumber: 'ICN1',
      patient: { entityCode: 'QC', lastOrOrganizationName: 'RAMIREZ', firstName: 'LUIS', idQualifier: 'MI', id: 'M1' },
      services: [
        {
          procedure: { qualifier: 'HC', code: '99214', modifiers: ['25'] },
          chargeCents: 19_500,
          paidCents: 10_000,
          serviceDate: '2026-02-10',
          lineControlNumber: 'RC0001-1',
          allowedCents: 12_500,
          adjustments: [
            { groupCode: 'CO', reasonCode: '45', amountCents: 7_000 },
            { groupCode: 'PR', reasonCode: '2', amountCents: 2_500 },
          ],
        },
        {
          procedure: { qualifier: 'HC', code: '36415', modifiers: [] },
          chargeCents: 2_500,
          paidCents: 1_140,
          serviceDate: '2026-02-10',
          lineControlNumber: 'RC0001-2',
          adjustments: [
            { groupCode: 'CO', reasonCode: '45', amountCents: 1_075 },
            { groupCode: 'PR', reasonCode: '3', amountCents: 285 },
          ],
          remarkCodes: ['N130'],
        },
      ],
    },
  ],
  providerAdjustments: [
    {
      providerId: '1234567893',
      fiscalPeriodDate: '2026-12-31',
      reasonCode: 'WO',
      reference: 'RC0000',
      amountCents: 250,
    },
  ],
};

describe('write835', () => {
  it('writes an 835 that parse835 reads back exactly, balanced', () => {
    const [parsed] = parse835(write835(remittance));
    expect(parsed!.balance).toEqual([]);
    expect(parsed!.payment).toMatchObject({
      amountCents: 10_890,
      method: 'ACH',
      traceNumber: 'EFT-1',
      originatorId: '1123456789',
      paymentDate: '2026-03-01',
    });
    expect(parsed!.payer.references['2U']).toBe('SBX01');
    expect(parsed!.payee.id).toBe('1234567893');
    const claim = parsed!.claims[0]!;
    expect(claim).toMatchObject({
      patientControlNumber: 'RC0001',
      statusCode: '1',
      chargeCents: 22_000,
      paidCents: 11_140,
      patientResponsibilityCents: 2_785,
      payerClaimControlNumber: 'ICN1',
    });
    expect(
      claim.services.map((s) => [
        s.procedure.code,
        s.procedure.modifiers,
        s.paidCents,
        s.lineControlNumber,
        s.adjustments,
      ]),
    ).toEqual([
      [
        '99214',
        ['25'],
        10_000,
        'RC0001-1',
        [
          { groupCode: 'CO', reasonCode: '45', amountCents: 7_000 },
          { groupCode: 'PR', reasonCode: '2', amountCents: 2_500 },
        ],
      ],
      [
        '36415',
        [],
        1_140,
        'RC0001-2',
        [
          { groupCode: 'CO', reasonCode: '45', amountCents: 1_075 },
          { groupCode: 'PR', reasonCode: '3', amountCents: 285 },
        ],
      ],
    ]);
    expect(claim.services[0]!.allowedCents).toBe(12_500);
    expect(claim.services[1]!.remarkCodes).toEqual(['N130']);
    expect(parsed!.providerAdjustments).toEqual([
      {
        providerId: '1234567893',
        fiscalPeriodDate: '2026-12-31',
        reasonCode: 'WO',
        reference: 'RC0000',
        amountCents: 250,
      },
    ]);
  });

  it('writes negative amounts of a reversal exactly', () => {
    const reversal = {
      ...remittance,
      payment: { ...remittance.payment, amountCents: 0, traceNumber: 'EFT-2' },
      providerAdjustments: [],
      claims: [
        {
          ...remittance.claims[0]!,
          statusCode: '22',
          chargeCents: -22_000,
          paidCents: -11_140,
          patientResponsibilityCents: -2_785,
          services: [],
          adjustments: [
            { groupCode: 'CO', reasonCode: '45', amountCents: -8_075 },
            { groupCode: 'PR', reasonCode: '2', amountCents: -2_785 },
          ],
        },
      ],
    };
    const [parsed] = parse835(write835(reversal));
    expect(parsed!.claims[0]).toMatchObject({ statusCode: '22', chargeCents: -22_000, paidCents: -11_140 });
    expect(parsed!.claims[0]!.adjustments.map((a) => a.amountCents)).toEqual([-8_075, -2_785]);
  });
});
