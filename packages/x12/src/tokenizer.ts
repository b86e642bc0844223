import { ISA_LENGTH, readDelimiters } from './delimiters.ts';
import type { Delimiters } from './delimiters.ts';
import { X12ParseError } from './x12-parse-error.ts';

/** One segment: `elements[0]` is the id, so `elements[3]` is the third element (CLP03). */
export interface Segment {
  id: string;
  elements: string[];
  /** 0-based position of the segment in the input. */
  index: number;
  /** Offset of the segment's first character in the input. */
  offset: number;
  /** The delimiters of the interchange the segment belongs to (for splitting components and repetitions). */
  delimiters: Delimiters;
}

const SEGMENT_ID = /^[A-Z][A-Z0-9]{1,2}$/;

/**
 * Splits X12 text into segments. Delimiters come from each ISA, so several interchanges with different
 * separators can follow each other; CR/LF between segments (or none) is accepted. Bytes are read as latin1, so
 * string offsets are byte offsets.
 */
export function* tokenize(input: string | Uint8Array, startIndex = 0, startOffset = 0): Generator<Segment> {
  const text = typeof input === 'string' ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('latin1');
  let pos = skipBlank(text, text.charCodeAt(0) === 0xfeff ? 1 : 0, undefined);
  let index = startIndex;
  if (!text.startsWith('ISA', pos)) {
    throw new X12ParseError('NOT_X12', 'The input does not start with an ISA segment', {
      segmentIndex: index, segmentId: '', elementPosition: 0, byteOffset: startOffset + pos,
    });
  }
  let delimiters = readDelimiters(text, pos, index);
  while (pos < text.length) {
    let end: number;
    if (text.startsWith('ISA', pos)) {
      delimiters = readDelimiters(text, pos, index);
      end = pos + ISA_LENGTH - 1;
    } else {
      end = text.indexOf(delimiters.segment, pos);
      if (end < 0) {
        throw new X12ParseError('TRUNCATED', 'The last segment has no segment terminator: the file is truncated', {
          segmentIndex: index, segmentId: text.slice(pos, pos + 3).split(delimiters.element)[0] ?? '', elementPosition: 0, byteOffset: startOffset + pos,
        });
      }
    }
    const elements = text.slice(pos, end).split(delimiters.element);
    const id = elements[0]!;
    if (!SEGMENT_ID.test(id)) {
      throw new X12ParseError('BAD_SEGMENT_ID', `"${id.slice(0, 20)}" is not a segment identifier`, {
        segmentIndex: index, segmentId: '', elementPosition: 0, byteOffset: startOffset + pos,
      });
    }
    yield { id, elements, index, offset: startOffset + pos, delimiters };
    index++;
    pos = skipBlank(text, end + 1, delimiters.segment);
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

/** The components of a composite element, e.g. `HC:99213:25` → ['HC', '99213', '25']. */
export function components(segment: Segment, element: string): string[] {
  return element.split(segment.delimiters.component);
}
