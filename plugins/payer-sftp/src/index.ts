import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConfigError, ConnectorError, definePayerConnector } from '@revcycle/core';
import type { InboundFile, OutboundBatch, PayerConnector } from '@revcycle/core';
import { inboundFilter, outboundName } from './file-names.ts';
import { INQUIRIES, inquiryIds, isAnswer } from './inquiry-files.ts';
import type { Inquiry } from './inquiry-files.ts';
import type { InboundNames, OutboundNames } from './file-names.ts';
import { SessionKeeper } from './session-keeper.ts';
import { fingerprintOf, isMissing } from './sftp-session.ts';
import type { SftpSession } from './sftp-session.ts';

export { fingerprintOf };
export type { InboundNames, Inquiry, OutboundNames };

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
  /**
   * Eligibility (270) and claim status (276) inquiries sent as files, for clearinghouses that answer them in the
   * inbound folder: each call uploads its request and waits up to `waitMs` for the 271 or 277 that echoes the
   * request's trace number (looked for every `pollMs`). An answer nobody waits for any more is handed to polling
   * after `waitMs` (core parks it as not read from the response queue). @default none
   */
  inquiries?: { transactions: Inquiry[]; waitMs?: number; pollMs?: number };
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
  for (const transaction of options.inquiries?.transactions ?? [])
    if (!(transaction in INQUIRIES)) throw new ConfigError(at('inquiries.transactions'), `${transaction}: 270 or 276`);
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

  /** Uploads under a temporary name, then renames; a file already there with the same content is this upload. */
  async function upload(session: SftpSession, name: string, text: string) {
    const path = posix.join(options.outbound, name);
    const content = Buffer.from(text, 'latin1');
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

  /** Inbound files that stayed the same across two listings, oldest first, with their modification time (s). */
  async function settled(session: SftpSession, signal: AbortSignal, wanted = accept) {
    const listing = async () =>
      new Map(
        (await session.list(options.inbound))
          .filter((entry) => entry.attrs.isFile() && wanted(entry.filename))
          .map((entry) => [entry.filename, entry.attrs] as const),
      );
    const first = await listing();
    if (first.size === 0) return [];
    await sleep(settleMs, undefined, { signal });
    const second = await listing();
    return [...first]
      .filter(([name, attrs]) => second.get(name)?.size === attrs.size && second.get(name)?.mtime === attrs.mtime)
      .sort(([a, x], [b, y]) => x.mtime - y.mtime || a.localeCompare(b))
      .map(([name, attrs]) => ({ name, mtime: attrs.mtime }));
  }

  /** Reads an inbound file not yet handled here; undefined when another instance took it meanwhile. */
  async function fetchFile(session: SftpSession, name: string) {
    const bytes = await session.read(posix.join(options.inbound, name)).catch((error) => {
      if (isMissing(error)) return undefined;
      throw error;
    });
    if (!bytes) return undefined;
    const checksum = sha256(bytes);
    if (handled.has(`${name}:${checksum}`)) return undefined;
    fetched.set(name, checksum);
    return { name, content: bytes.toString('latin1') };
  }

  const inquiries = options.inquiries;
  const waitMs = inquiries?.waitMs ?? 60_000;
  const answerNames = inboundFilter(options.inboundNames, ['271', '277']);

  /** Uploads a 270 or 276 and waits for the answer echoing its trace number; the answer is archived like any file. */
  async function inquire(kind: Inquiry, request: string, signal: AbortSignal): Promise<string> {
    const ids = inquiryIds(request);
    if (!ids) throw new ConnectorError(`the ${kind} has no interchange control number or trace number`, false);
    const name = outboundName(
      { organizationId: '', interchangeControlNumber: ids.icn, batchId: ids.trace, format: kind },
      options.outboundNames,
    );
    await sessions.run(signal, (session) => upload(session, name, request));
    const deadline = Date.now() + waitMs;
    for (;;) {
      const answer = await sessions.run(signal, async (session) => {
        for (const { name } of await settled(session, signal, answerNames)) {
          const file = await fetchFile(session, name);
          if (file && isAnswer(file.content, ids.trace)) return file;
          if (file) fetched.delete(name);
        }
        return undefined;
      });
      if (answer) {
        await acknowledge(answer, { ok: true });
        return answer.content;
      }
      if (Date.now() + (inquiries?.pollMs ?? 2000) > deadline)
        throw new ConnectorError(`no ${INQUIRIES[kind]} for trace ${ids.trace} within ${waitMs} ms`, false);
      await sleep(inquiries?.pollMs ?? 2000, undefined, { signal });
    }
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
    capabilities: [
      'submit',
      'responses',
      ...(inquiries?.transactions.includes('270') ? (['eligibility'] as const) : []),
      ...(inquiries?.transactions.includes('276') ? (['claimStatus'] as const) : []),
    ],
    // The upload, then the wait, then the download: core waits that long for an inquiry's answer.
    ...(inquiries ? { realTimeTimeoutMs: waitMs + 2 * (options.connectTimeoutMs ?? 10_000) } : {}),

    submit: (batch: OutboundBatch, signal: AbortSignal) =>
      sessions.run(signal, (s) => upload(s, outboundName(batch, options.outboundNames), batch.content)),

    fetchResponses: (signal: AbortSignal) =>
      sessions.run(signal, async (session) => {
        const files: InboundFile[] = [];
        for (const { name, mtime } of await settled(session, signal)) {
          const file = await fetchFile(session, name);
          if (!file) continue;
          // An inquiry's answer is left for the call waiting for it (here or in another instance) while it may.
          if (inquiries && isAnswer(file.content) && Date.now() - mtime * 1000 < waitMs) {
            fetched.delete(name);
            continue;
          }
          files.push(file);
        }
        return files;
      }),

    acknowledgeResponse: (file: InboundFile, outcome: { ok: true } | { ok: false; failure: string }) =>
      acknowledge(file, outcome),

    ...(inquiries?.transactions.includes('270')
      ? { checkEligibility: (request: string, signal: AbortSignal) => inquire('270', request, signal) }
      : {}),
    ...(inquiries?.transactions.includes('276')
      ? { checkClaimStatus: (request: string, signal: AbortSignal) => inquire('276', request, signal) }
      : {}),
  });

  /** After revcycle handled a file: archived (or deleted), or parked as failed with its reason. */
  function acknowledge(file: InboundFile, outcome: { ok: true } | { ok: false; failure: string }) {
    return sessions.run(undefined, async (session) => {
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
    });
  }
  return Object.assign(connector, { close: () => sessions.close() });
}
