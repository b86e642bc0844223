import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runStatementRendererContract, sampleStatement } from '@revcycle/testkit';
import { openPdf, pdfPages } from '@revcycle/testkit/pdf-text';
import { describe, expect, it } from 'vitest';
import { pdfStatementRenderer } from '../src/index.ts';

runStatementRendererContract(
  'pdf',
  () => pdfStatementRenderer(),
  async (bytes) => (await pdfPages(bytes)).join('\n'),
);

describe('pdfStatementRenderer', () => {
  it('breaks a long history across pages and ends with the tear-off slip showing the amount due', async () => {
    const statement = sampleStatement(60);
    const file = await pdfStatementRenderer().render(statement);
    const text = await pdfPages(file.bytes);
    expect(text.length).toBeGreaterThan(1);
    expect(text.at(-1)).toContain('Detach and return this slip with your payment');
    expect(text.at(-1)).toContain('Amount enclosed');
    expect(text.at(-1)).toContain('$1,656.00');
    expect(text[0]).toContain('Amount due');
    expect(text.at(-1)).toContain(`page ${text.length} of ${text.length}`);
    mkdirSync(join(import.meta.dirname, 'output'), { recursive: true });
    writeFileSync(join(import.meta.dirname, 'output', 'statement.pdf'), file.bytes);
    // A PNG of page one for people to look at (pdf.js draws on @napi-rs/canvas in Node).
    const pdf = await openPdf(file.bytes);
    const page = await pdf.getPage(1);
    const viewport = page.getViewport({ scale: 1.5 });
    const factory = (
      pdf as unknown as {
        canvasFactory: {
          create(w: number, h: number): { canvas: { toBuffer(type: string): Buffer }; context: unknown };
        };
      }
    ).canvasFactory;
    const target = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    await page.render({ canvasContext: target.context as never, viewport }).promise;
    const png = target.canvas.toBuffer('image/png');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    writeFileSync(join(import.meta.dirname, 'output', 'statement-page-1.png'), png);
  });

  it('renders the same statement to the same bytes', async () => {
    const [a, b] = [
      await pdfStatementRenderer().render(sampleStatement()),
      await pdfStatementRenderer().render(sampleStatement()),
    ];
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
  });
});
