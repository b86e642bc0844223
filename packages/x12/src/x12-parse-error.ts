/** Why a file was refused. Stable, machine-readable. */
export type X12ErrorCode =
  | 'NOT_X12'
  | 'BAD_ISA'
  | 'BAD_SEGMENT_ID'
  | 'UNEXPECTED_SEGMENT'
  | 'MISSING_SEGMENT'
  | 'MISSING_ELEMENT'
  | 'BAD_ELEMENT'
  | 'CONTROL_NUMBER_MISMATCH'
  | 'COUNT_MISMATCH'
  | 'TRUNCATED'
  | 'WRONG_TRANSACTION';

export interface X12ErrorLocation {
  /** 0-based index of the segment in the file (the ISA is 0). */
  segmentIndex: number;
  /** The segment's id, e.g. CLP; empty when the segment could not be read. */
  segmentId: string;
  /** 1-based element position within the segment (CLP03 → 3); 0 for the segment as a whole. */
  elementPosition: number;
  /** Offset of the segment's first byte in the input. */
  byteOffset: number;
}

/**
 * The one error the package throws for bad input. It says what is wrong and where: segment index and id,
 * element position, byte offset. A file is never half-parsed: the first error ends the parse.
 * @example
 * try { parse835(text) } catch (e) { if (e instanceof X12ParseError) console.log(e.code, e.segmentId, e.byteOffset) }
 */
export class X12ParseError extends Error implements X12ErrorLocation {
  override readonly name = 'X12ParseError';
  readonly segmentIndex: number;
  readonly segmentId: string;
  readonly elementPosition: number;
  readonly byteOffset: number;

  constructor(
    readonly code: X12ErrorCode,
    message: string,
    location: X12ErrorLocation,
  ) {
    const where = location.segmentId
      ? `segment ${location.segmentIndex} (${location.segmentId}${location.elementPosition ? String(location.elementPosition).padStart(2, '0') : ''}) at byte ${location.byteOffset}`
      : `segment ${location.segmentIndex} at byte ${location.byteOffset}`;
    super(`${message} — ${where}`);
    this.segmentIndex = location.segmentIndex;
    this.segmentId = location.segmentId;
    this.elementPosition = location.elementPosition;
    this.byteOffset = location.byteOffset;
  }
}
