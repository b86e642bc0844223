import type { Delimiters } from './delimiters.ts';
import { SegmentReader } from './segment-reader.ts';

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

/** Separator positions per block (64 KiB): about 3 000 segments of a remittance. */
const SEPARATOR_BLOCK = 16_384;

/**
 * Splits X12 text into `Segment`s, chunk by chunk, so a file of any size is read in constant memory (the
 * `SegmentReader` underneath does the reading; this keeps each segment's separator positions so it can be read
 * in any order later). Feed text with `scan`; it returns how much it consumed (whole segments only), and the
 * caller keeps the rest for the next chunk.
 */
export class SegmentScanner {
  /** The reader underneath, for callers that read some segments in place and make `Segment`s of others (`segmentAt`). */
  readonly reader = new SegmentReader();
  /**
   * Element separator positions, in blocks shared by many segments (no array per segment); positions written are
   * never overwritten, so a segment kept after the scan still reads its own.
   */
  private separators: Int32Array = new Int32Array(SEPARATOR_BLOCK);
  private used = 0;

  /** The delimiters of the interchange being read. */
  get delimiters(): Delimiters | undefined {
    return this.reader.delimiters;
  }

  /**
   * Emits every complete segment of `text`. With `final`, text left after the last terminator is an error
   * (a truncated file); otherwise it is left for the next call. Returns the number of characters consumed.
   * `bytes`, when given, must be `text` as latin1 bytes.
   */
  scan(text: string, final: boolean, onSegment: (segment: Segment) => void, bytes?: Uint8Array): number {
    return this.reader.scan(text, final, { segment: (reader) => onSegment(this.segmentAt(reader)) }, bytes);
  }

  /** The reader's current segment, from wherever it stands, as a `Segment` (its remaining elements are read). */
  segmentAt(reader: SegmentReader): Segment {
    const start = reader.start;
    let separators = this.separators;
    let first = this.used;
    let used = first;
    for (let position = 1; reader.at(position); position++) {
      if (used === separators.length) [separators, used, first] = this.newBlock(first, used);
      separators[used++] = reader.from - 1;
    }
    this.used = used;
    return new Segment(
      reader.text,
      start,
      reader.to,
      reader.id,
      reader.index,
      reader.offset,
      reader.delimiters!,
      separators,
      first,
      used - first + 1,
    );
  }

  /** A new block for separators, with the current segment's so far: never an overwrite, earlier segments may still be read. */
  private newBlock(first: number, used: number): [Int32Array, number, number] {
    const next = new Int32Array(Math.max(SEPARATOR_BLOCK, 2 * (used - first)));
    next.set(this.separators.subarray(first, used));
    this.separators = next;
    return [next, used - first, 0];
  }
}

/** Text of an X12 input: bytes are read as latin1, so every byte is one character and offsets are byte offsets. */
export function inputText(input: string | Uint8Array): string {
  return typeof input === 'string'
    ? input
    : Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('latin1');
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
