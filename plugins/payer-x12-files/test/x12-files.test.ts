import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@revcycle/core';
import { runPayerConnectorContract } from '@revcycle/testkit';
import { describe, expect, it } from 'vitest';
import { x12FilesPayer } from '../src/index.ts';

function folders() {
  const root = mkdtempSync(join(tmpdir(), 'x12-files-'));
  return { root, outbox: join(root, 'out'), inbox: join(root, 'in') };
}

/** Backdates a file so it counts as settled. */
function settle(path: string) {
  const past = new Date(Date.now() - 600_000);
  utimesSync(path, past, past);
}

runPayerConnectorContract('x12-files', async () => {
  const dirs = folders();
  const connector = x12FilesPayer({ outbox: dirs.outbox, inbox: dirs.inbox });
  return {
    connector,
    deliveries: async () => readdirSync(dirs.outbox).filter((f) => !f.startsWith('.')).length,
    deliverResponse: async (name, content) => {
      await connector.fetchResponses!(new AbortController().signal); // creates the folders
      writeFileSync(join(dirs.inbox, name), content);
      settle(join(dirs.inbox, name));
    },
  };
});

describe('x12FilesPayer', () => {
  it('writes batches atomically under a name derived from the batch', async () => {
    const dirs = folders();
    const connector = x12FilesPayer({ outbox: dirs.outbox, inbox: dirs.inbox });
    const receipt = await connector.submit!(
      {
        batchId: 'b1',
        organizationId: 'o1',
        interchangeControlNumber: '000000007',
        format: '837P',
        content: 'ISA*X~',
        claimCount: 1,
      },
      new AbortController().signal,
    );
    expect(receipt.reference).toBe('o1-000000007-b1.837p.x12');
    expect(readdirSync(dirs.outbox)).toEqual(['o1-000000007-b1.837p.x12']);
    expect(readFileSync(join(dirs.outbox, receipt.reference), 'latin1')).toBe('ISA*X~');
    await expect(
      connector.submit!(
        {
          batchId: 'b1',
          organizationId: 'o1',
          interchangeControlNumber: '000000007',
          format: '837P',
          content: 'OTHER',
          claimCount: 1,
        },
        new AbortController().signal,
      ),
    ).rejects.toMatchObject({ code: 'CONNECTOR_ERROR', retryable: false });
  });

  it('does not read a file still being written, nor temporary names', async () => {
    const dirs = folders();
    const connector = x12FilesPayer({ outbox: dirs.outbox, inbox: dirs.inbox, settleMs: 60_000 });
    await connector.fetchResponses!(new AbortController().signal);
    writeFileSync(join(dirs.inbox, 'fresh.999'), 'ISA~');
    writeFileSync(join(dirs.inbox, 'upload.999.part'), 'ISA~');
    writeFileSync(join(dirs.inbox, '.hidden.999'), 'ISA~');
    settle(join(dirs.inbox, 'upload.999.part'));
    expect(await connector.fetchResponses!(new AbortController().signal)).toEqual([]);
    settle(join(dirs.inbox, 'fresh.999'));
    expect((await connector.fetchResponses!(new AbortController().signal)).map((f) => f.name)).toEqual(['fresh.999']);
  });

  it('moves a file it could not use to failed/ with the reason', async () => {
    const dirs = folders();
    const connector = x12FilesPayer({ outbox: dirs.outbox, inbox: dirs.inbox, settleMs: 0 });
    await connector.fetchResponses!(new AbortController().signal);
    writeFileSync(join(dirs.inbox, 'bad.835'), 'not x12');
    settle(join(dirs.inbox, 'bad.835'));
    const [file] = await connector.fetchResponses!(new AbortController().signal);
    await connector.acknowledgeResponse!(file!, {
      ok: false,
      failure: 'NOT_X12: the input does not start with an ISA segment',
    });
    expect(readFileSync(join(dirs.inbox, 'failed', 'bad.835.reason.txt'), 'utf8')).toContain('NOT_X12');
    expect(await connector.fetchResponses!(new AbortController().signal)).toEqual([]);
  });

  it('names a missing folder option at boot', () => {
    expect(() => x12FilesPayer({ outbox: '', inbox: '/x' })).toThrow(ConfigError);
  });
});
