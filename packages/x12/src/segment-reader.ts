import { ISA_LENGTH, readDelimiters } from './delimiters.ts';
import type { Delimiters } from './delimiters.ts';
import { componentsOf, isoDateIn, pad, scaledDecimalIn } from './values.ts';
import { X12ParseError } from './x12-parse-error.ts';
import type { X12ErrorCode } from './x12-parse-error.ts';

/** What a reader of segments is handed, once per segment, positioned on the segment's id (element 0). */
export type SegmentVisitor = (reader: SegmentReader) => void;

/**
 * Reads X12 segment by segment and, inside a segment, element by element, in one forward pass over the bytes:
 * the pass that finds an element's end is the one that reads it, and nothing is allocated for a segment or an
 * element unless the visitor asks for a string. This is what the 835 reader runs on (a remittance is millions
 * of segments); `SegmentScanner` turns each segment into a `Segment` for the readers that want random access.
 *
 * Delimiters come from each ISA, so interchanges with different separators can follow each other; CR/LF between
 * segments (or none) is accepted. Feed text with `scan`: it hands every complete segment to the visitor, returns
 * how much it consumed, and the caller keeps the rest for the next chunk. Offsets count characters; bytes decoded
 * as latin1 make them bytes.
 *
 * Element positions only move forward within a segment: `at(3)` after `at(5)` is a programming error.
 */
export class SegmentReader {
  delimiters: Delimiters | undefined;
  /** Index (0-based, in the whole input) of the current segment; of the next one between segments. */
  index = 0;
  /** The current segment's id. */
  id = '';
  /** The current segment's id as a number (see `segmentKey`): what hot paths switch on. */
  key = -1;
  /** Where the current segment starts in `text`. */
  start = 0;
  /** The position of the current element (0 is the id). */
  position = 0;
  /** Bounds in `text` of the current element. */
  from = 0;
  to = 0;
  /** The text being scanned (elements are sliced from it); `bytes` is the same input, one byte per character. */
  text = '';
  private bytes: Uint8Array = new Uint8Array(0);
  /** Where the next element starts. */
  private next = 0;
  /** True once the current element is the segment's last. */
  private ended = false;
  /** False when the current position is past the segment's last element. */
  private present = false;
  /** The current segment's terminator is before this index (the fixed end of an ISA, or the text's). */
  private bound = 0;
  private separator = -1;
  /** -1 inside an ISA: its width, not a character, ends it. */
  private terminator = -1;
  private component = -1;
  /** Offset of `text[0]` in the whole input. */
  private base = 0;
  private started = false;

  /** Offset of the current segment's first byte in the whole input. */
  get offset(): number {
    return this.base + this.start;
  }

  /**
   * Hands every complete segment of `text` to `visit`. With `final`, text left after the last terminator is an
   * error (a truncated file); otherwise it is left for the next call. Returns the number of characters consumed.
   * `bytes`, when given, must be `text` as latin1 bytes (it is read instead of the characters: faster).
   */
  scan(text: string, final: boolean, visit: SegmentVisitor, bytes: Uint8Array = bytesOf(text)): number {
    this.text = text;
    this.bytes = bytes;
    const length = text.length;
    let pos = 0;
    if (!this.started) {
      pos = this.skipBlank(text.charCodeAt(0) === 0xfeff ? 1 : 0, length, -1);
      if (pos + 3 > length && !final) return 0;
      if (!text.startsWith('ISA', pos)) this.fail('NOT_X12', 'The input does not start with an ISA segment', 0, '', pos);
      this.started = true;
    }
    // Every segment that starts before `complete` ends before it: it is one past the last terminator seen.
    let complete = this.completeBefore(pos, length);
    for (;;) {
      pos = this.skipBlank(pos, length, this.terminator);
      if (pos >= length) break;
      if (bytes[pos] === 73 && bytes[pos + 1] === 83 && bytes[pos + 2] === 65) {
        // The ISA is fixed-width and names the delimiters: its terminator is wherever the width puts it.
        if (length - pos < ISA_LENGTH && !final) break;
        this.useDelimiters(readDelimiters(text, pos, this.index, this.base + pos));
        this.terminator = -1;
        pos = this.visitSegment(pos, pos + ISA_LENGTH - 1, visit);
        this.terminator = this.delimiters!.segment.charCodeAt(0);
        complete = this.completeBefore(pos, length);
        continue;
      }
      if (pos >= complete) {
        if (!final) break;
        const id = text.slice(pos, pos + 3).split(this.delimiters!.element)[0] ?? '';
        this.fail('TRUNCATED', 'The last segment has no segment terminator: the file is truncated', 0, id, pos);
      }
      pos = this.visitSegment(pos, complete, visit);
    }
    if (final && !this.started) this.fail('NOT_X12', 'The input is empty', 0, '', 0);
    this.base += pos;
    return pos;
  }

  // The element accessors below are kept small, their failures out of line: V8 inlines a callee only under a
  // bytecode budget, and the 835 builder calls them millions of times.

  /** Moves to element `position` of the current segment; false when the segment has no such element (it reads as empty). */
  at(position: number): boolean {
    if (position === this.position + 1 && !this.ended) {
      this.advance();
      return true;
    }
    return position === this.position ? this.present : this.seek(position);
  }

  /** Moves to the next element; false when the segment had no more. */
  nextElement(): boolean {
    return this.at(this.position + 1);
  }

  /** Element `position`'s text; '' when it is empty or absent. */
  element(position: number): string {
    this.at(position);
    return this.from === this.to ? '' : this.text.slice(this.from, this.to);
  }

  /** Element `position`'s text; undefined when it is empty or absent. */
  optional(position: number): string | undefined {
    this.at(position);
    return this.from === this.to ? undefined : this.text.slice(this.from, this.to);
  }

  /** Element `position`'s text, which must not be empty. */
  required(position: number, what: string): string {
    this.at(position);
    return this.from === this.to ? this.missing(position, what) : this.text.slice(this.from, this.to);
  }

  /** True when element `position` is present and not empty. */
  has(position: number): boolean {
    this.at(position);
    return this.to > this.from;
  }

  /** True when element `position` is exactly `value` (compared in place). */
  is(position: number, value: string): boolean {
    this.at(position);
    const from = this.from;
    if (this.to - from !== value.length) return false;
    const bytes = this.bytes;
    for (let i = 0; i < value.length; i++) if (bytes[from + i] !== value.charCodeAt(i)) return false;
    return true;
  }

  /** Element `position` as cents; a missing or malformed amount is an error at that element. */
  cents(position: number): number {
    this.at(position);
    const value = this.from === this.to ? this.missing(position, 'an amount') : this.scaled(2);
    return value === undefined ? this.malformed(position, 'is not an amount with at most 2 decimals') : value;
  }

  /** Like `cents`, but an empty element is undefined. */
  optionalCents(position: number): number | undefined {
    return this.has(position) ? this.cents(position) : undefined;
  }

  /** A quantity (units, days) in thousandths, exactly: 1.5 units → 1500. Empty → undefined. */
  quantityMilli(position: number): number | undefined {
    if (!this.has(position)) return undefined;
    const value = this.scaled(3);
    return value === undefined ? this.malformed(position, 'is not a quantity') : value;
  }

  /** CCYYMMDD → YYYY-MM-DD, checking it is a real calendar date. Empty → undefined. */
  date(position: number): string | undefined {
    if (!this.has(position)) return undefined;
    return isoDateIn(this.text, this.from, this.to) ?? this.malformed(position, 'is not a date CCYYMMDD');
  }

  /** The components of composite element `position` (see `componentsOf` for other component separators). */
  components(position: number): string[] {
    return componentsOf(this.element(position), this.delimiters!);
  }

  /** The component separator (ISA16) as a character code. */
  get componentCode(): number {
    return this.component;
  }

  /** An error at the current segment (element `position`, 0 for the segment as a whole). */
  fail(code: X12ErrorCode, message: string, position = 0, segmentId = this.id, at = this.start): never {
    throw new X12ParseError(code, message, { segmentIndex: this.index, segmentId, elementPosition: position, byteOffset: this.base + at });
  }

  private scaled(scale: number): number | undefined {
    const bytes = this.bytes;
    let i = this.from;
    const to = this.to;
    const negative = bytes[i] === 45; // '-'
    if (negative) i++;
    let scaled = 0;
    let digits = 0;
    let fractionDigits = -1; // -1 until the decimal point
    for (; i < to; i++) {
      const c = bytes[i]!;
      if (c === 46) {
        if (fractionDigits >= 0) return undefined;
        fractionDigits = 0;
        continue;
      }
      if (c < 48 || c > 57) return undefined;
      digits++;
      if (fractionDigits >= 0) {
        if (fractionDigits >= scale) {
          if (c !== 48) return undefined; // only zeros may follow the last kept decimal
          continue;
        }
        fractionDigits++;
      }
      scaled = scaled * 10 + (c - 48);
    }
    if (digits === 0) return undefined;
    for (let f = Math.max(fractionDigits, 0); f < scale; f++) scaled *= 10;
    if (!Number.isSafeInteger(scaled)) return undefined;
    return negative && scaled !== 0 ? -scaled : scaled;
  }

  /** `at` beyond the next element: reads up to `position`, or to the segment's end. */
  private seek(position: number): boolean {
    if (position < this.position) throw new Error(`SegmentReader: element ${position} requested after element ${this.position}`);
    while (this.position < position) {
      if (this.ended) {
        this.position = position;
        this.from = this.to;
        this.present = false;
        return false;
      }
      this.advance();
    }
    return true;
  }

  private missing(position: number, what: string): never {
    return this.fail('MISSING_ELEMENT', `${this.id}${pad(position)} (${what}) is required`, position);
  }

  /** The current element (at `position`) is not what it should be. */
  private malformed(position: number, problem: string): never {
    return this.fail('BAD_ELEMENT', `${this.id}${pad(position)} "${this.text.slice(this.from, this.to)}" ${problem}`, position);
  }

  /** Reads the element that starts at `next`: its end is the next separator, the terminator or the bound. */
  private advance(): void {
    const bytes = this.bytes;
    const separator = this.separator;
    const terminator = this.terminator;
    const bound = this.bound;
    let end = this.next;
    this.from = end;
    this.position++;
    this.present = true;
    for (; end < bound; end++) {
      const c = bytes[end]!;
      if (c === separator) {
        this.to = end;
        this.next = end + 1;
        return;
      }
      if (c === terminator) break;
    }
    this.to = end;
    this.next = end + 1;
    this.ended = true;
  }

  /**
   * Reads the id of the segment at `pos`, hands the segment to `visit`, then reads on to its terminator
   * (whatever the visitor left unread). Returns where the next segment starts.
   */
  private visitSegment(pos: number, bound: number, visit: SegmentVisitor): number {
    this.start = pos;
    this.bound = bound;
    this.position = -1;
    this.ended = false;
    this.next = pos;
    this.advance();
    const key = keyAt(this.bytes, pos, this.to);
    if (key < 0) this.fail('BAD_SEGMENT_ID', `"${this.text.slice(pos, this.to).slice(0, 20)}" is not a segment identifier`, 0, '');
    this.key = key;
    this.id = segmentId(key, this.text, pos, this.to);
    visit(this);
    while (!this.ended) this.advance();
    this.index++;
    return this.next;
  }

  private useDelimiters(delimiters: Delimiters): void {
    this.delimiters = delimiters;
    this.separator = delimiters.element.charCodeAt(0);
    this.component = delimiters.component.charCodeAt(0);
  }

  /** One past the last segment terminator in [from, length), or `from` when there is none. */
  private completeBefore(from: number, length: number): number {
    if (this.terminator < 0) return from;
    const last = this.bytes.lastIndexOf(this.terminator, length - 1);
    return last < from ? from : last + 1;
  }

  /** Skips CR, LF (and stray spaces) between segments, unless one of them is the segment terminator itself. */
  private skipBlank(pos: number, length: number, terminator: number): number {
    const bytes = this.bytes;
    while (pos < length) {
      const c = bytes[pos]!;
      if ((c === 13 || c === 10 || c === 32) && c !== terminator) pos++;
      else break;
    }
    return pos;
  }
}

/**
 * Segment ids are numbered by their characters (26 × 37 × 37 keys: a letter, then a letter, digit or nothing,
 * twice), so a reader can switch on a number and each id is one shared string, looked up in a table: nothing is
 * allocated per segment.
 */
const segmentIds: Array<string | undefined> = new Array<string | undefined>(26 * 37 * 37).fill(undefined);

/** The key of the id written in `bytes[from, to)`, or -1 when it is no segment id. */
function keyAt(bytes: Uint8Array, from: number, to: number): number {
  const n = to - from;
  if (n < 2 || n > 3) return -1;
  let key = 0;
  for (let i = from; i < to; i++) {
    const c = bytes[i]!;
    if (c >= 65 && c <= 90) key = key * 37 + (c - 65);
    else if (i > from && c >= 48 && c <= 57) key = key * 37 + (c - 48 + 26);
    else return -1;
  }
  // A two-character id takes the "nothing" slot (36) as its third character.
  return n === 2 ? key * 37 + 36 : key;
}

/** The key of a segment id (`SegmentReader.key` of a segment with that id), for switching on keys. */
export function segmentKey(id: string): number {
  const key = keyAt(Buffer.from(id, 'latin1'), 0, id.length);
  if (key < 0) throw new Error(`${id} is not a segment id`);
  return key;
}

/** The shared string of the id with key `key`, written at `text[from, to)`. */
function segmentId(key: number, text: string, from: number, to: number): string {
  let id = segmentIds[key];
  if (id === undefined) {
    id = internalized(text.slice(from, to));
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

/**
 * `text` as one byte per character, for reading: latin1 keeps every character below 256 as itself; a character
 * above (X12 allows none, but a caller may have decoded a file as UTF-8) reads as SUB (0x1A), which is no
 * delimiter, digit or letter — the text, not the bytes, is what element strings are sliced from.
 */
export function bytesOf(text: string): Uint8Array {
  const bytes = Buffer.from(text, 'latin1');
  const wide = /[^\u0000-\u00ff]/g;
  if (wide.test(text)) {
    wide.lastIndex = 0;
    for (let match = wide.exec(text); match; match = wide.exec(text)) bytes[match.index] = 0x1a;
  }
  return bytes;
}
