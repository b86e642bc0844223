import { ISA_LENGTH, readDelimiters } from './delimiters.ts';
import type { Delimiters } from './delimiters.ts';
import { X12ParseError } from './x12-parse-error.ts';

/**
 * One segment, read in place: it keeps the input text, its bounds and where its element separators are (found by
 * the scanner in the same pass that finds the terminator), so a large file is read without a string per element.
 * `elements` splits the whole segment (once, on first use) for code that wants the array; the hot paths (the 835
 * reader) use `locate`, `element` and `elementIs`. `elements[0]` is the id, so `elements[3]` is the third element
 * (CLP03).
 */
export class Segment {
  /** End (exclusive) in `text` of the element the last `locate` found. */
  elementEnd = 0;
  private split: string[] | undefined = undefined;

  constructor(
    /** The text the segment sits in (not only the segment: use `start` and `end`). */
    readonly text: string,
    /** Index in `text` of the segment's first character. */
    readonly start: number,
    /** Index in `text` of its terminator (exclusive end). */
    readonly end: number,
    readonly id: string,
    /** 0-based position of the segment in the input. */
    readonly index: number,
    /** Offset of the segment's first byte in the input. */
    readonly offset: number,
    /** The delimiters of the interchange the segment belongs to (for splitting components and repetitions). */
    readonly delimiters: Delimiters,
    /** Positions in `text` of element separators, shared by many segments; this one's from `firstSeparator`. */
    private readonly separators: Int32Array,
    private readonly firstSeparator: number,
    /** How many elements the segment has, the id included. */
    readonly elementCount: number,
  ) {}

  /** Every element, split on first use. */
  get elements(): string[] {
    return (this.split ??= this.text.slice(this.start, this.end).split(this.delimiters.element));
  }

  /** Where element `position` starts in `text` (its end is then in `elementEnd`), or -1 when the segment has fewer elements. */
  locate(position: number): number {
    if (position >= this.elementCount) return -1;
    const at = this.firstSeparator + position;
    this.elementEnd = position === this.elementCount - 1 ? this.end : this.separators[at]!;
    return position === 0 ? this.start : this.separators[at - 1]! + 1;
  }

  /** Element `position`'s text; '' when it is empty or absent. */
  element(position: number): string {
    const from = this.locate(position);
    return from < 0 ? '' : this.text.slice(from, this.elementEnd);
  }

  /** True when element `position` is exactly `value` (compared in place). */
  elementIs(position: number, value: string): boolean {
    const from = this.locate(position);
    if (from < 0 || this.elementEnd - from !== value.length) return false;
    for (let i = 0; i < value.length; i++) if (this.text.charCodeAt(from + i) !== value.charCodeAt(i)) return false;
    return true;
  }

  /** True when element `position` is present and not empty. */
  has(position: number): boolean {
    const from = this.locate(position);
    return from >= 0 && this.elementEnd > from;
  }
}

/**
 * The id of the segment starting at `from` (a letter, then one or two letters or digits), one shared string per
 * id so nothing is allocated per segment; undefined when the text there is no segment id. Ids are looked up in a
 * table indexed by their characters (26 × 37 × 37 slots: a letter, then a letter, digit or nothing, twice).
 */
const segmentIds: Array<string | undefined> = new Array<string | undefined>(26 * 37 * 37).fill(undefined);
function segmentIdAt(text: string, from: number, end: number, separator: number): string | undefined {
  let key = 0;
  let n = 0;
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === separator) break;
    if (n === 3) return undefined;
    if (c >= 65 && c <= 90) key = key * 37 + (c - 65);
    else if (n > 0 && c >= 48 && c <= 57) key = key * 37 + (c - 48 + 26);
    else return undefined;
    n++;
  }
  if (n < 2) return undefined;
  // A two-character id takes the "nothing" slot (36) as its third character.
  if (n === 2) key = key * 37 + 36;
  let id = segmentIds[key];
  if (id === undefined) {
    id = internalized(text.slice(from, from + n));
    segmentIds[key] = id;
  }
  return id;
}

/**
 * The engine's canonical copy of a string (property names are internalized): parsers switch on segment ids, and
 * comparing internalized strings is a pointer comparison instead of a character loop.
 */
function internalized(value: string): string {
  return Object.keys({ [value]: true })[0]!;
}

/** Separator positions per block (64 KiB): about 3 000 segments of a remittance. */
const SEPARATOR_BLOCK = 16_384;

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
   * Element separator positions, in blocks shared by many segments (no array per segment); positions written are
   * never overwritten, so a segment kept after the scan still reads its own.
   */
  private separators: Int32Array = new Int32Array(SEPARATOR_BLOCK);
  private used = 0;
  /** Where the segment being scanned starts in `separators`. */
  private firstSeparator = 0;

  /**
   * Emits every complete segment of `text`. With `final`, text left after the last terminator is an error
   * (a truncated file); otherwise it is left for the next call. Returns the number of characters consumed.
   */
  scan(text: string, final: boolean, onSegment: (segment: Segment) => void, bytes?: Uint8Array): number {
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
    const length = text.length;
    while (pos < length) {
      // The ISA is fixed-width and names the delimiters: its terminator is wherever the width puts it.
      const isa = text.charCodeAt(pos) === 73 && text.startsWith('ISA', pos);
      if (isa) {
        if (length - pos < ISA_LENGTH && !final) break;
        this.delimiters = readDelimiters(text, pos, this.index, this.offset + pos);
      }
      const delimiters = this.delimiters!;
      const separator = delimiters.element.charCodeAt(0);
      const terminator = isa ? -1 : delimiters.segment.charCodeAt(0);
      if (bytes && !isa) {
        // Many segments in one tight loop, then emitted: the loop runs best with nothing else in it.
        const count = this.runOfSegments(bytes, pos, length, terminator, separator);
        if (count > 0) {
          const { starts, ends, firsts, after: resume } = this.run;
          this.used = resume[1]!;
          for (let k = 0; k < count; k++) {
            const after = k + 1 < count ? firsts[k + 1]! : this.used;
            this.emit(text, starts[k]!, ends[k]!, delimiters, firsts[k]!, after, onSegment);
          }
          pos = resume[0]!;
          continue;
        }
      }
      const limit = isa ? pos + ISA_LENGTH - 1 : length;
      // One pass finds the element separators and the terminator (over the bytes when the caller has them: a byte
      // loop runs about twice as fast as charCodeAt).
      const end = bytes ? this.segmentEndInBytes(bytes, pos, limit, terminator, separator) : this.segmentEndInText(text, pos, limit, terminator, separator);
      if (end === length) {
        this.used = this.firstSeparator;
        if (!final) break;
        const id = text.slice(pos, pos + 3).split(delimiters.element)[0] ?? '';
        this.fail('TRUNCATED', 'The last segment has no segment terminator: the file is truncated', id, pos);
      }
      this.emit(text, pos, end, delimiters, this.firstSeparator, this.used, onSegment);
      pos = end + 1;
      // Line breaks between segments are the exception on the wire; only look for them when one is there.
      if (pos < length) {
        const next = text.charCodeAt(pos);
        if (next === 13 || next === 10 || next === 32) pos = skipBlank(text, pos, delimiters.segment);
      }
    }
    if (final && !this.started) this.fail('NOT_X12', 'The input is empty', '', 0);
    this.offset += pos;
    return pos;
  }

  /**
   * The index of the terminator of the segment starting at `pos` (or `limit`), recording its element separators.
   * This and `segmentEndInBytes` are the same loop over two kinds of input, kept apart so each stays monomorphic.
   */
  private segmentEndInText(text: string, pos: number, limit: number, terminator: number, separator: number): number {
    let separators = this.separators;
    let used = this.used;
    let first = used;
    let end = pos;
    for (; end < limit; end++) {
      const c = text.charCodeAt(end);
      if (c === terminator) break;
      if (c === separator) {
        if (used === separators.length) [separators, used, first] = this.newBlock(first, used);
        separators[used++] = end;
      }
    }
    this.used = used;
    this.firstSeparator = first;
    return end;
  }

  private segmentEndInBytes(bytes: Uint8Array, pos: number, limit: number, terminator: number, separator: number): number {
    let separators = this.separators;
    let used = this.used;
    let first = used;
    let end = pos;
    for (; end < limit; end++) {
      const c = bytes[end]!;
      if (c === terminator) break;
      if (c === separator) {
        if (used === separators.length) [separators, used, first] = this.newBlock(first, used);
        separators[used++] = end;
      }
    }
    this.used = used;
    this.firstSeparator = first;
    return end;
  }

  /** Hands on the segment at [start, end), whose separators are `separators[first, after)`, once its id is checked. */
  private emit(text: string, start: number, end: number, delimiters: Delimiters, first: number, after: number, onSegment: (segment: Segment) => void): void {
    const id = segmentIdAt(text, start, end, delimiters.element.charCodeAt(0));
    if (id === undefined) {
      const firstElement = text.slice(start, end).split(delimiters.element)[0]!;
      this.fail('BAD_SEGMENT_ID', `"${firstElement.slice(0, 20)}" is not a segment identifier`, '', start);
    }
    onSegment(new Segment(text, start, end, id, this.index, this.offset + start, delimiters, this.separators, first, after - first + 1));
    this.index++;
  }

  /** Where `runOfSegments` put the segments it found (scratch, reused: segments keep only their separators). */
  private run = {
    starts: new Int32Array(1024),
    ends: new Int32Array(1024),
    firsts: new Int32Array(1024),
    /** Where reading resumes after the run's last segment, and the separators used by then. */
    after: new Int32Array(2),
  };

  /**
   * Finds the complete segments from `pos` on, up to the end of the bytes, the next ISA (it may change the
   * delimiters), the room left in the separators block or in the scratch lists; records their bounds and
   * separators and returns how many. 0 sends the caller to the one-segment path (a segment cut by the chunk's
   * end, an ISA, a full block).
   *
   * Everything after the loop is kept free of property accesses (the resume point is written inside the loop): the
   * first call runs long enough for V8 to compile the loop on the stack (OSR) before the code after it ever ran,
   * and code compiled without feedback for that part deoptimized on every call (in a third of cold runs, about 250
   * times, ~35 ms).
   */
  private runOfSegments(bytes: Uint8Array, pos: number, length: number, terminator: number, separator: number): number {
    const run = this.run;
    const { starts, ends, firsts } = run;
    const separators = this.separators;
    const capacity = separators.length;
    let used = this.used;
    let count = 0;
    const after = run.after;
    after[0] = pos;
    after[1] = used;
    while (pos < length && count < starts.length) {
      if (bytes[pos] === 73 && bytes[pos + 1] === 83 && bytes[pos + 2] === 65) break; // ISA
      const first = used;
      let end = pos;
      for (; end < length; end++) {
        const c = bytes[end]!;
        if (c === terminator) break;
        if (c === separator) {
          if (used === capacity) break;
          separators[used++] = end;
        }
      }
      if (end === length || used === capacity) {
        used = first;
        break;
      }
      starts[count] = pos;
      ends[count] = end;
      firsts[count] = first;
      count++;
      pos = end + 1;
      if (pos < length) {
        const next = bytes[pos]!;
        if ((next === 13 || next === 10 || next === 32) && next !== terminator) {
          while (pos < length && (bytes[pos] === 13 || bytes[pos] === 10 || bytes[pos] === 32) && bytes[pos] !== terminator) pos++;
        }
      }
      after[0] = pos;
      after[1] = used;
    }
    return count;
  }

  /** A new block for separators, with the current segment's so far: never an overwrite, earlier segments may still be read. */
  private newBlock(first: number, used: number): [Int32Array, number, number] {
    const next = new Int32Array(Math.max(SEPARATOR_BLOCK, 2 * (used - first)));
    next.set(this.separators.subarray(first, used));
    this.separators = next;
    return [next, used - first, 0];
  }

  private fail(code: 'NOT_X12' | 'TRUNCATED' | 'BAD_SEGMENT_ID', message: string, segmentId: string, pos: number): never {
    throw new X12ParseError(code, message, { segmentIndex: this.index, segmentId, elementPosition: 0, byteOffset: this.offset + pos });
  }
}

/** Skips CR, LF (and stray spaces) between segments, unless one of them is the segment terminator itself. */
function skipBlank(text: string, pos: number, terminator: string | undefined): number {
  const stop = terminator === undefined ? -1 : terminator.charCodeAt(0);
  while (pos < text.length) {
    const c = text.charCodeAt(pos);
    if ((c === 13 || c === 10 || c === 32) && c !== stop) pos++;
    else break;
  }
  return pos;
}

/** Text of an X12 input: bytes are read as latin1, so every byte is one character and offsets are byte offsets. */
export function inputText(input: string | Uint8Array): string {
  return typeof input === 'string' ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('latin1');
}

/** Scans a whole input (a truncated end is an error), reading its bytes directly when it is bytes. */
export function scanInput(input: string | Uint8Array, onSegment: (segment: Segment) => void): void {
  new SegmentScanner().scan(inputText(input), true, onSegment, typeof input === 'string' ? undefined : input);
}

/** All segments of a whole input. */
export function tokenize(input: string | Uint8Array): Segment[] {
  const segments: Segment[] = [];
  scanInput(input, (segment) => segments.push(segment));
  return segments;
}
