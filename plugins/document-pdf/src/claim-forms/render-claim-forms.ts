import type { ClaimFormDocument, ClaimFormKind, RenderedFile } from '@revcycle/core';
import PDFDocument from 'pdfkit';
import { CMS1500_LAYOUT } from './cms1500-layout.ts';
import type { FormLayout, Place } from './form-layout.ts';
import { POINTS_PER_COLUMN, POINTS_PER_ROW } from './form-layout.ts';
import { UB04_LAYOUT } from './ub04-layout.ts';

/** The layout of each form this renderer prints. */
export const CLAIM_FORM_LAYOUTS: Record<ClaimFormKind, FormLayout> = {
  'CMS-1500': CMS1500_LAYOUT,
  'UB-04': UB04_LAYOUT,
};

/** The dropout red of the OCR forms: what a scanner ignores, so the review copy shows the form the way it looks. */
const FORM_RED = '#d2232a';

export interface PrintOffset {
  /** Points to move everything right (negative: left), to align a printer with the preprinted form. */
  x: number;
  /** Points to move everything down (negative: up). */
  y: number;
}

/**
 * Claim forms as one PDF, a US-letter page per form, every value in Courier 12 pt (10 characters an inch) on the
 * form's grid. Without the background the pages hold the data alone, to print on the red forms; with it, each
 * item's place is outlined and labelled in the form's red, for review on plain paper.
 */
export function renderClaimForms(
  forms: readonly ClaimFormDocument[],
  options: { formBackground: boolean; offset: PrintOffset },
): Promise<RenderedFile> {
  const doc = new PDFDocument({ size: 'LETTER', margin: 0, autoFirstPage: false, info: { Title: 'Claim forms' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const form of forms) {
    const layout = CLAIM_FORM_LAYOUTS[form.form];
    doc.addPage({ size: 'LETTER', margin: 0 });
    const grid = new Grid(doc, options.offset);
    if (options.formBackground) drawBackground(grid, layout);
    doc.font('Courier').fontSize(12).fillColor('#000000');
    for (const [key, value] of Object.entries(form.fields)) {
      const place = layout.fields[key];
      if (place && value) grid.put(place, value);
    }
    for (const [i, line] of form.lines.slice(0, layout.linesPerForm).entries()) {
      const row = layout.firstLineRow + i * layout.lineStep;
      for (const [key, value] of Object.entries(line)) {
        const column = layout.lineFields[key];
        if (column && value) grid.put({ ...column, row: row + (column.rowOffset ?? 0) }, value);
      }
    }
  }
  doc.end();
  const kinds = [...new Set(forms.map((f) => f.form))].join('-');
  return done.then((bytes) => ({
    contentType: 'application/pdf',
    fileName: `${kinds || 'claim-forms'}${options.formBackground ? '-review' : ''}.pdf`,
    bytes: new Uint8Array(bytes),
  }));
}

/** Writes on the form's grid: line and column to points, with the printer offset. */
class Grid {
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly offset: PrintOffset,
  ) {}

  x(col: number): number {
    return (col - 1) * POINTS_PER_COLUMN + this.offset.x;
  }

  y(row: number): number {
    return (row - 1) * POINTS_PER_ROW + this.offset.y;
  }

  /** A value at its place: text cut to its width (each of its lines on the next row), or an X in a check box. */
  put(place: Place, value: string): void {
    if ('options' in place) {
      const col = place.options[value];
      if (col !== undefined) this.write('X', col, place.row);
      return;
    }
    const lines = value.split('\n').slice(0, place.lines ?? 1);
    for (const [i, line] of lines.entries()) {
      const cut = line.slice(0, place.width);
      const col = place.align === 'right' ? place.col - cut.length + 1 : place.col;
      this.write(cut, col, place.row + i);
    }
  }

  write(text: string, col: number, row: number): void {
    this.doc.text(text, this.x(col), this.y(row) + 2, { lineBreak: false });
  }

  /** The form's title, in its red. */
  heading(text: string, col: number, row: number): void {
    this.doc.font('Helvetica-Bold').fontSize(11).fillColor(FORM_RED);
    this.doc.text(text, this.x(col), this.y(row), { lineBreak: false });
  }

  /** An item's outline and label: the box around its columns and lines, the label above it. */
  outline(place: Place): void {
    const small = () => this.doc.font('Helvetica').fontSize(5.5).fillColor(FORM_RED).strokeColor(FORM_RED);
    small();
    if ('options' in place) {
      for (const [name, col] of Object.entries(place.options)) {
        this.doc.rect(this.x(col) - 1, this.y(place.row) + 1, POINTS_PER_COLUMN + 2, POINTS_PER_ROW - 1).stroke();
        this.doc.text(name, this.x(col + 1) + 2, this.y(place.row) + 4, { lineBreak: false });
      }
      this.doc.text(
        place.label.split(' ')[0]!,
        this.x(Math.min(...Object.values(place.options))) - 12,
        this.y(place.row) - 3,
        {
          lineBreak: false,
        },
      );
      return;
    }
    const first = place.align === 'right' ? place.col - place.width + 1 : place.col;
    const height = (place.lines ?? 1) * POINTS_PER_ROW;
    this.doc
      .lineWidth(0.4)
      .rect(this.x(first) - 1, this.y(place.row), place.width * POINTS_PER_COLUMN + 2, height)
      .stroke();
    this.doc.text(place.label, this.x(first), this.y(place.row) - 5, { lineBreak: false });
  }
}

/** The review copy's form: the title and every item's outline and label, in the form's red. */
function drawBackground(grid: Grid, layout: FormLayout): void {
  for (const place of Object.values(layout.fields)) grid.outline(place);
  for (let i = 0; i < layout.linesPerForm; i++) {
    const row = layout.firstLineRow + i * layout.lineStep;
    for (const column of Object.values(layout.lineFields))
      grid.outline({ ...column, row: row + (column.rowOffset ?? 0), label: i === 0 ? column.label : '' });
  }
  grid.heading(layout.title.text, layout.title.col, layout.title.row);
}
