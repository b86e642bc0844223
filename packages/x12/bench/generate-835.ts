// Writes a large, balanced 835: one payment with many claims, each with two service lines and adjustments.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { centsToDecimal } from '../src/index.ts';

export async function generate835(path: string, claims: number): Promise<{ bytes: number; claims: number }> {
  const out = createWriteStream(path, { encoding: 'latin1' });
  let bytes = 0;
  let segments = 0;
  let buffer = '';
  const write = async (segment: string, counted = true) => {
    buffer += `${segment}~\n`;
    if (counted) segments++;
    if (buffer.length > 1 << 20) {
      bytes += buffer.length;
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  };
  let totalPaid = 0;
  const perClaim: (i: number) => string[] = (i) => {
    const charge1 = 10_000 + (i % 500) * 37; // cents
    const charge2 = 2_500 + (i % 97) * 11;
    const co1 = Math.floor(charge1 * 0.18);
    const pr1 = 2_000;
    const co2 = Math.floor(charge2 * 0.25);
    const paid1 = charge1 - co1 - pr1;
    const paid2 = charge2 - co2;
    const paid = paid1 + paid2;
    totalPaid += paid;
    const d = centsToDecimal;
    return [
      `CLP*PCN${String(i).padStart(9, '0')}*1*${d(charge1 + charge2)}*${d(paid)}*${d(pr1)}*12*ICN${i}*11*1`,
      `NM1*QC*1*PATIENT${i % 1000}*FIRST****MI*W${String(i).padStart(9, '0')}`,
      'DTM*232*20240115',
      `SVC*HC:99214:25*${d(charge1)}*${d(paid1)}**1`,
      'DTM*472*20240115',
      `CAS*CO*45*${d(co1)}`,
      `CAS*PR*2*${d(pr1)}`,
      `REF*6R*L${i}A`,
      `AMT*B6*${d(charge1 - co1)}`,
      `SVC*HC:36415*${d(charge2)}*${d(paid2)}**1`,
      'DTM*472*20240115',
      `CAS*CO*45*${d(co2)}`,
      `REF*6R*L${i}B`,
    ];
  };
  // The payment total depends on every claim: compute it first (cheap), then write.
  for (let i = 0; i < claims; i++) perClaim(i);
  const payment = totalPaid;
  totalPaid = 0;
  await write(
    'ISA*00*          *00*          *ZZ*BENCHPAYER     *ZZ*BENCHPROVIDER  *240301*1200*^*00501*000000001*0*P*:',
    false,
  );
  await write('GS*HP*BENCHPAYER*BENCHPROVIDER*20240301*1200*1*X*005010X221A1', false);
  await write('ST*835*0001');
  for (const s of [
    `BPR*I*${centsToDecimal(payment)}*C*ACH*CCP*01*999999992*DA*123456*1512345678**01*999988880*DA*98765*20240301`,
    'TRN*1*BENCH0001*1512345678',
    'DTM*405*20240229',
    'N1*PR*BENCH PAYER',
    'N3*1 PAYER WAY',
    'N4*HARTFORD*CT*06101',
    'REF*2U*60054',
    'N1*PE*BENCH PROVIDER*XX*1324567894',
    'LX*1',
  ])
    await write(s);
  for (let i = 0; i < claims; i++) for (const s of perClaim(i)) await write(s);
  await write(`SE*${segments + 1}*0001`);
  await write('GE*1*1', false);
  await write('IEA*1*000000001', false);
  bytes += buffer.length;
  out.end(buffer);
  await once(out, 'finish');
  return { bytes, claims };
}
