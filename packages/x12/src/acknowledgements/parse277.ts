import type { X12ParseError } from '../x12-parse-error.ts';
import type { EnvelopeContext } from '../envelope.ts';
import { readTransactions } from '../transactions.ts';
import type { ReadOptions } from '../transactions.ts';
import type { Segment } from '../tokenizer.ts';
import { composite, date, dateFromText, optionalCents, text } from '../values.ts';

/** One STC status: category (A1, A2, A3, … F0, P3 …), status code, entity, date and amounts. */
export interface ClaimStatusDetail {
  /** STC01-1: A0–A8 acknowledgment categories, P pending, F finalized, R requests … */
  categoryCode: string;
  /** STC01-2: the claim status code (e.g. 20 accepted for processing, 562 entity identifier invalid). */
  statusCode: string;
  /** STC01-3: the entity the status is about (e.g. 85 billing provider). */
  entityCode?: string;
  effectiveDate?: string;
  /** STC03: WQ accepted, U rejected (277CA). */
  actionCode?: string;
  chargeCents?: number;
  paidCents?: number;
  /** Further statuses of the same STC (STC10, STC11). */
  additional: Array<{ categoryCode: string; statusCode: string; entityCode?: string }>;
}

export interface ClaimStatusLine {
  procedure: { qualifier: string; code: string; modifiers: string[] };
  chargeCents?: number;
  paidCents?: number;
  lineControlNumber?: string;
  serviceDate?: string;
  statuses: ClaimStatusDetail[];
}

export interface ClaimStatus {
  /** TRN02 at the claim level: the patient control number sent as CLM01. */
  patientControlNumber: string;
  /** Subscriber or patient name (NM1*IL / NM1*QC). */
  patient?: { lastName: string; firstName?: string; memberId?: string };
  /** REF*1K: the payer's claim control number. */
  payerClaimControlNumber?: string;
  /** REF*D9: the clearinghouse trace number. */
  clearinghouseTraceNumber?: string;
  /** REF*BLT: institutional bill type. */
  billType?: string;
  serviceDateStart?: string;
  serviceDateEnd?: string;
  statuses: ClaimStatusDetail[];
  lines: ClaimStatusLine[];
  /** 277CA: accepted into the payer's system (A1/A2/A5 with no rejecting category) or rejected (A3/A4/A6/A7/A8). */
  accepted: boolean;
  segmentIndex: number;
}

export interface ClaimStatusResponse {
  envelope: EnvelopeContext;
  /** Trailer mismatches found while reading (the statuses are kept). */
  warnings: X12ParseError[];
  /** The information source (payer or clearinghouse), NM1 at HL level 20. */
  source?: string;
  /** Statuses reported above the claims (about the whole submission or a provider). */
  batchStatuses: ClaimStatusDetail[];
  claims: ClaimStatus[];
}

const REJECTED_CATEGORIES = new Set(['A3', 'A4', 'A6', 'A7', 'A8', 'E0', 'E1', 'E2', 'E3']);
const CLAIM_LEVELS = new Set(['PT', '22', '23']);

/** Parses a 277CA claim acknowledgment (005010X214): each claim accepted into the payer's system or rejected. */
export function parse277CA(input: string | Uint8Array, options: ReadOptions = {}): ClaimStatusResponse[] {
  return parseClaimStatus(input, options);
}

/** Parses a 277 claim status response (005010X212), the answer to a 276. */
export function parse277(input: string | Uint8Array, options: ReadOptions = {}): ClaimStatusResponse[] {
  return parseClaimStatus(input, options);
}

function parseClaimStatus(input: string | Uint8Array, options: ReadOptions): ClaimStatusResponse[] {
  return readTransactions(input, '277', options).map(({ envelope, segments, warnings }) => {
    const response: ClaimStatusResponse = { envelope, batchStatuses: [], claims: [], warnings };
    let level = '';
    let claim: ClaimStatus | undefined;
    let line: ClaimStatusLine | undefined;
    let pendingName: ClaimStatus['patient'];
    for (const s of segments) {
      switch (s.id) {
        case 'HL':
          level = s.elements[3] ?? '';
          claim = undefined;
          line = undefined;
          pendingName = undefined;
          break;
        case 'NM1':
          if (level === '20' && !response.source) response.source = s.elements[3];
          if (CLAIM_LEVELS.has(level))
            pendingName = { lastName: s.elements[3] ?? '', firstName: text(s, 4), memberId: text(s, 9) };
          break;
        case 'TRN':
          if (CLAIM_LEVELS.has(level) && s.elements[1] === '2') {
            claim = {
              patientControlNumber: s.elements[2] ?? '',
              patient: pendingName,
              statuses: [],
              lines: [],
              accepted: false,
              segmentIndex: s.index,
            };
            response.claims.push(claim);
            line = undefined;
          }
          break;
        case 'STC': {
          const status = statusDetail(s);
          if (line) line.statuses.push(status);
          else if (claim) claim.statuses.push(status);
          else response.batchStatuses.push(status);
          break;
        }
        case 'REF':
          if (line && s.elements[1] === 'FJ') line.lineControlNumber = text(s, 2);
          else if (claim && s.elements[1] === '1K') claim.payerClaimControlNumber = text(s, 2);
          else if (claim && s.elements[1] === 'D9') claim.clearinghouseTraceNumber = text(s, 2);
          else if (claim && s.elements[1] === 'BLT') claim.billType = text(s, 2);
          break;
        case 'DTP':
          if (s.elements[1] === '472') {
            const [start, end] = serviceDates(s);
            if (line) line.serviceDate = start;
            else if (claim) Object.assign(claim, { serviceDateStart: start, serviceDateEnd: end ?? start });
          }
          break;
        case 'SVC':
          if (claim) {
            const [qualifier = '', code = '', ...modifiers] = composite(s, 1);
            line = {
              procedure: { qualifier, code, modifiers: modifiers.filter(Boolean) },
              chargeCents: optionalCents(s, 2),
              paidCents: optionalCents(s, 3),
              statuses: [],
            };
            claim.lines.push(line);
          }
          break;
        default:
          break;
      }
    }
    for (const c of response.claims) {
      const categories = c.statuses.flatMap((st) => [st.categoryCode, ...st.additional.map((a) => a.categoryCode)]);
      c.accepted =
        categories.length > 0 &&
        !categories.some((category) => REJECTED_CATEGORIES.has(category)) &&
        c.statuses[0]?.actionCode !== 'U';
    }
    return response;
  });
}

function statusDetail(s: Segment): ClaimStatusDetail {
  const [categoryCode = '', statusCode = '', entityCode] = composite(s, 1);
  const additional = [10, 11]
    .map((p) => s.elements[p])
    .filter((v): v is string => Boolean(v))
    .map((_, i) => {
      const [c = '', st = '', e] = composite(s, i === 0 ? 10 : 11);
      return { categoryCode: c, statusCode: st, entityCode: e || undefined };
    });
  return {
    categoryCode,
    statusCode,
    entityCode: entityCode || undefined,
    effectiveDate: date(s, 2),
    actionCode: text(s, 3),
    chargeCents: optionalCents(s, 4),
    paidCents: optionalCents(s, 5),
    additional,
  };
}

/** DTP*472*D8*CCYYMMDD or DTP*472*RD8*CCYYMMDD-CCYYMMDD. */
function serviceDates(s: Segment): [string | undefined, string | undefined] {
  const raw = s.elements[3] ?? '';
  const [from = '', to] = raw.split('-');
  const asDate = (value: string) => dateFromText(value, s, 3);
  return [asDate(from), to ? asDate(to) : undefined];
}
