import { DEFAULT_DELIMITERS } from '../delimiters.ts';
import type { Delimiters } from '../delimiters.ts';
import type { InterchangeHeader } from '../envelope.ts';
import { toX12Date } from '../values.ts';
import { checkElement, toX12Characters } from './character-set.ts';
import { checkLength } from './element-lengths.ts';
import { COMPONENT, REPETITION } from './placeholders.ts';
import { X12WriteError } from './x12-write-error.ts';

/** One segment as its elements, the id first. */
export type SegmentElements = string[];

export { COMPONENT, REPETITION };

export interface WriteOptions {
  /** @default { element: '*', component: ':', repetition: '^', segment: '~' } */
  delimiters?: Delimiters;
  /** Written after each segment terminator. @default '\n' */
  lineBreak?: string;
}

/** The ISA as a writer needs it: the header a reader returns, with the rarely used elements optional. */
export type InterchangeOptions = Omit<
  InterchangeHeader,
  'authorizationQualifier' | 'authorization' | 'securityQualifier' | 'security' | 'acknowledgmentRequested'
> &
  Partial<
    Pick<
      InterchangeHeader,
      'authorizationQualifier' | 'authorization' | 'securityQualifier' | 'security' | 'acknowledgmentRequested'
    >
  >;

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
  return parts
    .slice(0, end)
    .map((p) => p ?? '')
    .join(COMPONENT);
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
  return writeInterchangeOf(envelope, functionalId, transactionId, version, (add) => body.forEach(add), options);
}

/**
 * `writeInterchange` for a body produced segment by segment: `writeBody` calls `add` for each one, and each is
 * turned into text at once. A large batch then holds its finished text, not an array per segment and a string per
 * element until the end (for 20 000 claims that was most of the writer's time, spent collecting garbage).
 */
export function writeInterchangeOf(
  envelope: { interchange: InterchangeOptions; group: GroupOptions; transaction: { controlNumber: string } },
  functionalId: string,
  transactionId: string,
  version: string,
  writeBody: (add: (segment: SegmentElements) => void) => void,
  options: WriteOptions = {},
): string {
  const d = options.delimiters ?? DEFAULT_DELIMITERS;
  const i = envelope.interchange;
  const g = envelope.group;
  // The ISA is fixed-width: a value that does not fit is refused, never cut (a cut id reaches another receiver).
  const pad = (value: string | undefined, width: number, position: number) => {
    if ((value ?? '').length > width)
      throw new X12WriteError(
        'TOO_LONG',
        `"${value}" is longer than ${width} characters`,
        'ISA',
        position,
        'interchange',
      );
    return (value ?? '').padEnd(width, ' ');
  };
  const digits = (value: string, max: number, segmentId: string, position: number) => {
    if (!/^\d+$/.test(value) || value.length > max)
      throw new X12WriteError('BAD_VALUE', `"${value}" is not 1 to ${max} digits`, segmentId, position, 'interchange');
    return value;
  };
  const interchangeControl = digits(i.controlNumber, 9, 'ISA', 13).padStart(9, '0');
  digits(g.controlNumber, 9, 'GS', 6);
  const st02 = envelope.transaction.controlNumber;
  if (!/^[A-Za-z0-9]{4,9}$/.test(st02))
    throw new X12WriteError('BAD_VALUE', `"${st02}" is not 4 to 9 characters`, 'ST', 2, 'interchange');
  const text = new SegmentText(d, options.lineBreak ?? '\n');
  text.add(
    [
      'ISA',
      pad(i.authorizationQualifier ?? '00', 2, 1),
      pad(i.authorization, 10, 2),
      pad(i.securityQualifier ?? '00', 2, 3),
      pad(i.security, 10, 4),
      pad(i.senderQualifier, 2, 5),
      pad(i.senderId, 15, 6),
      pad(i.receiverQualifier, 2, 7),
      pad(i.receiverId, 15, 8),
      toX12Date(i.date).slice(2),
      i.time,
      d.repetition ?? 'U',
      '00501',
      interchangeControl,
      i.acknowledgmentRequested ?? '0',
      i.usage,
      d.component,
    ],
    false,
  );
  text.add([
    'GS',
    functionalId,
    g.senderCode,
    g.receiverCode,
    toX12Date(g.date),
    g.time,
    g.controlNumber,
    'X',
    version,
  ]);
  const before = text.count;
  text.add(['ST', transactionId, envelope.transaction.controlNumber, version]);
  writeBody((segment) => text.add(segment));
  text.add(['SE', String(text.count - before + 1), envelope.transaction.controlNumber]);
  text.add(['GE', '1', g.controlNumber]);
  text.add(['IEA', '1', interchangeControl]);
  return text.toString();
}

/** Segments as text, in order: elements joined, placeholders swapped for the real separators, terminated. */
class SegmentText {
  count = 0;
  private readonly parts: string[] = [];

  constructor(
    private readonly d: Delimiters,
    private readonly lineBreak: string,
  ) {}

  /** Adds a segment; every value is put in the X12 character sets and checked first (see `checkElement`). */
  add(segment: SegmentElements, trim = true): void {
    // A copy: the caller's segments (raw segments of an input) are never changed.
    const elements = [...(trim ? trimTrailing(segment) : segment)];
    const isa = elements[0] === 'ISA';
    for (let i = 1; i < elements.length; i++) {
      // An element a caller left undefined is empty, as joining it always made it.
      const value = toX12Characters(elements[i] ?? '');
      // ISA11 and ISA16 are the repetition and component separators themselves.
      if (!(isa && (i === 11 || i === 16))) checkElement(value, this.d, elements[0]!, i);
      checkLength(value, elements[0]!, i);
      elements[i] = value;
    }
    let line = elements.join(this.d.element);
    if (line.includes(COMPONENT)) line = line.replaceAll(COMPONENT, this.d.component);
    if (line.includes(REPETITION)) line = line.replaceAll(REPETITION, this.d.repetition ?? '');
    this.parts.push(line + this.d.segment + this.lineBreak);
    this.count++;
  }

  toString(): string {
    return this.parts.join('');
  }
}

function trimTrailing(segment: SegmentElements): SegmentElements {
  let end = segment.length;
  while (end > 1 && segment[end - 1] === '') end--;
  return end === segment.length ? segment : segment.slice(0, end);
}
