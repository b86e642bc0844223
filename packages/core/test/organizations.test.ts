import { ManualClock, NotFoundError, ValidationError } from '@revcycle/core';
import { createTestApi, startTestServer, subscribeOverWebSocket } from '@revcycle/testkit';
import type { TestApi, TestServer } from '@revcycle/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TestApi;
let server: TestServer;
const clock = new ManualClock(new Date('2026-03-02T15:00:00Z'));

beforeAll(async () => {
  t = await createTestApi({ clock });
  server = await startTestServer(t.api);
});
afterAll(async () => {
  await server.close();
  await t.close();
});

const viewer = '{ viewer { organization { name } } }';

describe('the operator API (api.organizations)', () => {
  it('creates, gets, lists, renames, deactivates and reactivates, auditing each change', async () => {
    const orgs = t.api.organizations;
    const acme = await orgs.create({ name: '  Acme Billing  ' });
    expect(acme).toMatchObject({ name: 'Acme Billing', nonprofit: false, deactivatedAt: null });
    const hospital = await orgs.create({ name: 'St. Mary', nonprofit: true });
    expect(await orgs.get(hospital.id)).toMatchObject({ name: 'St. Mary', nonprofit: true });
    expect(await orgs.get('no-such-org')).toBeNull();

    expect((await orgs.rename(acme.id, 'Acme RCM')).name).toBe('Acme RCM');
    const deactivated = await orgs.deactivate(acme.id);
    expect(deactivated.deactivatedAt).toEqual(clock.now());
    expect((await orgs.list()).map((o) => o.id)).not.toContain(acme.id);
    expect((await orgs.list({ includeDeactivated: true })).map((o) => o.id)).toEqual(
      expect.arrayContaining([acme.id, hospital.id]),
    );
    expect((await orgs.reactivate(acme.id)).deactivatedAt).toBeNull();

    const audit = await t.db.auditEvent.findMany({ where: { organizationId: acme.id }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((e) => [e.action, e.actorId])).toEqual([
      ['organization.create', 'operator'],
      ['organization.rename', 'operator'],
      ['organization.deactivate', 'operator'],
      ['organization.reactivate', 'operator'],
    ]);
  });

  it('refuses an empty or too long name and an unknown id with typed errors', async () => {
    await expect(t.api.organizations.create({ name: ' ' })).rejects.toBeInstanceOf(ValidationError);
    await expect(t.api.organizations.create({ name: 'x'.repeat(201) })).rejects.toMatchObject({
      fieldErrors: [{ path: ['input', 'name'], code: 'TOO_LONG' }],
    });
    expect((await t.api.organizations.create({ name: 'x'.repeat(200) })).name).toHaveLength(200);
    await expect(t.api.organizations.deactivate('nope')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("a token's organization", () => {
  it('answers 401 ORGANIZATION_NOT_FOUND when it does not exist (any string was accepted before)', async () => {
    const res = await t.execute(viewer, { token: await t.token('made-up-org', ['admin']) });
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'ORGANIZATION_NOT_FOUND' });
  });

  it('answers 403 ORGANIZATION_DEACTIVATED while deactivated, and works again once reactivated', async () => {
    const org = await t.createOrganization('Short-lived');
    const token = await t.token(org.id, ['admin']);
    expect((await t.execute(viewer, { token })).data).toEqual({ viewer: { organization: { name: 'Short-lived' } } });
    await t.api.organizations.deactivate(org.id);
    const refused = await t.execute(viewer, { token });
    expect(refused.status).toBe(403);
    expect(refused.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN', reason: 'ORGANIZATION_DEACTIVATED' });
    await t.api.organizations.reactivate(org.id);
    expect((await t.execute(viewer, { token })).status).toBe(200);
  });

  it('closes a graphql-ws connection for an unknown or deactivated organization with 4403', async () => {
    const query = 'subscription { auditEventRecorded { id } }';
    expect(await subscribeOverWebSocket(server.wsUrl, await t.token('made-up-org', ['admin']), query).closed).toBe(
      4403,
    );
    const org = await t.createOrganization('Paused');
    await t.api.organizations.deactivate(org.id);
    expect(await subscribeOverWebSocket(server.wsUrl, await t.token(org.id, ['admin']), query).closed).toBe(4403);
  });
});
