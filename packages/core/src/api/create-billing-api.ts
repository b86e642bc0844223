import { randomUUID } from 'node:crypto';
import type { Server as HttpServer, IncomingMessage, ServerResponse } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { createYoga } from 'graphql-yoga';
import type { YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { Principal } from '../auth/principal.ts';
import { applyMigrations, MigrationError } from '../db/migrations.ts';
import { createDb, databaseProviderOf, targetOf } from '../db/prisma-client.ts';
import type { Db } from '../db/prisma-client.ts';
import { scopeToTenant } from '../db/tenant-scope.ts';
import type { BillingContext } from '../graphql/context.ts';
import { schema } from '../graphql/schema.ts';
import type { PluginRegistry } from '../plugins/registry.ts';
import { createBillingPubSub } from '../pubsub/billing-events.ts';
import type { BillingPubSub } from '../pubsub/billing-events.ts';
import { createMaskError, logOutage } from './mask-error.ts';
import { yogaLogger } from './yoga-logger.ts';
import { runEvery } from './run-every.ts';
import { normalizeOptions } from './normalize-options.ts';
import type { BillingApiOptions } from './options.ts';
import { useAuth } from './use-auth.ts';
import { useHealthz } from './use-healthz.ts';
import { createBillingMetrics } from './metrics.ts';
import type { BillingMetrics } from './metrics.ts';
import { useMetrics } from './use-metrics.ts';
import { instrumentPayers } from './instrument-payers.ts';
import { instrumentJobs } from './instrument-jobs.ts';
import { renderLocalGraphiQL, useGraphiQLAssets } from './graphiql-assets.ts';
import { useIntrospection } from './use-introspection.ts';
import { attachWebSockets } from './websockets.ts';
import { releaseLease, takeLease } from '../inbound/job-lease.ts';
import { pollConnectorResponses } from '../inbound/poll-connectors.ts';
import type { PolledFile } from '../inbound/poll-connectors.ts';
import { sweepDenialDeadlines } from '../denials/deadline-sweep.ts';
import { todayIn } from '../util/calendar-date.ts';
import type { WebSocketAttachment } from './websockets.ts';
import { createInProcessQueue } from '../jobs/in-process-queue.ts';
import { createPgBossQueue } from '../jobs/pg-boss-queue.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import { BILLING_CYCLE_JOB, billingCycleHandler, enqueueDueBillingCycles } from '../jobs/billing-jobs.ts';
import type { Clock } from '../util/clock.ts';
import { useRequestLimits } from './use-request-limits.ts';
import { reconcileSubmissions } from '../submission/reconcile-submissions.ts';
import { organizationStanding } from '../tenants/organization-standing.ts';
import { seedTenantIndexStats } from '../db/tenant-index-stats.ts';
import { organizationAdmin } from '../tenants/organizations.ts';
import type { OrganizationAdmin } from '../tenants/organizations.ts';
import { localApiFactory, operationRunner } from '../local-api/local-api.ts';
import { importRemittanceFromSource } from '../remittance/import-remittance.ts';
import { receiveReply } from '../compliance/receive-reply.ts';
import type { InboundMessage } from '../plugins/contracts.ts';
import { createCodeSetStore } from '../code-sets/code-set-store.ts';
import type { CodeSetStore } from '../code-sets/code-set-store.ts';
import type {
  RemittanceImportOptions,
  RemittanceImportSummary,
  RemittanceSource,
} from '../remittance/import-remittance.ts';
import type { LocalApi, LocalCallOptions } from '../local-api/local-api.ts';

/** What Yoga passes to the context factory: the HTTP request, or (WebSocket) the principal from connect. */
export interface ServerContext {
  request?: Request;
  principal?: Principal;
}

export interface BillingApi {
  /**
   * The Yoga instance: a Node request listener (`http.createServer(api.yoga)`, Express `app.use(path, api.yoga)`,
   * Fastify via `api.yoga.handleNodeRequestAndResponse`) and a fetch handler (`api.yoga.fetch`).
   */
  yoga: YogaServerInstance<ServerContext, BillingContext>;
  /**
   * The same handler typed for Express, Connect and `http` servers: `app.use('/graphql', api.nodeHandler)`.
   * (Yoga's own type takes a context object as third argument, where Express passes `next`, so TypeScript refuses
   * `app.use(path, api.yoga)` although it works.)
   */
  nodeHandler(request: IncomingMessage, response: ServerResponse): Promise<void>;
  schema: GraphQLSchema;
  /** The unscoped database client. Prefer the API; this is for migrations, seeding and host-side jobs. */
  db: Db;
  /**
   * The local API: the same operations as GraphQL's mutations, in process, as `principal` (roles, scoping,
   * validation, audit and events included). `await api.as(principal).createClaim({ encounterId, coverageId })`.
   */
  as(principal: Principal, options?: LocalCallOptions): LocalApi;
  /** The operator API: create, list, rename, deactivate and reactivate organizations (tenants). */
  organizations: OrganizationAdmin;
  pubsub: BillingPubSub;
  plugins: PluginRegistry;
  /** Prometheus metrics: GraphQL operations, jobs and connector calls (also served at GET /metrics by default). */
  metrics: BillingMetrics;
  logger: Logger;
  /** Serves graphql-ws subscriptions on the GraphQL path of an HTTP server, with the same auth as HTTP. */
  attachWebSockets(server: HttpServer): WebSocketAttachment;
  /**
   * Reads every payer connector's waiting responses (999, 277CA, 835) now and applies each to its organization.
   * For a host's own scheduler; `startPolling` runs it on an interval.
   */
  pollPayerConnectors(): Promise<PolledFile[]>;
  /**
   * Finishes submissions a crash interrupted: batches left PENDING (older than `pendingForMs`, default 2 minutes) are
   * delivered again with the same file and control number, and delivered batches whose claims were not recorded are
   * completed. Runs with every polling round; for a host's own scheduler and for tests.
   */
  reconcileSubmissions(options?: { pendingForMs?: number }): Promise<{ redelivered: string[]; completed: string[] }>;
  /**
   * Posts an 835 read from a stream — a file on disk, an upload piped through — in constant memory, with the
   * rules of the importRemittance mutation (roles, whole-organization, one transaction, duplicates). `open` is
   * called again if a concurrent import of the same payment wins the race. `options.onProgress` hears after each
   * chunk of claim payments.
   * @example
   * await api.importRemittanceStream(principal, () => createReadStream('/drop/era-2026-03-09.835'), { sizeBytes });
   */
  importRemittanceStream(
    principal: Principal,
    open: () => RemittanceSource,
    options?: Omit<RemittanceImportOptions, 'source'>,
  ): Promise<RemittanceImportSummary>;
  /**
   * The installation's code sets: `codeSets.import({ system, version, effectiveDate, open })` streams a release
   * file of any size (the two-million-row NCCI PTP file) with progress; `codeSets.search` looks codes up. The host
   * or the `revcycle codes import` command calls it; admins may also import through GraphQL.
   * @example
   * await api.codeSets.import({ system: 'ICD10CM', version: '2026', effectiveDate: '2025-10-01', open: () => createReadStream(path) });
   */
  codeSets: Pick<CodeSetStore, 'import' | 'importFrom' | 'search'>;
  /**
   * Takes a reply to a text or an e-mail (a carrier's webhook the host receives): STOP, UNSUBSCRIBE and the like
   * revoke the sender's consent at once. Notifiers with `receiveReplies` are connected to it already.
   * @example
   * await api.receiveReply({ channel: 'SMS', from: '+15125550142', text: 'STOP', receivedAt: new Date() });
   */
  receiveReply(reply: InboundMessage): Promise<{ stopped: number }>;
  /**
   * Polls the connectors every `intervalMs`. With several server instances on one database, one instance polls
   * each round (a lease in the database). Returns a function that stops it.
   */
  startPolling(options?: { intervalMs?: number; instanceId?: string }): () => Promise<void>;
  /**
   * Refreshes work-item priorities and announces appeal deadlines that are close or have passed
   * (`denialDeadlineApproaching`). Runs with each polling round, each item on its practice's today by the clock;
   * `today` (one date for every item) is for tests and replays.
   */
  sweepDenialDeadlines(today?: string): Promise<{ warned: number; passed: number }>;
  /** Where "now" comes from for the billing cycle (the `clock` option). */
  clock: Clock;
  /** The job engine in use: pg-boss on PostgreSQL, the in-database queue on SQLite. */
  jobs: JobQueue;
  /**
   * Queues every practice's billing cycle for its current day (by the clock) and works the jobs that are due.
   * Safe on every instance at once: each job runs once. For a host's own scheduler and for simulations;
   * `startJobs` runs it on an interval.
   */
  runScheduledJobs(): Promise<{ enqueued: number; ran: string[] }>;
  /** Runs `runScheduledJobs` every `intervalMs`. Returns a function that stops it. */
  startJobs(options?: { intervalMs?: number }): () => Promise<void>;
  /**
   * Applies pending migrations from `migrationsDir` (default: the ones shipped in this package) and returns their
   * names. Works when the API opened the database from a URL or from `createDb()`. Throws a `MigrationError` that
   * says what failed (no migrations, database unreachable or missing).
   */
  migrate(): Promise<string[]>;
  /** Closes the pub/sub connections and, when the API opened it, the database. */
  close(): Promise<void>;
}

/**
 * Builds the billing API for a host to mount. Options are validated here, at boot, and a bad one throws a
 * ConfigError naming it.
 * @example
 * const api = createBillingApi({ database: process.env.DATABASE_URL, auth: { secret: process.env.REVCYCLE_JWT_SECRET } });
 * await api.migrate();
 * const server = http.createServer(api.yoga);
 * api.attachWebSockets(server);
 * server.listen(4000);
 */
export function createBillingApi(options: BillingApiOptions): BillingApi {
  const config = normalizeOptions(options);
  const ownsDb = 'target' in config.database;
  const db = 'target' in config.database ? createDb(config.database.target) : config.database.db;
  const metrics = createBillingMetrics();
  const pubsubHandle = createBillingPubSub(config.redisUrl, {
    logger: config.logger,
    onEventLost: (topic) => metrics.eventsLost.inc({ topic: topic.split(':')[0] ?? topic }),
  });
  const principals = new WeakMap<Request, Principal>();
  const databaseProvider = databaseProviderOf(db);
  const plugins: PluginRegistry = { ...config.plugins, payers: instrumentPayers(config.plugins.payers, metrics) };
  const standingOf = (organizationId: string) => organizationStanding(db, organizationId);
  const codeSets = createCodeSetStore(db, databaseProvider);

  const yoga = createYoga<ServerContext, BillingContext>({
    schema,
    graphqlEndpoint: config.graphqlEndpoint,
    graphiql: config.graphiql ? { title: 'revcycle', subscriptionsProtocol: 'WS' } : false,
    // GraphiQL's page, script, styles and editor workers come from this server, never a CDN (see graphiql-assets.ts).
    renderGraphiQL: renderLocalGraphiQL(config.graphqlEndpoint),
    landingPage: false,
    // Yoga's own log lines carry raw errors; ours (maskError) carry what is safe. Yoga keeps warnings and below.
    logging: yogaLogger(config.logger),
    maskedErrors: { maskError: createMaskError(config.logger) },
    plugins: [
      useGraphiQLAssets(config.graphqlEndpoint),
      useHealthz(db, { redis: pubsubHandle.connected }),
      useMetrics(metrics, config.metricsPath),
      useAuth({
        authenticate: config.authenticate,
        standingOf,
        principals,
        onDatabaseUnavailable: (error) => logOutage(config.logger, error),
      }),
      useIntrospection(config.introspection),
      ...useRequestLimits(config.limits, config.introspection),
    ],
    context: ({ request, principal: wsPrincipal }): BillingContext => {
      const principal = wsPrincipal ?? (request ? principals.get(request) : undefined);
      // useAuth answered 401 already for HTTP, and WebSocket connections are refused without a principal.
      if (!principal) throw new Error('No principal on an authenticated path');
      return contextFor(principal, request?.headers.get('x-request-id') ?? randomUUID());
    },
  });

  function contextFor(principal: Principal, requestId: string = randomUUID()): BillingContext {
    return {
      principal,
      db: scopeToTenant(db, principal),
      databaseProvider,
      pubsub: pubsubHandle.pubsub,
      plugins,
      limits: config.limits,
      scrub: config.scrub,
      codeSets,
      logger: config.logger,
      requestId,
      clock: config.clock,
    };
  }
  const pollPayerConnectors = () => pollConnectorResponses(plugins.payers, (p) => contextFor(p), db, config.logger);
  const pollers: Array<() => Promise<void>> = [];
  const jobs = createJobQueue(
    db,
    databaseProvider,
    'target' in config.database ? config.database.target.url : targetOf(db)?.url,
    config.jobsSchema,
    config.logger,
  );
  const jobHandlers = instrumentJobs({ [BILLING_CYCLE_JOB]: billingCycleHandler((p) => contextFor(p)) }, metrics);
  const runScheduledJobs = async () => {
    const enqueued = await enqueueDueBillingCycles(db, jobs, config.clock.now());
    return { enqueued, ran: await jobs.workDue(jobHandlers) };
  };

  const receive = (reply: InboundMessage) => receiveReply(db, reply);
  for (const notifier of plugins.notifiers.values())
    notifier.receiveReplies?.((reply) => receive(reply).then(() => {}));

  const attachments: WebSocketAttachment[] = [];
  return {
    receiveReply: receive,
    yoga,
    nodeHandler: async (request, response) => {
      await yoga(request, response);
    },
    schema,
    db,
    as: localApiFactory(contextFor, standingOf),
    codeSets,
    importRemittanceStream: (principal, open, options) =>
      operationRunner(contextFor, standingOf)(principal, importRemittanceFromSource, { open, options }),
    organizations: organizationAdmin(db, () => config.clock.now()),
    pubsub: pubsubHandle.pubsub,
    plugins,
    metrics,
    logger: config.logger,
    attachWebSockets(server) {
      const attachment = attachWebSockets(
        server,
        yoga,
        config.authenticate,
        config.graphqlEndpoint,
        standingOf,
        config.limits.maxBodyBytes,
      );
      attachments.push(attachment);
      return attachment;
    },
    pollPayerConnectors,
    reconcileSubmissions: (options) => reconcileSubmissions(db, (p) => contextFor(p), plugins.payers, options),
    clock: config.clock,
    jobs,
    runScheduledJobs,
    startJobs({ intervalMs = 5 * 60_000 } = {}) {
      const stop = runEvery(intervalMs, runScheduledJobs, config.logger, 'scheduled jobs');
      pollers.push(stop);
      return stop;
    },
    sweepDenialDeadlines: (today) =>
      sweepDenialDeadlines(db, pubsubHandle.pubsub, today ?? ((timeZone) => todayIn(timeZone, config.clock.now()))),
    startPolling({ intervalMs = 60_000, instanceId = randomUUID() } = {}) {
      const round = async () => {
        // The lease outlives a round, so a slow round is never run twice at once.
        if (!(await takeLease(db, 'poll-payer-connectors', instanceId, intervalMs * 2))) return;
        try {
          await reconcileSubmissions(db, (p) => contextFor(p), plugins.payers);
          const results = await pollPayerConnectors();
          await sweepDenialDeadlines(db, pubsubHandle.pubsub, (timeZone) => todayIn(timeZone, config.clock.now()));
          if (results.length)
            config.logger.info(
              { files: results.length, failed: results.filter((r) => !r.ok).length },
              'polled payer connectors',
            );
        } finally {
          await releaseLease(db, 'poll-payer-connectors', instanceId);
        }
      };
      const stop = runEvery(intervalMs, round, config.logger, 'polling payer connectors');
      pollers.push(stop);
      return stop;
    },
    async migrate() {
      const target = 'target' in config.database ? config.database.target : targetOf(db);
      if (!target) throw new MigrationError('migrate() needs a database opened from a URL or by createDb()');
      const applied = await applyMigrations(target, config.migrationsDir);
      // SQLite's planner needs statistics to prefer selective indexes (e.g. account number) over the ORDER BY one;
      // PRAGMA optimize gathers them where they are missing or stale, cheaply, and may drop an empty table's: the
      // tenant indexes' seeded ones are put back on this client's connection. PostgreSQL's autovacuum does this itself.
      if (databaseProvider === 'sqlite') {
        await db.$queryRawUnsafe('PRAGMA optimize=0x10002');
        await seedTenantIndexStats((sql) => db.$queryRawUnsafe(sql));
      }
      return applied;
    },
    async close() {
      await Promise.all(pollers.map((stop) => stop()));
      await Promise.all(attachments.map((a) => a.close()));
      await pubsubHandle.close();
      await jobs.close();
      if (ownsDb) await db.$disconnect();
    },
  };
}

/** pg-boss on PostgreSQL (it needs its own connection), the in-database queue on SQLite or when no URL is known. */
function createJobQueue(
  db: Db,
  provider: 'sqlite' | 'postgresql',
  url: string | undefined,
  schema: string,
  logger: Logger,
): JobQueue {
  if (provider === 'postgresql' && url) return createPgBossQueue(url, schema, logger);
  if (provider === 'postgresql')
    logger.warn('jobs: the database client was created without a URL; using the in-database queue instead of pg-boss');
  return createInProcessQueue(db);
}
