import type { Logger } from 'pino';
import type { JwtAuthOptions } from '../auth/jwt-authenticator.ts';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/prisma-client.ts';
import type { ApiLimits } from '../graphql/context.ts';
import type {
  CollectionsExporter,
  DocumentRenderer,
  Notifier,
  PayerConnector,
  StatementRenderer,
} from '../plugins/contracts.ts';
import type { Clock } from '../util/clock.ts';
import type { ScrubRule } from '../claims/scrub/scrub-rule.ts';

/** What a vendor's own authentication sees of a request or a WebSocket connection. */
export interface AuthenticationInput {
  /** The HTTP request (HTTP and SSE), absent on WebSocket operations. */
  request?: Request;
  /** The `Authorization` header value, or `connectionParams.authorization` on graphql-ws. */
  authorization?: string;
  /** graphql-ws connection params, when the call came over a WebSocket. */
  connectionParams?: Readonly<Record<string, unknown>>;
}

/** Bring your own auth: map a request to the caller, or null to answer 401. */
export type Authenticate = (input: AuthenticationInput) => Promise<Principal | null> | Principal | null;

export interface BillingApiOptions {
  /**
   * The database: a `DATABASE_URL` (`file:…` SQLite, `postgres://…` PostgreSQL), or a client you created with
   * `createDb` (you then own its lifecycle). @default 'file:./data/revcycle.db'
   */
  database?: string | Db;
  /**
   * Where `migrate()` reads migrations from: a folder with one subfolder per provider (`sqlite/`, `postgresql/`).
   * @default the `migrations` folder shipped inside `@revcycle/core`
   */
  migrationsDir?: string;
  /** JWT verification (HS256 secret, or RS256/ES256 from a JWKS), or `{ authenticate }` for your own auth. */
  auth: JwtAuthOptions | { authenticate: Authenticate };
  payers?: readonly PayerConnector[];
  statements?: readonly StatementRenderer[];
  collections?: readonly CollectionsExporter[];
  /** Letter renderers (appeal letters); the first is used. */
  documents?: readonly DocumentRenderer[];
  /** Reminder carriers (e-mail, SMS, phone tasks); the first that carries a channel sends on it. @default records without sending */
  notifiers?: readonly Notifier[];
  /**
   * Where "now" comes from for the billing cycle (statement cycles, dunning, payment plans). Tests and demos pass a
   * clock they move to simulate months in seconds. @default the system clock
   */
  clock?: Clock;
  /**
   * Scheduled jobs (the daily billing cycle). On PostgreSQL they run on pg-boss in the `schema` given (so each job runs
   * once across server instances); on SQLite on an in-process queue in the database. @default { schema: 'revcycle_jobs' }
   */
  jobs?: { schema?: string };
  /** Set a Redis URL to share subscription events between server instances. @default in-process */
  pubsub?: { redisUrl?: string };
  /** A pino logger. @default pino at LOG_LEVEL or info */
  logger?: Logger;
  limits?: Partial<ApiLimits>;
  /**
   * Claim scrubbing: `rules` are added to core's defaults (DEFAULT_SCRUB_RULES); `disabled` lists rule ids to skip,
   * for every organization or per organization.
   */
  scrub?: {
    rules?: readonly ScrubRule[];
    disabled?: readonly string[] | ((organizationId: string) => readonly string[] | Promise<readonly string[]>);
  };
  /**
   * Prometheus metrics (GraphQL operations, jobs, connector calls, process) at `GET path`, unauthenticated; `false`
   * serves none (the host can still read `api.metrics.registry`). @default { path: '/metrics' }
   */
  metrics?: boolean | { path?: string };
  /** Allow schema introspection. @default true */
  introspection?: boolean;
  /** Serve GraphiQL on GET with Accept: text/html. @default true */
  graphiql?: boolean;
  /** @default '/graphql' */
  graphqlEndpoint?: string;
}

export const DEFAULT_LIMITS: ApiLimits = {
  maxDepth: 12,
  maxCost: 20_000,
  maxPageSize: 100,
  maxAliases: 30,
  maxTokens: 5_000,
  maxDirectives: 50,
  maxBodyBytes: 1_000_000,
  maxFileBodyBytes: 25_000_000,
};
