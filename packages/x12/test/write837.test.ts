import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centsToDecimal, parse837, tokenize, walkEnvelope, write837I, write837P, X12WriteError } from '../src/index.ts';
import type { Claim837, Submission837 } from '../src/index.ts';
import { entity, professionalClaim, submission } from './claim-fixture.ts';
import { sample, samplesUnder } from './samples.ts';

/** Decimals compared by value ("79.00" is written "79"); composites with either separator some samples mix. */
function normalized(segment: string[]): string {
  const decimal = (v: string) =>
    /^-?\d*\.\d+$/.test(v)
      ? String(v)
          .replace(/(\.\d*?)0+$/, '$1')
          .replace(/\.$/, '')
      : v;
  return segment
    .map((e) => e.split(/[>:]/).map(decimal).join(':'))
    .join('*')
    .replace(/[*:]+$/, '');
}

function transactionBodies(text: string): string[][] {
  const bodies: string[][] = [];
  let current: string[] | undefined;
  for (const s of tokenize(text)) {
    if (s.id === 'ST') current = [];
    else if (s.id === 'SE') {
      bodies.push(current!);
      current = undefined;
    } else current?.push(normalized(s.elements.map((e) => e.split(s.delimiters.component).join(':'))));
  }
  return bodies;
}

/**
 * True when HL ids run 1, 2, 3 … and each child code (HL04) says truly whether children follow. The writer
 * computes both, so only files that got them right compare their HL segments.
 */
function consistentHierarchy(body: string[]): boolean {
  const hls = body.filter((s) => s.startsWith('HL*')).map((s) => s.split('*'));
  const parents = new Set(hls.map((hl) => hl[2]));
  return hls.every((hl, i) => hl[1] === String(i + 1) && (hl[4] === '1') === parents.has(hl[1]));
}

const write = (s: Submission837) => (s.kind === 'professional' ? write837P(s) : write837I(s));

const claimsOf = (s: Submission837): Claim837[] =>
  s.billingProviders.flatMap((p) =>
    p.subscribers.flatMap((sub) => [...sub.claims, ...sub.patients.flatMap((pt) => pt.claims)]),
  );
const lineSum = (c: Claim837) =>
  c.lines.reduce((sum, l) => sum + (l.professional?.chargeCents ?? l.institutional?.chargeCents ?? 0), 0);

/**
 * Some synthetic samples bill a CLM02 that is not the sum of their lines, which the guide forbids: the writer must
 * refuse them as they are. Their totals are then set to the sum (in the model and in the expected CLM) so the rest
 * of the file still round-trips.
 */
function withConsistentTotals(s: Submission837, original: string[]): string[] {
  const wrong = claimsOf(s).filter((c) => c.totalChargeCents !== lineSum(c));
  if (!wrong.length) return original;
  expect(() => write(s)).toThrow(X12WriteError);
  const fixed = new Map(wrong.map((c) => [c.patientControlNumber, lineSum(c)]));
  for (const c of wrong) c.totalChargeCents = lineSum(c);
  return original.map((seg) => {
    const e = seg.split('*');
    const total = e[0] === 'CLM' ? fixed.get(e[1]!) : undefined;
    return total === undefined ? seg : normalized([e[0]!, e[1]!, centsToDecimal(total), ...e.slice(3)]);
  });
}

describe('837 round trip on every shared sample', () => {
  const files = [
    ...samplesUnder('linuxforhealth/837_005010X222A2'),
    ...samplesUnder('linuxforhealth/837_005010X223A3'),
    ...[
      'x12_valid.txt',
      'x12_complex.txt',
      'x12_many_claims.txt',
      'x12_multiple_gs.txt',
      'x12_multiple_isa.txt',
      'x12_multiple_st.txt',
      'x12_multiple_transactions.txt',
      'x12_valid_different_separators.txt',
      'x223-test.txt',
      'x12_writer_test.txt',
    ].map((f) => `imsweb/${f}`),
  ];

  it.each(files)('%s parses into the model and writes back to the same segments', (file) => {
    const text = sample(file);
    // The imsweb fixtures carry a fixed SE01 of 25 whatever their length: read them with trailer mismatches reported.
    const { submissions, warnings } = parse837(text, { trailers: file.startsWith('imsweb') ? 'report' : 'strict' });
    if (!file.startsWith('imsweb')) expect(warnings).toEqual([]);
    const originals = transactionBodies(text);
    expect(submissions).toHaveLength(originals.length);
    submissions.forEach((s, i) => {
      const original = withConsistentTotals(s, originals[i]!);
      const written = write(s);
      walkEnvelope(tokenize(written)); // the written envelope is valid: counts and control numbers match
      const keepHl = consistentHierarchy(original);
      const mine = transactionBodies(written)[0]!;
      expect(mine.filter((seg) => keepHl || !seg.startsWith('HL*'))).toEqual(
        original.filter((seg) => keepHl || !seg.startsWith('HL*')),
      );
    });
  });
});

describe('write837P', () => {
  it('writes a deterministic, valid interchange with computed HL ids and counts', () => {
    const text = write837P(submission([professionalClaim()]));
    expect(text).toBe(write837P(submission([professionalClaim()])));
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe(
      'ISA*00*          *00*          *ZZ*RIVERBEND      *ZZ*CLEARINGHOUSE  *240120*0930*^*00501*000000101*0*T*:~',
    );
    expect(lines).toContain('GS*HC*RIVERBEND*CLEARINGHOUSE*20240120*0930*101*X*005010X222A1~');
    expect(lines).toContain('HL*1**20*1~');
    expect(lines).toContain('HL*2*1*22*0~');
    expect(lines).toContain('CLM*RB-000123*235***11:B:1*Y*A*Y*Y~');
    expect(lines).toContain('HI*ABK:E119*ABF:I10~');
    expect(lines).toContain('SV1*HC:99214:25*195*UN*1***1:2~');
    expect(lines).toContain('REF*6R*L1~');
    const se = lines.find((l) => l.startsWith('SE*'))!;
    expect(Number(se.split('*')[1])).toBe(lines.indexOf(se) - lines.findIndex((l) => l.startsWith('ST*')) + 1);
    expect(() => walkEnvelope(tokenize(text))).not.toThrow();
  });

  it('writes a replacement claim (frequency 7) with the payer claim number, and a patient loop under the subscriber', () => {
    const claim = professionalClaim({ frequencyCode: '7', references: [{ qualifier: 'F8', value: 'ICN98765' }] });
    const s = submission([]);
    s.billingProviders[0]!.subscribers[0]!.relationship = undefined;
    s.billingProviders[0]!.subscribers[0]!.patients = [
      {
        relationship: '19',
        patient: entity({
          entityCode: 'QC',
          entityType: '1',
          name: 'RAMIREZ',
          firstName: 'ANA',
          demographics: { dateOfBirth: '2015-06-30', sex: 'F' },
        }),
        claims: [claim],
      },
    ];
    const lines = write837P(s).trim().split('\n');
    expect(lines).toContain('HL*2*1*22*1~');
    expect(lines).toContain('HL*3*2*23*0~');
    expect(lines).toContain('PAT*19~');
    expect(lines).toContain('CLM*RB-000123*235***11:B:7*Y*A*Y*Y~');
    expect(lines).toContain('REF*F8*ICN98765~');
  });

  it('writes the other-payer loops of a secondary claim (2320, 2330B, 2430)', () => {
    const claim = professionalClaim({
      otherPayers: [
        {
          payerResponsibility: 'P',
          relationship: '18',
          filingIndicator: 'MB',
          adjustmentGroups: [
            { groupCode: 'CO', adjustments: [{ reasonCode: '45', amountCents: 5500 }] },
            { groupCode: 'PR', adjustments: [{ reasonCode: '2', amountCents: 3600 }] },
          ],
          amounts: [{ qualifier: 'D', amountCents: 14400 }],
          otherInsurance: ['', '', 'Y', '', '', 'Y'],
          names: [
            entity({
              entityCode: 'IL',
              entityType: '1',
              name: 'RAMIREZ',
              firstName: 'LUIS',
              idQualifier: 'MI',
              id: '1EG4TE5MK73',
            }),
            entity({ entityCode: 'PR', entityType: '2', name: 'MEDICARE', idQualifier: 'PI', id: '04412' }),
          ],
          extra: [],
        },
      ],
    });
    claim.lines[0]!.adjudications = [
      {
        payerId: '04412',
        paidCents: 14400,
        procedure: { qualifier: 'HC', code: '99214', modifiers: ['25'] },
        unitsMilli: 1000,
        adjustmentGroups: [{ groupCode: 'CO', adjustments: [{ reasonCode: '45', amountCents: 5100 }] }],
        dates: [{ qualifier: '573', date: '2024-02-10' }],
        amounts: [],
        extra: [],
      },
    ];
    const text = write837P(submission([claim]));
    const lines = text.trim().split('\n');
    const at = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix));
    expect(lines).toContain('SBR*P*18*******MB~');
    expect(lines).toContain('CAS*CO*45*55~');
    expect(lines).toContain('AMT*D*144~');
    expect(lines).toContain('OI***Y***Y~');
    expect(lines).toContain('SVD*04412*144*HC:99214:25**1~');
    expect(lines).toContain('DTP*573*D8*20240210~');
    expect(at('SBR*P*18*******MB')).toBeLessThan(at('NM1*PR*2*MEDICARE'));
    expect(at('LX*1')).toBeLessThan(at('SVD*04412'));
    expect(parse837(text).submissions[0]!.billingProviders[0]!.subscribers[0]!.claims[0]).toEqual(claim);
  });
});

describe('write837I', () => {
  it('writes institutional claims: facility type, bill frequency, CL1, principal diagnosis and SV2 revenue lines', () => {
    const claim: Claim837 = {
      ...professionalClaim(),
      facilityCode: '13',
      facilityCodeQualifier: 'A',
      dates: [{ qualifier: '434', date: '2024-01-15', endDate: '2024-01-15' }],
      institutionalCodes: { admissionType: '3', admissionSource: '1', patientStatus: '01' },
      healthCareCodes: [[{ qualifier: 'ABK', code: 'R079', rest: [] }], [{ qualifier: 'APR', code: 'R079', rest: [] }]],
      names: [
        entity({
          entityCode: '71',
          entityType: '1',
          name: 'RAMAN',
          firstName: 'PRIYA',
          idQualifier: 'XX',
          id: '1734567890',
        }),
      ],
      lines: [
        {
          lineNumber: 1,
          institutional: {
            revenueCode: '0450',
            procedure: { qualifier: 'HC', code: '99284', modifiers: [] },
            chargeCents: 23500,
            unitBasis: 'UN',
            unitsMilli: 1000,
          },
          dates: [{ qualifier: '472', date: '2024-01-15' }],
          references: [],
          amounts: [],
          names: [],
          adjudications: [],
          extra: [],
        },
      ],
    };
    const text = write837I(submission([claim], 'institutional'));
    const lines = text.trim().split('\n');
    expect(lines).toContain('ST*837*0001*005010X223A2~');
    expect(lines).toContain('CLM*RB-000123*235***13:A:1*Y*A*Y*Y~');
    expect(lines).toContain('DTP*434*RD8*20240115-20240115~');
    expect(lines).toContain('CL1*3*1*01~');
    expect(lines).toContain('SV2*0450*HC:99284*235*UN*1~');
    expect(parse837(text).submissions[0]!.kind).toBe('institutional');
  });

  it('writes a line billed by revenue code alone (room and board: no SV202, days) and its prior payer without SVD03', () => {
    const claim: Claim837 = {
      ...professionalClaim(),
      totalChargeCents: 360000,
      facilityCode: '11',
      facilityCodeQualifier: 'A',
      dates: [
        { qualifier: '434', date: '2024-01-12', endDate: '2024-01-15' },
        { qualifier: '435', date: '2024-01-12' },
      ],
      institutionalCodes: { admissionType: '1', admissionSource: '1', patientStatus: '01' },
      names: [],
      lines: [
        {
          lineNumber: 1,
          institutional: { revenueCode: '0120', chargeCents: 360000, unitBasis: 'DA', unitsMilli: 3000 },
          dates: [{ qualifier: '472', date: '2024-01-12', endDate: '2024-01-14' }],
          references: [],
          amounts: [],
          names: [],
          extra: [],
          adjudications: [
            {
              payerId: '04412',
              paidCents: 300000,
              revenueCode: '0120',
              unitsMilli: 3000,
              adjustmentGroups: [{ groupCode: 'CO', adjustments: [{ reasonCode: '45', amountCents: 60000 }] }],
              dates: [],
              amounts: [],
              extra: [],
            },
          ],
        },
      ],
    };
    const text = write837I(submission([claim], 'institutional'));
    const lines = text.trim().split('\n');
    expect(lines).toContain('SV2*0120**3600*DA*3~');
    expect(lines).toContain('SVD*04412*3000**0120*3~');
    const [read] = parse837(text).submissions[0]!.billingProviders[0]!.subscribers[0]!.claims;
    expect(read!.lines[0]!.institutional).toEqual({
      revenueCode: '0120',
      chargeCents: 360000,
      unitBasis: 'DA',
      unitsMilli: 3000,
    });
    expect(read!.lines[0]!.adjudications[0]).toMatchObject({
      procedure: undefined,
      revenueCode: '0120',
      paidCents: 300000,
      unitsMilli: 3000,
    });
  });
});

describe('property: random valid claims survive write → parse', () => {
  const code = fc.stringMatching(/^[A-Z][0-9]{2}[0-9A-Z]{0,4}$/);
  const money = fc.integer({ min: 0, max: 99_999_999 });
  const line = fc.record({
    code: fc.stringMatching(/^[0-9]{5}$/),
    modifiers: fc.array(fc.stringMatching(/^[0-9A-Z]{2}$/), { maxLength: 4 }),
    charge: money,
    units: fc.integer({ min: 1, max: 999_999 }),
    pointers: fc.uniqueArray(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }),
    day: fc.integer({ min: 1, max: 28 }),
  });
  it('the parsed claim equals the written one', () => {
    fc.assert(
      fc.property(
        fc.array(code, { minLength: 4, maxLength: 12 }),
        fc.array(line, { minLength: 1, maxLength: 20 }),
        fc.stringMatching(/^[A-Z0-9-]{1,20}$/),
        fc.constantFrom('1', '7', '8'),
        (diagnoses, lines, pcn, frequency) => {
          const claim = professionalClaim({
            patientControlNumber: pcn,
            frequencyCode: frequency,
            totalChargeCents: lines.reduce((a, l) => a + l.charge, 0),
            healthCareCodes: [diagnoses.map((c, i) => ({ qualifier: i === 0 ? 'ABK' : 'ABF', code: c, rest: [] }))],
            lines: lines.map((l, i) => ({
              lineNumber: i + 1,
              professional: {
                procedure: { qualifier: 'HC', code: l.code, modifiers: l.modifiers },
                chargeCents: l.charge,
                unitBasis: 'UN',
                unitsMilli: l.units,
                diagnosisPointers: l.pointers,
              },
              dates: [{ qualifier: '472', date: `2024-02-${String(l.day).padStart(2, '0')}` }],
              references: [{ qualifier: '6R', value: `L${i + 1}` }],
              amounts: [],
              names: [],
              adjudications: [],
              extra: [],
            })),
          });
          const parsed = parse837(write837P(submission([claim]))).submissions[0]!.billingProviders[0]!.subscribers[0]!
            .claims[0];
          expect(parsed).toEqual(claim);
        },
      ),
      { numRuns: 200 },
    );
  });
});
