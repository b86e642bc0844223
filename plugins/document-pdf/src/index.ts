import { ConfigError, defineDocumentRenderer } from '@revcycle/core';
import type { DocumentRenderer, LetterDocument, RenderedFile } from '@revcycle/core';
import PDFDocument from 'pdfkit';
import { renderClaimForms } from './claim-forms/render-claim-forms.ts';
import type { PrintOffset } from './claim-forms/render-claim-forms.ts';

export { CLAIM_FORM_LAYOUTS } from './claim-forms/render-claim-forms.ts';
export type { FormLayout, Place } from './claim-forms/form-layout.ts';

export interface PdfRendererOptions {
  /** @default 'pdf' */
  id?: string;
  instanceId?: string;
  /** Body font size in points. @default 10.5 */
  fontSize?: number;
  /** The accent color of the letterhead rule, as #rrggbb. @default '#1f4e79' */
  accentColor?: string;
  /**
   * Moves claim forms on the page to meet a printer's preprinted red forms, in points (1/72 inch; right and down
   * are positive, at most half an inch). Print a test batch with the form background on plain paper, hold it to a
   * red form against the light, and set what it is off by. @default { x: 0, y: 0 }
   */
  claimFormOffset?: PrintOffset;
}

const MARGIN = 72;

/**
 * Lays a letter out on US-letter pages: letterhead with a rule, date, recipient, a reference block, the body,
 * a table (e.g. the denied lines) that breaks across pages with its header repeated, headed sections, closing,
 * signature and enclosures, a response form on its own page below a cut line, and page numbers in the footer.
 */
export function pdfDocumentRenderer(options: PdfRendererOptions = {}): DocumentRenderer {
  const fontSize = options.fontSize ?? 10.5;
  if (!(fontSize >= 6 && fontSize <= 18))
    throw new ConfigError('documents[pdf].fontSize', 'must be between 6 and 18 points');
  const accent = options.accentColor ?? '#1f4e79';
  if (!/^#[0-9a-f]{6}$/i.test(accent)) throw new ConfigError('documents[pdf].accentColor', 'must be a #rrggbb color');
  const offset = options.claimFormOffset ?? { x: 0, y: 0 };
  if (![offset.x, offset.y].every((v) => Number.isFinite(v) && Math.abs(v) <= 36))
    throw new ConfigError('documents[pdf].claimFormOffset', 'x and y must be numbers of points between -36 and 36');
  // Built first, then returned: as a return value its type would be inferred from DocumentRenderer (with `kind`).
  const renderer = defineDocumentRenderer({
    id: options.id ?? 'pdf',
    instanceId: options.instanceId,
    displayName: 'PDF letters and claim forms (pdfkit)',
    contentType: 'application/pdf',
    render: (letter: LetterDocument) => renderPdf(letter, fontSize, accent),
    claimForms: ['CMS-1500', 'UB-04'],
    renderClaimForms: (forms, { formBackground }) => renderClaimForms(forms, { formBackground, offset }),
  });
  return renderer;
}

function renderPdf(letter: LetterDocument, fontSize: number, accent: string): Promise<RenderedFile> {
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: letter.title, Author: letter.from.name, Subject: letter.kind },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - MARGIN * 2;

  doc
    .font('Helvetica-Bold')
    .fontSize(fontSize + 5)
    .fillColor(accent)
    .text(letter.from.name);
  doc
    .font('Helvetica')
    .fontSize(fontSize - 1.5)
    .fillColor('#333333');
  for (const line of letter.from.lines) doc.text(line);
  doc
    .moveDown(0.4)
    .moveTo(MARGIN, doc.y)
    .lineTo(MARGIN + width, doc.y)
    .lineWidth(1.2)
    .strokeColor(accent)
    .stroke();
  doc.moveDown(1.2).fillColor('#000000').fontSize(fontSize);
  doc.text(
    new Date(`${letter.date}T12:00:00Z`).toLocaleDateString('en-US', {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      timeZone: 'UTC',
    }),
  );
  doc.moveDown();
  doc.font('Helvetica-Bold').text(letter.to.name).font('Helvetica');
  for (const line of letter.to.lines) doc.text(line);
  doc.moveDown();
  doc
    .font('Helvetica-Bold')
    .fontSize(fontSize + 1)
    .text(letter.title)
    .fontSize(fontSize)
    .moveDown(0.5);
  for (const r of letter.references)
    doc.font('Helvetica-Bold').text(`${r.label}: `, { continued: true }).font('Helvetica').text(r.value);
  doc.moveDown();
  if (letter.salutation) doc.text(letter.salutation).moveDown(0.6);
  for (const p of letter.paragraphs) doc.text(p, { align: 'left', lineGap: 2 }).moveDown(0.6);
  if (letter.table?.rows.length) table(doc, letter.table, width, fontSize, accent);
  for (const section of letter.sections ?? []) {
    doc.moveDown(0.6).font('Helvetica-Bold').text(section.heading).font('Helvetica').moveDown(0.3);
    for (const p of section.paragraphs) doc.text(`•  ${p}`, { lineGap: 2, indent: 0 }).moveDown(0.4);
  }
  doc.moveDown().text(letter.closing).moveDown(2);
  for (const line of letter.signature) doc.text(line);
  if (letter.enclosures.length) {
    doc.moveDown().font('Helvetica-Bold').text('Enclosures:').font('Helvetica');
    for (const e of letter.enclosures) doc.text(`• ${e}`);
  }
  if (letter.responseForm) responseForm(doc, letter.responseForm, width, fontSize);
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // The footer sits in the bottom margin: lift the margin while writing it, or pdfkit would start a new page.
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(fontSize - 2.5)
      .fillColor('#666666')
      .text(`${letter.from.name} · page ${i + 1} of ${range.count}`, MARGIN, doc.page.height - MARGIN + 24, {
        width,
        align: 'center',
        lineBreak: false,
      });
  }
  doc.end();
  return done.then((bytes) => ({
    contentType: 'application/pdf',
    fileName: `${letter.kind}-${letter.date}.pdf`,
    bytes: new Uint8Array(bytes),
  }));
}

/**
 * The form the reader cuts off and mails back, on a page of its own below a dashed cut line: its heading, an
 * empty box before each choice, the notes, and the address it goes to.
 */
function responseForm(
  doc: PDFKit.PDFDocument,
  form: NonNullable<LetterDocument['responseForm']>,
  width: number,
  fontSize: number,
): void {
  doc.addPage();
  doc
    .moveTo(MARGIN, doc.y)
    .lineTo(MARGIN + width, doc.y)
    .dash(4, { space: 3 })
    .lineWidth(0.8)
    .strokeColor('#666666')
    .stroke()
    .undash();
  doc
    .moveDown(0.8)
    .font('Helvetica-Bold')
    .fontSize(fontSize + 1)
    .text(form.heading)
    .fontSize(fontSize);
  doc.font('Helvetica').moveDown(0.4);
  for (const line of form.intro) doc.text(line).moveDown(0.3);
  const box = fontSize - 1;
  for (const choice of form.choices) {
    const x = MARGIN + (choice.indent ? 18 : 0);
    const y = doc.y;
    doc.rect(x, y, box, box).lineWidth(0.8).strokeColor('#000000').stroke();
    doc.text(choice.label, x + box + 6, y, { width: width - (x - MARGIN) - box - 6 });
    doc.moveDown(0.4);
  }
  doc.x = MARGIN;
  doc.moveDown(0.4);
  for (const note of form.notes) doc.text(note, MARGIN, doc.y, { width }).moveDown(0.3);
  doc.moveDown(0.6).font('Helvetica-Bold').text(form.mailTo.label).font('Helvetica');
  doc.text(form.mailTo.name);
  for (const line of form.mailTo.lines) doc.text(line);
}

function table(
  doc: PDFKit.PDFDocument,
  t: NonNullable<LetterDocument['table']>,
  width: number,
  fontSize: number,
  accent: string,
): void {
  const columnWidth = width / t.columns.length;
  const rowHeight = fontSize + 8;
  const header = () => {
    doc.font('Helvetica-Bold').fillColor(accent);
    const y = doc.y;
    for (const [i, c] of t.columns.entries()) {
      doc.text(c, MARGIN + i * columnWidth, y, {
        width: columnWidth - 6,
        align: i === t.columns.length - 1 ? 'right' : 'left',
        lineBreak: false,
      });
    }
    doc.y = y + rowHeight;
    doc.font('Helvetica').fillColor('#000000');
  };
  header();
  for (const row of t.rows) {
    if (doc.y + rowHeight > doc.page.height - MARGIN) {
      doc.addPage();
      header();
    }
    const y = doc.y;
    for (const [i, cell] of row.entries()) {
      doc.text(cell, MARGIN + i * columnWidth, y, {
        width: columnWidth - 6,
        align: i === row.length - 1 ? 'right' : 'left',
        lineBreak: false,
      });
    }
    doc.y = y + rowHeight;
  }
  doc.x = MARGIN;
}
