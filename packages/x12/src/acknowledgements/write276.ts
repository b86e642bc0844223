import { X12WriteError } from '../writer/x12-write-error.ts';
import { centsToDecimal, toX12Date } from '../values.ts';
import { person, providerName } from '../eligibility/write270.ts';
import type { InquiryPerson } from '../eligibility/write270.ts';
import { writeInterchange } from '../writer/interchange.ts';
import type { GroupOptions, InterchangeOptions, SegmentElements, WriteOptions } from '../writer/interchange.ts';

export interface ClaimStatusInquiry {
  /** TRN02: your trace number; the 277 echoes it. */
  traceNumber: string;
  subscriber: InquiryPerson;
  /** When the patient is a dependent of the subscriber. */
  dependent?: InquiryPerson;
  /** REF*EJ: the patient control number (CLM01) of the claim asked about. */
  patientControlNumber?: string;
  /** REF*1K: the payer's claim control number, when known. */
  payerClaimControlNumber?: string;
  /** AMT*T3: the claim's total charge. */
  totalChargeCents?: number;
  /** DTP*472: service dates (YYYY-MM-DD). */
  serviceDateStart: string;
  serviceDateEnd?: string;
}

export interface ClaimStatus276 {
  interchange: InterchangeOptions;
  group: GroupOptions;
  transaction: { controlNumber: string };
  header: { referenceId: string; date: string; time: string };
  payer: { name: string; payerId: string };
  /** The information receiver (who asks): your organization, with its ETIN. */
  receiver: { name: string; etin: string };
  provider: { name: string; npi: string; firstName?: string; entityType?: '1' | '2' };
  inquiries: ClaimStatusInquiry[];
}

/** Writes a 276 claim status request (005010X212): payer, receiver, provider, then one claim per inquiry. */
export function write276(request: ClaimStatus276, options: WriteOptions = {}): string {
  if (!request.inquiries.length)
    throw new X12WriteError('MISSING', 'a 276 asks about at least one claim (inquiries is empty)', 'HL', 0);
  const body: SegmentElements[] = [
    ['BHT', '0010', '13', request.header.referenceId, toX12Date(request.header.date), request.header.time],
  ];
  body.push(
    ['HL', '1', '', '20', '1'],
    ['NM1', 'PR', '2', request.payer.name, '', '', '', '', 'PI', request.payer.payerId],
  );
  body.push(
    ['HL', '2', '1', '21', '1'],
    ['NM1', '41', '2', request.receiver.name, '', '', '', '', '46', request.receiver.etin],
  );
  body.push(['HL', '3', '2', '19', request.inquiries.length ? '1' : '0'], providerName('1P', request.provider));
  let hl = 3;
  for (const inquiry of request.inquiries) {
    const subscriberHl = ++hl;
    body.push(['HL', String(subscriberHl), '3', '22', inquiry.dependent ? '1' : '0']);
    if (inquiry.subscriber.dateOfBirth && !inquiry.dependent) body.push(...person('IL', inquiry.subscriber).slice(1));
    body.push(person('IL', { ...inquiry.subscriber, dateOfBirth: undefined, sex: undefined })[0]!);
    if (inquiry.dependent) {
      body.push(['HL', String(++hl), String(subscriberHl), '23', '0']);
      body.push(
        ...person('QC', inquiry.dependent).slice(1),
        person('QC', { ...inquiry.dependent, dateOfBirth: undefined, sex: undefined })[0]!,
      );
    }
    body.push(...claim(inquiry));
  }
  return writeInterchange(request, 'HR', '276', '005010X212', body, options);
}

function claim(inquiry: ClaimStatusInquiry): SegmentElements[] {
  const out: SegmentElements[] = [['TRN', '1', inquiry.traceNumber]];
  if (inquiry.payerClaimControlNumber) out.push(['REF', '1K', inquiry.payerClaimControlNumber]);
  if (inquiry.patientControlNumber) out.push(['REF', 'EJ', inquiry.patientControlNumber]);
  if (inquiry.totalChargeCents !== undefined) out.push(['AMT', 'T3', centsToDecimal(inquiry.totalChargeCents)]);
  const end = inquiry.serviceDateEnd ?? inquiry.serviceDateStart;
  out.push(['DTP', '472', 'RD8', `${toX12Date(inquiry.serviceDateStart)}-${toX12Date(end)}`]);
  return out;
}
