import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A Redis of the test's own, on a free port, stopped and started again under the API; the shared one is never
// touched.
let port: number;
let redis: ChildProcess | undefined;
let t: TestApi;
let token: string;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

async function startRedis(): Promise<void> {
  redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 50 && !(await ready()); i++) await new Promise((r) => setTimeout(r, 100));
}
async function stopRedis(): Promise<void> {
  const exited = new Promise((resolve) => redis?.once('exit', resolve));
  redis?.kill('SIGKILL');
  await exited;
}
async function ready(): Promise<boolean> {
  const response = await t?.api.yoga.fetch('http://localhost/readyz');
  return response?.status === 200;
}

beforeAll(async () => {
  port = await freePort();
  redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  await new Promise((r) => setTimeout(r, 300));
  t = await createTestApi({ pubsub: { redisUrl: `redis://127.0.0.1:${port}` } });
  for (let i = 0; i < 50 && !(await ready()); i++) await new Promise((r) => setTimeout(r, 100));
  token = await t.token((await t.createOrganization('Outage Clinic')).id, ['admin']);
}, 30_000);
afterAll(async () => {
  await t.close();
  redis?.kill('SIGKILL');
});

const createPayer = (n: number) =>
  t.execute<{ createPayer: { __typename: string } }>(
    `mutation { createPayer(input: { name: "Payer ${n}", payerIdentifier: "P${n}", claimFilingIndicator: "CI" }) { __typename } }`,
    { token },
  );

describe('Redis going down', () => {
  it('keeps serving mutations, reports itself not ready, counts the lost events, and recovers when Redis is back', async () => {
    expect((await createPayer(1)).data?.createPayer.__typename).toBe('PayerSuccess');
    await stopRedis();
    for (let n = 2; n <= 6; n++) expect((await createPayer(n)).data?.createPayer.__typename).toBe('PayerSuccess');
    // A moment for ioredis's retries to give up on the queued publishes: nothing may crash meanwhile.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await ready()).toBe(false);
    const lost = (await t.api.metrics.registry.getSingleMetric('revcycle_events_lost_total')?.get())?.values ?? [];
    expect(lost.reduce((sum, v) => sum + v.value, 0)).toBeGreaterThan(0);
    await startRedis();
    expect(await ready()).toBe(true);
    expect((await createPayer(7)).data?.createPayer.__typename).toBe('PayerSuccess');
  }, 30_000);
});
