import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LetterDocument } from '@revcycle/core';
import { pdfPages } from '@revcycle/testkit/pdf-text';
import { describe, expect, it } from 'vitest';
import { pdfDocumentRenderer } from '../src/index.ts';

const letter = (rows: number): LetterDocument => ({
  kind: 'appeal-letter',
  title: 'First-level appeal: claim ICN-77',
  from: {
    name: 'Riverbend Family Medicine',
    lines: ['1200 Barton Springs Rd', 'Austin, TX 78704', 'NPI 1324567894 · Tax ID 74-1234567'],
  },
  to: { name: 'Blue Cross Blue Shield of Texas', lines: ['Appeals Department', 'Payer ID 84980'] },
  date: '2026-11-27',
  references: [
    { label: 'Patient', value: 'Ramirez, Luis (DOB 1979-11-02)' },
    { label: 'Amount in dispute', value: '$220.00' },
  ],
  salutation: 'To the appeals reviewer:',
  paragraphs: [
    'The claim was denied with CO-50 (not deemed a medical necessity by the payer).',
    'The enclosed records show the visit was necessary.',
  ],
  table: {
    columns: ['Line', 'Procedure', 'Date', 'Charge'],
    rows: Array.from({ length: rows }, (_, i) => [String(i + 1), '99214', '2026-10-01', `$${(195 + i).toFixed(2)}`]),
  },
  closing: 'Sincerely,',
  signature: ['Dana Biller', 'Riverbend Family Medicine'],
  enclosures: ['Office visit note 2026-10-01'],
});

describe('pdfDocumentRenderer', () => {
  it('renders a letter whose text reads back: parties, codes, amounts, enclosures', async () => {
    const file = await pdfDocumentRenderer().render(letter(2));
    expect(file.contentType).toBe('application/pdf');
    expect(Buffer.from(file.bytes.slice(0, 5)).toString()).toBe('%PDF-');
    const [page] = await pdfPages(file.bytes);
    for (const text of [
      'Riverbend Family Medicine',
      'Blue Cross Blue Shield of Texas',
      'First-level appeal: claim ICN-77',
      'CO-50',
      '$220.00',
      '$195.00',
      '$196.00',
      'Office visit note 2026-10-01',
      'November 27, 2026',
    ])
      expect(page).toContain(text);
    mkdirSync(join(import.meta.dirname, 'output'), { recursive: true });
    writeFileSync(join(import.meta.dirname, 'output', 'appeal-letter.pdf'), file.bytes);
  });

  it('breaks a long table across pages, numbering them', async () => {
    const pages = await pdfPages((await pdfDocumentRenderer().render(letter(80))).bytes);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.at(-1)).toContain(`page ${pages.length} of ${pages.length}`);
    expect(pages.join(' ')).toContain('$274.00');
  });

  it('checks its options at boot', () => {
    expect(() => pdfDocumentRenderer({ fontSize: 40 })).toThrow(/fontSize/);
    expect(() => pdfDocumentRenderer({ accentColor: 'blue' })).toThrow(/accentColor/);
  });
});
