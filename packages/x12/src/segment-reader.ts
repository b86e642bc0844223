import { ISA_LENGTH, readDelimiters } from './delimiters.ts';
import type { Delimiters } from './delimiters.ts';
import { componentsOf, isoDateIn, pad, scaledDecimalIn } from './values.ts';
import { X12ParseError } from './x12-parse-error.ts';
import type { X12ErrorCode } from './x12-parse-error.ts';

/** What reads the segments a `SegmentReader` finds: handed the reader once per segment. */
export interface SegmentVisitor {
  segment(reader: SegmentReader): void;
}

/**
 * Reads X12 segment by segment, in one pass over the bytes that finds each segment's terminator and element
 * separators, and hands each segment to a visitor that reads its elements in place: nothing is allocated for a
 * segment or an element unless the visitor asks for a string. This is what the 835 reader runs on (a remittance
 * is millions of segments); `SegmentScanner` turns each segment into a `Segment` for readers that keep them.
 *
 * Delimiters come from each ISA, so interchanges with different separators can follow each other; CR/LF between
 * segments (or none) is accepted. Feed text with `scan`: it hands every complete segment to the visitor, returns
 * how much it consumed, and the caller keeps the rest for the next chunk. Offsets count characters; bytes decoded
 * as latin1 make them bytes.
 */
export class SegmentReader {
  delimiters: Delimiters | undefined;
  /**
   * Index (0-based, in the whole input) of the current segment. It and `offset` and `id` keep describing the last
   * segment read once `scan` returns (an error at the end of the input names it).
   */
  index = -1;
  /** The current segment's id as a number (see `segmentKey`): what hot paths switch on. */
  key = -1;
  /** Where the current segment starts in `text`. */
  start = 0;
  /** The position of the current element (0 is the id). */
  position = 0;
  /** Bounds in `text` of the element `at` last moved to (the accessors below do not move it). */
  from = 0;
  to = 0;
  /** The text being scanned (elements are sliced from it); `bytes` is the same input, one byte per character. */
  text = '';
  private bytes: Uint8Array = new Uint8Array(0);
  /**
   * The current segment's element bounds: element p is `text[bounds[p] + 1, bounds[p + 1])`, so `bounds[0]` is
   * one before the segment and `bounds[count]` its terminator. Scratch, reused for every segment.
   */
  private bounds: Int32Array = new Int32Array(64);
  /** How many elements the current segment has, the id included. */
  private count = 0;
  private separator = -1;
  /** -1 until the first ISA names it (an ISA is read to its fixed width, not to a terminator). */
  private terminator = -1;
  private component = -1;
  /** Offset of `text[0]` in the whole input, and of the text of the next `scan`. */
  private base = 0;
  private nextBase = 0;
  /** How many segments were read: the index of the next one. */
  private read = 0;
  private started = false;

  /** The current segment's id. */
  get id(): string {
    return this.key < 0 ? '' : segmentIdOf(this.key);
  }

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
    this.base = this.nextBase;
    const length = text.length;
    let pos = 0;
    if (!this.started) {
      pos = this.skipBlank(text.charCodeAt(0) === 0xfeff ? 1 : 0, length, -1);
      if (pos + 3 > length && !final) return 0;
      if (!text.startsWith('ISA', pos)) this.between('NOT_X12', 'The input does not start with an ISA segment', pos);
      this.started = true;
    }
    pos = this.segmentsFrom(pos, length, final, visit);
    if (final && !this.started) this.between('NOT_X12', 'The input is empty', 0);
    this.nextBase = this.base + pos;
    return pos;
  }

  /**
   * Hands on the segments from `pos` on; returns where the first one not read starts. The inner loop is kept to
   * what every segment needs, up to the end of the complete segments; an ISA (which may change the delimiters)
   * and the end of the text are handled out of line.
   *
   * The loop has its own method, and the ISA that starts every input runs the code after the inner loop before
   * the loop gets hot: V8 compiles a long first call mid-loop (OSR), and code after a loop that had never run
   * would deoptimize when reached — leaving the reader unoptimized for much of a cold run.
   */
  private segmentsFrom(pos: number, length: number, final: boolean, visit: SegmentVisitor): number {
    const bytes = this.bytes;
    let terminator = this.terminator;
    let complete = this.completeBefore(pos, length);
    for (;;) {
      while (pos < complete) {
        let first = bytes[pos]!;
        if ((first === 10 || first === 13 || first === 32) && first !== terminator) {
          pos = this.skipBlank(pos, complete, terminator);
          if (pos === complete) break;
          first = bytes[pos]!;
        }
        if (first === 73 && pos + 2 < length && bytes[pos + 1] === 83 && bytes[pos + 2] === 65) break; // ISA
        pos = this.visitSegment(pos, visit);
      }
      pos = this.skipBlank(pos, length, terminator);
      if (pos >= length) return pos;
      const next = this.interchangeOrEnd(pos, length, final, visit);
      if (next < 0) return pos;
      pos = next;
      terminator = this.terminator;
      complete = this.completeBefore(pos, length);
    }
  }

  /** Moves to element `position` of the current segment; false when the segment has no such element (it reads as empty). */
  at(position: number): boolean {
    this.position = position;
    if (position < this.count) {
      this.from = this.bounds[position]! + 1;
      this.to = this.bounds[position + 1]!;
      return true;
    }
    this.from = this.to = this.bounds[this.count]!;
    return false;
  }

  /** Moves to the next element; false when the segment had no more. */
  nextElement(): boolean {
    return this.at(this.position + 1);
  }

  /** How many elements the current segment has, the id included. */
  get elementCount(): number {
    return this.count;
  }

  // The accessors below read an element's bounds themselves rather than through `at`: each stays one small
  // function with no state written, which V8 inlines into its caller early in a cold run.

  /** Element `position`'s text; '' when it is empty or absent. */
  element(position: number): string {
    if (position >= this.count) return '';
    const from = this.bounds[position]! + 1;
    const to = this.bounds[position + 1]!;
    return to > from ? this.text.slice(from, to) : '';
  }

  /** Element `position`'s text; undefined when it is empty or absent. */
  optional(position: number): string | undefined {
    if (position >= this.count) return undefined;
    const from = this.bounds[position]! + 1;
    const to = this.bounds[position + 1]!;
    return to > from ? this.text.slice(from, to) : undefined;
  }

  /** Element `position`'s text, which must not be empty. */
  required(position: number, what: string): string {
    return this.optional(position) ?? this.missing(position, what);
  }

  /** True when element `position` is present and not empty. */
  has(position: number): boolean {
    return position < this.count && this.bounds[position + 1]! > this.bounds[position]! + 1;
  }

  /** True when element `position` is exactly `value` (compared in place). */
  is(position: number, value: string): boolean {
    if (position >= this.count) return false;
    const from = this.bounds[position]! + 1;
    if (this.bounds[position + 1]! - from !== value.length) return false;
    const bytes = this.bytes;
    for (let i = 0; i < value.length; i++) if (bytes[from + i] !== value.charCodeAt(i)) return false;
    return true;
  }

  /** Element `position` as cents; a missing or malformed amount is an error at that element. */
  cents(position: number): number {
    if (!this.has(position)) return this.missing(position, 'an amount');
    const value = scaledDecimalIn(this.text, this.bounds[position]! + 1, this.bounds[position + 1]!, 2);
    return value === undefined ? this.malformed(position, 'is not an amount with at most 2 decimals') : value;
  }

  /** Like `cents`, but an empty element is undefined. */
  optionalCents(position: number): number | undefined {
    return this.has(position) ? this.cents(position) : undefined;
  }

  /** A quantity (units, days) in thousandths, exactly: 1.5 units → 1500. Empty → undefined. */
  quantityMilli(position: number): number | undefined {
    if (!this.has(position)) return undefined;
    const value = scaledDecimalIn(this.text, this.bounds[position]! + 1, this.bounds[position + 1]!, 3);
    return value === undefined ? this.malformed(position, 'is not a quantity') : value;
  }

  /** CCYYMMDD → YYYY-MM-DD, checking it is a real calendar date. Empty → undefined. */
  date(position: number): string | undefined {
    if (!this.has(position)) return undefined;
    return (
      isoDateIn(this.text, this.bounds[position]! + 1, this.bounds[position + 1]!) ??
      this.malformed(position, 'is not a date CCYYMMDD')
    );
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
  fail(code: X12ErrorCode, message: string, position = 0): never {
    throw new X12ParseError(code, message, {
      segmentIndex: this.index,
      segmentId: this.id,
      elementPosition: position,
      byteOffset: this.offset,
    });
  }

  /** An error at `text[at]`, where the next segment would start (`segmentId` when one can be made out). */
  private between(code: X12ErrorCode, message: string, at: number, segmentId = ''): never {
    throw new X12ParseError(code, message, {
      segmentIndex: this.read,
      segmentId,
      elementPosition: 0,
      byteOffset: this.base + at,
    });
  }

  private missing(position: number, what: string): never {
    return this.fail('MISSING_ELEMENT', `${this.id}${pad(position)} (${what}) is required`, position);
  }

  /** Element `position` is not what it should be. */
  private malformed(position: number, problem: string): never {
    return this.fail('BAD_ELEMENT', `${this.id}${pad(position)} "${this.element(position)}" ${problem}`, position);
  }

  /**
   * The segment at `pos`, when it is an ISA (read to its fixed width, its delimiters taken) or runs past the end
   * of the text (kept for the next chunk, or TRUNCATED when the text is the last): where reading goes on, or -1
   * to stop this chunk here.
   */
  private interchangeOrEnd(pos: number, length: number, final: boolean, visit: SegmentVisitor): number {
    const { bytes, text } = this;
    if (bytes[pos] === 73 && bytes[pos + 1] === 83 && bytes[pos + 2] === 65) {
      // The ISA is fixed-width and names the delimiters: its terminator is wherever the width puts it.
      if (length - pos < ISA_LENGTH && !final) return -1;
      this.useDelimiters(readDelimiters(text, pos, this.read, this.base + pos));
      const end = pos + ISA_LENGTH - 1;
      const bounds = this.bounds;
      let used = 0;
      bounds[0] = pos - 1;
      for (let at = pos; at < end; at++) if (bytes[at] === this.separator) bounds[++used] = at;
      bounds[++used] = end;
      this.visitFound(pos, used, visit);
      this.terminator = this.delimiters!.segment.charCodeAt(0);
      return end + 1;
    }
    if (!final) return -1;
    const id = text.slice(pos, pos + 3).split(this.delimiters!.element)[0] ?? '';
    return this.between('TRUNCATED', 'The last segment has no segment terminator: the file is truncated', pos, id);
  }

  /**
   * Finds the end and the element separators of the segment at `pos` (its terminator is known to come before
   * the end of the text), hands the segment to `visit` and returns where the next one starts.
   */
  private visitSegment(pos: number, visit: SegmentVisitor): number {
    const bytes = this.bytes;
    const separator = this.separator;
    const terminator = this.terminator;
    const bounds = this.bounds;
    // No call in the loop, not even one never made: V8 then keeps what the loop reads (the bytes' buffer, the
    // bounds') in registers. A segment with more elements than the scratch holds leaves the loop to grow it.
    const capacity = bounds.length - 2;
    let used = 0;
    bounds[0] = pos - 1;
    let end = pos;
    for (; ; end++) {
      const c = bytes[end]!;
      if (c === terminator) break;
      if (c === separator) {
        bounds[++used] = end;
        if (used === capacity) break;
      }
    }
    if (bytes[end] !== terminator) [end, used] = this.longSegment(end, used);
    this.bounds[++used] = end;
    this.visitFound(pos, used, visit);
    return end + 1;
  }

  /** The rest of a segment whose separators filled the scratch from `end` on (`used` recorded): its end and count. */
  private longSegment(end: number, used: number): [number, number] {
    const { bytes, separator, terminator } = this;
    let bounds = this.bounds;
    for (end++; ; end++) {
      const c = bytes[end]!;
      if (c === terminator) break;
      if (c === separator) {
        if (++used >= bounds.length - 2) bounds = this.moreBounds();
        bounds[used] = end;
      }
    }
    return [end, used];
  }

  /** Hands on the segment at `pos` whose `count` elements are in `bounds`, once its id is checked. */
  private visitFound(pos: number, count: number, visit: SegmentVisitor): void {
    const bytes = this.bytes;
    const idEnd = this.bounds[1]!;
    // The id's key (see `segmentKey`) from its characters' codes: a letter, then one or two letters or digits.
    const c0 = KEY_CODES[bytes[pos]!]!;
    const c1 = KEY_CODES[bytes[pos + 1]!]!;
    const c2 = idEnd - pos === 3 ? KEY_CODES[bytes[pos + 2]!]! : idEnd - pos === 2 ? 36 : -1;
    if (c0 < 0 || c0 > 25 || c1 < 0 || c2 < 0) {
      this.between('BAD_SEGMENT_ID', `"${this.text.slice(pos, idEnd).slice(0, 20)}" is not a segment identifier`, pos);
    }
    this.key = (c0 * 37 + c1) * 37 + c2;
    this.index = this.read++;
    this.count = count;
    this.start = pos;
    this.position = 0;
    visit.segment(this);
  }

  /** A segment with more elements than the scratch holds: twice the room, the bounds so far kept. */
  private moreBounds(): Int32Array {
    const more = new Int32Array(this.bounds.length * 2);
    more.set(this.bounds);
    this.bounds = more;
    return more;
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
 * twice), so a reader can switch on a number, and nothing is allocated per segment for its id.
 */
/** How many keys there are: a table indexed by key has this length. */
export const SEGMENT_KEY_COUNT = 26 * 37 * 37;
const KEY_CODES = new Int8Array(256).fill(-1);
for (let c = 65; c <= 90; c++) KEY_CODES[c] = c - 65;
for (let c = 48; c <= 57; c++) KEY_CODES[c] = c - 48 + 26;
const KEY_CHARACTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** The key of a segment id (`SegmentReader.key` of a segment with that id), for switching on keys. */
export function segmentKey(id: string): number {
  const codes = [...id].map((c) => KEY_CODES[c.charCodeAt(0)] ?? -1);
  if (!/^[A-Z][A-Z0-9]{1,2}$/.test(id)) throw new Error(`${id} is not a segment id`);
  return (codes[0]! * 37 + codes[1]!) * 37 + (codes[2] ?? 36);
}

/** The id with key `key`, one shared string per id. */
const segmentIds: Array<string | undefined> = new Array<string | undefined>(SEGMENT_KEY_COUNT).fill(undefined);
function segmentIdOf(key: number): string {
  let id = segmentIds[key];
  if (id === undefined) {
    const third = key % 37;
    id = internalized(
      KEY_CHARACTERS[Math.floor(key / 37 / 37)]! +
        KEY_CHARACTERS[Math.floor(key / 37) % 37]! +
        (third === 36 ? '' : KEY_CHARACTERS[third]!),
    );
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
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the class is every Latin-1 character, controls included
  const wide = /[^\u0000-\u00ff]/g;
  if (wide.test(text)) {
    wide.lastIndex = 0;
    for (let match = wide.exec(text); match; match = wide.exec(text)) bytes[match.index] = 0x1a;
  }
  return bytes;
}
