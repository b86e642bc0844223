import { createBillingApi } from '@revcycle/core';
import type { BillingApi } from '@revcycle/core';
import {
  createTestApi,
  startTestServer,
  subscribeOverSse,
  subscribeOverWebSocket,
  TEST_JWT_SECRET,
} from '@revcycle/testkit';
import type { TestApi, TestServer } from '@revcycle/testkit';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const subscription = 'subscription { auditEventRecorded { action outcome actorId } }';
const createPayer = (name: string) =>
  `mutation { createPayer(input: { name: "${name}", payerIdentifier: "${name}", claimFilingIndicator: "CI" }) { __typename } }`;

type Event = { auditEventRecorded: { action: string; outcome: string; actorId: string } };

/**
 * Two API instances on one database, each with its own server: with Redis, an event published by instance 2 must
 * reach a subscriber of instance 1. With the in-process pub/sub, both sides are one instance.
 */
describe.each([
  { pubsub: 'in-process', redisUrl: undefined },
  { pubsub: 'Redis', redisUrl: REDIS_URL },
])('auditEventRecorded over SSE and graphql-ws ($pubsub pub/sub)', ({ redisUrl }) => {
  let t: TestApi;
  let second: BillingApi;
  let subscriberServer: TestServer;
  let orgA: { id: string };
  let orgB: { id: string };

  beforeAll(async () => {
    t = await createTestApi({ pubsub: { redisUrl } });
    // With Redis the mutation goes through a second instance; in-process it must be the same instance.
    second = redisUrl
      ? createBillingApi({
          database: t.db,
          auth: { secret: TEST_JWT_SECRET },
          pubsub: { redisUrl },
          logger: pino({ level: 'silent' }),
        })
      : t.api;
    subscriberServer = await startTestServer(t.api);
    orgA = await t.createOrganization('A');
    orgB = await t.createOrganization('B');
  });
  afterAll(async () => {
    await subscriberServer.close();
    if (second !== t.api) await second.close();
    await t.close();
  });

  async function mutateThroughSecond(token: string, name: string) {
    const response = await second.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: createPayer(name) }),
    });
    expect(response.status).toBe(200);
  }

  it.each(['sse', 'ws'] as const)('%s: delivers the organization’s own events, never another’s', async (transport) => {
    const auditorA = await t.token(orgA.id, ['auditor'], { userId: 'auditor-a' });
    const sub =
      transport === 'sse'
        ? subscribeOverSse<Event>(subscriberServer.httpUrl, auditorA, subscription)
        : subscribeOverWebSocket<Event>(subscriberServer.wsUrl, auditorA, subscription);
    try {
      await sub.ready;
      await mutateThroughSecond(await t.token(orgB.id, ['admin'], { userId: 'admin-b' }), `b-${transport}`);
      await mutateThroughSecond(await t.token(orgA.id, ['admin'], { userId: 'admin-a' }), `a-${transport}`);
      const event = await sub.next();
      expect(event.errors).toBeUndefined();
      expect(event.data?.auditEventRecorded).toEqual({
        action: 'createPayer',
        outcome: 'SUCCEEDED',
        actorId: 'admin-a',
      });
    } finally {
      sub.close();
    }
  });
});

describe('graphql-ws authentication', () => {
  let t: TestApi;
  let server: TestServer;
  beforeAll(async () => {
    t = await createTestApi();
    server = await startTestServer(t.api);
  });
  afterAll(async () => {
    await server.close();
    await t.close();
  });

  it('closes a connection without a valid token with 4403 before any operation', async () => {
    const sub = subscribeOverWebSocket(server.wsUrl, 'not-a-token', subscription);
    expect(await sub.closed).toBe(4403);
    sub.close();
  });

  it('answers FORBIDDEN to a role that may not subscribe', async () => {
    const org = await t.createOrganization();
    const sub = subscribeOverWebSocket(server.wsUrl, await t.token(org.id, ['frontdesk']), subscription);
    try {
      const event = await sub.next();
      expect(JSON.stringify(event.errors)).toContain('FORBIDDEN');
    } finally {
      sub.close();
    }
  });
});
