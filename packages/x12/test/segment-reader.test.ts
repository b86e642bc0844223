import { describe, expect, it } from 'vitest';
import { parse835, tokenize } from '../src/index.ts';
import { SegmentReader, segmentKey } from '../src/segment-reader.ts';
import { era835 } from './era-builder.ts';
import { parseError } from './parse-error.ts';

const ISA =
  'ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240301*1200*^*00501*000000001*0*P*:~';

/** Runs `read` on every segment of `text` with the given id; returns what it returned, in order. */
function readEach<T>(text: string, id: string, read: (reader: SegmentReader) => T): T[] {
  const out: T[] = [];
  new SegmentReader().scan(text, true, { segment: (reader) => void (reader.id === id && out.push(read(reader))) });
  return out;
}

describe('SegmentReader', () => {
  it('reads elements in any order, absent ones as empty, and the id as a key', () => {
    const text = `${ISA}CLP*PCN1*1*125.5**-3*12~IEA*0*000000001~`;
    const [read] = readEach(text, 'CLP', (s) => ({
      last: s.optional(6),
      first: s.required(1, 'patient control number'),
      charge: s.cents(3),
      paid: s.optionalCents(4),
      responsibility: s.cents(5),
      absent: [s.element(9), s.optional(9), s.has(9), s.is(9, '')],
      present: [s.has(1), s.has(4), s.is(2, '1'), s.is(2, '12'), s.is(6, '12')],
      count: s.elementCount,
      key: s.key === segmentKey('CLP'),
    }));
    expect(read).toEqual({
      last: '12',
      first: 'PCN1',
      charge: 12550,
      paid: undefined,
      responsibility: -300,
      absent: ['', undefined, false, false],
      present: [true, false, true, false, true],
      count: 7,
      key: true,
    });
  });

  it('reads a segment with more elements than its scratch holds (the scratch grows), from the scanner and the 835 reader alike', () => {
    const many = Array.from({ length: 300 }, (_, i) => `E${i}`);
    const text = `${ISA}N3*${many.join('*')}~IEA*0*000000001~`;
    const [elements] = readEach(text, 'N3', (s) =>
      Array.from({ length: s.elementCount - 1 }, (_, i) => s.element(i + 1)),
    );
    expect(elements).toEqual(many);
    const [segment] = tokenize(text).filter((s) => s.id === 'N3');
    expect(segment!.elements.slice(1)).toEqual(many);
    expect(segment!.element(300)).toBe('E299');

    // The payer's address line in an 835 passes through the same reader.
    const era = era835({
      payment: '80',
      claims: [{ pcn: 'A1', charge: '100', paid: '80', cas: ['CO*45*20'] }],
    }).replace('N3*1 PAYER WAY', `N3*${many.join('*')}`);
    expect(parse835(era)[0]!.payer.address!.lines).toEqual(many);
  });

  it('names the element, segment and byte of a bad or missing value', () => {
    const text = `${ISA}CLP*PCN1*1*12.345*80~IEA*0*000000001~`;
    const bad = parseError(() => readEach(text, 'CLP', (s) => s.cents(3)));
    expect(bad).toMatchObject({
      code: 'BAD_ELEMENT',
      segmentId: 'CLP',
      segmentIndex: 1,
      elementPosition: 3,
      byteOffset: ISA.length,
    });
    expect(bad.message).toContain('CLP03 "12.345" is not an amount with at most 2 decimals');
    const missing = parseError(() => readEach(text, 'CLP', (s) => s.required(7, 'payer claim control number')));
    expect(missing).toMatchObject({ code: 'MISSING_ELEMENT', segmentId: 'CLP', elementPosition: 7 });
    const date = parseError(() => readEach(`${ISA}DTM*472*20240230~IEA*0*000000001~`, 'DTM', (s) => s.date(2)));
    expect(date).toMatchObject({ code: 'BAD_ELEMENT', segmentId: 'DTM', elementPosition: 2 });
  });

  it('refuses what is no segment id: a digit first, one character, four', () => {
    for (const id of ['1AB', 'A', 'ABCD', 'A-B']) {
      const error = parseError(() => tokenize(`${ISA}${id}*X~IEA*0*000000001~`));
      expect(error).toMatchObject({ code: 'BAD_SEGMENT_ID', segmentIndex: 1, byteOffset: ISA.length });
    }
  });

  it('keeps a character above latin1 in a string as it is, even one whose low byte is the terminator', () => {
    // U+017E (ž) ends in 0x7E, the byte of "~": reading bytes of the string must not cut the segment there.
    const era = era835({
      payment: '80',
      claims: [{ pcn: 'A1', charge: '100', paid: '80', cas: ['CO*45*20'] }],
    }).replace('NM1*QC*1*DOE*JANE', 'NM1*QC*1*DOŽE*JAŽNE');
    const [remittance] = parse835(era);
    expect(remittance!.claims[0]!.patient).toMatchObject({
      lastOrOrganizationName: 'DOŽE',
      firstName: 'JAŽNE',
      id: 'W123456789',
    });
  });

  it('names the last segment read when an 835 ends inside its transaction', () => {
    const era = era835({ payment: '80', claims: [{ pcn: 'A1', charge: '100', paid: '80', cas: ['CO*45*20'] }] });
    const cut = era.slice(0, era.indexOf('SE*'));
    const lastSegment = cut.trimEnd().slice(0, -1).split('~').at(-1)!.trim();
    const error = parseError(() => parse835(cut));
    expect(error).toMatchObject({
      code: 'TRUNCATED',
      segmentId: lastSegment.slice(0, 3),
      byteOffset: cut.lastIndexOf(lastSegment),
    });
    expect(error.segmentIndex).toBe(cut.split('~').length - 2);
  });
});
