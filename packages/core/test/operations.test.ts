import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBillingApi, MIGRATIONS_ROOT, definePayerConnector } from '@revcycle/core';
import { businessHoursClock, createTestApi, TEST_JWT_SECRET } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { pino } from 'pino';
import { insertPractice } from './fixtures.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TestApi;
const get = (path: string, headers: Record<string, string> = {}) =>
  t.api.yoga.fetch(`http://localhost${path}`, { headers });

// Pinned to the afternoon (UTC) of today: the billing cycle is due only from 9 a.m. in the practice's zone.
beforeAll(async () => {
  t = await createTestApi({ clock: businessHoursClock() });
});
afterAll(() => t.close());

describe('probes', () => {
  it('/livez answers while serving; /readyz and /healthz report the database', async () => {
    expect(await (await get('/livez')).json()).toEqual({ status: 'ok' });
    for (const path of ['/readyz', '/healthz']) {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok', database: 'up' });
    }
  });

  it('/readyz answers 503 when Redis is configured and unreachable, and says which dependency is down', async () => {
    const api = createBillingApi({
      database: t.db,
      auth: { secret: TEST_JWT_SECRET },
      logger: pino({ level: 'silent' }),
      // Nothing listens on port 1: the client never connects.
      pubsub: { redisUrl: 'redis://127.0.0.1:1' },
    });
    try {
      const res = await api.yoga.fetch('http://localhost/readyz');
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'unavailable', database: 'up', redis: 'down' });
      expect((await api.yoga.fetch('http://localhost/livez')).status).toBe(200);
    } finally {
      await api.close();
    }
  });
});

describe("mounted under a prefix (Express: app.use('/billing/graphql', api.yoga))", () => {
  it('authenticates GraphQL on whatever path the host hands it: 401 without a token, data with one', async () => {
    const post = (token?: string) =>
      t.api.yoga.fetch('http://localhost/billing/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query: '{ viewer { userId } }' }),
      });
    expect((await post()).status).toBe(401);
    const org = await t.createOrganization();
    const res = await post(await t.token(org.id, ['biller'], { userId: 'u-prefix' }));
    expect(await res.json()).toEqual({ data: { viewer: { userId: 'u-prefix' } } });
  });
});

describe('node(id:) and nodes(ids:) with an unreadable id', () => {
  it('answer VALIDATION_FAILED with the same words for a malformed id and an id of no node type', async () => {
    const org = await t.createOrganization();
    const token = await t.token(org.id, ['admin']);
    const notAType = Buffer.from('Nope:x').toString('base64');
    for (const id of ['bogus', notAType]) {
      const one = await t.execute(`{ node(id: "${id}") { id } }`, { token });
      expect(one.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([
        ['id: not a valid id', 'VALIDATION_FAILED'],
      ]);
      const many = await t.execute(`{ nodes(ids: ["${id}"]) { id } }`, { token });
      expect(many.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([
        ['ids: not a valid id', 'VALIDATION_FAILED'],
      ]);
    }
    // A well-formed id of a node type that does not exist (or that the caller may not see) is simply null.
    const madeUp = Buffer.from('Patient:x').toString('base64');
    expect(await t.execute(`{ node(id: "${madeUp}") { id } }`, { token })).toMatchObject({ data: { node: null } });
  });
});

describe('metrics', () => {
  it('counts and times GraphQL operations by name, type and outcome in the Prometheus format', async () => {
    const org = await t.createOrganization();
    const token = await t.token(org.id, ['admin']);
    await t.execute('query Viewer { viewer { userId } }', { token });
    await t.execute('query Viewer { viewer { userId } }', { token });
    await t.execute('query Broken { canContact(accountId: "bogus", channel: PHONE) { allowed } }', { token });
    const res = await get('/metrics');
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toContain('revcycle_graphql_operations_total{operation="Viewer",type="query",outcome="ok"} 2');
    expect(text).toMatch(/revcycle_graphql_operations_total\{operation="Broken",type="query",outcome="error"\} 1/);
    expect(text).toMatch(/revcycle_graphql_operation_duration_seconds_count\{operation="Viewer",type="query"\} 2/);
    expect(text).toContain('revcycle_process_cpu_user_seconds_total');
  });

  it('bounds client-chosen operation names', () => {
    const label = t.api.metrics.operationLabel;
    expect(label(undefined)).toBe('anonymous');
    expect(label('bad name; drop')).toBe('other');
    for (let i = 0; i < 250; i++) label(`Op${i}`);
    expect(label('OneTooMany')).toBe('other');
  });

  it('counts payer connector calls by connector, method and outcome', async () => {
    let fail = false;
    const connector = definePayerConnector({
      id: 'metered',
      displayName: 'Metered test connector',
      capabilities: ['responses'],
      async fetchResponses() {
        if (fail) throw new Error('clearinghouse down');
        return [];
      },
      async acknowledgeResponse() {},
    });
    const api = createBillingApi({
      database: t.db,
      auth: { secret: TEST_JWT_SECRET },
      logger: pino({ level: 'silent' }),
      payers: [connector],
    });
    try {
      await api.pollPayerConnectors();
      fail = true;
      await api.pollPayerConnectors().catch(() => undefined);
      const text = await api.metrics.registry.metrics();
      expect(text).toContain(
        'revcycle_connector_calls_total{connector="metered",method="fetchResponses",outcome="ok"} 1',
      );
      expect(text).toMatch(
        /revcycle_connector_calls_total\{connector="metered",method="fetchResponses",outcome="error"\} [1-9]/,
      );
    } finally {
      await api.close();
    }
  });

  it('counts background jobs by job and outcome', async () => {
    const org = await t.createOrganization('Jobs');
    await insertPractice(t, org.id);
    const { ran } = await t.api.runScheduledJobs();
    expect(ran.length).toBeGreaterThan(0);
    const text = await t.api.metrics.registry.metrics();
    expect(text).toMatch(/revcycle_jobs_total\{job="revcycle-billing-cycle",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/revcycle_job_duration_seconds_count\{job="revcycle-billing-cycle"\} [1-9]/);
  });

  it('is not served when turned off', async () => {
    const api = createBillingApi({
      database: t.db,
      auth: { secret: TEST_JWT_SECRET },
      logger: pino({ level: 'silent' }),
      metrics: false,
    });
    try {
      expect((await api.yoga.fetch('http://localhost/metrics')).status).not.toBe(200);
    } finally {
      await api.close();
    }
  });
});

describe('GraphiQL', () => {
  it('serves its page, script, styles and workers from this server, with no inline script and no CDN', async () => {
    const response = await get('/graphql', { accept: 'text/html' });
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self';");
    const page = await response.text();
    expect(page).toContain('<script src="/graphql/graphiql/graphiql.js"></script>');
    expect(page).not.toMatch(/https?:\/\//);
    // Every <script> either has a src on this server or is JSON data (a strict CSP allows both).
    for (const tag of page.match(/<script[^>]*>/g) ?? [])
      expect(tag).toMatch(/src="\/graphql\/graphiql\/|type="application\/json"/);
    for (const asset of [
      'graphiql.js',
      'graphiql.css',
      'start.js',
      'editor.worker.js',
      'json.worker.js',
      'graphql.worker.js',
    ]) {
      const res = await get(`/graphql/graphiql/${asset}`);
      expect(res.status, asset).toBe(200);
      expect((await res.text()).length, asset).toBeGreaterThan(300);
    }
    expect((await get('/graphql/graphiql/nope.js')).status).toBe(404);
  });
});

describe('migrations', () => {
  it('ship inside the package, and migrationsDir overrides where they are read from', async () => {
    expect(MIGRATIONS_ROOT).toMatch(/packages[/\\]core[/\\]migrations$/);
    const empty = mkdtempSync(join(tmpdir(), 'revcycle-no-migrations-'));
    const api = createBillingApi({
      database: t.db,
      auth: { secret: TEST_JWT_SECRET },
      logger: pino({ level: 'silent' }),
      migrationsDir: empty,
    });
    try {
      await expect(api.migrate()).rejects.toMatchObject({
        name: 'MigrationError',
        message: expect.stringContaining(`migrations found in ${empty}`),
      });
    } finally {
      await api.close();
    }
    expect(() => createBillingApi({ auth: { secret: TEST_JWT_SECRET }, migrationsDir: '/no/such/folder' })).toThrow(
      'Invalid option migrationsDir: /no/such/folder does not exist',
    );
  });
});

describe('review lists are connections', () => {
  it('pages unmatchedResponses past what one page holds (they were cut at 100 before), newest first, with a total', async () => {
    const org = await t.createOrganization('Paging');
    const token = await t.token(org.id, ['biller']);
    const base = Date.parse('2026-03-01T00:00:00Z');
    await t.db.unmatchedResponse.createMany({
      data: Array.from({ length: 25 }, (_, i) => ({
        organizationId: org.id,
        kind: '277CA',
        reference: `REF${String(i).padStart(3, '0')}`,
        detail: 'no such claim',
        createdAt: new Date(base + i * 60_000),
      })),
    });
    const PAGE = `query($after: String) { unmatchedResponses(first: 10, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { reference } } }`;
    type Page = {
      unmatchedResponses: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        nodes: Array<{ reference: string }>;
      };
    };
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 5; page++) {
      const res = await t.execute<Page>(PAGE, { token, variables: { after } });
      const list = res.data!.unmatchedResponses;
      expect(list.totalCount).toBe(25);
      seen.push(...list.nodes.map((n) => n.reference));
      if (!list.pageInfo.hasNextPage) break;
      after = list.pageInfo.endCursor;
    }
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `REF${String(24 - i).padStart(3, '0')}`));
    const tooBig = await t.execute('{ unmatchedResponses(first: 101) { totalCount } }', { token });
    expect(tooBig.errors?.[0]?.message).toBe('first: 101 is above the maximum page size of 100');
  });
});
