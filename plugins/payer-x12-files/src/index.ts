import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError, ConnectorError, definePayerConnector } from '@revcycle/core';
import type { InboundFile, OutboundBatch, PayerConnector } from '@revcycle/core';

export interface X12FilesOptions {
  /** Where 837 batches are written for the clearinghouse to pick up. */
  outbox: string;
  /** Where the clearinghouse drops 999, 277CA, 835, 271 and 277 files. */
  inbox: string;
  /** Handled inbox files move here. @default `<inbox>/processed` */
  processed?: string;
  /** Inbox files that could not be used move here, with a `.reason.txt` beside them. @default `<inbox>/failed` */
  failed?: string;
  /**
   * An inbox file is read only once it has not changed for this long, so a file still being written (or synced)
   * is never read half-way. Files whose names start with `.` or end in `.tmp`/`.part` are never read. @default 2000
   */
  settleMs?: number;
  /** @default 'x12-files' */
  id?: string;
  instanceId?: string;
  /** @default 'X12 drop folders' */
  displayName?: string;
}

/**
 * The way most clearinghouses connect: an outbox and an inbox folder (kept in sync over SFTP by the host).
 * Batches are written atomically (a temporary name, then a rename), so the clearinghouse never picks up half a file.
 * @example createBillingApi({ payers: [x12FilesPayer({ outbox: '/sftp/out', inbox: '/sftp/in' })], … })
 */
export function x12FilesPayer(options: X12FilesOptions): PayerConnector {
  for (const key of ['outbox', 'inbox'] as const) {
    if (typeof options[key] !== 'string' || options[key] === '')
      throw new ConfigError(`payers[x12-files].${key}`, 'a folder path is required');
  }
  const processed = options.processed ?? join(options.inbox, 'processed');
  const failed = options.failed ?? join(options.inbox, 'failed');
  const settleMs = options.settleMs ?? 2000;
  const ready = Promise.all(
    [options.outbox, options.inbox, processed, failed].map((dir) => mkdir(dir, { recursive: true })),
  );

  const connector = definePayerConnector({
    id: options.id ?? 'x12-files',
    instanceId: options.instanceId,
    displayName: options.displayName ?? 'X12 drop folders',
    capabilities: ['submit', 'responses'],

    async submit(batch: OutboundBatch) {
      await ready;
      // The name is derived from the batch, so sending a batch again finds the same file instead of a second one.
      const name = `${batch.organizationId}-${batch.interchangeControlNumber}-${batch.batchId}.${batch.format.toLowerCase()}.x12`;
      const path = join(options.outbox, name);
      const existing = await readFile(path, 'latin1').catch(() => undefined);
      if (existing !== undefined) {
        if (existing !== batch.content) throw new ConnectorError(`${name} already exists with other content`, false);
        return { reference: name };
      }
      const temporary = join(options.outbox, `.${name}.tmp`);
      try {
        await writeFile(temporary, batch.content, 'latin1');
        await rename(temporary, path);
      } catch (cause) {
        throw new ConnectorError(`could not write ${name} to the outbox: ${(cause as Error).message}`, true);
      }
      return { reference: name };
    },

    async fetchResponses() {
      await ready;
      const now = Date.now();
      const files: Array<{ name: string; mtime: number }> = [];
      for (const entry of await readdir(options.inbox, { withFileTypes: true })) {
        if (!entry.isFile() || entry.name.startsWith('.') || /\.(tmp|part)$/i.test(entry.name)) continue;
        const info = await stat(join(options.inbox, entry.name));
        if (now - info.mtimeMs >= settleMs) files.push({ name: entry.name, mtime: info.mtimeMs });
      }
      files.sort((a, b) => a.mtime - b.mtime || a.name.localeCompare(b.name));
      return Promise.all(
        files.map(
          async ({ name }): Promise<InboundFile> => ({
            name,
            content: await readFile(join(options.inbox, name), 'latin1'),
          }),
        ),
      );
    },

    async acknowledgeResponse(file, outcome) {
      const target = outcome.ok ? processed : failed;
      await rename(join(options.inbox, file.name), join(target, file.name));
      if (!outcome.ok) await writeFile(join(target, `${file.name}.reason.txt`), `${outcome.failure}\n`);
    },
  });
  return connector;
}
