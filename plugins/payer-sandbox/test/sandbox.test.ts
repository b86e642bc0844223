import { parse271, parse277CA, parse835, parse999, summarize271 } from '@revcycle/x12';
import { runPayerConnectorContract } from '@revcycle/testkit';
import { describe, expect, it } from 'vitest';
import { sandboxPayer } from '../src/index.ts';

runPayerConnectorContract('sandbox', async () => {
  const connector = sandboxPayer();
  return { connector };
});

const batch837 = (memberIds: string[]) => {
  const claims = memberIds.flatMap((memberId, i) => [
    `HL*${2 + i}*1*22*0`,
    'SBR*P*18*******CI',
    `NM1*IL*1*DOE*JANE****MI*${memberId}`,
    'N3*1 MAIN ST',
    'N4*AUSTIN*TX*78701',
    'DMG*D8*19800101*F',
    'NM1*PR*2*ACME HEALTH*****PI*60054',
    `CLM*PCN${i}*100***11:B:1*Y*A*Y*Y`,
    'HI*ABK:I10',
    'LX*1',
    'SV1*HC:99213*100*UN*1***1',
    'DTP*472*D8*20240301',
  ]);
  const body = [
    'BHT*0019*00*1*20240302*1200*CH',
    'NM1*41*2*RIVERBEND*****46*RB',
    'PER*IC*BILLING*TE*5125550100',
    'NM1*40*2*SANDBOX*****46*SBX',
    'HL*1**20*1',
    'NM1*85*2*RIVERBEND*****XX*1324567894',
    'N3*1 A ST',
    'N4*AUSTIN*TX*78701',
    'REF*EI*741234567',
    ...claims,
  ];
  return `${[
    'ISA*00*          *00*          *ZZ*RIVERBEND      *ZZ*SBX            *240302*1200*^*00501*000000005*0*T*:',
    'GS*HC*RIVERBEND*SBX*20240302*1200*5*X*005010X222A1',
    'ST*837*0001*005010X222A1',
    ...body,
    `SE*${body.length + 2}*0001`,
    'GE*1*5',
    'IEA*1*000000005',
  ].join('~')}~`;
};

describe('sandboxPayer', () => {
  it('answers an 837 with a 999 for the group and a 277CA that rejects an unknown member', async () => {
    const sandbox = sandboxPayer({ now: () => new Date('2024-03-03T12:00:00Z') });
    await sandbox.submit!(
      {
        batchId: 'b1',
        organizationId: 'o',
        interchangeControlNumber: '000000005',
        format: '837P',
        content: batch837(['W123', 'UNKNOWN9']),
        claimCount: 2,
      },
      new AbortController().signal,
    );
    const files = await sandbox.fetchResponses!(new AbortController().signal);
    const [ack] = parse999(files.find((f) => f.name.endsWith('.999'))!.content);
    expect(ack).toMatchObject({
      groupControlNumber: '5',
      accepted: true,
      transactions: [{ controlNumber: '0001', accepted: true }],
    });
    const [ca] = parse277CA(files.find((f) => f.name.endsWith('.277'))!.content);
    expect(ca!.claims.map((c) => [c.patientControlNumber, c.accepted, c.statuses[0]!.categoryCode])).toEqual([
      ['PCN0', true, 'A2'],
      ['PCN1', false, 'A7'],
    ]);
    expect(ca!.claims[0]!.payerClaimControlNumber).toMatch(/^SBX\d{10}$/);
    expect(ca!.claims[0]!.statuses[0]!.chargeCents).toBe(10000);
    expect(ca!.batchStatuses[0]!.chargeCents).toBe(20000);
  });

  it('answers eligibility: active with benefits, or a rejection for an unknown member', async () => {
    const sandbox = sandboxPayer();
    const request = (memberId: string) =>
      `${[
        'ISA*00*          *00*          *ZZ*RIVERBEND      *ZZ*SBX            *240302*1200*^*00501*000000006*0*T*:',
        'GS*HS*RIVERBEND*SBX*20240302*1200*6*X*005010X279A1',
        'ST*270*0001*005010X279A1',
        'BHT*0022*13*6*20240302*1200',
        'HL*1**20*1',
        'NM1*PR*2*ACME*****PI*60054',
        'HL*2*1*21*1',
        'NM1*1P*2*RIVERBEND*****XX*1324567894',
        'HL*3*2*22*0',
        'TRN*1*T-1*1741234567',
        `NM1*IL*1*DOE*JANE****MI*${memberId}`,
        'EQ*30',
        'SE*11*0001',
        'GE*1*6',
        'IEA*1*000000006',
      ].join('~')}~`;
    const [active] = parse271(await sandbox.checkEligibility!(request('W123'), new AbortController().signal));
    expect(active!.members[0]!.traceNumbers).toEqual(['T-1']);
    expect(summarize271(active!.members[0]!)).toMatchObject({
      active: true,
      planName: 'SANDBOX GOLD PPO',
      copayCents: 2500,
      deductibleRemainingCents: 65000,
    });
    const [unknown] = parse271(await sandbox.checkEligibility!(request('UNKNOWN1'), new AbortController().signal));
    expect(unknown!.members[0]!.rejections).toEqual([{ reasonCode: '72', followUpCode: 'C', level: '22' }]);
  });

  it('refuses a file that is not a valid 837 with a non-retryable connector error', async () => {
    await expect(
      sandboxPayer().submit!(
        {
          batchId: 'x',
          organizationId: 'o',
          interchangeControlNumber: '1',
          format: '837P',
          content: 'garbage',
          claimCount: 0,
        },
        new AbortController().signal,
      ),
    ).rejects.toMatchObject({ code: 'CONNECTOR_ERROR', retryable: false });
  });
});

describe('sandbox adjudication (835)', () => {
  async function remit(memberIds: string[], options: Parameters<typeof sandboxPayer>[0] = {}) {
    const sandbox = sandboxPayer({ now: () => new Date('2024-03-10T12:00:00Z'), ...options });
    await sandbox.submit!(
      {
        batchId: 'b',
        organizationId: 'o',
        interchangeControlNumber: '000000005',
        format: '837P',
        content: batch837(memberIds),
        claimCount: memberIds.length,
      },
      new AbortController().signal,
    );
    const files = (await sandbox.fetchResponses!(new AbortController().signal)).filter((f) => f.name.endsWith('.835'));
    return files.map((f) => parse835(f.content)[0]!);
  }

  it('pays a clean claim: CO-45 to 80 %, 20 % coinsurance and the office-visit copay, balanced', async () => {
    const [era] = await remit(['W123']);
    expect(era!.balance).toEqual([]);
    const claim = era!.claims[0]!;
    // $100.00 charged: allowed 80.00, copay 20.00, coinsurance 20 % of 60.00 = 12.00, paid 48.00.
    expect(claim).toMatchObject({
      patientControlNumber: 'PCN0',
      statusCode: '1',
      chargeCents: 10_000,
      paidCents: 4_800,
      patientResponsibilityCents: 3_200,
    });
    expect(claim.services[0]!.adjustments).toEqual([
      { groupCode: 'CO', reasonCode: '45', amountCents: 2_000 },
      { groupCode: 'PR', reasonCode: '2', amountCents: 1_200 },
      { groupCode: 'PR', reasonCode: '3', amountCents: 2_000 },
    ]);
    expect(era!.payment).toMatchObject({ amountCents: 4_800, traceNumber: expect.stringMatching(/^SBX-EFT-/) });
    expect(era!.payer.references['2U']).toBe('60054');
  });

  it('denies, bundles, shifts to the patient or to another insurer as the member id says, always balanced', async () => {
    const eras = await remit(['M1DENY16', 'M2DENY29', 'M3DENY50', 'M4DENY197', 'M5NONCOV', 'M6COB', 'M7UNDERPAY']);
    expect(eras).toHaveLength(1);
    expect(eras[0]!.balance).toEqual([]);
    const byPcn = new Map(eras[0]!.claims.map((c) => [c.patientControlNumber, c]));
    const codes = (pcn: string) =>
      byPcn.get(pcn)!.services.flatMap((s) => s.adjustments.map((a) => `${a.groupCode}-${a.reasonCode}`));
    expect(['PCN0', 'PCN1', 'PCN2', 'PCN3'].map((p) => [byPcn.get(p)!.statusCode, codes(p)])).toEqual([
      ['4', ['CO-16']],
      ['4', ['CO-29']],
      ['4', ['CO-50']],
      ['4', ['CO-197']],
    ]);
    expect(codes('PCN4')).toEqual(['PR-204']);
    expect(byPcn.get('PCN4')!.patientResponsibilityCents).toBe(10_000);
    expect(codes('PCN5')).toContain('OI-23');
    expect(byPcn.get('PCN6')!.paidCents).toBeLessThan(4_800);
  });

  it('sends a reversal and a corrected payment after a short one, netting to the right payment', async () => {
    const eras = await remit(['M8REVERSE']);
    expect(eras.map((e) => e.claims[0]!.statusCode)).toEqual(['1', '22', '1']);
    expect(eras.every((e) => e.balance.length === 0)).toBe(true);
    expect(eras.reduce((s, e) => s + e.claims[0]!.paidCents, 0)).toBe(4_800);
  });

  it('denies unmarked claims at the configured rate, the same way for the same seed', async () => {
    const members = Array.from({ length: 40 }, (_, i) => `R${i}`);
    const outcome = async (seed: number) =>
      (await remit(members, { denialRate: 0.5, seed }))[0]!.claims.map(
        (c) => c.statusCode === '4' || c.paidCents === 0 || c.services.some((s) => s.paidCents === 0),
      );
    const first = await outcome(7);
    expect(await outcome(7)).toEqual(first);
    expect(first.filter(Boolean).length).toBeGreaterThan(5);
    expect(first.filter(Boolean).length).toBeLessThan(35);
  });
});
