// Reading PDFs back in tests, the way a person or a screen reader would get their text. Its own entry point
// (`@revcycle/testkit/pdf-text`) so test suites that never read a PDF do not load pdf.js.
import { createRequire } from 'node:module';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** pdf.js reads the standard fonts' metrics from its package (else it warns for every Helvetica text). */
const standardFontDataUrl = `${createRequire(import.meta.url)
  .resolve('pdfjs-dist/package.json')
  .replace(/package\.json$/, '')}standard_fonts/`;

/** Opens a PDF with pdf.js (no eval, the standard fonts), e.g. to draw a page. */
export function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  return getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, standardFontDataUrl }).promise;
}

/** The text of each page: every text item of the page, joined with spaces. */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const pdf = await openPdf(bytes);
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return pages;
}
