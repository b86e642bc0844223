import type { Plugin } from 'graphql-yoga';
import type { Db } from '../db/prisma-client.ts';

/** `GET /healthz`: 200 when the database answers, 503 when it does not. No auth, no detail. */
export function useHealthz(db: Db, path = '/healthz'): Plugin {
  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== path) return;
      let ok = true;
      try {
        await db.$queryRawUnsafe('SELECT 1');
      } catch {
        ok = false;
      }
      endResponse(
        new fetchAPI.Response(JSON.stringify({ status: ok ? 'ok' : 'unavailable', database: ok ? 'up' : 'down' }), {
          status: ok ? 200 : 503,
          headers: { 'content-type': 'application/json' },
        }),
      );
    },
  };
}
