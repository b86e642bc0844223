import { describe, expect, it } from 'vitest';
import { tokenize, walkEnvelope, write270, write276, X12WriteError } from '../src/index.ts';

const envelope = {
  interchange: {
    senderQualifier: 'ZZ',
    senderId: 'RIVERBEND',
    receiverQualifier: 'ZZ',
    receiverId: 'ACMEPAYER',
    date: '2024-03-01',
    time: '0800',
    controlNumber: '7',
    usage: 'T',
  },
  group: { senderCode: 'RIVERBEND', receiverCode: 'ACMEPAYER', date: '2024-03-01', time: '0800', controlNumber: '7' },
  transaction: { controlNumber: '0001' },
  header: { referenceId: 'REQ7', date: '2024-03-01', time: '0800' },
  payer: { name: 'ACME HEALTH', payerId: '60054' },
  provider: { name: 'RIVERBEND FAMILY MEDICINE', npi: '1324567894' },
};

const body = (text: string) =>
  walkEnvelope(tokenize(text))
    .filter((e) => e.kind === 'segment')
    .map((e) => e.segment.elements.join('*'));

describe('write270', () => {
  it('asks about a subscriber and about a dependent, with trace numbers and service types', () => {
    const text = write270({
      ...envelope,
      originatorId: '1741234567',
      inquiries: [
        {
          traceNumber: 'T1',
          subscriber: {
            lastName: 'RAMIREZ',
            firstName: 'LUIS',
            memberId: 'XOD771230045',
            dateOfBirth: '1979-11-02',
            sex: 'M',
          },
          serviceDate: '2024-03-04',
          serviceTypes: ['30', '98'],
        },
        {
          traceNumber: 'T2',
          subscriber: { lastName: 'NGUYEN', firstName: 'TRAN', memberId: 'W123456789' },
          dependent: { lastName: 'NGUYEN', firstName: 'EMMA', dateOfBirth: '2015-06-30', sex: 'F' },
        },
      ],
    });
    expect(text.split('\n')[2]).toBe('ST*270*0001*005010X279A1~');
    expect(body(text)).toEqual([
      'BHT*0022*13*REQ7*20240301*0800',
      'HL*1**20*1',
      'NM1*PR*2*ACME HEALTH*****PI*60054',
      'HL*2*1*21*1',
      'NM1*1P*2*RIVERBEND FAMILY MEDICINE*****XX*1324567894',
      'HL*3*2*22*0',
      'TRN*1*T1*1741234567',
      'NM1*IL*1*RAMIREZ*LUIS****MI*XOD771230045',
      'DMG*D8*19791102*M',
      'DTP*291*D8*20240304',
      'EQ*30^98',
      'HL*4*2*22*1',
      'NM1*IL*1*NGUYEN*TRAN****MI*W123456789',
      'HL*5*4*23*0',
      'TRN*1*T2*1741234567',
      'NM1*03*1*NGUYEN*EMMA',
      'DMG*D8*20150630*F',
      'EQ*30',
    ]);
  });
});

describe('write276', () => {
  it('asks for the status of claims in the shape of the 005010X212 sample', () => {
    const text = write276({
      ...envelope,
      receiver: { name: 'XYZ SERVICE', etin: 'X67E' },
      inquiries: [
        {
          traceNumber: 'ABCXYZ1',
          subscriber: {
            lastName: 'SMITH',
            firstName: 'FRED',
            memberId: '123456789A',
            dateOfBirth: '1930-12-10',
            sex: 'M',
          },
          patientControlNumber: 'SM123456',
          totalChargeCents: 851388,
          serviceDateStart: '2005-08-31',
          serviceDateEnd: '2005-09-06',
        },
        {
          traceNumber: 'ABCXYZ2',
          subscriber: { lastName: 'JONES', firstName: 'MARY', memberId: '234567890A' },
          dependent: { lastName: 'JONES', firstName: 'SAM', dateOfBirth: '2010-01-02', sex: 'M' },
          payerClaimControlNumber: '0529675341',
          serviceDateStart: '2005-09-01',
        },
      ],
    });
    expect(body(text)).toEqual([
      'BHT*0010*13*REQ7*20240301*0800',
      'HL*1**20*1',
      'NM1*PR*2*ACME HEALTH*****PI*60054',
      'HL*2*1*21*1',
      'NM1*41*2*XYZ SERVICE*****46*X67E',
      'HL*3*2*19*1',
      'NM1*1P*2*RIVERBEND FAMILY MEDICINE*****XX*1324567894',
      'HL*4*3*22*0',
      'DMG*D8*19301210*M',
      'NM1*IL*1*SMITH*FRED****MI*123456789A',
      'TRN*1*ABCXYZ1',
      'REF*EJ*SM123456',
      'AMT*T3*8513.88',
      'DTP*472*RD8*20050831-20050906',
      'HL*5*3*22*1',
      'NM1*IL*1*JONES*MARY****MI*234567890A',
      'HL*6*5*23*0',
      'DMG*D8*20100102*M',
      'NM1*QC*1*JONES*SAM',
      'TRN*1*ABCXYZ2',
      'REF*1K*0529675341',
      'DTP*472*RD8*20050901-20050901',
    ]);
  });
});

describe('write276 without inquiries', () => {
  it('is refused instead of written as an HL with no subscriber', () => {
    const request = { ...envelope, receiver: { name: 'XYZ SERVICE', etin: 'X67E' } };
    expect(() => write276({ ...request, inquiries: [] })).toThrow(X12WriteError);
  });
});
