/** A payer's 277CA accepting or rejecting claims by patient control number (from BLUE CROSS, 84980). */
export const ack277CA = (claims: Array<{ pcn: string; accepted: boolean }>) => {
  const body = [
    'BHT*0085*08*BATCH*20240302*1200*TH',
    'HL*1**20*1',
    'NM1*PR*2*BLUE CROSS*****PI*84980',
    'TRN*1*1',
    'DTP*050*D8*20240302',
    'DTP*009*D8*20240302',
    'HL*2*1*21*1',
    'NM1*41*2*RIVERBEND*****46*RIVERBEND',
    'TRN*2*1',
    'STC*A1:20*20240302*WQ*0',
    'HL*3*2*19*1',
    'NM1*85*2*RIVERBEND*****XX*1324567894',
  ];
  for (const [i, c] of claims.entries()) {
    body.push(
      `HL*${4 + i}*3*PT`,
      'NM1*QC*1*RAMIREZ*LUIS****MI*XOD771230045',
      `TRN*2*${c.pcn}`,
      c.accepted ? 'STC*A2:20*20240302*WQ*220' : 'STC*A7:21:IL*20240302*U*220',
      ...(c.accepted ? [`REF*1K*ICN-${c.pcn}`] : []),
    );
  }
  return `${[
    'ISA*00*          *00*          *ZZ*TESTCH         *ZZ*RIVERBEND      *240302*1200*^*00501*000000902*0*T*:',
    'GS*HN*TESTCH*RIVERBEND*20240302*1200*902*X*005010X214',
    'ST*277*0001*005010X214',
    ...body,
    `SE*${body.length + 2}*0001`,
    'GE*1*902',
    'IEA*1*000000902',
  ].join('~')}~`;
};
