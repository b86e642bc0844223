import { expect } from 'vitest';
import type { TestApi } from './test-api.ts';

/** Runs an operation as a client would and returns its data; any GraphQL error fails the test, with the errors shown. */
export async function queryData<T>(
  t: TestApi,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const res = await t.execute<T>(query, { token, variables });
  expect(res.errors).toBeUndefined();
  return res.data!;
}
