import { createServer } from 'node:net';
import { createBillingApi } from '@revcycle/core';
import { GraphQLError } from 'graphql';
import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { createMaskError } from '../src/api/mask-error.ts';

const closedPort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

describe('the database going away', () => {
  it('answers 503 SERVICE_UNAVAILABLE (retry later), never INTERNAL', async () => {
    const api = createBillingApi({
      database: `postgresql://postgres@127.0.0.1:${await closedPort()}/gone`,
      auth: { authenticate: () => ({ userId: 'u', organizationId: 'o', roles: ['admin'] }) },
      logger: pino({ level: 'silent' }),
    });
    try {
      const response = await api.yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ viewer { userId } }' }),
      });
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect((await response.json()).errors).toEqual([
        { message: 'The database is unavailable; retry later', extensions: { code: 'SERVICE_UNAVAILABLE' } },
      ]);
    } finally {
      await api.close();
    }
  });

  it('turns a query that loses the database into SERVICE_UNAVAILABLE and logs one line per outage', () => {
    const logger = { error: vi.fn() } as unknown as Parameters<typeof createMaskError>[0];
    const mask = createMaskError(logger);
    const lost = Object.assign(new Error('Can’t reach database server'), { code: 'P1001' });
    const first = mask(
      new GraphQLError('x', { originalError: lost, path: ['patients'] }),
      'Unexpected error.',
    ) as GraphQLError;
    const second = mask(
      new GraphQLError('x', { originalError: lost, path: ['claims'] }),
      'Unexpected error.',
    ) as GraphQLError;
    expect(first.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', http: { status: 503 } });
    expect(second.message).toBe('The database is unavailable; retry later');
    expect(vi.mocked(logger.error)).toHaveBeenCalledTimes(1);
    const adapter = Object.assign(new Error('closed'), {
      meta: { driverAdapterError: { cause: { kind: 'ConnectionClosed' } } },
    });
    expect(
      (mask(new GraphQLError('x', { originalError: adapter }), 'Unexpected error.') as GraphQLError).extensions.code,
    ).toBe('SERVICE_UNAVAILABLE');
    const bug = new TypeError('undefined is not a function');
    expect(
      (mask(new GraphQLError('x', { originalError: bug }), 'Unexpected error.') as GraphQLError).extensions.code,
    ).toBe('INTERNAL');
  });
});
