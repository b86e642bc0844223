import { parse271, parse277CA, parse999, summarize271 } from '@revcycle/x12';
import { runPayerConnectorContract } from '@revcycle/testkit';
import { describe, expect, it } from 'vitest';
import { sandboxPayer } from '../src/index.ts';

runPayerConnectorContract('sandbox', async () => {
  const connector = sandboxPayer();
  return { connector };
});

const batch837 = (memberIds: string[]) => {
  const claims = memberIds.flatMap((memberId, i) => [
    `HL*${2 + i}*1*22*0`, 'SBR*P*18*******CI', `NM1*IL*1*DOE*JANE****MI*${memberId}`, 'N3*1 MAIN ST', 'N4*AUSTIN*TX*78701', 'DMG*D8*19800101*F', 'NM1*PR*2*ACME HEALTH*****PI*60054',
    `CLM*PCN${i}*100***11:B:1*Y*A*Y*Y`, 'HI*ABK:I10', 'LX*1', 'SV1*HC:99213*100*UN*1***1', 'DTP*472*D8*20240301',
  ]);
  const body = ['BHT*0019*00*1*20240302*1200*CH', 'NM1*41*2*RIVERBEND*****46*RB', 'PER*IC*BILLING*TE*5125550100', 'NM1*40*2*SANDBOX*****46*SBX', 'HL*1**20*1', 'NM1*85*2*RIVERBEND*****XX*1324567894', 'N3*1 A ST', 'N4*AUSTIN*TX*78701', 'REF*EI*741234567', ...claims];
  return ['ISA*00*          *00*          *ZZ*RIVERBEND      *ZZ*SBX            *240302*1200*^*00501*000000005*0*T*:', 'GS*HC*RIVERBEND*SBX*20240302*1200*5*X*005010X222A1', 'ST*837*0001*005010X222A1', ...body, `SE*${body.length + 2}*0001`, 'GE*1*5', 'IEA*1*000000005'].join('~') + '~';
};

describe('sandboxPayer', () => {
  it('answers an 837 with a 999 for the group and a 277CA that rejects an unknown member', async () => {
    const sandbox = sandboxPayer({ now: () => new Date('2024-03-03T12:00:00Z') });
    await sandbox.submit!({ batchId: 'b1', organizationId: 'o', interchangeControlNumber: '000000005', format: '837P', content: batch837(['W123', 'UNKNOWN9']), claimCount: 2 }, new AbortController().signal);
    const files = await sandbox.fetchResponses!(new AbortController().signal);
    const [ack] = parse999(files.find((f) => f.name.endsWith('.999'))!.content);
    expect(ack).toMatchObject({ groupControlNumber: '5', accepted: true, transactions: [{ controlNumber: '0001', accepted: true }] });
    const [ca] = parse277CA(files.find((f) => f.name.endsWith('.277'))!.content);
    expect(ca!.claims.map((c) => [c.patientControlNumber, c.accepted, c.statuses[0]!.categoryCode])).toEqual([['PCN0', true, 'A2'], ['PCN1', false, 'A7']]);
    expect(ca!.claims[0]!.payerClaimControlNumber).toMatch(/^SBX\d{10}$/);
    expect(ca!.claims[0]!.statuses[0]!.chargeCents).toBe(10000);
    expect(ca!.batchStatuses[0]!.chargeCents).toBe(20000);
  });

  it('answers eligibility: active with benefits, or a rejection for an unknown member', async () => {
    const sandbox = sandboxPayer();
    const request = (memberId: string) => ['ISA*00*          *00*          *ZZ*RIVERBEND      *ZZ*SBX            *240302*1200*^*00501*000000006*0*T*:', 'GS*HS*RIVERBEND*SBX*20240302*1200*6*X*005010X279A1', 'ST*270*0001*005010X279A1', 'BHT*0022*13*6*20240302*1200', 'HL*1**20*1', 'NM1*PR*2*ACME*****PI*60054', 'HL*2*1*21*1', 'NM1*1P*2*RIVERBEND*****XX*1324567894', 'HL*3*2*22*0', 'TRN*1*T-1*1741234567', `NM1*IL*1*DOE*JANE****MI*${memberId}`, 'EQ*30', 'SE*11*0001', 'GE*1*6', 'IEA*1*000000006'].join('~') + '~';
    const [active] = parse271(await sandbox.checkEligibility!(request('W123'), new AbortController().signal));
    expect(active!.members[0]!.traceNumbers).toEqual(['T-1']);
    expect(summarize271(active!.members[0]!)).toMatchObject({ active: true, planName: 'SANDBOX GOLD PPO', copayCents: 2500, deductibleRemainingCents: 65000 });
    const [unknown] = parse271(await sandbox.checkEligibility!(request('UNKNOWN1'), new AbortController().signal));
    expect(unknown!.members[0]!.rejections).toEqual([{ reasonCode: '72', followUpCode: 'C', level: '22' }]);
  });

  it('refuses a file that is not a valid 837 with a non-retryable connector error', async () => {
    await expect(sandboxPayer().submit!({ batchId: 'x', organizationId: 'o', interchangeControlNumber: '1', format: '837P', content: 'garbage', claimCount: 0 }, new AbortController().signal)).rejects.toMatchObject({ code: 'CONNECTOR_ERROR', retryable: false });
  });
});
