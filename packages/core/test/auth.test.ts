import { createTestApi, TEST_JWT_SECRET } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TestApi;
let org: { id: string };
const secret = new TextEncoder().encode(TEST_JWT_SECRET);

beforeAll(async () => {
  t = await createTestApi();
  org = await t.createOrganization();
});
afterAll(() => t.close());

const query = '{ viewer { userId } }';

function sign(claims: Record<string, unknown>, key: Uint8Array = secret, expires: string | number = '1h') {
  return new SignJWT({ org: org.id, roles: ['admin'], ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('u-1')
    .setIssuedAt()
    .setExpirationTime(expires)
    .sign(key);
}

async function expect401(token: string | undefined) {
  const res = await t.execute(query, { token });
  expect(res.status).toBe(401);
  expect(res.data).toBeUndefined();
  expect(res.errors).toEqual([{ message: 'Authentication required', extensions: { code: 'UNAUTHENTICATED' } }]);
}

describe('tokens that are refused with 401 and no detail', () => {
  it('no token', () => expect401(undefined));
  it('a malformed token', () => expect401('not.a.jwt'));
  it('an expired token', async () => expect401(await sign({}, secret, Math.floor(Date.now() / 1000) - 60)));
  it('alg: none', async () =>
    expect401(new UnsecuredJWT({ org: org.id, roles: ['admin'] }).setSubject('u-1').setExpirationTime('1h').encode()));
  it('a token signed with another key', async () =>
    expect401(await sign({}, new TextEncoder().encode('x'.repeat(40)))));
  it('a token without a known role', async () => expect401(await sign({ roles: ['janitor'] })));
  it('a token without an organization', async () => expect401(await sign({ org: undefined })));
});

describe('issuer and audience', () => {
  let strict: TestApi;
  beforeAll(async () => {
    strict = await createTestApi({
      auth: { secret: TEST_JWT_SECRET, issuer: 'https://ehr.example', audience: 'revcycle' },
    });
    // The token's organization must exist in this API's own database.
    await strict.db.organization.create({ data: { id: org.id, name: 'The same organization' } });
  });
  afterAll(() => strict.close());

  it('accepts the right audience and issuer, refuses a wrong audience', async () => {
    const good = await sign({ iss: 'https://ehr.example', aud: 'revcycle' });
    expect((await strict.execute(query, { token: good })).status).toBe(200);
    const wrongAudience = await sign({ iss: 'https://ehr.example', aud: 'someone-else' });
    const res = await strict.execute(query, { token: wrongAudience });
    expect(res.status).toBe(401);
    expect(JSON.stringify(res)).not.toContain('aud');
  });
});

describe('RS256 and ES256 from a JWKS', () => {
  it('verifies tokens signed by a key of the key set, and refuses an HS256 token', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' };
    const api = await createTestApi({ auth: { jwks: { keys: [jwk] } } });
    // The token's organization must exist in this API's own database.
    await api.db.organization.create({ data: { id: org.id, name: 'The same organization' } });
    try {
      const token = await new SignJWT({ org: org.id, roles: ['auditor'] })
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setSubject('u-es')
        .setExpirationTime('5m')
        .sign(privateKey);
      const res = await api.execute<{ viewer: { userId: string } }>(query, { token });
      expect(res.data?.viewer.userId).toBe('u-es');
      expect((await api.execute(query, { token: await sign({}) })).status).toBe(401);
    } finally {
      await api.close();
    }
  });
});

describe('REVCYCLE_JWKS_URL', () => {
  it('fetches the key set from the URL and verifies RS256 tokens with it', async () => {
    const { createServer } = await import('node:http');
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwks = JSON.stringify({
      keys: [{ ...(await exportJWK(publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' }],
    });
    const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(jwks));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const api = await createTestApi({ auth: { jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json` } });
    // The token's organization must exist in this API's own database.
    await api.db.organization.create({ data: { id: org.id, name: 'The same organization' } });
    try {
      const token = await new SignJWT({ org: org.id, roles: ['biller'] })
        .setProtectedHeader({ alg: 'RS256', kid: 'rsa-1' })
        .setSubject('u-rs')
        .setExpirationTime('5m')
        .sign(privateKey);
      expect((await api.execute<{ viewer: { userId: string } }>(query, { token })).data?.viewer.userId).toBe('u-rs');
      const other = await generateKeyPair('RS256');
      const forged = await new SignJWT({ org: org.id, roles: ['admin'] })
        .setProtectedHeader({ alg: 'RS256', kid: 'rsa-1' })
        .setSubject('x')
        .setExpirationTime('5m')
        .sign(other.privateKey);
      expect((await api.execute(query, { token: forged })).status).toBe(401);
    } finally {
      await api.close();
      server.close();
    }
  });
});

describe('roles', () => {
  it('an auditor may read but not write: FORBIDDEN', async () => {
    const token = await t.token(org.id, ['auditor']);
    expect((await t.execute(query, { token })).status).toBe(200);
    const res = await t.execute(
      'mutation { createPayer(input: { name: "X", payerIdentifier: "1", claimFilingIndicator: "CI" }) { __typename } }',
      { token },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(res.data).toBeNull();
    expect(await t.db.payer.count()).toBe(0);
  });

  it('front desk cannot read the audit log; an auditor can', async () => {
    const q = '{ auditEvents(first: 1) { totalCount } }';
    const denied = await t.execute(q, { token: await t.token(org.id, ['frontdesk']) });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const allowed = await t.execute(q, { token: await t.token(org.id, ['auditor']) });
    expect(allowed.errors).toBeUndefined();
  });
});

describe('bring your own auth', () => {
  it('uses the vendor function for the principal, and 401 when it returns null', async () => {
    const api = await createTestApi({
      auth: {
        authenticate: ({ request }) =>
          request?.headers.get('x-session') === 'good'
            ? { userId: 'vendor-user', organizationId: org.id, roles: ['biller'] }
            : null,
      },
    });
    // The token's organization must exist in this API's own database.
    await api.db.organization.create({ data: { id: org.id, name: 'The same organization' } });
    try {
      const ok = await api.execute<{ viewer: { userId: string } }>(query, { headers: { 'x-session': 'good' } });
      expect(ok.data?.viewer.userId).toBe('vendor-user');
      expect((await api.execute(query, { headers: { 'x-session': 'bad' } })).status).toBe(401);
    } finally {
      await api.close();
    }
  });
});
