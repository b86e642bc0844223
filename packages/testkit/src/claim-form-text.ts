// Reading a printed claim form back in tests, the way a payer's OCR would: the PDF's monospaced text is put back on
// the form's 10-pitch grid (7.2 pt a column, 12 pt a line) and each piece is named by the item whose place it is
// in. Its own entry point (`@revcycle/testkit/claim-form-text`), so suites that never read a PDF do not load pdf.js.
import { openPdf } from './pdf-text.ts';

/** The parts of a renderer's form layout the reader needs (structurally `FormLayout` of @revcycle/document-pdf). */
export interface ReadableLayout {
  fields: Record<
    string,
    | { row: number; col: number; width: number; align?: 'right'; lines?: number }
    | { row: number; options: Record<string, number> }
  >;
  lineFields: Record<string, { col: number; width: number; align?: 'right'; rowOffset?: number }>;
  firstLineRow: number;
  lineStep: number;
  linesPerForm: number;
}

export interface ReadForm {
  /** Every header item found, by key; a check box item reads as the option marked. */
  fields: Record<string, string>;
  /** Each service line's items, by key. */
  lines: Array<Record<string, string>>;
  /** Printed text that is in no item's place (a misplaced value lands here). */
  stray: string[];
}

/** Where line 1's text sits: a 792 pt page, the renderer's 2 pt below the line's top, Courier's 7.55 pt ascent. */
const FIRST_BASELINE = 782.45;

interface GridText {
  row: number;
  col: number;
  text: string;
}

/** Each page's monospaced text (the data, not a background's labels) at its grid line and column. */
export async function gridTextOf(bytes: Uint8Array): Promise<GridText[][]> {
  const pdf = await openPdf(bytes);
  const pages: GridText[][] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    const page: GridText[] = [];
    for (const item of content.items) {
      if (!('str' in item) || !item.str.trim() || content.styles[item.fontName]?.fontFamily !== 'monospace') continue;
      const [, , , , x, y] = item.transform as number[];
      page.push({ row: Math.round((FIRST_BASELINE - y!) / 12) + 1, col: Math.round(x! / 7.2) + 1, text: item.str });
    }
    pages.push(page);
  }
  return pages;
}

/** Reads every page of a claim-form PDF back into items by their places in the layout. */
export async function readClaimForms(bytes: Uint8Array, layout: ReadableLayout): Promise<ReadForm[]> {
  return (await gridTextOf(bytes)).map((page) => readPage(page, layout));
}

/** A place's span on its line: the columns a value may take. */
interface Span {
  key: string;
  line?: number;
  row: number;
  from: number;
  to: number;
  align?: 'right';
}

function spansOf(layout: ReadableLayout): Span[] {
  const spans: Span[] = [];
  const add = (key: string, row: number, c: { col: number; width: number; align?: 'right' }, line?: number) => {
    const from = c.align === 'right' ? c.col - c.width + 1 : c.col;
    spans.push({ key, line, row, from, to: from + c.width - 1, align: c.align });
  };
  for (const [key, place] of Object.entries(layout.fields)) {
    if ('options' in place) continue;
    for (let i = 0; i < (place.lines ?? 1); i++) add(key, place.row + i, place);
  }
  for (let line = 0; line < layout.linesPerForm; line++)
    for (const [key, c] of Object.entries(layout.lineFields))
      add(key, layout.firstLineRow + line * layout.lineStep + (c.rowOffset ?? 0), c, line);
  return spans;
}

/**
 * Puts the page's text back into the layout's places. pdf.js cuts text at spaces, so the pieces inside one place's
 * span are laid side by side at their columns: a value that does not start at its place's column (or, aligned
 * right, end at it) reads back with the spaces that show it.
 */
function readPage(page: GridText[], layout: ReadableLayout): ReadForm {
  const read: ReadForm = { fields: {}, lines: [], stray: [] };
  const spans = spansOf(layout);
  const filled = new Map<Span, string[]>();
  for (const piece of page) {
    const box = checkBox(piece, layout);
    if (box) {
      read.fields[box.key] = box.value;
      continue;
    }
    const span = spans.find(
      (s) => s.row === piece.row && piece.col >= s.from && piece.col + piece.text.length - 1 <= s.to,
    );
    if (!span) {
      read.stray.push(`${piece.text} (line ${piece.row}, column ${piece.col})`);
      continue;
    }
    const cells = filled.get(span) ?? Array.from({ length: span.to - span.from + 1 }, () => ' ');
    for (const [i, ch] of [...piece.text].entries()) cells[piece.col - span.from + i] = ch;
    filled.set(span, cells);
  }
  for (const [span, cells] of [...filled].sort(([a], [b]) => a.row - b.row)) {
    const text = span.align === 'right' ? cells.join('').trimStart() : cells.join('').trimEnd();
    const target = span.line === undefined ? read.fields : (read.lines[span.line] ??= {});
    target[span.key] = target[span.key] ? `${target[span.key]}\n${text}` : text;
  }
  return read;
}

function checkBox(piece: GridText, layout: ReadableLayout): { key: string; value: string } | null {
  if (piece.text !== 'X') return null;
  for (const [key, place] of Object.entries(layout.fields)) {
    if (!('options' in place) || place.row !== piece.row) continue;
    const option = Object.entries(place.options).find(([, col]) => col === piece.col);
    if (option) return { key, value: option[0] };
  }
  return null;
}
