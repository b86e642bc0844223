import { ConnectorError } from '@revcycle/core';
import { SftpSession } from './sftp-session.ts';
import type { SftpEndpoint } from './sftp-session.ts';

/**
 * Keeps one idle SSH connection for a few seconds after a call, so that a poll's fetch and the acknowledgements
 * that follow share one handshake. A kept connection that turns out dead is replaced once, transparently.
 */
export class SessionKeeper {
  private idle: { session: SftpSession; timer: NodeJS.Timeout } | undefined;

  constructor(
    private readonly endpoint: SftpEndpoint,
    private readonly idleMs: number,
  ) {}

  async run<T>(signal: AbortSignal | undefined, work: (session: SftpSession) => Promise<T>): Promise<T> {
    const kept = this.take();
    if (kept) {
      try {
        return await this.finish(kept, work);
      } catch (error) {
        if (!(error instanceof ConnectorError && error.retryable)) throw error;
        // The kept connection had died (the server's idle timeout, a network blip): one fresh try.
      }
    }
    return this.finish(await SftpSession.open(this.endpoint, signal), work);
  }

  /** Closes the kept connection (the host shuts down). */
  close(): void {
    this.take()?.close();
  }

  private async finish<T>(session: SftpSession, work: (session: SftpSession) => Promise<T>): Promise<T> {
    try {
      const value = await work(session);
      this.keep(session);
      return value;
    } catch (error) {
      session.close();
      throw error;
    }
  }

  private take(): SftpSession | undefined {
    const idle = this.idle;
    this.idle = undefined;
    if (!idle) return undefined;
    clearTimeout(idle.timer);
    if (idle.session.alive) return idle.session;
    return undefined;
  }

  private keep(session: SftpSession): void {
    if (!session.alive) return;
    if (this.idle) return session.close();
    const timer = setTimeout(() => this.take()?.close(), this.idleMs);
    timer.unref();
    this.idle = { session, timer };
  }
}
