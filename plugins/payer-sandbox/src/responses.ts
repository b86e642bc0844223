import { centsToDecimal, compositeOf, writeInterchange } from '@revcycle/x12';
import type { SegmentElements } from '@revcycle/x12';

/** An STC01 status written as we note it (A7:21:IL) as the composite it is: category, status, entity. */
const stc = (status: string) => compositeOf(status.split(':'));

/** The envelope of a file the sandbox sends back, addressed to whoever sent the request. */
export interface ReplyEnvelope {
  sender: string;
  receiver: string;
  controlNumber: number;
  now: Date;
}

function envelope(reply: ReplyEnvelope) {
  const date = reply.now.toISOString().slice(0, 10);
  const time = reply.now.toISOString().slice(11, 16).replace(':', '');
  return {
    interchange: {
      senderQualifier: 'ZZ',
      senderId: reply.sender,
      receiverQualifier: 'ZZ',
      receiverId: reply.receiver,
      date,
      time,
      controlNumber: String(reply.controlNumber).padStart(9, '0'),
      usage: 'T',
    },
    group: {
      senderCode: reply.sender,
      receiverCode: reply.receiver,
      date,
      time,
      controlNumber: String(reply.controlNumber),
    },
    transaction: { controlNumber: '0001' },
  };
}

const ymd = (d: Date) => d.toISOString().slice(0, 10).replace(/-/g, '');

/** A 999 accepting one 837 transaction set of the group `groupControlNumber`. */
export function write999(reply: ReplyEnvelope, groupControlNumber: string, transactionControlNumber: string): string {
  const body: SegmentElements[] = [
    ['AK1', 'HC', groupControlNumber, '005010X222A1'],
    ['AK2', '837', transactionControlNumber, '005010X222A1'],
    ['IK5', 'A'],
    ['AK9', 'A', '1', '1', '1'],
  ];
  return writeInterchange(envelope(reply), 'FA', '999', '005010X231A1', body);
}

export interface ClaimAcknowledgement {
  patientControlNumber: string;
  chargeCents: number;
  patient: { lastName: string; firstName?: string; memberId?: string };
  accepted: boolean;
  /** STC01 when rejected, e.g. A7:21:IL (invalid subscriber information). */
  rejection?: string;
  payerClaimControlNumber?: string;
}

/** A 277CA: the batch acknowledged, then each claim accepted (A2:20) or rejected. */
export function write277CA(
  reply: ReplyEnvelope,
  payer: { name: string; id: string },
  billing: { name: string; npi: string },
  claims: ClaimAcknowledgement[],
): string {
  const day = ymd(reply.now);
  const total = claims.reduce((sum, c) => sum + c.chargeCents, 0);
  const body: SegmentElements[] = [
    ['BHT', '0085', '08', String(reply.controlNumber), day, '1200', 'TH'],
    ['HL', '1', '', '20', '1'],
    ['NM1', 'PR', '2', payer.name, '', '', '', '', 'PI', payer.id],
    ['TRN', '1', String(reply.controlNumber)],
    ['DTP', '050', 'D8', day],
    ['DTP', '009', 'D8', day],
    ['HL', '2', '1', '21', '1'],
    ['NM1', '41', '2', 'SUBMITTER', '', '', '', '', '46', reply.receiver],
    ['TRN', '2', String(reply.controlNumber)],
    ['STC', stc('A1:20'), day, 'WQ', centsToDecimal(total)],
    ['HL', '3', '2', '19', '1'],
    ['NM1', '85', '2', billing.name, '', '', '', '', 'XX', billing.npi],
  ];
  claims.forEach((c, i) => {
    body.push(
      ['HL', String(4 + i), '3', 'PT'],
      [
        'NM1',
        'QC',
        '1',
        c.patient.lastName,
        c.patient.firstName ?? '',
        '',
        '',
        '',
        c.patient.memberId ? 'MI' : '',
        c.patient.memberId ?? '',
      ],
    );
    body.push(
      ['TRN', '2', c.patientControlNumber],
      [
        'STC',
        stc(c.accepted ? 'A2:20' : (c.rejection ?? 'A7:21')),
        day,
        c.accepted ? 'WQ' : 'U',
        centsToDecimal(c.chargeCents),
      ],
    );
    if (c.payerClaimControlNumber) body.push(['REF', '1K', c.payerClaimControlNumber]);
  });
  return writeInterchange(envelope(reply), 'HN', '277', '005010X214', body);
}

/** A 271 for one member: active with a plan, copay, coinsurance and deductibles — or a rejection (AAA). */
export function write271(
  reply: ReplyEnvelope,
  payer: { name: string; id: string },
  provider: { name: string; npi: string },
  member: { lastName: string; firstName?: string; memberId: string; trace: string },
  answer: { active: true; plan: string } | { active: false; rejection: string },
): string {
  const body: SegmentElements[] = [
    ['BHT', '0022', '11', String(reply.controlNumber), ymd(reply.now), '1200'],
    ['HL', '1', '', '20', '1'],
    ['NM1', 'PR', '2', payer.name, '', '', '', '', 'PI', payer.id],
    ['HL', '2', '1', '21', '1'],
    ['NM1', '1P', '2', provider.name, '', '', '', '', 'XX', provider.npi],
    ['HL', '3', '2', '22', '0'],
    ['TRN', '2', member.trace, '9SANDBOX'],
    ['NM1', 'IL', '1', member.lastName, member.firstName ?? '', '', '', '', 'MI', member.memberId],
  ];
  if (answer.active) {
    body.push(
      ['EB', '1', 'IND', '30', '', answer.plan],
      ['EB', 'B', 'IND', '98', '', '', '27', '25'],
      ['EB', 'A', 'IND', '98', '', '', '', '', '.2'],
      ['EB', 'C', 'IND', '30', '', '', '23', '1500'],
      ['EB', 'C', 'IND', '30', '', '', '29', '650'],
    );
  } else {
    body.push(['AAA', 'Y', '', answer.rejection, 'C']);
  }
  return writeInterchange(envelope(reply), 'HB', '271', '005010X279A1', body);
}

/** What the sandbox payer knows of a claim, to answer a 276. */
export interface ClaimStatusAnswer {
  patientControlNumber: string;
  trace: string;
  patient: { lastName: string; firstName?: string; memberId?: string };
  /** STC01, e.g. F1:65 paid, F2:104 denied, A7:21 rejected, A4:35 not found. */
  status: string;
  chargeCents?: number;
  paidCents?: number;
  payerClaimControlNumber?: string;
  serviceDate?: string;
}

/** A 277 (005010X212) answering a 276: one claim status per inquiry. */
export function write277(
  reply: ReplyEnvelope,
  payer: { name: string; id: string },
  provider: { name: string; npi: string },
  answers: ClaimStatusAnswer[],
): string {
  const day = ymd(reply.now);
  const body: SegmentElements[] = [
    ['BHT', '0010', '08', String(reply.controlNumber), day, '1200', 'DG'],
    ['HL', '1', '', '20', '1'],
    ['NM1', 'PR', '2', payer.name, '', '', '', '', 'PI', payer.id],
    ['HL', '2', '1', '21', '1'],
    ['NM1', '41', '2', 'SUBMITTER', '', '', '', '', '46', reply.receiver],
    ['HL', '3', '2', '19', '1'],
    ['NM1', '1P', '2', provider.name, '', '', '', '', 'XX', provider.npi],
  ];
  answers.forEach((a, i) => {
    body.push(
      ['HL', String(4 + i), '3', '22', '0'],
      [
        'NM1',
        'IL',
        '1',
        a.patient.lastName,
        a.patient.firstName ?? '',
        '',
        '',
        '',
        a.patient.memberId ? 'MI' : '',
        a.patient.memberId ?? '',
      ],
    );
    body.push(
      ['TRN', '2', a.trace],
      [
        'STC',
        stc(a.status),
        day,
        '',
        a.chargeCents === undefined ? '' : centsToDecimal(a.chargeCents),
        a.paidCents === undefined ? '' : centsToDecimal(a.paidCents),
      ],
    );
    if (a.payerClaimControlNumber) body.push(['REF', '1K', a.payerClaimControlNumber]);
    body.push(['REF', 'EJ', a.patientControlNumber]);
    if (a.serviceDate) body.push(['DTP', '472', 'D8', a.serviceDate.replaceAll('-', '')]);
  });
  return writeInterchange(envelope(reply), 'HN', '277', '005010X212', body);
}
