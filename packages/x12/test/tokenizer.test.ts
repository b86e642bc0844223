import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parse835, SegmentScanner, stream835, tokenize } from '../src/index.ts';
import { era835 } from './era-builder.ts';

// A payment large enough that separator positions fill several blocks (16 384 per block), some mid-segment.
const claims = Array.from({ length: 2_500 }, (_, i) => ({
  pcn: `P${i}`,
  charge: '100',
  paid: '80',
  patientResponsibility: '0',
  services: [{ svc: 'HC:99213:25:59*100*80**1', cas: ['CO*45*20'], ref6r: `L${i}` }],
}));
const large = era835({ payment: String(80 * claims.length), claims });

describe('segments read in place', () => {
  it('locate, element and elementIs agree with the split elements, for every segment of a large input, kept to the end', () => {
    const segments = tokenize(large);
    expect(segments.length).toBeGreaterThan(20_000);
    // Disagreements are collected and compared once: an expect per element made this test take seconds.
    const disagreements: string[] = [];
    const check = (ok: boolean, what: string) => {
      if (!ok) disagreements.push(what);
    };
    for (const segment of segments) {
      const expected = segment.text.slice(segment.start, segment.end).split('*');
      const where = `segment ${segment.index}`;
      check(segment.elementCount === expected.length, `${where}: elementCount`);
      // Out of order on purpose: the last element, then the first, then all of them.
      check(segment.element(expected.length - 1) === expected.at(-1), `${where}: last element`);
      expected.forEach((value, i) => {
        check(segment.element(i) === value, `${where}: element ${i}`);
        check(segment.elementIs(i, value), `${where}: elementIs ${i}`);
      });
      check(segment.locate(expected.length) === -1, `${where}: locate past the end`);
      check(segment.element(expected.length + 3) === '', `${where}: element past the end`);
      check(segment.elements.join('*') === expected.join('*'), `${where}: elements`);
    }
    expect(disagreements).toEqual([]);
  });

  it('reads bytes and text alike', () => {
    const fromText = tokenize(large).map((s) => s.elements.join('*'));
    const fromBytes = tokenize(Buffer.from(large, 'latin1')).map((s) => s.elements.join('*'));
    expect(fromBytes).toEqual(fromText);
  });

  it('streams a large payment in odd chunk sizes to the same claims as parse835', async () => {
    const expected = parse835(large)[0]!.claims;
    const bytes = Buffer.from(large, 'latin1');
    for (const size of [997, 65_536]) {
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      const streamed = [];
      for await (const event of stream835(Readable.from(chunks)))
        if (event.kind === 'claim') streamed.push(event.claim);
      expect(streamed).toEqual(expected);
    }
  });

  it('reads bytes like text whatever the line breaks and delimiters, across interchanges that change them', () => {
    const plain = era835({
      payment: '80',
      claims: [
        {
          pcn: 'A1',
          charge: '100',
          paid: '80',
          services: [{ svc: 'HC:99213:25*100*80**1', cas: ['CO*45*20'], ref6r: 'L1' }],
        },
      ],
    });
    const other = plain
      .replace(/\*/g, '|')
      .replace(/~/g, '!')
      .replace('|:!', '|>!')
      .replace(/HC:99213:25/, 'HC>99213>25');
    const variants = [
      plain,
      plain.replace(/\n/g, '\r\n'),
      plain.replace(/\n/g, ''),
      other,
      `${plain}\n${other}`,
      `${other}${plain}`,
    ];
    const view = (segments: ReturnType<typeof tokenize>) =>
      segments.map((s) => [s.id, s.index, s.offset, s.elementCount, s.elements.join('|')]);
    for (const text of variants) {
      const fromText = view(tokenize(text));
      expect(view(tokenize(Buffer.from(text, 'latin1')))).toEqual(fromText);
      expect(fromText.length).toBeGreaterThan(10);
    }
  });

  it('streams interchanges with different delimiters, as bytes in small chunks, to the claims parse835 reads', async () => {
    const first = era835({
      payment: '80',
      claims: [
        {
          pcn: 'A1',
          charge: '100',
          paid: '80',
          services: [{ svc: 'HC:99213:25*100*80**1', cas: ['CO*45*20'], ref6r: 'L1' }],
        },
      ],
    });
    const second = first
      .replace(/\*/g, '|')
      .replace(/~/g, '!')
      .replace('|:!', '|>!')
      .replace(/HC:99213:25/, 'HC>99213>25')
      .replace(/A1/g, 'B2');
    const text = `${first}\r\n${second}`;
    const expected = parse835(text).flatMap((r) => r.claims);
    expect(expected.map((c) => [c.patientControlNumber, c.services[0]!.procedure.modifiers])).toEqual([
      ['A1', ['25']],
      ['B2', ['25']],
    ]);
    const bytes = Buffer.from(text, 'latin1');
    for (const size of [1, 3, 7, 106, 512]) {
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      const streamed = [];
      for await (const event of stream835(Readable.from(chunks)))
        if (event.kind === 'claim') streamed.push(event.claim);
      expect(streamed).toEqual(expected);
    }
  });

  it('keeps what a chunk ended in the middle of for the next one, without losing a separator', () => {
    const scanner = new SegmentScanner();
    const seen: string[] = [];
    const text = large.slice(0, 50_000);
    const consumed = scanner.scan(text, false, (s) => seen.push(s.elements.join('*')));
    expect(consumed).toBeLessThan(text.length);
    scanner.scan(large.slice(consumed), true, (s) => seen.push(s.elements.join('*')));
    expect(seen).toEqual(tokenize(large).map((s) => s.elements.join('*')));
  });
});
