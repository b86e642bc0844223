import { DEFAULT_DELIMITERS } from '../delimiters.ts';
import type { Delimiters } from '../delimiters.ts';
import type { InterchangeHeader } from '../envelope.ts';
import { toX12Date } from '../values.ts';

/** One segment as its elements, the id first. */
export type SegmentElements = string[];

/** Stand for the component and repetition separators while segments are built; swapped when the delimiters are known. */
export const COMPONENT = '\u0000';
export const REPETITION = '\u0001';

export interface WriteOptions {
  /** @default { element: '*', component: ':', repetition: '^', segment: '~' } */
  delimiters?: Delimiters;
  /** Written after each segment terminator. @default '\n' */
  lineBreak?: string;
}

/** The ISA as a writer needs it: the header a reader returns, with the rarely used elements optional. */
export type InterchangeOptions = Omit<InterchangeHeader, 'authorizationQualifier' | 'authorization' | 'securityQualifier' | 'security' | 'acknowledgmentRequested'> &
  Partial<Pick<InterchangeHeader, 'authorizationQualifier' | 'authorization' | 'securityQualifier' | 'security' | 'acknowledgmentRequested'>>;

export interface GroupOptions {
  senderCode: string;
  receiverCode: string;
  /** YYYY-MM-DD */
  date: string;
  /** HHMM or HHMMSS */
  time: string;
  controlNumber: string;
}

/** Components joined with the placeholder; trailing empty components dropped. */
export function compositeOf(parts: Array<string | undefined>): string {
  let end = parts.length;
  while (end > 1 && !parts[end - 1]) end--;
  return parts.slice(0, end).map((p) => p ?? '').join(COMPONENT);
}

/**
 * Wraps one transaction set's body in ST/SE, GS/GE and ISA/IEA. Counts are computed; control numbers come from
 * the caller, so the output is deterministic. Trailing empty elements are dropped (the ISA keeps its fixed width).
 */
export function writeInterchange(
  envelope: { interchange: InterchangeOptions; group: GroupOptions; transaction: { controlNumber: string } },
  functionalId: string,
  transactionId: string,
  version: string,
  body: SegmentElements[],
  options: WriteOptions = {},
): string {
  const d = options.delimiters ?? DEFAULT_DELIMITERS;
  const i = envelope.interchange;
  const g = envelope.group;
  const pad = (value: string | undefined, width: number) => (value ?? '').padEnd(width, ' ').slice(0, width);
  const interchangeControl = i.controlNumber.padStart(9, '0');
  const isa: SegmentElements = [
    'ISA', pad(i.authorizationQualifier ?? '00', 2), pad(i.authorization, 10), pad(i.securityQualifier ?? '00', 2), pad(i.security, 10),
    pad(i.senderQualifier, 2), pad(i.senderId, 15), pad(i.receiverQualifier, 2), pad(i.receiverId, 15),
    toX12Date(i.date).slice(2), i.time, d.repetition ?? 'U', '00501', interchangeControl, i.acknowledgmentRequested ?? '0', i.usage, d.component,
  ];
  const segments: SegmentElements[] = [
    isa,
    ['GS', functionalId, g.senderCode, g.receiverCode, toX12Date(g.date), g.time, g.controlNumber, 'X', version],
    ['ST', transactionId, envelope.transaction.controlNumber, version],
    ...body,
    ['SE', String(body.length + 2), envelope.transaction.controlNumber],
    ['GE', '1', g.controlNumber],
    ['IEA', '1', interchangeControl],
  ];
  const lineBreak = options.lineBreak ?? '\n';
  return segments
    .map((s, n) => (n === 0 ? s : trimTrailing(s)).join(d.element) + d.segment + lineBreak)
    .join('')
    .replaceAll(COMPONENT, d.component)
    .replaceAll(REPETITION, d.repetition ?? '');
}

function trimTrailing(segment: SegmentElements): SegmentElements {
  let end = segment.length;
  while (end > 1 && segment[end - 1] === '') end--;
  return segment.slice(0, end);
}
