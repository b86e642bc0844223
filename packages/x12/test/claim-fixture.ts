import type { Claim837, NamedEntity, Submission837 } from '../src/index.ts';

export function entity(
  partial: Partial<NamedEntity> & Pick<NamedEntity, 'entityCode' | 'entityType' | 'name'>,
): NamedEntity {
  return { references: [], contacts: [], extra: [], ...partial };
}

export function professionalClaim(overrides: Partial<Claim837> = {}): Claim837 {
  return {
    patientControlNumber: 'RB-000123',
    totalChargeCents: 23500,
    facilityCode: '11',
    facilityCodeQualifier: 'B',
    frequencyCode: '1',
    providerSignature: 'Y',
    assignmentCode: 'A',
    benefitsAssignment: 'Y',
    releaseOfInformation: 'Y',
    dates: [],
    references: [],
    amounts: [],
    healthCareCodes: [
      [
        { qualifier: 'ABK', code: 'E119', rest: [] },
        { qualifier: 'ABF', code: 'I10', rest: [] },
      ],
    ],
    names: [
      entity({
        entityCode: '82',
        entityType: '1',
        name: 'ALVAREZ',
        firstName: 'MARIA',
        idQualifier: 'XX',
        id: '1512345677',
        specialty: { code: 'PE', qualifier: 'PXC', taxonomy: '207Q00000X' },
      }),
    ],
    otherPayers: [],
    lines: [
      {
        lineNumber: 1,
        professional: {
          procedure: { qualifier: 'HC', code: '99214', modifiers: ['25'] },
          chargeCents: 19500,
          unitBasis: 'UN',
          unitsMilli: 1000,
          diagnosisPointers: [1, 2],
        },
        dates: [{ qualifier: '472', date: '2024-01-15' }],
        references: [{ qualifier: '6R', value: 'L1' }],
        amounts: [],
        names: [],
        adjudications: [],
        extra: [],
      },
      {
        lineNumber: 2,
        professional: {
          procedure: { qualifier: 'HC', code: '36415', modifiers: [] },
          chargeCents: 4000,
          unitBasis: 'UN',
          unitsMilli: 1000,
          diagnosisPointers: [1],
        },
        dates: [{ qualifier: '472', date: '2024-01-15' }],
        references: [{ qualifier: '6R', value: 'L2' }],
        amounts: [],
        names: [],
        adjudications: [],
        extra: [],
      },
    ],
    extra: [],
    ...overrides,
  };
}

export function submission(claims: Claim837[], kind: Submission837['kind'] = 'professional'): Submission837 {
  return {
    kind,
    interchange: {
      senderQualifier: 'ZZ',
      senderId: 'RIVERBEND',
      receiverQualifier: 'ZZ',
      receiverId: 'CLEARINGHOUSE',
      date: '2024-01-20',
      time: '0930',
      controlNumber: '000000101',
      usage: 'T',
    },
    group: {
      senderCode: 'RIVERBEND',
      receiverCode: 'CLEARINGHOUSE',
      date: '2024-01-20',
      time: '0930',
      controlNumber: '101',
    },
    transaction: { controlNumber: '0001' },
    header: { purpose: '00', referenceId: 'BATCH101', date: '2024-01-20', time: '0930', type: 'CH' },
    submitter: entity({
      entityCode: '41',
      entityType: '2',
      name: 'RIVERBEND FAMILY MEDICINE',
      idQualifier: '46',
      id: 'RB001',
      contacts: [{ function: 'IC', name: 'BILLING OFFICE', numbers: [['TE', '5125550100']] }],
    }),
    receiver: entity({ entityCode: '40', entityType: '2', name: 'CLEARINGHOUSE', idQualifier: '46', id: 'CH001' }),
    billingProviders: [
      {
        specialty: { code: 'BI', qualifier: 'PXC', taxonomy: '207Q00000X' },
        provider: entity({
          entityCode: '85',
          entityType: '2',
          name: 'RIVERBEND FAMILY MEDICINE',
          idQualifier: 'XX',
          id: '1324567894',
          address: { lines: ['1200 BARTON SPRINGS RD'], city: 'AUSTIN', state: 'TX', postalCode: '78704' },
          references: [{ qualifier: 'EI', value: '741234567' }],
        }),
        payTo: [],
        subscribers: [
          {
            payerResponsibility: 'P',
            relationship: '18',
            groupNumber: '120045',
            filingIndicator: 'CI',
            subscriber: entity({
              entityCode: 'IL',
              entityType: '1',
              name: 'RAMIREZ',
              firstName: 'LUIS',
              idQualifier: 'MI',
              id: 'XOD771230045',
              address: { lines: ['4100 MANCHACA RD'], city: 'AUSTIN', state: 'TX', postalCode: '78704' },
              demographics: { dateOfBirth: '1979-11-02', sex: 'M' },
            }),
            payer: entity({
              entityCode: 'PR',
              entityType: '2',
              name: 'BLUE CROSS BLUE SHIELD OF TEXAS',
              idQualifier: 'PI',
              id: '84980',
            }),
            claims,
            patients: [],
          },
        ],
      },
    ],
  };
}
