import type { X12ParseError } from '../x12-parse-error.ts';
import { fail } from '../envelope.ts';
import type { EnvelopeContext } from '../envelope.ts';
import { readTransactions } from '../transactions.ts';
import type { ReadOptions } from '../transactions.ts';
import type { Segment } from '../tokenizer.ts';
import { composite, required, text } from '../values.ts';

export interface ElementError999 {
  /** IK401-1: position of the element in the segment. */
  position: number;
  /** IK401-2: position within a composite, when the error is in a component. */
  componentPosition?: number;
  /** IK402: data element reference number. */
  elementReference?: string;
  /** IK403: implementation element syntax error code (1 required missing, 7 invalid code value, …). */
  code: string;
  /** IK404: a copy of the bad value. */
  badValue?: string;
}

export interface SegmentError999 {
  /** IK301: id of the segment in error. */
  segmentId: string;
  /** IK302: its position in the transaction set (ST is 1). */
  position: number;
  /** IK303: the loop it was in. */
  loopId?: string;
  /** IK304: implementation segment syntax error code (3 required segment missing, 8 segment has data element errors, …). */
  code?: string;
  elements: ElementError999[];
}

export interface TransactionResponse999 {
  /** AK201, e.g. 837. */
  transactionSetId: string;
  /** AK202: the ST02 of the transaction set being acknowledged. */
  controlNumber: string;
  implementationReference?: string;
  /** IK501: A accepted, E accepted with errors, M/R/W/X rejected. */
  status: string;
  accepted: boolean;
  /** IK502–IK506 syntax error codes. */
  errorCodes: string[];
  segmentErrors: SegmentError999[];
}

/** A 999 implementation acknowledgment (005010X231A1) for one functional group the receiver got. */
export interface Ack999 {
  envelope: EnvelopeContext;
  /** Trailer mismatches found while reading (the acknowledgement is kept). */
  warnings: X12ParseError[];
  /** AK101, e.g. HC for claims. */
  functionalId: string;
  /** AK102: the GS06 of the group being acknowledged. */
  groupControlNumber: string;
  version?: string;
  transactions: TransactionResponse999[];
  /** AK901: A, E, P (partially accepted), M, R, W, X. */
  groupStatus: string;
  /** True when the group was accepted (A or E), possibly with errors. */
  accepted: boolean;
  /** AK902–AK904. */
  counts: { included: number; received: number; accepted: number };
}

const ACCEPTED = new Set(['A', 'E']);

/**
 * Parses 999 acknowledgments.
 * @example parse999(file)[0].transactions.filter((t) => !t.accepted).map((t) => t.controlNumber)
 */
export function parse999(input: string | Uint8Array, options: ReadOptions = {}): Ack999[] {
  return readTransactions(input, '999', options).map(({ envelope, segments, st, warnings }) => {
    let ack: Omit<Ack999, 'envelope' | 'warnings'> | undefined;
    let transaction: TransactionResponse999 | undefined;
    let segmentError: SegmentError999 | undefined;
    for (const s of segments) {
      switch (s.id) {
        case 'AK1':
          ack = {
            functionalId: required(s, 1, 'functional identifier'),
            groupControlNumber: required(s, 2, 'group control number'),
            version: text(s, 3),
            transactions: [],
            groupStatus: '',
            accepted: false,
            counts: { included: 0, received: 0, accepted: 0 },
          };
          break;
        case 'AK2':
          transaction = {
            transactionSetId: required(s, 1, 'transaction set identifier'),
            controlNumber: required(s, 2, 'transaction set control number'),
            implementationReference: text(s, 3),
            status: '',
            accepted: false,
            errorCodes: [],
            segmentErrors: [],
          };
          need(ack, s).transactions.push(transaction);
          segmentError = undefined;
          break;
        case 'IK3':
          segmentError = {
            segmentId: required(s, 1, 'segment id'),
            position: Number(required(s, 2, 'segment position')),
            loopId: text(s, 3),
            code: text(s, 4),
            elements: [],
          };
          need(transaction, s).segmentErrors.push(segmentError);
          break;
        case 'IK4': {
          const [position = '', componentPosition] = composite(s, 1);
          need(segmentError, s).elements.push({
            position: Number(position),
            componentPosition: componentPosition ? Number(componentPosition) : undefined,
            elementReference: text(s, 2),
            code: required(s, 3, 'element error code'),
            badValue: text(s, 4),
          });
          break;
        }
        case 'IK5': {
          const t = need(transaction, s);
          t.status = required(s, 1, 'acknowledgment code');
          t.accepted = ACCEPTED.has(t.status);
          t.errorCodes = [2, 3, 4, 5, 6].map((p) => s.elements[p] ?? '').filter(Boolean);
          break;
        }
        case 'AK9': {
          const a = need(ack, s);
          a.groupStatus = required(s, 1, 'functional group acknowledge code');
          a.accepted = ACCEPTED.has(a.groupStatus);
          a.counts = {
            included: Number(s.elements[2] ?? 0),
            received: Number(s.elements[3] ?? 0),
            accepted: Number(s.elements[4] ?? 0),
          };
          break;
        }
        default:
          break;
      }
    }
    if (!ack) fail('MISSING_SEGMENT', 'The 999 has no AK1 segment', st);
    if (!ack.groupStatus) fail('MISSING_SEGMENT', 'The 999 has no AK9 segment', st);
    return { envelope, ...ack, warnings };
  });
}

function need<T>(value: T | undefined, s: Segment): T {
  return value ?? fail('UNEXPECTED_SEGMENT', `${s.id} is out of order`, s);
}
