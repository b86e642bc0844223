import type { Plugin } from 'graphql-yoga';
import type { Principal } from '../auth/principal.ts';
import type { OrganizationStanding } from '../tenants/organization-standing.ts';
import { refusalFor } from '../tenants/organization-standing.ts';
import type { Authenticate } from './options.ts';
import { isDatabaseUnavailable } from '../db/database-unavailable.ts';
import { DATABASE_UNAVAILABLE } from './mask-error.ts';

const UNAUTHENTICATED_BODY = JSON.stringify({
  errors: [{ message: 'Authentication required', extensions: { code: 'UNAUTHENTICATED' } }],
});
const UNAVAILABLE_BODY = JSON.stringify({
  errors: [{ message: DATABASE_UNAVAILABLE, extensions: { code: 'SERVICE_UNAVAILABLE' } }],
});

/**
 * Authenticates every GraphQL HTTP request (queries, mutations, SSE subscriptions) before it is parsed.
 * No valid credential: HTTP 401 with no detail of why (a bad signature, expiry and a wrong audience look alike).
 * A valid token whose organization does not exist: 401 (`ORGANIZATION_NOT_FOUND`); deactivated: 403
 * (`ORGANIZATION_DEACTIVATED`). GraphiQL's page itself (GET, Accept: text/html) needs no token; its queries do.
 */
export function useAuth(options: {
  authenticate: Authenticate;
  standingOf: (organizationId: string) => Promise<OrganizationStanding>;
  principals: WeakMap<Request, Principal>;
  /** Told when the organization cannot be looked up because the database is down (the request gets 503). */
  onDatabaseUnavailable?(error: unknown): void;
}): Plugin {
  return {
    async onRequest({ request, endResponse, fetchAPI }) {
      // Every request that reaches this plugin is one Yoga would run as GraphQL (probes, metrics and GraphiQL's
      // files were answered before it), whatever its path: a host that mounts the API under a prefix
      // (`app.use('/billing/graphql', api.yoga)`) hands Yoga paths that differ from `graphqlEndpoint`.
      if (request.method === 'GET' && (request.headers.get('accept') ?? '').includes('text/html')) return;
      if (request.method === 'OPTIONS') return;
      const authorization = request.headers.get('authorization') ?? undefined;
      const principal = await options.authenticate({ request, authorization });
      if (!principal) {
        endResponse(
          new fetchAPI.Response(UNAUTHENTICATED_BODY, {
            status: 401,
            headers: { 'content-type': 'application/json', 'www-authenticate': 'Bearer' },
          }),
        );
        return;
      }
      let standing: OrganizationStanding;
      try {
        standing = await options.standingOf(principal.organizationId);
      } catch (error) {
        if (!isDatabaseUnavailable(error)) throw error;
        options.onDatabaseUnavailable?.(error);
        endResponse(
          new fetchAPI.Response(UNAVAILABLE_BODY, {
            status: 503,
            headers: { 'content-type': 'application/json', 'retry-after': '5' },
          }),
        );
        return;
      }
      if (standing !== 'active') {
        const refusal = refusalFor(standing);
        endResponse(
          new fetchAPI.Response(refusal.body, {
            status: refusal.status,
            headers: { 'content-type': 'application/json' },
          }),
        );
        return;
      }
      options.principals.set(request, principal);
    },
  };
}
