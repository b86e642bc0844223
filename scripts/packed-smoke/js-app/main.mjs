// A vendor's plain JavaScript app (ESM, no TypeScript loader) embedding the packed @revcycle/core:
//   node main.mjs <DATABASE_URL>
// migrates the database, creates an organization through the operator API, signs a token and answers a query and
// a mutation through Express. Exits non-zero on any difference from what it expects.
import { once } from 'node:events';
import express from 'express';
import { createBillingApi, signToken } from '@revcycle/core';

const secret = 'packed-smoke-secret-0123456789abcdefghij';
const api = createBillingApi({ database: process.argv[2], auth: { secret } });
console.log('migrated:', (await api.migrate()).length, 'migrations');
const org = await api.organizations.create({ name: 'Smoke Test Billing (JS)' });
const token = await signToken({ secret, organizationId: org.id, roles: ['admin'], userId: 'smoke' });

const app = express();
app.use('/billing/graphql', api.yoga);
const server = app.listen(0, '127.0.0.1');
await once(server, 'listening');
const url = `http://127.0.0.1:${server.address().port}/billing/graphql`;

async function graphql(query, variables) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (res.status !== 200 || body.errors) throw new Error(`GraphQL failed (${res.status}): ${JSON.stringify(body)}`);
  return body.data;
}

const viewer = await graphql('{ viewer { organization { name } } }');
if (viewer.viewer.organization.name !== 'Smoke Test Billing (JS)')
  throw new Error(`wrong organization: ${JSON.stringify(viewer)}`);
const created = await graphql(
  `mutation ($input: CreatePracticeInput!) { createPractice(input: $input) { __typename ... on PracticeSuccess { practice { id name } } } }`,
  {
    input: {
      name: 'Smoke Clinic',
      npi: '1234567893',
      taxId: '12-3456789',
      timeZone: 'America/Chicago',
      address: { line1: '1 Main St', city: 'Austin', state: 'TX', postalCode: '78701' },
    },
  },
);
if (created.createPractice.__typename !== 'PracticeSuccess')
  throw new Error(`createPractice: ${JSON.stringify(created)}`);
console.log('query and mutation answered through Express:', created.createPractice.practice.name);
server.close();
await api.close();
