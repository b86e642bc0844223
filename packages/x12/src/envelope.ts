import type { Segment } from './tokenizer.ts';
import { X12ParseError } from './x12-parse-error.ts';
import type { X12ErrorCode } from './x12-parse-error.ts';

export interface InterchangeHeader {
  authorizationQualifier: string;
  authorization: string;
  securityQualifier: string;
  security: string;
  senderQualifier: string;
  senderId: string;
  receiverQualifier: string;
  receiverId: string;
  /** YYYY-MM-DD (ISA09 is YYMMDD; years 00–49 are read as 20xx). */
  date: string;
  /** HHMM */
  time: string;
  controlNumber: string;
  /** ISA14: 1 when a TA1 is requested. */
  acknowledgmentRequested: string;
  usage: 'P' | 'T' | string;
}

export interface GroupHeader {
  functionalId: string;
  senderCode: string;
  receiverCode: string;
  /** GS04 as YYYY-MM-DD. */
  date: string;
  /** GS05, HHMM or HHMMSS. */
  time: string;
  controlNumber: string;
  /** GS08, e.g. 005010X221A1. */
  version: string;
}

export interface TransactionHeader {
  /** ST01, e.g. 835. */
  id: string;
  controlNumber: string;
  /** ST03, when present. */
  implementationReference: string | undefined;
}

/** Where a body segment sits in the envelope. */
export interface EnvelopeContext {
  interchange: InterchangeHeader;
  group: GroupHeader;
  transaction: TransactionHeader;
}

/** Where a segment is: what an error names. A `Segment` is one; so is a `SegmentReader` on its current segment. */
export interface SegmentLocation {
  readonly index: number;
  readonly id: string;
  readonly offset: number;
}

export function fail(
  code: X12ErrorCode,
  message: string,
  segment: SegmentLocation | undefined,
  elementPosition = 0,
): never {
  throw new X12ParseError(code, message, {
    segmentIndex: segment?.index ?? 0,
    segmentId: segment?.id ?? '',
    elementPosition,
    byteOffset: segment?.offset ?? 0,
  });
}

/** Receives the body of each transaction set as the envelope validator reads it. */
export interface TransactionHandler {
  start(context: EnvelopeContext, st: Segment): void;
  segment(segment: Segment): void;
  end(context: EnvelopeContext, se: Segment): void;
}

/**
 * Checks the envelope while passing body segments through, so it works on a stream in constant memory:
 * ISA/IEA and GS/GE control numbers match, SE01 counts the transaction's segments, GE01 its transactions,
 * IEA01 its groups. A file that ends inside an envelope is TRUNCATED (call `finish`), never a partial success.
 */
export interface EnvelopeOptions {
  /**
   * 'strict' (the default) throws on a wrong count or control number in SE, GE or IEA. 'report' lists them in
   * `warnings` and goes on — for reading files from senders whose trailers are known to be wrong; never for
   * deciding what was paid.
   */
  trailers?: 'strict' | 'report';
}

export class EnvelopeValidator {
  /** Trailer mismatches, when `trailers: 'report'`. */
  readonly warnings: X12ParseError[] = [];
  private interchange: InterchangeHeader | undefined;
  private group: GroupHeader | undefined;
  private context: EnvelopeContext | undefined;
  private groupCount = 0;
  private transactionCount = 0;
  private segmentCount = 0;
  private interchanges = 0;
  /**
   * The last segment seen, for the error of a file that ends early: the body segment itself (a `SegmentReader`
   * still describes the last segment it read), or a copy of the last envelope segment's location.
   */
  private lastBody: SegmentLocation | undefined;
  private readonly last = { index: 0, id: '', offset: 0 };
  private seenAny = false;

  constructor(
    private readonly handler: TransactionHandler,
    private readonly options: EnvelopeOptions = {},
  ) {}

  /** A trailer mismatch: thrown, or kept as a warning in 'report' mode. */
  private mismatch(
    code: 'CONTROL_NUMBER_MISMATCH' | 'COUNT_MISMATCH',
    message: string,
    segment: Segment,
    position: number,
  ): void {
    if (this.options.trailers !== 'report') fail(code, message, segment, position);
    this.warnings.push(
      new X12ParseError(code, message, {
        segmentIndex: segment.index,
        segmentId: segment.id,
        elementPosition: position,
        byteOffset: segment.offset,
      }),
    );
  }

  push(segment: Segment): void {
    this.saw(segment);
    // Only envelope segments are split into elements; body segments pass through untouched.
    switch (segment.id) {
      case 'ISA': {
        const e = segment.elements;
        if (this.interchange)
          fail('UNEXPECTED_SEGMENT', 'A new ISA before the IEA that closes the previous interchange', segment);
        this.interchange = {
          authorizationQualifier: e[1] ?? '',
          authorization: (e[2] ?? '').trim(),
          securityQualifier: e[3] ?? '',
          security: (e[4] ?? '').trim(),
          acknowledgmentRequested: e[14] ?? '',
          senderQualifier: e[5] ?? '',
          senderId: (e[6] ?? '').trim(),
          receiverQualifier: e[7] ?? '',
          receiverId: (e[8] ?? '').trim(),
          date: isaDate(e[9] ?? ''),
          time: e[10] ?? '',
          controlNumber: e[13] ?? '',
          usage: e[15] ?? '',
        };
        this.groupCount = 0;
        this.interchanges++;
        return;
      }
      case 'IEA': {
        const e = segment.elements;
        const interchange = this.interchange ?? fail('UNEXPECTED_SEGMENT', 'IEA without an ISA', segment);
        if (this.group)
          fail('MISSING_SEGMENT', `IEA before the GE that closes group ${this.group.controlNumber}`, segment);
        if (e[2] !== interchange.controlNumber)
          this.mismatch(
            'CONTROL_NUMBER_MISMATCH',
            `IEA02 ${e[2]} does not match ISA13 ${interchange.controlNumber}`,
            segment,
            2,
          );
        if (Number(e[1]) !== this.groupCount)
          this.mismatch(
            'COUNT_MISMATCH',
            `IEA01 says ${e[1]} groups, the interchange has ${this.groupCount}`,
            segment,
            1,
          );
        this.interchange = undefined;
        return;
      }
      case 'GS': {
        const e = segment.elements;
        if (!this.interchange) fail('UNEXPECTED_SEGMENT', 'GS outside an interchange', segment);
        if (this.group)
          fail('MISSING_SEGMENT', `GS before the GE that closes group ${this.group.controlNumber}`, segment);
        const gsDate = e[4] ?? '';
        this.group = {
          functionalId: e[1] ?? '',
          senderCode: e[2] ?? '',
          receiverCode: e[3] ?? '',
          date: /^\d{8}$/.test(gsDate) ? `${gsDate.slice(0, 4)}-${gsDate.slice(4, 6)}-${gsDate.slice(6)}` : gsDate,
          time: e[5] ?? '',
          controlNumber: e[6] ?? '',
          version: e[8] ?? '',
        };
        this.transactionCount = 0;
        this.groupCount++;
        return;
      }
      case 'GE': {
        const e = segment.elements;
        const group = this.group ?? fail('UNEXPECTED_SEGMENT', 'GE without a GS', segment);
        if (this.context)
          fail(
            'MISSING_SEGMENT',
            `GE before the SE that closes transaction ${this.context.transaction.controlNumber}`,
            segment,
          );
        if (e[2] !== group.controlNumber)
          this.mismatch(
            'CONTROL_NUMBER_MISMATCH',
            `GE02 ${e[2]} does not match GS06 ${group.controlNumber}`,
            segment,
            2,
          );
        if (Number(e[1]) !== this.transactionCount)
          this.mismatch(
            'COUNT_MISMATCH',
            `GE01 says ${e[1]} transactions, the group has ${this.transactionCount}`,
            segment,
            1,
          );
        this.group = undefined;
        return;
      }
      case 'ST': {
        const e = segment.elements;
        if (!this.group || !this.interchange) fail('UNEXPECTED_SEGMENT', 'ST outside a functional group', segment);
        if (this.context)
          fail(
            'MISSING_SEGMENT',
            `ST before the SE that closes transaction ${this.context.transaction.controlNumber}`,
            segment,
          );
        const transaction = { id: e[1] ?? '', controlNumber: e[2] ?? '', implementationReference: e[3] || undefined };
        this.context = { interchange: this.interchange, group: this.group, transaction };
        this.segmentCount = 1;
        this.transactionCount++;
        this.handler.start(this.context, segment);
        return;
      }
      case 'SE': {
        const e = segment.elements;
        const context = this.context ?? fail('UNEXPECTED_SEGMENT', 'SE without an ST', segment);
        this.segmentCount++;
        if (e[2] !== context.transaction.controlNumber) {
          this.mismatch(
            'CONTROL_NUMBER_MISMATCH',
            `SE02 ${e[2]} does not match ST02 ${context.transaction.controlNumber}`,
            segment,
            2,
          );
        }
        if (Number(e[1]) !== this.segmentCount)
          this.mismatch(
            'COUNT_MISMATCH',
            `SE01 says ${e[1]} segments, the transaction has ${this.segmentCount}`,
            segment,
            1,
          );
        this.context = undefined;
        this.handler.end(context, segment);
        return;
      }
      default:
        this.saw(segment);
        this.body(segment);
        this.handler.segment(segment);
    }
  }

  /**
   * Checks and counts a body segment without handing it on: for a reader that reads the body in place
   * (`SegmentReader`) and hands it to its own builder; envelope segments still go through `push`.
   */
  body(segment: SegmentLocation): void {
    if (!this.context) fail('UNEXPECTED_SEGMENT', `${segment.id} outside a transaction set`, segment);
    this.segmentCount++;
    this.lastBody = segment;
  }

  private saw(segment: SegmentLocation): void {
    this.lastBody = undefined;
    this.seenAny = true;
    this.last.index = segment.index;
    this.last.id = segment.id;
    this.last.offset = segment.offset;
  }

  /** Call at the end of the input: an open envelope means the file was truncated. */
  finish(): void {
    if (!this.interchange && this.interchanges > 0) return;
    const open = this.context
      ? `transaction ${this.context.transaction.controlNumber} has no SE`
      : this.group
        ? `group ${this.group.controlNumber} has no GE`
        : 'the interchange has no IEA';
    fail(
      'TRUNCATED',
      `The file ends early: ${this.interchanges === 0 ? 'no interchange' : open}`,
      this.lastBody ?? (this.seenAny ? this.last : undefined),
    );
  }
}

export type EnvelopeEvent =
  | { kind: 'transactionStart'; context: EnvelopeContext; segment: Segment }
  | { kind: 'segment'; segment: Segment }
  | { kind: 'transactionEnd'; context: EnvelopeContext; segment: Segment };

/** The envelope events of a whole list of segments (convenience over EnvelopeValidator). */
export function walkEnvelope(segments: Iterable<Segment>): EnvelopeEvent[] {
  const events: EnvelopeEvent[] = [];
  const validator = new EnvelopeValidator({
    start: (context, segment) => events.push({ kind: 'transactionStart', context, segment }),
    segment: (segment) => events.push({ kind: 'segment', segment }),
    end: (context, segment) => events.push({ kind: 'transactionEnd', context, segment }),
  });
  for (const segment of segments) validator.push(segment);
  validator.finish();
  return events;
}

/** ISA09 YYMMDD → YYYY-MM-DD. */
function isaDate(yymmdd: string): string {
  if (!/^\d{6}$/.test(yymmdd)) return '';
  const yy = Number(yymmdd.slice(0, 2));
  return `${yy < 50 ? 2000 + yy : 1900 + yy}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
}
