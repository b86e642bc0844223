import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBillingApi, signToken } from '@revcycle/core';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/revcycle.mjs', import.meta.url));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const SECRET = 'shutdown-test-secret-0123456789abcdef';

/** `revcycle serve` on a free port and the SQLite file in `dir`, once it says it is serving. */
async function serve(dir: string) {
  const port = await freePort();
  const child = spawn(process.execPath, [bin, 'serve'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: `file:${join(dir, 'r.db')}`,
      LOG_LEVEL: 'info',
      REVCYCLE_SEED_DEMO: 'false',
      REVCYCLE_JWT_SECRET: SECRET,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const server = { child, port, output: '' };
  child.stdout.on('data', (chunk: Buffer) => (server.output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // Start-up compiles the TypeScript sources (tsx): allow for a busy machine.
  for (let i = 0; i < 600 && !server.output.includes('revcycle is serving GraphQL'); i++)
    await new Promise((r) => setTimeout(r, 100));
  return { ...server, exited, log: () => server.output };
}

describe('revcycle serve shutdown', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'stops cleanly on %s (exit code 0)',
    async (signal) => {
      const { child, port, exited, log } = await serve(mkdtempSync(join(tmpdir(), 'revcycle-shutdown-')));
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      child.kill(signal);
      expect(await exited).toBe(0);
      expect(log()).toContain('"msg":"shutting down"');
      // Production logs are JSON lines on stdout, nothing else mixed in.
      for (const line of log().trim().split('\n')) expect(() => JSON.parse(line), line).not.toThrow();
    },
    90_000,
  );
});

describe('revcycle serve draining on SIGTERM', () => {
  it('answers new requests 503 while a request in flight finishes, then exits 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'revcycle-drain-'));
    // An organization and its token: an authenticated request waits for its body (an unknown one is refused at once).
    const setup = createBillingApi({ database: `file:${join(dir, 'r.db')}`, auth: { secret: SECRET } });
    await setup.migrate();
    const org = await setup.organizations.create({ name: 'Drain' });
    await setup.close();
    const token = await signToken({ secret: SECRET, organizationId: org.id, roles: ['admin'], userId: 'drain' });
    const { child, port, exited, log } = await serve(dir);

    // A request in flight: its headers are in, its body is still on the way when the signal comes.
    const body = JSON.stringify({ query: '{ __typename }' });
    const slow = request({
      host: '127.0.0.1',
      port,
      path: '/graphql',
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': String(body.length),
        authorization: `Bearer ${token}`,
      },
    });
    const slowAnswer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      slow.on('response', (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      slow.on('error', reject);
    });
    slow.write(body.slice(0, 5));
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGTERM');
    for (let i = 0; i < 50 && !log().includes('"msg":"shutting down"'); i++)
      await new Promise((r) => setTimeout(r, 100));

    const refused = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    const graphql = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(graphql.status).toBe(503);
    expect(
      ((await graphql.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code,
    ).toBe('SERVICE_UNAVAILABLE');

    slow.end(body.slice(5));
    const answered = await slowAnswer;
    expect(answered).toEqual({ status: 200, text: '{"data":{"__typename":"Query"}}' });
    expect(await exited).toBe(0);
  }, 90_000);
});
