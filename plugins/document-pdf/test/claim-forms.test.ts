import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CMS1500_FIELDS, CMS1500_LINE_FIELDS, UB04_FIELDS, UB04_LINE_FIELDS } from '@revcycle/core';
import type { ClaimFormDocument, ClaimFormKind } from '@revcycle/core';
import { gridTextOf, readClaimForms } from '@revcycle/testkit/claim-form-text';
import { pdfPages } from '@revcycle/testkit/pdf-text';
import { describe, expect, it } from 'vitest';
import { CLAIM_FORM_LAYOUTS, pdfDocumentRenderer } from '../src/index.ts';
import type { Place } from '../src/index.ts';

const FIELDS = { 'CMS-1500': CMS1500_FIELDS, 'UB-04': UB04_FIELDS };
const LINE_FIELDS = { 'CMS-1500': CMS1500_LINE_FIELDS, 'UB-04': UB04_LINE_FIELDS };
const FORMS = ['CMS-1500', 'UB-04'] as const;

/** A value for every item, each different and as wide as its place allows (check boxes: their last option). */
function everyItem(form: ClaimFormKind): ClaimFormDocument {
  const layout = CLAIM_FORM_LAYOUTS[form];
  const token = (n: number, width: number) => `${'K'.repeat(Math.max(0, width - String(n).length))}${n}`.slice(-width);
  let n = 0;
  const valueFor = (place: Place) => {
    if ('options' in place) return Object.keys(place.options).at(-1)!;
    const lines = Array.from({ length: place.lines ?? 1 }, () => token(++n, Math.min(place.width, 9)));
    return lines.join('\n');
  };
  const fields = Object.fromEntries(Object.entries(layout.fields).map(([key, place]) => [key, valueFor(place)]));
  const lines = Array.from({ length: layout.linesPerForm }, () =>
    Object.fromEntries(
      Object.entries(layout.lineFields).map(([key, column]) => [key, token(++n, Math.min(column.width, 9))]),
    ),
  );
  return { form, claimId: 'claim-1', page: 1, pages: 1, fields, lines };
}

describe('claim forms (pdfDocumentRenderer.renderClaimForms)', () => {
  it.each(FORMS)('%s: the layout places every item core fills, and nothing else', (form) => {
    const layout = CLAIM_FORM_LAYOUTS[form];
    expect(Object.keys(layout.fields).sort()).toEqual(Object.keys(FIELDS[form]).sort());
    expect(Object.keys(layout.lineFields).sort()).toEqual(Object.keys(LINE_FIELDS[form]).sort());
  });

  it.each(FORMS)('%s: every item of every line reads back from its place, with nothing stray', async (form) => {
    const document = everyItem(form);
    const file = await pdfDocumentRenderer().renderClaimForms!([document], { formBackground: false });
    const [read] = await readClaimForms(file.bytes, CLAIM_FORM_LAYOUTS[form]);
    expect(read!.stray).toEqual([]);
    expect(read!.fields).toEqual(document.fields);
    expect(read!.lines).toEqual(document.lines);
  });

  it.each(FORMS)('%s: no two places overlap on the grid', (form) => {
    const layout = CLAIM_FORM_LAYOUTS[form];
    const taken = new Map<string, string>();
    const claim = (row: number, from: number, to: number, owner: string) => {
      for (let col = from; col <= to; col++) {
        const cell = `${row}:${col}`;
        expect(taken.get(cell), `${owner} overlaps ${taken.get(cell)} at line ${row}, column ${col}`).toBeUndefined();
        taken.set(cell, owner);
      }
    };
    for (const [key, place] of Object.entries(layout.fields)) {
      if ('options' in place) for (const col of Object.values(place.options)) claim(place.row, col, col, key);
      else
        for (let line = 0; line < (place.lines ?? 1); line++) {
          const first = place.align === 'right' ? place.col - place.width + 1 : place.col;
          claim(place.row + line, first, first + place.width - 1, key);
        }
    }
    for (let i = 0; i < layout.linesPerForm; i++)
      for (const [key, c] of Object.entries(layout.lineFields)) {
        const first = c.align === 'right' ? c.col - c.width + 1 : c.col;
        claim(layout.firstLineRow + i * layout.lineStep + (c.rowOffset ?? 0), first, first + c.width - 1, key);
      }
    // Everything fits a letter page: 85 columns, 66 lines, the first and last line (a sixth of an inch) kept free.
    const cells = [...taken.keys()].map((cell) => cell.split(':').map(Number) as [number, number]);
    expect(Math.max(...cells.map(([, col]) => col))).toBeLessThanOrEqual(85);
    expect(Math.min(...cells.map(([row]) => row))).toBeGreaterThanOrEqual(2);
    expect(Math.max(...cells.map(([row]) => row))).toBeLessThanOrEqual(65);
  });

  it('marks each option of every check box where the reader finds that option', async () => {
    const renderer = pdfDocumentRenderer();
    for (const form of FORMS) {
      const boxes = Object.entries(CLAIM_FORM_LAYOUTS[form].fields).filter(([, p]) => 'options' in p);
      for (const [key, place] of boxes) {
        for (const option of Object.keys((place as { options: Record<string, number> }).options)) {
          const document = { form, claimId: 'c', page: 1, pages: 1, fields: { [key]: option }, lines: [] };
          const file = await renderer.renderClaimForms!([document], { formBackground: false });
          const [read] = await readClaimForms(file.bytes, CLAIM_FORM_LAYOUTS[form]);
          expect(read!.fields).toEqual({ [key]: option });
        }
      }
    }
  });

  it('cuts a value to its place instead of running into the next item', async () => {
    const long = 'MONTGOMERY-WORTHINGTON, ALEXANDRA, Q';
    const document = { form: 'CMS-1500' as const, claimId: 'c', page: 1, pages: 1, fields: { '2': long }, lines: [] };
    const file = await pdfDocumentRenderer().renderClaimForms!([document], { formBackground: false });
    const [read] = await readClaimForms(file.bytes, CLAIM_FORM_LAYOUTS['CMS-1500']);
    expect(read!.fields).toEqual({ '2': long.slice(0, 28) });
  });

  it('draws the form in red under the same data for review, one page per form', async () => {
    const documents = [everyItem('CMS-1500'), everyItem('UB-04')];
    const file = await pdfDocumentRenderer().renderClaimForms!(documents, { formBackground: true });
    expect(file.fileName).toBe('CMS-1500-UB-04-review.pdf');
    const text = await pdfPages(file.bytes);
    expect(text).toHaveLength(2);
    expect(text[0]).toContain('HEALTH INSURANCE CLAIM FORM');
    expect(text[0]).toContain("1a INSURED'S I.D. NUMBER");
    expect(text[1]).toContain('UB-04 (CMS-1450)');
    expect(text[1]).toContain('47 TOTAL CHARGES');
    const read = await readClaimForms(file.bytes, CLAIM_FORM_LAYOUTS['CMS-1500']);
    expect(read[0]!.fields).toEqual(documents[0]!.fields);
    mkdirSync(join(import.meta.dirname, 'output'), { recursive: true });
    writeFileSync(join(import.meta.dirname, 'output', 'claim-forms-review.pdf'), file.bytes);
  });

  it("moves everything by the printer's offset, and refuses an offset over half an inch", async () => {
    const document = everyItem('CMS-1500');
    const plain = await pdfDocumentRenderer().renderClaimForms!([document], { formBackground: false });
    const moved = await pdfDocumentRenderer({ claimFormOffset: { x: 7.2, y: 12 } }).renderClaimForms!([document], {
      formBackground: false,
    });
    const [before] = await gridTextOf(plain.bytes);
    const [after] = await gridTextOf(moved.bytes);
    expect(after).toEqual(before!.map((t) => ({ ...t, row: t.row + 1, col: t.col + 1 })));
    expect(() => pdfDocumentRenderer({ claimFormOffset: { x: 37, y: 0 } })).toThrow(/claimFormOffset/);
    expect(() => pdfDocumentRenderer({ claimFormOffset: { x: 0, y: -36 } })).not.toThrow();
  });
});
