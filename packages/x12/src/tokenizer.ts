import { ISA_LENGTH, readDelimiters } from './delimiters.ts';
import type { Delimiters } from './delimiters.ts';
import { X12ParseError } from './x12-parse-error.ts';

/** One segment: `elements[0]` is the id, so `elements[3]` is the third element (CLP03). */
export interface Segment {
  id: string;
  elements: string[];
  /** 0-based position of the segment in the input. */
  index: number;
  /** Offset of the segment's first byte in the input. */
  offset: number;
  /** The delimiters of the interchange the segment belongs to (for splitting components and repetitions). */
  delimiters: Delimiters;
}

/** A letter, then one or two letters or digits (checked by char codes: this runs for every segment). */
function isSegmentId(id: string): boolean {
  const n = id.length;
  if (n < 2 || n > 3) return false;
  const first = id.charCodeAt(0);
  if (first < 65 || first > 90) return false;
  for (let i = 1; i < n; i++) {
    const c = id.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 48 && c <= 57))) return false;
  }
  return true;
}

/**
 * Splits X12 text into segments, chunk by chunk, so a file of any size is read in constant memory. Delimiters
 * come from each ISA, so interchanges with different separators can follow each other; CR/LF between segments
 * (or none) is accepted. Feed text with `scan`; it returns how much it consumed (whole segments only), and the
 * caller keeps the rest for the next chunk. Offsets count characters; bytes decoded as latin1 make them bytes.
 */
export class SegmentScanner {
  delimiters: Delimiters | undefined;
  /** Index of the next segment. */
  index = 0;
  /** Offset of `text[0]` of the next `scan` in the whole input. */
  offset = 0;
  private started = false;

  /**
   * Emits every complete segment of `text`. With `final`, text left after the last terminator is an error
   * (a truncated file); otherwise it is left for the next call. Returns the number of characters consumed.
   */
  scan(text: string, final: boolean, onSegment: (segment: Segment) => void): number {
    let pos = 0;
    if (!this.started) {
      pos = skipBlank(text, text.charCodeAt(0) === 0xfeff ? 1 : 0, undefined);
      if (pos + 3 > text.length && !final) return 0;
      if (!text.startsWith('ISA', pos)) this.fail('NOT_X12', 'The input does not start with an ISA segment', '', pos);
      this.started = true;
    } else {
      // A chunk may begin with the line break that followed the previous chunk's last segment.
      pos = skipBlank(text, 0, this.delimiters?.segment);
    }
    while (pos < text.length) {
      let end: number;
      if (text.startsWith('ISA', pos)) {
        if (text.length - pos < ISA_LENGTH && !final) break;
        this.delimiters = readDelimiters(text, pos, this.index, this.offset + pos);
        end = pos + ISA_LENGTH - 1;
      } else {
        const delimiters = this.delimiters!;
        end = text.indexOf(delimiters.segment, pos);
        if (end < 0) {
          if (!final) break;
          const id = text.slice(pos, pos + 3).split(delimiters.element)[0] ?? '';
          this.fail('TRUNCATED', 'The last segment has no segment terminator: the file is truncated', id, pos);
        }
      }
      const delimiters = this.delimiters!;
      const elements = text.slice(pos, end).split(delimiters.element);
      const id = elements[0]!;
      if (!isSegmentId(id)) this.fail('BAD_SEGMENT_ID', `"${id.slice(0, 20)}" is not a segment identifier`, '', pos);
      onSegment({ id, elements, index: this.index, offset: this.offset + pos, delimiters });
      this.index++;
      pos = skipBlank(text, end + 1, delimiters.segment);
    }
    if (final && !this.started) this.fail('NOT_X12', 'The input is empty', '', 0);
    this.offset += pos;
    return pos;
  }

  private fail(code: 'NOT_X12' | 'TRUNCATED' | 'BAD_SEGMENT_ID', message: string, segmentId: string, pos: number): never {
    throw new X12ParseError(code, message, { segmentIndex: this.index, segmentId, elementPosition: 0, byteOffset: this.offset + pos });
  }
}

/** Skips CR, LF (and stray spaces) between segments, unless one of them is the segment terminator itself. */
function skipBlank(text: string, pos: number, terminator: string | undefined): number {
  while (pos < text.length) {
    const c = text[pos]!;
    if ((c === '\r' || c === '\n' || c === ' ') && c !== terminator) pos++;
    else break;
  }
  return pos;
}

/** Text of an X12 input: bytes are read as latin1, so every byte is one character and offsets are byte offsets. */
export function inputText(input: string | Uint8Array): string {
  return typeof input === 'string' ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('latin1');
}

/** All segments of a whole input. */
export function tokenize(input: string | Uint8Array): Segment[] {
  const segments: Segment[] = [];
  new SegmentScanner().scan(inputText(input), true, (segment) => segments.push(segment));
  return segments;
}
