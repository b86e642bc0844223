// The same embedding as ../js-app, in TypeScript compiled by tsc (module nodenext, strict) and run by plain node.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createBillingApi, signToken } from '@revcycle/core';
import type { BillingApi, OrganizationRecord, Role } from '@revcycle/core';

const secret = 'packed-smoke-secret-0123456789abcdefghij';
const databaseUrl = process.argv[2];
if (!databaseUrl) throw new Error('usage: node main.js <DATABASE_URL>');
const api: BillingApi = createBillingApi({ database: databaseUrl, auth: { secret } });
console.log('migrated:', (await api.migrate()).length, 'migrations');
const org: OrganizationRecord = await api.organizations.create({ name: 'Smoke Test Billing (TS)' });
const roles: Role[] = ['admin'];
const token = await signToken({ secret, organizationId: org.id, roles, userId: 'smoke' });

const app = express();
app.use('/billing/graphql', api.nodeHandler);
const server = app.listen(0, '127.0.0.1');
await once(server, 'listening');
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/billing/graphql`;

interface GraphQLBody<T> {
  data?: T;
  errors?: unknown[];
}

async function graphql<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as GraphQLBody<T>;
  if (res.status !== 200 || body.errors || !body.data)
    throw new Error(`GraphQL failed (${res.status}): ${JSON.stringify(body)}`);
  return body.data;
}

const viewer = await graphql<{ viewer: { organization: { name: string } } }>('{ viewer { organization { name } } }');
if (viewer.viewer.organization.name !== org.name) throw new Error(`wrong organization: ${JSON.stringify(viewer)}`);
const created = await graphql<{ createPractice: { __typename: string; practice?: { name: string } } }>(
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
console.log('query and mutation answered through Express:', created.createPractice.practice?.name);
server.close();
await api.close();
