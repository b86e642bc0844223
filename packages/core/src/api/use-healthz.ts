import type { Plugin } from 'graphql-yoga';
import type { Db } from '../db/prisma-client.ts';

/** What readiness looks at besides the database: Redis when events go through it. */
export interface ReadinessChecks {
  /** Answers whether Redis is connected, or undefined when the API uses in-process events. */
  redis?: () => Promise<boolean>;
}

/**
 * Probes, no auth, no detail beyond up/down:
 * - `GET /livez`: 200 while the process serves requests (a liveness probe restarts it when this stops answering);
 * - `GET /readyz`: 200 when the database answers and, when configured, Redis is connected; 503 otherwise (a load
 *   balancer stops sending traffic until it is ready again);
 * - `GET /healthz`: the same as /readyz, kept for existing monitors.
 */
export function useHealthz(db: Db, checks: ReadinessChecks = {}): Plugin {
  return {
    async onRequest({ url, request, endResponse, fetchAPI }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      const json = (body: unknown, status: number) =>
        endResponse(
          new fetchAPI.Response(JSON.stringify(body), {
            status,
            headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
          }),
        );
      if (url.pathname === '/livez') return json({ status: 'ok' }, 200);
      if (url.pathname !== '/readyz' && url.pathname !== '/healthz') return;
      const database = await db.$queryRawUnsafe('SELECT 1').then(
        () => true,
        () => false,
      );
      const redis = checks.redis ? await checks.redis().catch(() => false) : undefined;
      const ok = database && redis !== false;
      const state = (up: boolean) => (up ? 'up' : 'down');
      const body = {
        status: ok ? 'ok' : 'unavailable',
        database: state(database),
        ...(redis === undefined ? {} : { redis: state(redis) }),
      };
      json(body, ok ? 200 : 503);
    },
  };
}
