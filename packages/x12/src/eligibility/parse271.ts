import type { X12ParseError } from '../x12-parse-error.ts';
import type { EnvelopeContext } from '../envelope.ts';
import { readTransactions, repetitions } from '../transactions.ts';
import type { ReadOptions } from '../transactions.ts';
import type { Segment } from '../tokenizer.ts';
import { date, decimalToScaled, optionalCents, text } from '../values.ts';

/** One EB segment: a benefit, limitation or status of the coverage. */
export interface Benefit {
  /** EB01: 1 active coverage, 6 inactive, A coinsurance, B co-payment, C deductible, G out-of-pocket, L primary care provider … */
  informationCode: string;
  /** EB02: IND individual, FAM family … */
  coverageLevel?: string;
  /** EB03: service type codes (30 health benefit plan coverage, 98 office visit, …). */
  serviceTypes: string[];
  insuranceType?: string;
  planDescription?: string;
  /** EB06: 23 calendar year, 29 remaining, 27 visit … */
  timePeriod?: string;
  amountCents?: number;
  /** EB08 as basis points: 0.2 (20 %) → 2000. */
  percentBasisPoints?: number;
  quantityQualifier?: string;
  quantity?: string;
  authorizationRequired?: string;
  /** EB12: Y in network, N out of network, W not applicable. */
  inNetwork?: string;
  messages: string[];
}

export interface EligibilityRejection {
  /** AAA03: 42 unable to respond now, 72 invalid member id, 75 subscriber not found … */
  reasonCode: string;
  /** AAA04: C please correct and resubmit, N resubmission not allowed, R resubmit, Y do not resubmit … */
  followUpCode?: string;
  /** The HL level the rejection was given at: 20 source, 21 receiver, 22 subscriber, 23 dependent. */
  level: string;
}

export interface EligibilityMember {
  /** 22 subscriber, 23 dependent. */
  level: '22' | '23';
  lastName: string;
  firstName?: string;
  memberId?: string;
  dateOfBirth?: string;
  sex?: string;
  /** TRN*2: the trace number sent in the 270, to match the answer to the request. */
  traceNumbers: string[];
  benefits: Benefit[];
  rejections: EligibilityRejection[];
}

export interface EligibilitySummary {
  /** True with an EB*1, false with an EB*6 (and no EB*1), undefined when the answer says neither. */
  active: boolean | undefined;
  planName?: string;
  copayCents?: number;
  coinsuranceBasisPoints?: number;
  deductibleCents?: number;
  deductibleRemainingCents?: number;
}

/** A 271 eligibility answer (005010X279A1). */
export interface EligibilityResponse {
  envelope: EnvelopeContext;
  /** Trailer mismatches found while reading (the answer is kept). */
  warnings: X12ParseError[];
  source?: string;
  receiver?: string;
  members: EligibilityMember[];
  /** Rejections above the member level (the payer could not answer at all). */
  rejections: EligibilityRejection[];
}

/**
 * Parses 271 eligibility responses. `summarize271(member)` condenses a member's benefits into what a front
 * desk asks: active or not, plan, copay, coinsurance, deductible and what remains of it.
 */
export function parse271(input: string | Uint8Array, options: ReadOptions = {}): EligibilityResponse[] {
  return readTransactions(input, '271', options).map(({ envelope, segments, warnings }) => {
    const response: EligibilityResponse = { envelope, members: [], rejections: [], warnings };
    let level = '';
    let member: EligibilityMember | undefined;
    let benefit: Benefit | undefined;
    for (const s of segments) {
      switch (s.id) {
        case 'HL':
          level = s.elements[3] ?? '';
          member = undefined;
          benefit = undefined;
          if (level === '22' || level === '23') {
            member = { level, lastName: '', traceNumbers: [], benefits: [], rejections: [] };
            response.members.push(member);
          }
          break;
        case 'NM1':
          if (level === '20') response.source ??= s.elements[3];
          else if (level === '21') response.receiver ??= s.elements[3];
          else if (member && !benefit)
            Object.assign(member, {
              lastName: s.elements[3] ?? '',
              firstName: text(s, 4),
              memberId: text(s, 9) ?? member.memberId,
            });
          break;
        case 'TRN':
          member?.traceNumbers.push(s.elements[2] ?? '');
          break;
        case 'DMG':
          if (member && s.elements[1] === 'D8') Object.assign(member, { dateOfBirth: date(s, 2), sex: text(s, 3) });
          break;
        case 'AAA': {
          const rejection = { reasonCode: s.elements[3] ?? '', followUpCode: text(s, 4), level };
          (member ? member.rejections : response.rejections).push(rejection);
          break;
        }
        case 'EB':
          if (member) {
            benefit = eligibilityBenefit(s);
            member.benefits.push(benefit);
          }
          break;
        case 'MSG':
          benefit?.messages.push(s.elements[1] ?? '');
          break;
        default:
          break;
      }
    }
    return response;
  });
}

function eligibilityBenefit(s: Segment): Benefit {
  const percent = text(s, 8);
  return {
    informationCode: s.elements[1] ?? '',
    coverageLevel: text(s, 2),
    serviceTypes: repetitions(s, 3),
    insuranceType: text(s, 4),
    planDescription: text(s, 5),
    timePeriod: text(s, 6),
    amountCents: optionalCents(s, 7),
    percentBasisPoints: percent === undefined ? undefined : decimalToScaled(percent, 4),
    quantityQualifier: text(s, 9),
    quantity: text(s, 10),
    authorizationRequired: text(s, 11),
    inNetwork: text(s, 12),
    messages: [],
  };
}

/** What a front desk needs from a member's benefits. In-network and individual values win over the others. */
export function summarize271(member: EligibilityMember): EligibilitySummary {
  const preferred = (b: Benefit) =>
    (b.inNetwork === 'N' ? 2 : 0) + (b.coverageLevel && b.coverageLevel !== 'IND' ? 1 : 0);
  const first = (code: string, when: (b: Benefit) => boolean = () => true) =>
    member.benefits.filter((b) => b.informationCode === code && when(b)).sort((a, b) => preferred(a) - preferred(b))[0];
  const active = first('1');
  const inactive = first('6');
  return {
    active: active ? true : inactive ? false : undefined,
    planName: active?.planDescription,
    copayCents: first('B', (b) => b.amountCents !== undefined)?.amountCents,
    coinsuranceBasisPoints: first('A', (b) => b.percentBasisPoints !== undefined)?.percentBasisPoints,
    deductibleCents: first('C', (b) => b.timePeriod !== '29' && b.amountCents !== undefined)?.amountCents,
    deductibleRemainingCents: first('C', (b) => b.timePeriod === '29' && b.amountCents !== undefined)?.amountCents,
  };
}
