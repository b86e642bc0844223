import type { Segment } from './tokenizer.ts';
import { X12ParseError } from './x12-parse-error.ts';
import type { X12ErrorCode } from './x12-parse-error.ts';

export interface InterchangeHeader {
  senderQualifier: string;
  senderId: string;
  receiverQualifier: string;
  receiverId: string;
  /** YYYY-MM-DD (ISA09 is YYMMDD; years 00–49 are read as 20xx). */
  date: string;
  /** HHMM */
  time: string;
  controlNumber: string;
  usage: 'P' | 'T' | string;
}

export interface GroupHeader {
  functionalId: string;
  senderCode: string;
  receiverCode: string;
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

export type EnvelopeEvent =
  | { kind: 'transactionStart'; context: EnvelopeContext; segment: Segment }
  | { kind: 'segment'; context: EnvelopeContext; segment: Segment }
  | { kind: 'transactionEnd'; context: EnvelopeContext; segment: Segment };

export function fail(code: X12ErrorCode, message: string, segment: Segment | undefined, elementPosition = 0): never {
  throw new X12ParseError(code, message, {
    segmentIndex: segment?.index ?? 0,
    segmentId: segment?.id ?? '',
    elementPosition,
    byteOffset: segment?.offset ?? 0,
  });
}

/**
 * Checks the envelope while passing body segments through, so it works on a stream in constant memory:
 * ISA/IEA and GS/GE control numbers match, SE01 counts the transaction's segments, GE01 its transactions,
 * IEA01 its groups. A file that ends inside an envelope is TRUNCATED, never a partial success.
 */
export function* walkEnvelope(segments: Iterable<Segment>): Generator<EnvelopeEvent> {
  let interchange: InterchangeHeader | undefined;
  let isa: Segment | undefined;
  let groupCount = 0;
  let group: GroupHeader | undefined;
  let gs: Segment | undefined;
  let transactionCount = 0;
  let transaction: TransactionHeader | undefined;

  let segmentCount = 0;
  let last: Segment | undefined;
  let interchanges = 0;

  for (const segment of segments) {
    last = segment;
    const e = segment.elements;
    switch (segment.id) {
      case 'ISA':
        if (interchange) fail('UNEXPECTED_SEGMENT', 'A new ISA before the IEA that closes the previous interchange', segment);
        interchange = {
          senderQualifier: e[5] ?? '', senderId: (e[6] ?? '').trim(), receiverQualifier: e[7] ?? '', receiverId: (e[8] ?? '').trim(),
          date: isaDate(e[9] ?? ''), time: e[10] ?? '', controlNumber: e[13] ?? '', usage: e[15] ?? '',
        };
        isa = segment;
        groupCount = 0;
        interchanges++;
        break;
      case 'IEA':
        if (!interchange || !isa) fail('UNEXPECTED_SEGMENT', 'IEA without an ISA', segment);
        if (group) fail('MISSING_SEGMENT', `IEA before the GE that closes group ${group.controlNumber}`, segment);
        if (e[2] !== interchange.controlNumber) {
          fail('CONTROL_NUMBER_MISMATCH', `IEA02 ${e[2]} does not match ISA13 ${interchange.controlNumber}`, segment, 2);
        }
        if (Number(e[1]) !== groupCount) fail('COUNT_MISMATCH', `IEA01 says ${e[1]} groups, the interchange has ${groupCount}`, segment, 1);
        interchange = undefined;
        break;
      case 'GS':
        if (!interchange) fail('UNEXPECTED_SEGMENT', 'GS outside an interchange', segment);
        if (group) fail('MISSING_SEGMENT', `GS before the GE that closes group ${group.controlNumber}`, segment);
        group = { functionalId: e[1] ?? '', senderCode: e[2] ?? '', receiverCode: e[3] ?? '', controlNumber: e[6] ?? '', version: e[8] ?? '' };
        gs = segment;
        transactionCount = 0;
        groupCount++;
        break;
      case 'GE':
        if (!group || !gs) fail('UNEXPECTED_SEGMENT', 'GE without a GS', segment);
        if (transaction) fail('MISSING_SEGMENT', `GE before the SE that closes transaction ${transaction.controlNumber}`, segment);
        if (e[2] !== group.controlNumber) fail('CONTROL_NUMBER_MISMATCH', `GE02 ${e[2]} does not match GS06 ${group.controlNumber}`, segment, 2);
        if (Number(e[1]) !== transactionCount) fail('COUNT_MISMATCH', `GE01 says ${e[1]} transactions, the group has ${transactionCount}`, segment, 1);
        group = undefined;
        break;
      case 'ST':
        if (!group || !interchange) fail('UNEXPECTED_SEGMENT', 'ST outside a functional group', segment);
        if (transaction) fail('MISSING_SEGMENT', `ST before the SE that closes transaction ${transaction.controlNumber}`, segment);
        transaction = { id: e[1] ?? '', controlNumber: e[2] ?? '', implementationReference: e[3] || undefined };

        segmentCount = 1;
        transactionCount++;
        yield { kind: 'transactionStart', context: { interchange, group, transaction }, segment };
        break;
      case 'SE': {
        if (!transaction || !group || !interchange) fail('UNEXPECTED_SEGMENT', 'SE without an ST', segment);
        segmentCount++;
        if (e[2] !== transaction.controlNumber) {
          fail('CONTROL_NUMBER_MISMATCH', `SE02 ${e[2]} does not match ST02 ${transaction.controlNumber}`, segment, 2);
        }
        if (Number(e[1]) !== segmentCount) fail('COUNT_MISMATCH', `SE01 says ${e[1]} segments, the transaction has ${segmentCount}`, segment, 1);
        yield { kind: 'transactionEnd', context: { interchange, group, transaction }, segment };
        transaction = undefined;
        break;
      }
      default:
        if (!transaction || !group || !interchange) fail('UNEXPECTED_SEGMENT', `${segment.id} outside a transaction set`, segment);
        segmentCount++;
        yield { kind: 'segment', context: { interchange, group, transaction }, segment };
    }
  }
  if (interchange || interchanges === 0) {
    const open = transaction ? `transaction ${transaction.controlNumber} has no SE` : group ? `group ${group.controlNumber} has no GE` : 'the interchange has no IEA';
    fail('TRUNCATED', `The file ends early: ${interchanges === 0 ? 'no interchange' : open}`, last);
  }
}

/** ISA09 YYMMDD → YYYY-MM-DD. */
function isaDate(yymmdd: string): string {
  if (!/^\d{6}$/.test(yymmdd)) return '';
  const yy = Number(yymmdd.slice(0, 2));
  return `${yy < 50 ? 2000 + yy : 1900 + yy}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
}
