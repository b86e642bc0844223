import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBillingApi } from '@revcycle/core';
import type { BillingApi, Principal } from '@revcycle/core';
import { pdfDocumentRenderer } from '@revcycle/document-pdf';
import { sandboxPayer } from '@revcycle/payer-sandbox';
import express from 'express';

/**
 * "Meadowlark EHR": an existing Express application with its own sessions. It mounts the revcycle API under its
 * own route (/billing/graphql) and maps its sessions to revcycle principals, so its users never see a second login.
 */
export interface EhrSession {
  userId: string;
  /** The EHR's tenant: one revcycle organization per EHR customer. */
  organizationId: string;
  roles: Principal['roles'];
}

export interface EhrApp {
  url: string;
  api: BillingApi;
  /** The EHR's own login: returns a session token its front end sends as `x-ehr-session`. */
  login(session: EhrSession): string;
  close(): Promise<void>;
}

export async function startEhr(options: { database: string; port?: number }): Promise<EhrApp> {
  const sessions = new Map<string, EhrSession>();
  const api = createBillingApi({
    database: options.database,
    graphqlEndpoint: '/billing/graphql',
    // The EHR's session becomes the revcycle principal: no JWTs to mint, tenancy follows the EHR's own tenant.
    auth: {
      authenticate: ({ request, connectionParams }) => {
        const token =
          request?.headers.get('x-ehr-session') ?? (connectionParams?.['x-ehr-session'] as string | undefined);
        const session = token ? sessions.get(token) : undefined;
        return session
          ? { userId: session.userId, organizationId: session.organizationId, roles: session.roles }
          : null;
      },
    },
    payers: [sandboxPayer()],
    documents: [pdfDocumentRenderer()],
    introspection: true,
  });
  await api.migrate();

  const app = express();
  app.get('/health', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/patients/:id/summary', (_req, res) => {
    res.type('text').send('(the EHR’s own pages live here)');
  });
  // The billing API under the EHR's route; Yoga is a plain Node request listener.
  app.use('/billing/graphql', (req, res) => void api.yoga(req, res));

  const server: Server = createServer(app);
  api.attachWebSockets(server);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    api,
    login(session) {
      const token = crypto.randomUUID();
      sessions.set(token, session);
      return token;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await api.close();
    },
  };
}
