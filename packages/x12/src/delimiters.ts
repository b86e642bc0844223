import { X12ParseError } from './x12-parse-error.ts';

/** The separators of one interchange, read from its ISA segment. */
export interface Delimiters {
  /** The 4th character of the ISA, e.g. `*`. */
  element: string;
  /** ISA16, e.g. `:`. */
  component: string;
  /** ISA11 in 5010, e.g. `^`; undefined when ISA11 is a code (`U` in older files), meaning no repetitions. */
  repetition: string | undefined;
  /** The character after ISA16, e.g. `~`. */
  segment: string;
}

export const DEFAULT_DELIMITERS: Delimiters = { element: '*', component: ':', repetition: '^', segment: '~' };

/** The ISA is fixed-width: 106 characters including its terminator. */
export const ISA_LENGTH = 106;

/**
 * Reads the delimiters of the ISA starting at `offset`. The ISA's fixed width puts the element separator at
 * offset 3, ISA11 at 82, ISA16 at 104 and the segment terminator at 105.
 */
export function readDelimiters(input: string, offset: number, segmentIndex: number, byteOffset = offset): Delimiters {
  const fail = (message: string): never => {
    throw new X12ParseError('BAD_ISA', message, { segmentIndex, segmentId: 'ISA', elementPosition: 0, byteOffset });
  };
  if (input.length - offset < ISA_LENGTH) fail('The ISA segment is shorter than its fixed 106 characters');
  const element = input[offset + 3]!;
  if (/[A-Za-z0-9\s]/.test(element)) fail(`"${element}" cannot be an element separator`);
  // Every ISA element has a fixed width; the separators must sit exactly where the widths put them.
  const widths = [2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1];
  let at = offset + 3;
  for (const [i, width] of widths.entries()) {
    if (input[at] !== element) fail(`ISA${String(i + 1).padStart(2, '0')} is not ${width} characters wide`);
    at += width + 1;
  }
  if (input[at] !== element) fail('ISA15 is not 1 character wide');
  const component = input[offset + 104]!;
  const segment = input[offset + 105]!;
  const isa11 = input[offset + 82]!;
  if (component === element || segment === element || segment === component)
    fail('The ISA uses one character for two separators');
  if (/[A-Za-z0-9]/.test(component)) fail(`"${component}" (ISA16) cannot be a component separator`);
  const repetition = /[A-Za-z0-9 ]/.test(isa11) ? undefined : isa11;
  return { element, component, repetition, segment };
}
