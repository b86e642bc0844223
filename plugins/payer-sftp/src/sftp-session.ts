import { createHash } from 'node:crypto';
import { ConnectorError } from '@revcycle/core';
import { Client } from 'ssh2';
import type { FileEntryWithStats, SFTPWrapper, Stats } from 'ssh2';

export interface SftpEndpoint {
  host: string;
  port: number;
  username: string;
  privateKey?: string | Buffer;
  passphrase?: string;
  password?: string;
  /** The server's host key as OpenSSH prints its fingerprint (`ssh-keygen -lf`): `SHA256:` and base64. */
  hostKeyFingerprint: string;
  connectTimeoutMs: number;
}

/** OpenSSH's fingerprint of a host key blob: `SHA256:` and the unpadded base64 of its SHA-256. */
export function fingerprintOf(hostKey: Buffer): string {
  return `SHA256:${createHash('sha256').update(hostKey).digest('base64').replace(/=+$/, '')}`;
}

/** SFTP status codes (draft-ietf-secsh-filexfer-02, which OpenSSH speaks). */
const NO_SUCH_FILE = 2;

/** The server answered an operation with an SFTP status (no such file, permission denied, failure): not retried. */
export class SftpStatusError extends ConnectorError {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message, false);
  }
}

export const isMissing = (error: unknown) => error instanceof SftpStatusError && error.status === NO_SUCH_FILE;

/**
 * One SSH connection with its SFTP channel, as promises. The server must present the pinned host key: any other
 * key (unknown server, changed key, a machine in the middle) ends the handshake before a password or key is sent,
 * and is not retried. Network failures are retryable ConnectorErrors; the caller's retries reconnect.
 */
export class SftpSession {
  /** False once the connection ended, by either side: a kept session is not reused then. */
  alive = true;
  /** Calls in flight: a dropped connection fails them (ssh2 would leave them waiting forever). */
  private readonly pending = new Set<(error: Error) => void>();

  private constructor(
    private readonly client: Client,
    private readonly sftp: SFTPWrapper,
  ) {
    client.on('close', () => {
      this.alive = false;
      const lost = new ConnectorError('SFTP connection lost', true);
      for (const fail of this.pending) fail(lost);
      this.pending.clear();
    });
  }

  static open(endpoint: SftpEndpoint, signal?: AbortSignal): Promise<SftpSession> {
    return new Promise((resolve, reject) => {
      const client = new Client();
      let presented: string | undefined;
      const fail = (error: Error) => {
        client.end();
        reject(error);
      };
      const onAbort = () => fail(new ConnectorError(`SFTP ${endpoint.host}: the call was aborted`, true));
      signal?.addEventListener('abort', onAbort, { once: true });
      client.on('error', (error) => {
        signal?.removeEventListener('abort', onAbort);
        if (presented !== undefined && presented !== endpoint.hostKeyFingerprint)
          return fail(
            new ConnectorError(
              `SFTP ${endpoint.host}:${endpoint.port} presented host key ${presented}, not the pinned ${endpoint.hostKeyFingerprint}: refused (a changed key must be checked with the clearinghouse, then pinned)`,
              false,
            ),
          );
        const authFailed = /authentication/i.test(error.message);
        fail(new ConnectorError(`SFTP ${endpoint.host}:${endpoint.port}: ${error.message}`, !authFailed));
      });
      client.on('ready', () =>
        client.sftp((error, sftp) => {
          signal?.removeEventListener('abort', onAbort);
          if (error) return fail(new ConnectorError(`SFTP subsystem refused: ${error.message}`, true));
          resolve(new SftpSession(client, sftp));
        }),
      );
      client.connect({
        host: endpoint.host,
        port: endpoint.port,
        username: endpoint.username,
        privateKey: endpoint.privateKey,
        passphrase: endpoint.passphrase,
        password: endpoint.password,
        readyTimeout: endpoint.connectTimeoutMs,
        hostVerifier: (key: Buffer) => {
          presented = fingerprintOf(key);
          return presented === endpoint.hostKeyFingerprint;
        },
      });
    });
  }

  /** Ends the connection; also when the peer dropped it. */
  close(): void {
    this.alive = false;
    this.client.end();
  }

  /** Runs `op` on the SFTP channel; a transport failure becomes a retryable ConnectorError. */
  private call<T>(what: string, op: (done: (error: Error | null | undefined, value?: T) => void) => void): Promise<T> {
    if (!this.alive) return Promise.reject(new ConnectorError(`SFTP ${what}: the connection is closed`, true));
    return new Promise((resolve, reject) => {
      this.pending.add(reject);
      op((error, value) => {
        this.pending.delete(reject);
        if (!error) return resolve(value as T);
        const status = (error as { code?: unknown }).code;
        if (typeof status === 'number') return reject(new SftpStatusError(`SFTP ${what}: ${error.message}`, status));
        reject(new ConnectorError(`SFTP ${what}: ${error.message}`, true));
      });
    });
  }

  list(dir: string): Promise<FileEntryWithStats[]> {
    return this.call(`list ${dir}`, (done) => this.sftp.readdir(dir, done));
  }

  stat(path: string): Promise<Stats> {
    return this.call(`stat ${path}`, (done) => this.sftp.stat(path, done));
  }

  read(path: string): Promise<Buffer> {
    return this.call(`read ${path}`, (done) => this.sftp.readFile(path, done));
  }

  write(path: string, content: Buffer): Promise<void> {
    return this.call(`write ${path}`, (done) => this.sftp.writeFile(path, content, done));
  }

  /** Renames within the server; fails (SFTP FAILURE) when the target exists. */
  rename(from: string, to: string): Promise<void> {
    return this.call(`rename ${from}`, (done) => this.sftp.rename(from, to, done));
  }

  remove(path: string): Promise<void> {
    return this.call(`remove ${path}`, (done) => this.sftp.unlink(path, done));
  }

  async ensureDir(path: string): Promise<void> {
    try {
      await this.stat(path);
    } catch (error) {
      if (!isMissing(error)) throw error;
      // Another instance may create it at the same moment: its folder is as good as ours.
      await this.call(`mkdir ${path}`, (done) => this.sftp.mkdir(path, done)).catch(() => this.stat(path));
    }
  }
}
