// Builds small 835 files for tests: a balanced payment whose pieces each test can change.
export interface TestClaim {
  pcn: string;
  status?: string;
  charge: string;
  paid: string;
  patientResponsibility?: string;
  cas?: string[];
  services?: Array<{ svc: string; cas?: string[]; ref6r?: string; lq?: string[] }>;
}

export function era835(options: {
  payment: string;
  claims: TestClaim[];
  plb?: string[];
  trace?: string;
  separator?: string;
}): string {
  const body: string[] = [
    `BPR*I*${options.payment}*C*ACH*CCP*01*999999992*DA*123456*1512345678**01*999988880*DA*98765*20240301`,
    `TRN*1*${options.trace ?? '12345'}*1512345678`,
    'DTM*405*20240229',
    'N1*PR*ACME HEALTH PLAN',
    'N3*1 PAYER WAY',
    'N4*HARTFORD*CT*06101',
    'REF*2U*60054',
    'N1*PE*RIVERBEND FAMILY MEDICINE*XX*1324567894',
    'REF*TJ*741234567',
    'LX*1',
  ];
  for (const claim of options.claims) {
    body.push(
      `CLP*${claim.pcn}*${claim.status ?? '1'}*${claim.charge}*${claim.paid}*${claim.patientResponsibility ?? ''}*12*ICN${claim.pcn}*11*1`,
    );
    for (const cas of claim.cas ?? []) body.push(`CAS*${cas}`);
    body.push(`NM1*QC*1*DOE*JANE*Q***MI*W123456789`);
    body.push('DTM*232*20240115', 'DTM*233*20240115');
    for (const service of claim.services ?? []) {
      body.push(`SVC*${service.svc}`, 'DTM*472*20240115');
      for (const cas of service.cas ?? []) body.push(`CAS*${cas}`);
      if (service.ref6r) body.push(`REF*6R*${service.ref6r}`);
      for (const lq of service.lq ?? []) body.push(`LQ*HE*${lq}`);
    }
  }
  for (const plb of options.plb ?? []) body.push(`PLB*1324567894*20241231*${plb}`);
  const segments = [
    'ISA*00*          *00*          *ZZ*ACMEPAYER      *ZZ*RIVERBEND      *240301*1200*^*00501*000000042*0*P*:',
    'GS*HP*ACMEPAYER*RIVERBEND*20240301*1200*42*X*005010X221A1',
    'ST*835*0001',
    ...body,
    `SE*${body.length + 2}*0001`,
    'GE*1*42',
    'IEA*1*000000042',
  ];
  return `${segments.join(`~${options.separator ?? '\n'}`)}~\n`;
}
