import { join } from 'node:path';
import { createBillingApi, globalId, signToken } from '@revcycle/core';
import { sandboxPayer } from '@revcycle/payer-sandbox';
import { serveDashboard } from './dashboard-server.ts';

// `npm start -w @revcycle/example-live-dashboard`: builds the page, serves it with an API on SQLite, creates a
// practice and prints the URL to open. Drive the API (GraphiQL at /graphql) and watch the page follow.
const secret = process.env.REVCYCLE_JWT_SECRET ?? 'dashboard-demo-secret-dashboard-demo-01';
const api = createBillingApi({
  database: process.env.DATABASE_URL ?? 'file:./data/dashboard.db',
  auth: { secret },
  payers: [sandboxPayer()],
  graphiql: true,
});
await api.migrate();
api.startPolling({ intervalMs: 2_000 });
const org = (await api.organizations.list())[0] ?? (await api.organizations.create({ name: 'Dashboard demo' }));
// Arranged through the local API (the same validation and audit as GraphQL); the external id makes it once only.
const local = api.as({ userId: 'dashboard-setup', organizationId: org.id, roles: ['admin'] });
const address = { line1: '1 Main St', city: 'Austin', state: 'TX', postalCode: '78701-2403' };
const { practice } = await local.createPractice({
  externalId: 'dashboard-practice',
  name: 'Riverbend Family Medicine',
  npi: '1324567894',
  taxId: '741234567',
  phone: '512-555-0100',
  timeZone: 'America/Chicago',
  address,
});
const token = await signToken({ secret, organizationId: org.id, roles: ['admin'], userId: 'dashboard' });
const { url } = await serveDashboard(api, join(import.meta.dirname, '..', 'dist'), Number(process.env.PORT ?? 4200));
console.log(`Open ${url}/?practice=${globalId('Practice', practice.id)}&token=${token}`);
