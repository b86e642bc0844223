import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse837, write270, write837P } from '../src/index.ts';
import type { Claim837, ServiceLine837 } from '../src/index.ts';
import { X12WriteError } from '../src/writer/x12-write-error.ts';
import { professionalClaim, submission } from './claim-fixture.ts';

// Writers refuse what would make an invalid file — a separator inside a value, characters outside the X12 sets,
// values too long for their element, more repeats than the 5010 guide allows, figures that disagree — with an
// X12WriteError naming the claim, segment and element. Each rule is tested on both sides of its limit.

/** The error a write throws, as { code, where, element }; fails the test when the write succeeds. */
function refusal(write: () => string) {
  try {
    write();
  } catch (error) {
    if (!(error instanceof X12WriteError)) throw error;
    const element = error.elementPosition
      ? `${error.segmentId}${String(error.elementPosition).padStart(2, '0')}`
      : error.segmentId;
    return { code: error.code, where: error.where, element };
  }
  throw new Error('the writer wrote a file');
}
const writeClaim = (claim: Claim837) => write837P(submission([claim]));
const line = (n: number, overrides: Partial<NonNullable<ServiceLine837['professional']>> = {}): ServiceLine837 => ({
  lineNumber: n,
  professional: {
    procedure: { qualifier: 'HC', code: '99213', modifiers: [] },
    chargeCents: 1000,
    unitBasis: 'UN',
    unitsMilli: 1000,
    diagnosisPointers: [1],
    ...overrides,
  },
  dates: [{ qualifier: '472', date: '2024-01-15' }],
  references: [],
  amounts: [],
  names: [],
  adjudications: [],
  extra: [],
});
const withLines = (lines: ServiceLine837[], overrides: Partial<Claim837> = {}) =>
  professionalClaim({
    lines,
    totalChargeCents: lines.reduce((s, l) => s + l.professional!.chargeCents, 0),
    ...overrides,
  });
const diagnoses = (n: number) => [
  Array.from({ length: n }, (_, i) => ({ qualifier: i ? 'ABF' : 'ABK', code: `E11${i}`, rest: [] })),
];

describe('separators and characters', () => {
  it('refuses a separator inside a value, naming the claim and the element', () => {
    expect(refusal(() => writeClaim(professionalClaim({ patientControlNumber: 'RB*1~X' })))).toEqual({
      code: 'DELIMITER_IN_DATA',
      where: 'claim RB*1~X',
      element: 'CLM01',
    });
    const colon = professionalClaim();
    colon.names[0]!.name = 'ALVAREZ:JR';
    expect(refusal(() => writeClaim(colon))).toMatchObject({ code: 'DELIMITER_IN_DATA', element: 'NM103' });
    const caret = professionalClaim();
    caret.names[0]!.firstName = 'MARIA^ELENA';
    expect(refusal(() => writeClaim(caret))).toMatchObject({ code: 'DELIMITER_IN_DATA', element: 'NM104' });
  });

  it('writes the same data when the interchange picks separators that do not occur in it', () => {
    const text = write837P(submission([professionalClaim({ patientControlNumber: 'RB*1' })]), {
      delimiters: { element: '|', component: '>', repetition: '^', segment: '~' },
    });
    expect(parse837(text).submissions[0]!.billingProviders[0]!.subscribers[0]!.claims[0]!.patientControlNumber).toBe(
      'RB*1',
    );
  });

  it('transliterates diacritics to the basic set and refuses what has no plain form', () => {
    const accented = professionalClaim();
    accented.names[0]!.name = 'MUÑOZ';
    accented.names[0]!.firstName = 'JOSÉ';
    const read = parse837(writeClaim(accented)).submissions[0]!.billingProviders[0]!.subscribers[0]!.claims[0]!;
    expect([read.names[0]!.name, read.names[0]!.firstName]).toEqual(['MUNOZ', 'JOSE']);
    const foreign = professionalClaim();
    foreign.names[0]!.name = '王';
    expect(refusal(() => writeClaim(foreign))).toMatchObject({ code: 'CHARACTER_SET', element: 'NM103' });
  });
});

describe('lengths and the fixed-width ISA', () => {
  it('refuses an ISA06 or ISA08 over 15 characters and an ISA13 over 9 digits, never cutting them', () => {
    const s = submission([professionalClaim()]);
    expect(() => write837P({ ...s, interchange: { ...s.interchange, senderId: 'A'.repeat(15) } })).not.toThrow();
    const long = { ...s, interchange: { ...s.interchange, receiverId: 'A'.repeat(16) } };
    expect(refusal(() => write837P(long))).toEqual({ code: 'TOO_LONG', where: 'interchange', element: 'ISA08' });
    const control = { ...s, interchange: { ...s.interchange, controlNumber: '1234567890' } };
    expect(refusal(() => write837P(control))).toEqual({ code: 'BAD_VALUE', where: 'interchange', element: 'ISA13' });
  });

  it('refuses a value longer than its element, at one character over', () => {
    expect(() => writeClaim(professionalClaim({ patientControlNumber: 'A'.repeat(38) }))).not.toThrow();
    expect(refusal(() => writeClaim(professionalClaim({ patientControlNumber: 'A'.repeat(39) })))).toMatchObject({
      code: 'TOO_LONG',
      element: 'CLM01',
    });
  });
});

describe('the 837P guide’s limits', () => {
  it('takes 50 lines and refuses 51; refuses a claim without lines', () => {
    expect(() => writeClaim(withLines(Array.from({ length: 50 }, (_, i) => line(i + 1))))).not.toThrow();
    expect(refusal(() => writeClaim(withLines(Array.from({ length: 51 }, (_, i) => line(i + 1)))))).toMatchObject({
      code: 'TOO_MANY',
      element: 'LX',
    });
    expect(refusal(() => writeClaim(withLines([])))).toMatchObject({ code: 'MISSING', element: 'LX' });
  });

  it('takes 12 codes in an HI and refuses 13', () => {
    expect(() => writeClaim(professionalClaim({ healthCareCodes: diagnoses(12) }))).not.toThrow();
    expect(refusal(() => writeClaim(professionalClaim({ healthCareCodes: diagnoses(13) })))).toMatchObject({
      code: 'TOO_MANY',
      element: 'HI',
    });
  });

  it('takes 4 modifiers and 4 pointers and refuses 5 of either', () => {
    const modifiers = (n: number) => ({
      qualifier: 'HC',
      code: '99213',
      modifiers: ['25', '59', 'GT', 'XE', 'XS'].slice(0, n),
    });
    expect(() => writeClaim(withLines([line(1, { procedure: modifiers(4) })]))).not.toThrow();
    expect(refusal(() => writeClaim(withLines([line(1, { procedure: modifiers(5) })])))).toMatchObject({
      code: 'TOO_MANY',
      element: 'SV101',
    });
    const pointers = (n: number) => [1, 2, 3, 4, 5].slice(0, n);
    const twelve = { healthCareCodes: diagnoses(5) };
    expect(() => writeClaim(withLines([line(1, { diagnosisPointers: pointers(4) })], twelve))).not.toThrow();
    expect(refusal(() => writeClaim(withLines([line(1, { diagnosisPointers: pointers(5) })], twelve)))).toMatchObject({
      code: 'TOO_MANY',
      element: 'SV107',
    });
  });

  it('refuses a total that is not the sum of the lines, a negative charge and a date that is not YYYY-MM-DD', () => {
    expect(refusal(() => writeClaim(withLines([line(1)], { totalChargeCents: 1001 })))).toMatchObject({
      code: 'INCONSISTENT',
      element: 'CLM02',
    });
    expect(refusal(() => writeClaim(withLines([line(1, { chargeCents: -1000 })])))).toMatchObject({
      code: 'BAD_VALUE',
      element: 'SV102',
    });
    const slashed = withLines([{ ...line(1), dates: [{ qualifier: '472', date: '2024/01/20' }] }]);
    expect(refusal(() => writeClaim(slashed))).toMatchObject({ code: 'BAD_VALUE', element: 'DTP03' });
    const impossible = withLines([{ ...line(1), dates: [{ qualifier: '472', date: '2024-02-30' }] }]);
    expect(refusal(() => writeClaim(impossible))).toMatchObject({ code: 'BAD_VALUE', element: 'DTP03' });
  });
});

describe('a prior payer’s adjustments (CAS in 2320 and 2430)', () => {
  const otherPayer = (groups: Array<{ groupCode: string; reasons: number }>) => ({
    payerResponsibility: 'P',
    amounts: [],
    names: [],
    extra: [],
    adjustmentGroups: groups.map((g) => ({
      groupCode: g.groupCode,
      adjustments: Array.from({ length: g.reasons }, (_, i) => ({ reasonCode: String(45 + i), amountCents: 100 })),
    })),
  });
  const withPrior = (groups: Array<{ groupCode: string; reasons: number }>) =>
    writeClaim(professionalClaim({ otherPayers: [otherPayer(groups)] }));
  const adjudicated = (groupCode: string) =>
    withLines([
      {
        ...line(1),
        adjudications: [
          {
            payerId: 'P1',
            paidCents: 500,
            adjustmentGroups: [{ groupCode, adjustments: [{ reasonCode: '45', amountCents: 500 }] }],
            dates: [],
            amounts: [],
            extra: [],
          },
        ],
      },
    ]);

  it('takes the guide’s group codes and refuses others (a remittance’s OI included), naming the loop', () => {
    for (const groupCode of ['CO', 'CR', 'OA', 'PI', 'PR'])
      expect(() => withPrior([{ groupCode, reasons: 1 }])).not.toThrow();
    expect(refusal(() => withPrior([{ groupCode: 'OI', reasons: 1 }]))).toMatchObject({
      code: 'BAD_VALUE',
      element: 'CAS01',
    });
    expect(() => writeClaim(adjudicated('OA'))).not.toThrow();
    expect(refusal(() => writeClaim(adjudicated('OI')))).toMatchObject({ code: 'BAD_VALUE', element: 'CAS01' });
    expect(() => writeClaim(adjudicated('OI'))).toThrow(/line 1 adjudication \(2430\)/);
  });

  it('takes six reasons in one CAS and five CAS segments, and refuses a seventh or a sixth', () => {
    expect(() => withPrior([{ groupCode: 'CO', reasons: 6 }])).not.toThrow();
    expect(refusal(() => withPrior([{ groupCode: 'CO', reasons: 7 }]))).toMatchObject({
      code: 'TOO_MANY',
      element: 'CAS02',
    });
    const groups = (n: number) => Array.from({ length: n }, () => ({ groupCode: 'CO', reasons: 1 }));
    expect(() => withPrior(groups(5))).not.toThrow();
    expect(refusal(() => withPrior(groups(6)))).toMatchObject({ code: 'TOO_MANY', element: 'CAS' });
  });
});

describe('a 270 without inquiries', () => {
  it('is refused instead of written as an HL with no subscriber', () => {
    const s = submission([professionalClaim()]);
    const request = {
      interchange: s.interchange,
      group: s.group,
      transaction: s.transaction,
      header: { referenceId: 'ELIG1', date: '2024-01-20', time: '0930' },
      payer: { name: 'BCBS TX', payerId: '84980' },
      provider: { name: 'RIVERBEND', npi: '1324567894' },
      originatorId: '1741234567',
    };
    expect(() =>
      write270({ ...request, inquiries: [{ traceNumber: 'T1', subscriber: { lastName: 'DOE' } }] }),
    ).not.toThrow();
    expect(refusal(() => write270({ ...request, inquiries: [] }))).toEqual({
      code: 'MISSING',
      where: '',
      element: 'HL',
    });
  });
});

describe('any claim, valid or broken', () => {
  // One way to break a valid claim, each refused with the typed error and never written.
  const breakers: Array<(c: Claim837) => void> = [
    (c) => {
      c.patientControlNumber = `${c.patientControlNumber}~`;
    },
    (c) => {
      c.totalChargeCents += 1;
    },
    (c) => {
      c.lines[0]!.professional!.procedure.modifiers = ['25', '59', 'GT', 'XE', 'XS'];
    },
    (c) => {
      c.lines[0]!.professional!.diagnosisPointers = [1, 2, 3, 4, 5];
    },
    (c) => {
      c.lines = [];
      c.totalChargeCents = 0;
    },
    (c) => {
      c.lines[0]!.dates = [{ qualifier: '472', date: '01/15/2024' }];
    },
    (c) => {
      c.names[0]!.name = '张';
    },
  ];
  const validClaim = fc
    .record({
      pcn: fc.stringMatching(/^[A-Z0-9-]{1,20}$/),
      charges: fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 50 }),
      diagnoses: fc.integer({ min: 1, max: 12 }),
    })
    .map(({ pcn, charges, diagnoses: n }) =>
      withLines(
        charges.map((chargeCents, i) => line(i + 1, { chargeCents, diagnosisPointers: [1 + (i % n)] })),
        { patientControlNumber: pcn, healthCareCodes: diagnoses(n) },
      ),
    );

  it('writes a valid claim that parses back to the same claim, and refuses a broken one', () => {
    fc.assert(
      fc.property(validClaim, fc.integer({ min: 0, max: breakers.length - 1 }), (claim, breaker) => {
        const read = parse837(writeClaim(claim)).submissions[0]!.billingProviders[0]!.subscribers[0]!.claims[0]!;
        expect(read.patientControlNumber).toBe(claim.patientControlNumber);
        expect(read.totalChargeCents).toBe(claim.totalChargeCents);
        expect(read.lines.map((l) => l.professional!.chargeCents)).toEqual(
          claim.lines.map((l) => l.professional!.chargeCents),
        );
        expect(read.healthCareCodes).toEqual(claim.healthCareCodes);
        const broken = structuredClone(claim);
        breakers[breaker]!(broken);
        expect(() => writeClaim(broken)).toThrow(X12WriteError);
      }),
      { numRuns: 150 },
    );
  });
});
