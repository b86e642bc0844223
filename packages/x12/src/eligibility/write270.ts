import { toX12Date } from '../values.ts';
import { X12WriteError } from '../writer/x12-write-error.ts';
import { REPETITION, writeInterchange } from '../writer/interchange.ts';
import type { GroupOptions, InterchangeOptions, SegmentElements, WriteOptions } from '../writer/interchange.ts';

/** A person in a 270/276: the subscriber (NM1*IL) or a dependent (NM1*03 / NM1*QC). */
export interface InquiryPerson {
  lastName: string;
  firstName?: string;
  middleName?: string;
  /** The payer's member id (NM109 MI); for dependents usually absent. */
  memberId?: string;
  /** YYYY-MM-DD */
  dateOfBirth?: string;
  /** F, M or U */
  sex?: string;
}

export interface EligibilityInquiry {
  /** TRN02: your trace number for this question; the 271 echoes it. */
  traceNumber: string;
  subscriber: InquiryPerson;
  /** Ask about a dependent of the subscriber instead of the subscriber. */
  dependent?: InquiryPerson;
  /** EQ01 service type codes, e.g. ['30'] health benefit plan coverage, ['98'] office visit. @default ['30'] */
  serviceTypes?: string[];
  /** DTP*291: the date of service asked about (YYYY-MM-DD). */
  serviceDate?: string;
}

export interface Eligibility270 {
  interchange: InterchangeOptions;
  group: GroupOptions;
  transaction: { controlNumber: string };
  /** BHT03 and BHT04/05: your reference and the creation date and time. */
  header: { referenceId: string; date: string; time: string };
  payer: { name: string; payerId: string };
  provider: { name: string; npi: string; firstName?: string; entityType?: '1' | '2' };
  /** TRN03: a 10-character identifier of who asks (1 + EIN is common). */
  originatorId: string;
  inquiries: EligibilityInquiry[];
}

/**
 * Writes a 270 eligibility inquiry (005010X279A1): payer, provider, then one subscriber (and optional dependent)
 * per inquiry, each with its trace number. HL numbering and counts are computed.
 */
export function write270(request: Eligibility270, options: WriteOptions = {}): string {
  if (!request.inquiries.length)
    throw new X12WriteError('MISSING', 'a 270 asks about at least one subscriber (inquiries is empty)', 'HL', 0);
  const body: SegmentElements[] = [
    ['BHT', '0022', '13', request.header.referenceId, toX12Date(request.header.date), request.header.time],
  ];
  body.push(
    ['HL', '1', '', '20', '1'],
    ['NM1', 'PR', '2', request.payer.name, '', '', '', '', 'PI', request.payer.payerId],
  );
  body.push(['HL', '2', '1', '21', request.inquiries.length ? '1' : '0'], providerName('1P', request.provider));
  let hl = 2;
  for (const inquiry of request.inquiries) {
    const subscriberHl = ++hl;
    body.push(['HL', String(subscriberHl), '2', '22', inquiry.dependent ? '1' : '0']);
    const subscriberAsked = !inquiry.dependent;
    if (subscriberAsked) body.push(['TRN', '1', inquiry.traceNumber, request.originatorId]);
    body.push(...person('IL', inquiry.subscriber));
    if (subscriberAsked) body.push(...question(inquiry));
    if (inquiry.dependent) {
      body.push(
        ['HL', String(++hl), String(subscriberHl), '23', '0'],
        ['TRN', '1', inquiry.traceNumber, request.originatorId],
      );
      body.push(...person('03', inquiry.dependent), ...question(inquiry));
    }
  }
  return writeInterchange(request, 'HS', '270', '005010X279A1', body, options);
}

export function providerName(
  code: string,
  p: { name: string; npi: string; firstName?: string; entityType?: '1' | '2' },
): SegmentElements {
  return ['NM1', code, p.entityType ?? '2', p.name, p.firstName ?? '', '', '', '', 'XX', p.npi];
}

export function person(code: string, p: InquiryPerson): SegmentElements[] {
  const out: SegmentElements[] = [
    [
      'NM1',
      code,
      '1',
      p.lastName,
      p.firstName ?? '',
      p.middleName ?? '',
      '',
      '',
      p.memberId ? 'MI' : '',
      p.memberId ?? '',
    ],
  ];
  if (p.dateOfBirth || p.sex) out.push(['DMG', 'D8', p.dateOfBirth ? toX12Date(p.dateOfBirth) : '', p.sex ?? '']);
  return out;
}

function question(inquiry: EligibilityInquiry): SegmentElements[] {
  const out: SegmentElements[] = [];
  if (inquiry.serviceDate) out.push(['DTP', '291', 'D8', toX12Date(inquiry.serviceDate)]);
  out.push(['EQ', (inquiry.serviceTypes ?? ['30']).join(REPETITION)]);
  return out;
}
