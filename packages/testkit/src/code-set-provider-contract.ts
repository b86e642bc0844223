import type { CodeSetProvider } from '@revcycle/core';
import { describe, expect, it } from 'vitest';
import { createTestApi } from './test-api.ts';

/** Reads a release file whole (it is opened more than once: import, then the idempotency check). */
async function textOf(open: () => AsyncIterable<string | Uint8Array> | NodeJS.ReadableStream): Promise<string> {
  let text = '';
  const decoder = new TextDecoder();
  for await (const chunk of open() as AsyncIterable<string | Uint8Array>)
    text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

/**
 * The contract every code-set provider passes: it names itself, offers at least one release with a system, a
 * version and a calendar effective date, opens each file the same way twice, and each file imports into a fresh
 * database with rows — then, imported again, changes nothing.
 */
export function runCodeSetProviderContract(provider: CodeSetProvider): void {
  describe(`code-set provider contract: ${provider.id}`, () => {
    it('names itself and offers releases with a system, version and effective date', async () => {
      expect(provider.id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      expect(provider.displayName.trim()).not.toBe('');
      const releases = await provider.releases();
      expect(releases.length).toBeGreaterThan(0);
      for (const r of releases) {
        expect(r.version.trim()).not.toBe('');
        expect(r.effectiveDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    });

    it('opens each file the same way every time', async () => {
      for (const r of await provider.releases()) expect(await textOf(r.open)).toBe(await textOf(r.open));
    });

    it('imports every release with rows, and changes nothing the second time', async () => {
      const t = await createTestApi();
      try {
        const first = await t.api.codeSets.importFrom(provider);
        expect(first.every((r) => !r.alreadyImported && r.release.rowCount > 0)).toBe(true);
        const second = await t.api.codeSets.importFrom(provider);
        expect(second.map((r) => r.alreadyImported)).toEqual(first.map(() => true));
      } finally {
        await t.close();
      }
    });
  });
}
