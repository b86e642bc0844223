import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/revcycle.mjs', import.meta.url));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('revcycle serve shutdown', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'stops cleanly on %s (exit code 0)',
    async (signal) => {
      const port = await freePort();
      const dir = mkdtempSync(join(tmpdir(), 'revcycle-shutdown-'));
      const child = spawn(process.execPath, [bin, 'serve'], {
        env: {
          ...process.env,
          PORT: String(port),
          DATABASE_URL: `file:${join(dir, 'r.db')}`,
          LOG_LEVEL: 'info',
          REVCYCLE_SEED_DEMO: 'false',
          REVCYCLE_JWT_SECRET: 'shutdown-test-secret-0123456789abcdef',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      // Start-up compiles the TypeScript sources (tsx): allow for a busy machine.
      for (let i = 0; i < 600 && !output.includes('revcycle is serving GraphQL'); i++)
        await new Promise((r) => setTimeout(r, 100));
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      child.kill(signal);
      expect(await exited).toBe(0);
      expect(output).toContain('"msg":"shutting down"');
      // Production logs are JSON lines on stdout, nothing else mixed in.
      for (const line of output.trim().split('\n')) expect(() => JSON.parse(line), line).not.toThrow();
    },
    90_000,
  );
});
