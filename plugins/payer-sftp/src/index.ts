import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConfigError, ConnectorError, definePayerConnector } from '@revcycle/core';
import type { InboundFile, OutboundBatch, PayerConnector } from '@revcycle/core';
import { inboundFilter, outboundName } from './file-names.ts';
import type { InboundNames, OutboundNames } from './file-names.ts';
import { SessionKeeper } from './session-keeper.ts';
import { fingerprintOf, isMissing } from './sftp-session.ts';
import type { SftpSession } from './sftp-session.ts';

export { fingerprintOf };
export type { InboundNames, OutboundNames };

export interface SftpPayerOptions {
  host: string;
  /** @default 22 */
  port?: number;
  username: string;
  /** An OpenSSH or PEM private key; or `password`. */
  privateKey?: string | Buffer;
  passphrase?: string;
  password?: string;
  /**
   * The server's host key fingerprint as `ssh-keygen -lf` prints it (`SHA256:…`), from the clearinghouse. Required:
   * a server presenting any other key is refused before credentials are sent.
   */
  hostKeyFingerprint: string;
  /** Where 837 batches go. */
  outbound: string;
  /** Where the clearinghouse drops 999, 277CA, 835, 271 and 277 files. */
  inbound: string;
  /** Handled inbound files: moved to this folder, or deleted with `'delete'`. @default `<inbound>/archive` */
  archive?: string | 'delete';
  /** Inbound files that could not be used, each with a `.reason.txt`. @default `<inbound>/failed` */
  failed?: string;
  /** Outbound names per format; `{org}`, `{icn}`, `{batch}`, `{format}` are filled in. */
  outboundNames?: OutboundNames;
  /** Inbound name patterns per transaction; only matching files are fetched. @default every file */
  inboundNames?: InboundNames;
  /**
   * An inbound file is read only when its size and time are the same at two listings this far apart, so a file
   * the clearinghouse is still writing is left for the next poll. @default 2000
   */
  settleMs?: number;
  /** @default 10000 */
  connectTimeoutMs?: number;
  /** How long a connection is kept open for the next call. @default 5000 */
  keepAliveMs?: number;
  /** @default 'sftp' */
  id?: string;
  instanceId?: string;
  /** @default 'SFTP clearinghouse' */
  displayName?: string;
}

const FINGERPRINT = /^SHA256:[A-Za-z0-9+/]{43}$/;

function checkOptions(options: SftpPayerOptions): void {
  const at = (key: string) => `payers[sftp].${key}`;
  for (const key of ['host', 'username', 'outbound', 'inbound'] as const)
    if (typeof options[key] !== 'string' || options[key] === '') throw new ConfigError(at(key), 'required');
  if (!options.privateKey && !options.password)
    throw new ConfigError(at('privateKey'), 'a private key or a password is required');
  if (!FINGERPRINT.test(options.hostKeyFingerprint ?? ''))
    throw new ConfigError(
      at('hostKeyFingerprint'),
      'the server’s SHA256 host key fingerprint, as `ssh-keygen -lf` prints it (SHA256:…), is required',
    );
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * A payer connector for clearinghouses that take X12 over SFTP. Batches are uploaded under a temporary name and
 * renamed, so the clearinghouse never sees half a file (a dropped upload leaves only the temporary, which the retry
 * overwrites); the name comes from the batch, so a retried delivery finds its own upload. Inbound files are read
 * once settled, handed over with their name, and after revcycle handled them moved to the archive (or deleted) —
 * a file another instance moved first is simply gone. Network failures are retryable; a wrong host key, refused
 * credentials or an existing file with other content are not.
 * @example sftpPayer({ host: 'sftp.clearinghouse.example', username: 'acme', privateKey, hostKeyFingerprint: 'SHA256:…', outbound: '/inbound', inbound: '/outbound' })
 */
export function sftpPayer(options: SftpPayerOptions): PayerConnector & { close(): void } {
  checkOptions(options);
  const archive = options.archive ?? posix.join(options.inbound, 'archive');
  const failed = options.failed ?? posix.join(options.inbound, 'failed');
  const settleMs = options.settleMs ?? 2000;
  const accept = inboundFilter(options.inboundNames);
  const sessions = new SessionKeeper(
    {
      host: options.host,
      port: options.port ?? 22,
      username: options.username,
      privateKey: options.privateKey,
      passphrase: options.passphrase,
      password: options.password,
      hostKeyFingerprint: options.hostKeyFingerprint,
      connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
    },
    options.keepAliveMs ?? 5000,
  );
  // What this instance fetched (name → checksum) and handled (name and checksum, the newest 10 000 — a long-running
  // server must not remember every file it ever saw): the same file dropped again is not handed over twice.
  const fetched = new Map<string, string>();
  const handled = new Set<string>();
  const remember = (key: string) => {
    handled.add(key);
    if (handled.size > 10_000) handled.delete(handled.values().next().value!);
  };

  async function deliver(session: SftpSession, batch: OutboundBatch) {
    const name = outboundName(batch, options.outboundNames);
    const path = posix.join(options.outbound, name);
    const content = Buffer.from(batch.content, 'latin1');
    const existing = await session.read(path).catch((error) => {
      if (isMissing(error)) return undefined;
      throw error;
    });
    if (existing) {
      if (!existing.equals(content)) throw new ConnectorError(`${path} already exists with other content`, false);
      return { reference: name };
    }
    const temporary = posix.join(options.outbound, `.${name}.part`);
    await session.write(temporary, content);
    await session.rename(temporary, path);
    return { reference: name };
  }

  async function settled(session: SftpSession, signal: AbortSignal) {
    const listing = async () =>
      new Map(
        (await session.list(options.inbound))
          .filter((entry) => entry.attrs.isFile() && accept(entry.filename))
          .map((entry) => [entry.filename, entry.attrs] as const),
      );
    const first = await listing();
    if (first.size === 0) return [];
    await sleep(settleMs, undefined, { signal });
    const second = await listing();
    return [...first]
      .filter(([name, attrs]) => second.get(name)?.size === attrs.size && second.get(name)?.mtime === attrs.mtime)
      .sort(([a, x], [b, y]) => x.mtime - y.mtime || a.localeCompare(b))
      .map(([name]) => name);
  }

  async function park(session: SftpSession, name: string, folder: string): Promise<string> {
    await session.ensureDir(folder);
    const from = posix.join(options.inbound, name);
    const to = posix.join(folder, name);
    try {
      await session.rename(from, to);
      return to;
    } catch (error) {
      if (isMissing(error)) throw error;
      // The clearinghouse reused a name: the earlier file stays, this one gets its checksum added.
      const distinct = `${to}.${(fetched.get(name) ?? 'again').slice(0, 12)}`;
      await session.rename(from, distinct);
      return distinct;
    }
  }

  const connector = definePayerConnector({
    id: options.id ?? 'sftp',
    instanceId: options.instanceId,
    displayName: options.displayName ?? 'SFTP clearinghouse',
    capabilities: ['submit', 'responses'],

    submit: (batch: OutboundBatch, signal: AbortSignal) => sessions.run(signal, (s) => deliver(s, batch)),

    fetchResponses: (signal: AbortSignal) =>
      sessions.run(signal, async (session) => {
        const files: InboundFile[] = [];
        for (const name of await settled(session, signal)) {
          const bytes = await session.read(posix.join(options.inbound, name)).catch((error) => {
            if (isMissing(error)) return undefined; // another instance took it meanwhile
            throw error;
          });
          if (!bytes) continue;
          const checksum = sha256(bytes);
          if (handled.has(`${name}:${checksum}`)) continue;
          fetched.set(name, checksum);
          files.push({ name, content: bytes.toString('latin1') });
        }
        return files;
      }),

    acknowledgeResponse: (file: InboundFile, outcome: { ok: true } | { ok: false; failure: string }) =>
      sessions.run(undefined, async (session) => {
        try {
          if (outcome.ok && archive === 'delete') await session.remove(posix.join(options.inbound, file.name));
          else {
            const parked = await park(session, file.name, outcome.ok ? archive : failed);
            if (!outcome.ok) await session.write(`${parked}.reason.txt`, Buffer.from(`${outcome.failure}\n`));
          }
        } catch (error) {
          if (!isMissing(error)) throw error;
          // Gone: another instance handled it first.
        }
        remember(`${file.name}:${fetched.get(file.name) ?? sha256(Buffer.from(file.content, 'latin1'))}`);
        fetched.delete(file.name);
      }),
  });
  return Object.assign(connector, { close: () => sessions.close() });
}
