import { runStatementRendererContract, sampleStatement } from '@revcycle/testkit';
import { describe, expect, it } from 'vitest';
import { htmlStatementRenderer } from '../src/index.ts';

/** The text a reader (or screen reader) gets: tags stripped, entities decoded. */
const text = async (bytes: Uint8Array) =>
  new TextDecoder()
    .decode(bytes)
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');

runStatementRendererContract('html', () => htmlStatementRenderer({ payUrl: 'https://pay.example/{account}' }), text);

describe('htmlStatementRenderer', () => {
  it('is accessible: language, headed tables with scopes and captions, no script, escaped text', async () => {
    const statement = { ...sampleStatement(2), guarantor: { name: 'Tran <Nguyen>', addressLines: ['1 A St'] } };
    const html = new TextDecoder().decode(
      (await htmlStatementRenderer({ payUrl: 'https://pay.example/{account}' }).render(statement)).bytes,
    );
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toContain('<caption>Visits</caption>');
    expect(html).toContain('<th scope="col">You owe</th>');
    expect(html).not.toContain('<script');
    expect(html).toContain('Tran &lt;Nguyen&gt;');
    expect(html).toContain('href="https://pay.example/A0001234"');
  });

  it('refuses a non-https pay link at boot', () => {
    expect(() => htmlStatementRenderer({ payUrl: 'http://pay.example' })).toThrow(/payUrl/);
  });
});
