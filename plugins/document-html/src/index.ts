import { defineDocumentRenderer } from '@revcycle/core';
import type { DocumentRenderer, LetterDocument } from '@revcycle/core';

export interface HtmlDocumentOptions {
  /** @default 'html' */
  id?: string;
  instanceId?: string;
  /** The page's language (`lang`) for letters that do not give theirs (`LetterDocument.language`). @default 'en' */
  lang?: string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const lines = (items: string[]) => items.map(escapeHtml).join('<br>');

/**
 * A letter as one self-contained, accessible HTML page for electronic delivery (an e-mail body, a portal): semantic
 * headings and a table with scoped headers, inline styles, a language, no script. The response form is a fieldset
 * of check boxes the reader can print, with the address it goes to.
 */
export function htmlDocumentRenderer(options: HtmlDocumentOptions = {}): DocumentRenderer {
  const spec: Omit<DocumentRenderer, 'kind'> = {
    id: options.id ?? 'html',
    instanceId: options.instanceId,
    displayName: 'HTML letters',
    contentType: 'text/html; charset=utf-8',
    async render(letter: LetterDocument) {
      return {
        contentType: 'text/html; charset=utf-8',
        fileName: `${letter.kind}-${letter.date}.html`,
        bytes: new TextEncoder().encode(page(letter, letter.language ?? options.lang ?? 'en')),
      };
    },
  };
  return defineDocumentRenderer(spec);
}

function page(letter: LetterDocument, lang: string): string {
  const table = letter.table?.rows.length
    ? `<table style="border-collapse:collapse;margin:1em 0">
      <thead><tr>${letter.table.columns.map((c) => `<th scope="col" style="text-align:left;padding:4px 12px 4px 0">${escapeHtml(c)}</th>`).join('')}</tr></thead>
      <tbody>${letter.table.rows.map((r) => `<tr>${r.map((cell, i) => (i === 0 ? `<th scope="row" style="text-align:left;font-weight:normal;padding:4px 12px 4px 0">${escapeHtml(cell)}</th>` : `<td style="text-align:right;padding:4px 0">${escapeHtml(cell)}</td>`)).join('')}</tr>`).join('')}</tbody>
    </table>`
    : '';
  const sections = (letter.sections ?? [])
    .map(
      (s) =>
        `<section><h2 style="font-size:1.05em">${escapeHtml(s.heading)}</h2><ul>${s.paragraphs.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul></section>`,
    )
    .join('');
  const form = letter.responseForm;
  const response = form
    ? `<hr style="border-top:1px dashed #666;margin:2em 0">
    <form aria-labelledby="response"><fieldset style="border:1px solid #999;padding:1em">
      <legend id="response"><strong>${escapeHtml(form.heading)}</strong></legend>
      ${form.intro.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}
      ${form.choices.map((c, i) => `<p style="margin-left:${c.indent ? '1.5em' : '0'}"><input type="checkbox" id="choice-${i}"> <label for="choice-${i}">${escapeHtml(c.label)}</label></p>`).join('')}
      ${form.notes.map((n) => `<p>${escapeHtml(n)}</p>`).join('')}
      <p><strong>${escapeHtml(form.mailTo.label)}</strong><br>${lines([form.mailTo.name, ...form.mailTo.lines])}</p>
    </fieldset></form>`
    : '';
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head><meta charset="utf-8"><title>${escapeHtml(letter.title)}</title></head>
<body style="font-family:Helvetica,Arial,sans-serif;max-width:42em;margin:2em auto;line-height:1.45;color:#111">
  <header><p><strong>${escapeHtml(letter.from.name)}</strong><br>${lines(letter.from.lines)}</p></header>
  <p>${escapeHtml(new Date(`${letter.date}T12:00:00Z`).toLocaleDateString(lang === 'es' ? 'es-US' : 'en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }))}</p>
  <address style="font-style:normal"><strong>${escapeHtml(letter.to.name)}</strong><br>${lines(letter.to.lines)}</address>
  <h1 style="font-size:1.3em">${escapeHtml(letter.title)}</h1>
  <dl>${letter.references.map((r) => `<dt style="display:inline;font-weight:bold">${escapeHtml(r.label)}:</dt> <dd style="display:inline;margin:0">${escapeHtml(r.value)}</dd><br>`).join('')}</dl>
  ${letter.salutation ? `<p>${escapeHtml(letter.salutation)}</p>` : ''}
  ${letter.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}
  ${table}
  ${sections}
  <p>${escapeHtml(letter.closing)}</p>
  <p>${lines(letter.signature)}</p>
  ${letter.enclosures.length ? `<p><strong>Enclosures:</strong> ${letter.enclosures.map(escapeHtml).join(', ')}</p>` : ''}
  ${response}
</body>
</html>`;
}
