/** Why a writer refused its input. Stable, machine-readable. */
export type X12WriteErrorCode =
  /** A value holds one of the interchange's separators: written, it would split the element or the segment. */
  | 'DELIMITER_IN_DATA'
  /** A character outside the X12 basic and extended character sets, after diacritics were transliterated. */
  | 'CHARACTER_SET'
  /** A value longer than the element allows (nothing is ever cut to fit). */
  | 'TOO_LONG'
  /** A value of the wrong form: a date that is not YYYY-MM-DD, a negative amount, a control number that is not digits. */
  | 'BAD_VALUE'
  /** More repeats than the implementation guide allows (lines, diagnoses, modifiers, pointers). */
  | 'TOO_MANY'
  /** Something the guide requires is missing (a claim without lines, an inquiry without a subscriber). */
  | 'MISSING'
  /** Figures that must agree do not (CLM02 and the sum of the lines). */
  | 'INCONSISTENT';

/**
 * The one error a writer throws: nothing is written when any value is wrong. It names where — the claim (or
 * inquiry) it belongs to, the segment and the element — and what.
 * @example try { write837P(s) } catch (e) { if (e instanceof X12WriteError) console.log(e.code, e.where, e.segmentId) }
 */
export class X12WriteError extends Error {
  override readonly name = 'X12WriteError';

  constructor(
    readonly code: X12WriteErrorCode,
    readonly detail: string,
    /** e.g. `CLM01` or `HI`; empty when the problem is not one element. */
    readonly segmentId: string,
    /** 1-based element position (CLM02 → 2); 0 for the segment or the input as a whole. */
    readonly elementPosition: number,
    /** Whose data it is, e.g. `claim RC00012` or `interchange`. */
    readonly where: string = '',
  ) {
    const element =
      segmentId && elementPosition ? `${segmentId}${String(elementPosition).padStart(2, '0')}` : segmentId;
    super([where, element, detail].filter(Boolean).join(': '));
  }

  /** The same error, said to belong to `where` (the first caller that knows whose data it was names it). */
  within(where: string): X12WriteError {
    return this.where ? this : new X12WriteError(this.code, this.detail, this.segmentId, this.elementPosition, where);
  }
}
