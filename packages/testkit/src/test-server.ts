import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BillingApi } from '@revcycle/core';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface TestServer {
  httpUrl: string;
  wsUrl: string;
  close(): Promise<void>;
}

/** Serves an API on a real socket (port chosen by the OS) with graphql-ws attached, for transport tests. */
export async function startTestServer(api: BillingApi): Promise<TestServer> {
  const server = createServer(api.yoga);
  const ws = api.attachWebSockets(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    httpUrl: `http://127.0.0.1:${port}/graphql`,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    async close() {
      await ws.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface Subscription<T> {
  /** Resolves once the server has the subscription registered (first event or `ready` signal). */
  ready: Promise<void>;
  /** The next event, or rejects after `timeoutMs`. */
  next(timeoutMs?: number): Promise<T>;
  close(): void;
}

/** A queue of events with a timed `next`, shared by the SSE and WebSocket clients below. */
function eventQueue<T>() {
  const buffered: T[] = [];
  const waiting: Array<(value: T) => void> = [];
  return {
    push(value: T) {
      const waiter = waiting.shift();
      if (waiter) waiter(value);
      else buffered.push(value);
    },
    next(timeoutMs = 5000): Promise<T> {
      const value = buffered.shift();
      if (value !== undefined) return Promise.resolve(value);
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no event within ${timeoutMs} ms`)), timeoutMs);
        waiting.push((v) => {
          clearTimeout(timer);
          resolve(v);
        });
      });
    },
  };
}

/** Subscribes over graphql-ws, authenticating with `connectionParams.authorization`. */
export function subscribeOverWebSocket<T = unknown>(
  wsUrl: string,
  token: string | undefined,
  query: string,
): Subscription<{ data?: T; errors?: unknown[] }> & { closed: Promise<number> } {
  const queue = eventQueue<{ data?: T; errors?: unknown[] }>();
  let resolveReady!: () => void;
  let resolveClosed!: (code: number) => void;
  const ready = new Promise<void>((r) => (resolveReady = r));
  const closed = new Promise<number>((r) => (resolveClosed = r));
  const client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    on: {
      connected: () => setTimeout(resolveReady, 50),
      closed: (event) => resolveClosed((event as { code: number }).code),
    },
  });
  const unsubscribe = client.subscribe<T>(
    { query },
    {
      next: (value) => queue.push(value as { data?: T; errors?: unknown[] }),
      error: (error) => queue.push({ errors: [error] }),
      complete: () => {},
    },
  );
  return {
    ready,
    closed,
    next: queue.next,
    close() {
      unsubscribe();
      void client.dispose();
    },
  };
}

/** Subscribes over Server-Sent Events (POST with Accept: text/event-stream), the way Yoga serves them. */
export function subscribeOverSse<T = unknown>(
  httpUrl: string,
  token: string,
  query: string,
): Subscription<{ data?: T; errors?: unknown[] }> {
  const queue = eventQueue<{ data?: T; errors?: unknown[] }>();
  const abort = new AbortController();
  let resolveReady!: () => void;
  const ready = new Promise<void>((r) => (resolveReady = r));
  void (async () => {
    const response = await fetch(httpUrl, {
      method: 'POST',
      signal: abort.signal,
      headers: { accept: 'text/event-stream', 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    if (!response.ok || !response.body) {
      queue.push({ errors: [new Error(`SSE answered ${response.status}`)] });
      resolveReady();
      return;
    }
    // Yoga subscribes before it sends the response headers; a short grace covers the pub/sub round trip.
    setTimeout(resolveReady, 100);
    const decoder = new TextDecoder();
    let buffer = '';
    const reader = response.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      buffer += decoder.decode(chunk.value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block
          .split('\n')
          .filter((l) => l.startsWith('data:'))
          .map((l) => l.slice(5).trim())
          .join('\n');
        if (data) queue.push(JSON.parse(data));
      }
    }
  })().catch((error: unknown) => {
    if (!abort.signal.aborted) queue.push({ errors: [error] });
  });
  return { ready, next: queue.next, close: () => abort.abort() };
}
