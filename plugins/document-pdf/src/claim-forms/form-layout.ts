/**
 * Where a claim form's items print. Both forms are designed for a 10-pitch grid: 10 characters an inch across, 6
 * lines an inch down (NUCC 1500 and NUBC UB-04 print guidance), so every place is a line and a column on that grid
 * (1-based, from the page's top left), and values are printed in Courier 12 pt, whose characters are exactly one
 * column (7.2 pt) wide.
 */
export type Place =
  /** Text starting at a column (or ending at it, right-aligned), cut to `width` characters. */
  | { label: string; row: number; col: number; width: number; align?: 'right'; lines?: number }
  /** A check box item: an X in the column of the option the value names. */
  | { label: string; row: number; options: Record<string, number> };

export interface FormLayout {
  /** Places of the header items, by key (`CMS1500_FIELDS` / `UB04_FIELDS`). */
  fields: Record<string, Place>;
  /** Columns of the line items, by key; a line's row is `firstLineRow + i * lineStep` (+ `rowOffset`). */
  lineFields: Record<string, { label: string; col: number; width: number; align?: 'right'; rowOffset?: number }>;
  firstLineRow: number;
  lineStep: number;
  linesPerForm: number;
  /** Headings drawn with the form background: the form's title and where it is. */
  title: { text: string; row: number; col: number };
}

export const POINTS_PER_COLUMN = 7.2;
export const POINTS_PER_ROW = 12;

/** A text place (shorthand for the layout tables). */
export function text(
  label: string,
  row: number,
  col: number,
  width: number,
  extra: { align?: 'right'; lines?: number } = {},
): Place {
  return { label, row, col, width, ...extra };
}
