import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBillingApi, signToken } from '@revcycle/core';
import type { BillingApi } from '@revcycle/core';
import type { Logger } from 'pino';
import { seedDemo } from './demo/seed-demo.ts';
import { productPlugins } from './product-plugins.ts';
import { requireAuth } from './env-config.ts';
import type { ServerConfig } from './env-config.ts';
import { serverLogger } from './logger.ts';
import { Drain } from './drain.ts';

export interface RunningServer {
  api: BillingApi;
  server: Server;
  url: string;
  /** Drains (new requests 503, in-flight ones finish), then closes connections, subscriptions and the database. */
  stop(): Promise<void>;
}

/**
 * Migrates, seeds the demo organization into an empty development database, and serves GraphQL (HTTP, SSE and
 * graphql-ws on /graphql, GraphiQL in a browser) plus /livez, /readyz, /healthz and /metrics. Refuses to start
 * without a way to verify tokens (a ConfigError naming REVCYCLE_JWT_SECRET), development mode aside.
 */
export async function startServer(config: ServerConfig, logger: Logger = serverLogger(config)): Promise<RunningServer> {
  requireAuth(config);
  const api = createBillingApi({
    database: config.databaseUrl,
    auth: config.auth,
    ...productPlugins(),
    pubsub: { redisUrl: config.redisUrl },
    logger,
    introspection: config.introspection,
    limits: config.limits,
  });
  const applied = await api.migrate();
  logger.info(
    { applied, provider: config.database.provider },
    applied.length ? 'applied migrations' : 'database schema is up to date',
  );
  if (config.developmentMode) {
    logger.warn(
      { secretFile: `${config.dataDir}/dev-jwt-secret` },
      'development mode: no REVCYCLE_JWT_SECRET or REVCYCLE_JWKS_URL set; using a generated secret kept in the data folder',
    );
  }
  let demoOrganizationId: string | undefined;
  if (config.seedDemoWhenEmpty && (await api.db.organization.count()) === 0) {
    demoOrganizationId = (await seedDemo(api)).organizationId;
    logger.info('seeded the demo organization');
  }

  // Connector responses (acknowledgements, remittances) are read on an interval; of several instances sharing the
  // database, one polls each round.
  if (config.pollIntervalSeconds > 0) api.startPolling({ intervalMs: config.pollIntervalSeconds * 1000 });
  // Each practice's billing cycle (statements, dunning, payment plans) is queued once a day and run once across
  // instances: pg-boss on PostgreSQL, the in-database queue on SQLite. Reminders are recorded, not sent, until a
  // host configures a notifier.
  if (config.jobIntervalSeconds > 0) api.startJobs({ intervalMs: config.jobIntervalSeconds * 1000 });

  const drain = new Drain();
  const server = createServer((request, response) => drain.serve(request, response, api.yoga));
  const webSockets = api.attachWebSockets(server);
  await new Promise<void>((resolve) => server.listen(config.port, resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://localhost:${port}/graphql`;
  logger.info({ url }, 'revcycle is serving GraphQL');

  if (config.developmentMode && config.auth.secret) {
    const org = demoOrganizationId ?? (await api.db.organization.findFirst({ orderBy: { createdAt: 'asc' } }))?.id;
    if (org) {
      const token = await signToken({
        secret: config.auth.secret,
        organizationId: org,
        roles: ['admin'],
        userId: 'demo-admin',
        expiresIn: '12h',
      });
      // On stderr: stdout carries the log, which must stay one record a line.
      process.stderr.write(
        `\nGraphQL: ${url}\nAdmin token for the demo organization (12 h), paste as the header\n  Authorization: Bearer ${token}\n\n`,
      );
    }
  }

  let stopping: Promise<void> | undefined;
  return {
    api,
    server,
    url,
    stop: () =>
      (stopping ??= (async () => {
        // New requests are answered 503 (with Connection: close, so that a client or balancer goes elsewhere)
        // while the ones in flight finish, for 10 s at most; then the listener, subscriptions and database close.
        const drained = drain.start(10_000);
        await webSockets.close();
        await drained;
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await closed;
        await api.close();
      })()),
  };
}
