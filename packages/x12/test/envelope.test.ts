import { describe, expect, it } from 'vitest';
import { tokenize, walkEnvelope } from '../src/index.ts';
import { parseError } from './parse-error.ts';
import { sample, samplesUnder } from './samples.ts';

function walk(text: string | Uint8Array) {
  return [...walkEnvelope(tokenize(text))];
}

const ISA =
  'ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*RECEIVER       *240115*1200*^*00501*000000001*0*T*:~';
const minimal = (body: string[], se = body.length + 2) =>
  `${[
    ISA,
    'GS*HP*S*R*20240115*1200*7*X*005010X221A1',
    'ST*835*0001',
    ...body,
    `SE*${se}*0001`,
    'GE*1*7',
    'IEA*1*000000001',
  ]
    .join('~\n')
    .replace('~~', '~')}~`;

describe('envelope validation on the shared samples', () => {
  const wellFormed = samplesUnder('linuxforhealth').filter(
    (f) => !f.endsWith('subscriber-health-benefit-check-error.271'),
  );
  it.each([
    ...wellFormed,
    ...samplesUnder('tastypackets'),
    'imsweb/x12_277CA_accepted.txt',
    'imsweb/x12_277CA_rejected.txt',
    'imsweb/x12_999_rejected.txt',
  ])('%s has a valid envelope', (file) => {
    const events = walk(sample(file));
    expect(events.filter((e) => e.kind === 'transactionStart').length).toBeGreaterThan(0);
  });

  it.each([
    ['imsweb/x12_valid.txt', 'COUNT_MISMATCH', 'SE', 1],
    ['imsweb/x12_many_claims.txt', 'COUNT_MISMATCH', 'SE', 1],
    ['imsweb/x12_999_accepted.txt', 'CONTROL_NUMBER_MISMATCH', 'IEA', 2],
    ['imsweb/x12_277_x212.txt', 'CONTROL_NUMBER_MISMATCH', 'IEA', 2],
    ['linuxforhealth/271_005010X279A1/subscriber-health-benefit-check-error.271', 'CONTROL_NUMBER_MISMATCH', 'SE', 2],
    ['imsweb/x12_no_isa_line.txt', 'NOT_X12', '', 0],
    ['imsweb/x12_bad_first_line.txt', 'BAD_ISA', 'ISA', 0],
    ['imsweb/x12_bad_segment_identifier.txt', 'BAD_SEGMENT_ID', '', 0],
  ])('%s is refused: %s at %s%s', (file, code, segmentId, element) => {
    const error = parseError(() => walk(sample(file)));
    expect(error).toMatchObject({ code, segmentId, elementPosition: element });
  });
});

describe('tokenizer', () => {
  it('takes delimiters from the ISA and accepts no newlines, CRLF, and other separators', () => {
    const plain = minimal(['BPR*I*1*C*ACH']);
    const crlf = plain.replace(/\n/g, '\r\n');
    const none = plain.replace(/\n/g, '');
    const other = plain.replace(/\*/g, '|').replace(/~/g, '!').replace('|:!', '|>!');
    for (const text of [plain, crlf, none, other]) {
      const bpr = walk(text).find((e) => e.segment.id === 'BPR')!;
      expect(bpr.segment.elements).toEqual(['BPR', 'I', '1', 'C', 'ACH']);
    }
  });

  it('reads bytes as well as strings, with byte offsets', () => {
    const text = minimal(['BPR*I*1*C*ACH']);
    const fromBytes = walk(new TextEncoder().encode(text));
    const bpr = fromBytes.find((e) => e.segment.id === 'BPR')!;
    expect(bpr.segment.offset).toBe(text.indexOf('BPR'));
    expect(bpr.segment.index).toBe(3);
  });

  it('reads several interchanges in one file, each with its own delimiters', () => {
    const first = minimal(['BPR*I*1*C*ACH']);
    const second = first.replace(/\*/g, '|').replace('|:~', '|>~');
    const starts = walk(`${first}\n${second}`).filter((e) => e.kind === 'transactionStart');
    expect(starts).toHaveLength(2);
  });

  it('refuses a truncated file', () => {
    const text = minimal(['BPR*I*1*C*ACH']);
    expect(parseError(() => walk(text.slice(0, text.indexOf('SE*'))))).toMatchObject({ code: 'TRUNCATED' });
    expect(parseError(() => walk(text.slice(0, text.length - 5)))).toMatchObject({ code: 'TRUNCATED' });
  });

  it('checks SE01, SE02, GE and IEA', () => {
    expect(parseError(() => walk(minimal(['BPR*I*1*C*ACH'], 9)))).toMatchObject({
      code: 'COUNT_MISMATCH',
      segmentId: 'SE',
      elementPosition: 1,
    });
    expect(parseError(() => walk(minimal(['BPR'], 3).replace('SE*3*0001', 'SE*3*0002')))).toMatchObject({
      code: 'CONTROL_NUMBER_MISMATCH',
      segmentId: 'SE',
      elementPosition: 2,
    });
    expect(parseError(() => walk(minimal(['BPR'], 3).replace('GE*1*7', 'GE*2*7')))).toMatchObject({
      code: 'COUNT_MISMATCH',
      segmentId: 'GE',
    });
    expect(parseError(() => walk(minimal(['BPR'], 3).replace('IEA*1*000000001', 'IEA*1*000000002')))).toMatchObject({
      code: 'CONTROL_NUMBER_MISMATCH',
      segmentId: 'IEA',
    });
  });

  it('reports the segment index, id and byte offset in the message', () => {
    const text = minimal(['BPR*I*1*C*ACH'], 9);
    const error = parseError(() => walk(text));
    expect(error.segmentIndex).toBe(4);
    expect(error.byteOffset).toBe(text.indexOf('SE*9'));
    expect(error.message).toBe(
      `SE01 says 9 segments, the transaction has 3 — segment 4 (SE01) at byte ${text.indexOf('SE*9')}`,
    );
  });
});
