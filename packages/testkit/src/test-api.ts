import { pino } from 'pino';
import { createBillingApi, createDb, signToken } from '@revcycle/core';
import type { BillingApi, BillingApiOptions, CreateDbOptions, Db, Role } from '@revcycle/core';
import { createTestDatabase } from './test-database.ts';
import type { TestDatabase } from './test-database.ts';

/** The HS256 secret every test API accepts. */
export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

export interface TestApi {
  api: BillingApi;
  /** The unscoped client of the test database, for arranging data and asserting on rows. */
  db: Db;
  database: TestDatabase;
  /** Creates an organization through the operator API (tenants are made by the operator, not through GraphQL). */
  createOrganization(name?: string): Promise<{ id: string }>;
  /** A valid token for the organization. */
  token(organizationId: string, roles: Role[], extra?: { practiceIds?: string[]; userId?: string }): Promise<string>;
  /** POSTs an operation to /graphql in-process (no port), as a client would. */
  execute<T = Record<string, unknown>>(
    query: string,
    options?: { token?: string; variables?: Record<string, unknown>; headers?: Record<string, string> },
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/**
 * A billing API on a fresh test database. Pass `onQuery` to count SQL statements, and any API option to override.
 */
export async function createTestApi(
  options: Partial<BillingApiOptions> & { onQuery?: CreateDbOptions['onQuery'] } = {},
): Promise<TestApi> {
  const database = await createTestDatabase();
  const { onQuery, ...apiOptions } = options;
  const db = createDb(database.target, { onQuery });
  const api = createBillingApi({
    database: db,
    auth: { secret: TEST_JWT_SECRET },
    logger: silentLogger(),
    ...apiOptions,
  });
  return {
    api,
    db,
    database,
    createOrganization: (name = 'Test Organization') => api.organizations.create({ name }),
    token: (organizationId, roles, extra = {}) =>
      signToken({
        secret: TEST_JWT_SECRET,
        organizationId,
        roles,
        userId: extra.userId ?? `user-${roles.join('-')}`,
        practiceIds: extra.practiceIds,
      }),
    async execute(query, { token, variables, headers = {} } = {}) {
      const response = await api.yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      return { status: response.status, ...(text ? JSON.parse(text) : {}) };
    },
    async close() {
      await api.close();
      await db.$disconnect();
      await database.drop();
    },
  };
}

/** Quiet by default; LOG_LEVEL=debug shows the API's logs when a test needs investigating. */
function silentLogger() {
  return pino({ level: process.env.LOG_LEVEL ?? 'silent' });
}
