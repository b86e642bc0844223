import type { IncomingMessage, ServerResponse } from 'node:http';

const SHUTTING_DOWN = JSON.stringify({
  errors: [
    {
      message: 'This server is shutting down: send the request again (another instance will take it).',
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    },
  ],
});

/**
 * Counts the requests in flight and, once draining, answers new ones 503 SERVICE_UNAVAILABLE with Retry-After and
 * Connection: close, /readyz included (a load balancer then stops sending here), so that a rolling deploy loses no
 * request: what was accepted finishes, what was not is refused in a way clients retry.
 */
export class Drain {
  private inFlight = 0;
  private draining = false;
  private idle: (() => void) | undefined;

  serve(
    request: IncomingMessage,
    response: ServerResponse,
    handle: (req: IncomingMessage, res: ServerResponse) => unknown,
  ) {
    if (this.draining) {
      response.writeHead(503, { 'content-type': 'application/json', 'retry-after': '5', connection: 'close' });
      response.end(SHUTTING_DOWN);
      return;
    }
    this.inFlight++;
    response.once('close', () => {
      this.inFlight--;
      if (this.draining && this.inFlight === 0) this.idle?.();
    });
    handle(request, response);
  }

  /** Refuses new requests from now on; resolves when none is in flight, or after `graceMs`. */
  start(graceMs: number): Promise<void> {
    this.draining = true;
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, graceMs);
      this.idle = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
