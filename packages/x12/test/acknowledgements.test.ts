import { describe, expect, it } from 'vitest';
import { parse271, parse277, parse277CA, parse999, summarize271 } from '../src/index.ts';
import { sample } from './samples.ts';

describe('parse999', () => {
  it('reads a rejected transaction with the segment and element in error', () => {
    const [ack] = parse999(sample('imsweb/x12_999_rejected.txt'));
    expect(ack).toMatchObject({
      functionalId: 'HC',
      groupControlNumber: '28',
      version: '005010X223A2',
      groupStatus: 'R',
      accepted: false,
      counts: { included: 1, received: 1, accepted: 0 },
    });
    expect(ack!.transactions).toEqual([
      {
        transactionSetId: '837',
        controlNumber: '0028',
        implementationReference: undefined,
        status: 'R',
        accepted: false,
        errorCodes: ['5'],
        segmentErrors: [{ segmentId: 'NM', position: 17, loopId: undefined, code: '1', elements: [] }],
      },
    ]);
  });

  it('reads element errors (IK4) and accepted transactions', () => {
    const text = `${[
      'ISA*00*          *00*          *ZZ*CLEARINGHOUSE  *ZZ*RIVERBEND      *240301*1200*^*00501*000000077*0*P*:',
      'GS*FA*CH*RB*20240301*1200*77*X*005010X231A1',
      'ST*999*0001*005010X231A1',
      'AK1*HC*501*005010X222A1',
      'AK2*837*0001*005010X222A1',
      'IK5*A',
      'AK2*837*0002*005010X222A1',
      'IK3*NM1*23*2010BA*8',
      'IK4*9*67*7*XYZ',
      'IK5*R*5',
      'AK9*P*2*2*1',
      'SE*10*0001',
      'GE*1*77',
      'IEA*1*000000077',
    ].join('~')}~`;
    const [ack] = parse999(text);
    expect(ack!.groupStatus).toBe('P');
    expect(ack!.transactions.map((t) => [t.controlNumber, t.accepted])).toEqual([
      ['0001', true],
      ['0002', false],
    ]);
    expect(ack!.transactions[1]!.segmentErrors[0]).toEqual({
      segmentId: 'NM1',
      position: 23,
      loopId: '2010BA',
      code: '8',
      elements: [{ position: 9, componentPosition: undefined, elementReference: '67', code: '7', badValue: 'XYZ' }],
    });
  });
});

describe('parse277CA', () => {
  it('reads an accepted claim with its trace and payer claim number', () => {
    const [response] = parse277CA(sample('imsweb/x12_277CA_accepted.txt'));
    expect(response!.claims.length).toBeGreaterThan(0);
    expect(response!.claims.every((c) => c.accepted)).toBe(true);
    expect(response!.claims[0]!.patientControlNumber).not.toBe('');
  });

  it('reads a rejected claim with its category, status and entity', () => {
    const [response] = parse277CA(sample('imsweb/x12_277CA_rejected.txt'));
    expect(response!.source).toBe('NYSDOH');
    expect(response!.batchStatuses[0]).toMatchObject({
      categoryCode: 'A1',
      statusCode: '20',
      actionCode: 'WQ',
      chargeCents: 19914,
    });
    expect(response!.claims).toEqual([
      expect.objectContaining({
        patientControlNumber: '3920394930203',
        patient: { lastName: 'CLILNAME', firstName: 'CLIFNAME', memberId: 'XX99999X' },
        payerClaimControlNumber: '1107000000001120',
        billType: '731',
        serviceDateStart: '2009-03-11',
        accepted: false,
        statuses: [
          expect.objectContaining({
            categoryCode: 'A7',
            statusCode: '562',
            entityCode: '85',
            effectiveDate: '2011-03-11',
            chargeCents: 19914,
          }),
        ],
      }),
    ]);
  });
});

describe('parse277', () => {
  it('reads claim statuses with amounts, payer claim numbers and date ranges', () => {
    const [response] = parse277(sample('linuxforhealth/277_005010X212/claim-level-status.277'));
    const [first, second] = response!.claims;
    expect(first).toMatchObject({
      patientControlNumber: 'ABCXYZ1',
      payerClaimControlNumber: '05347006051',
      serviceDateStart: '2005-08-31',
      serviceDateEnd: '2005-09-06',
      statuses: [{ categoryCode: 'P3', statusCode: '317', chargeCents: 851388 }],
    });
    expect(second).toMatchObject({
      patientControlNumber: 'ABCXYZ2',
      statuses: [{ categoryCode: 'F0', statusCode: '3', chargeCents: 759900, paidCents: 759900 }],
    });
  });
});

describe('parse271', () => {
  it('reads an active subscriber with plan and trace', () => {
    const [response] = parse271(sample('linuxforhealth/271_005010X279A1/subscriber-health-benefit-check.271'));
    const member = response!.members[0]!;
    expect(member).toMatchObject({
      level: '22',
      lastName: 'SMITH',
      firstName: 'JOHN',
      memberId: '123456789',
      dateOfBirth: '1963-05-19',
      sex: 'M',
      traceNumbers: ['93175-012547'],
    });
    expect(summarize271(member)).toMatchObject({ active: true, planName: 'GOLD 123 PLAN' });
  });

  it('summarizes copay, coinsurance and deductibles, preferring in-network individual values', () => {
    const text = `${[
      'ISA*00*          *00*          *ZZ*PAYER          *ZZ*RIVERBEND      *240301*1200*^*00501*000000078*0*P*:',
      'GS*HB*P*R*20240301*1200*78*X*005010X279A1',
      'ST*271*0001*005010X279A1',
      'BHT*0022*11*T1*20240301*1200',
      'HL*1**20*1',
      'NM1*PR*2*ACME HEALTH*****PI*60054',
      'HL*2*1*21*1',
      'NM1*1P*2*RIVERBEND*****XX*1324567894',
      'HL*3*2*22*0',
      'TRN*2*REQ-1*9RIVERBEND',
      'NM1*IL*1*DOE*JANE****MI*W123',
      'DMG*D8*19800412*F',
      'EB*1*IND*30^98*HM*ACME GOLD PPO',
      'EB*B*IND*98***27*25',
      'EB*A*IND*98*****.2',
      'EB*C*FAM*30***23*4000',
      'EB*C*IND*30***23*1500*****Y',
      'EB*C*IND*30***29*350.5*****Y',
      'MSG*DEDUCTIBLE MET IN PART',
      'SE*18*0001',
      'GE*1*78',
      'IEA*1*000000078',
    ].join('~')}~`;
    const [response] = parse271(text);
    const member = response!.members[0]!;
    expect(member.benefits[0]!.serviceTypes).toEqual(['30', '98']);
    expect(member.benefits.at(-1)!.messages).toEqual(['DEDUCTIBLE MET IN PART']);
    expect(summarize271(member)).toEqual({
      active: true,
      planName: 'ACME GOLD PPO',
      copayCents: 2500,
      coinsuranceBasisPoints: 2000,
      deductibleCents: 150000,
      deductibleRemainingCents: 35050,
    });
  });

  it('reads a rejection (AAA) at the receiver level', () => {
    const text = sample('linuxforhealth/271_005010X279A1/subscriber-health-benefit-check-error.271').replace(
      'SE*8*4323',
      'SE*8*4321',
    );
    const [response] = parse271(text);
    expect(response!.rejections).toEqual([{ reasonCode: '50', followUpCode: 'N', level: '21' }]);
  });
});

describe('a trailer count or control number off', () => {
  /** The file with its SE01 raised by one and its IEA02 changed: the content is still all there. */
  const miscounted = (text: string) =>
    text.replace(/SE\*(\d+)\*/, (_, n: string) => `SE*${Number(n) + 1}*`).replace(/IEA\*1\*(\d{9})/, 'IEA*1*999999999');

  it('is reported, and the 999’s acceptance, the 277CA’s statuses and the 271’s benefits are kept', () => {
    const ack = sample('imsweb/x12_999_rejected.txt');
    const [read] = parse999(miscounted(ack));
    expect(read).toMatchObject({ ...parse999(ack)[0], warnings: expect.any(Array) });
    expect(read!.warnings.map((w) => [w.code, w.segmentId])).toEqual([
      ['COUNT_MISMATCH', 'SE'],
      ['CONTROL_NUMBER_MISMATCH', 'IEA'],
    ]);
    const status = sample('imsweb/x12_277CA_accepted.txt');
    const [claims] = parse277CA(miscounted(status));
    expect(claims!.claims).toEqual(parse277CA(status)[0]!.claims);
    expect(claims!.warnings.length).toBe(2);
    const benefits = sample('linuxforhealth/271_005010X279A1/subscriber-health-benefit-check.271');
    const [answer] = parse271(miscounted(benefits));
    expect(answer!.members).toEqual(parse271(benefits)[0]!.members);
    expect(answer!.warnings.length).toBe(2);
  });

  it('throws when read strictly, and a file with right trailers has no warnings', () => {
    const ack = sample('imsweb/x12_999_rejected.txt');
    expect(parse999(ack)[0]!.warnings).toEqual([]);
    expect(() => parse999(miscounted(ack), { trailers: 'strict' })).toThrow(/SE01|segments/);
  });
});
