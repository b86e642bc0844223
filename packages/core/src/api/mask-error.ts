import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { BillingError } from '../errors/billing-errors.ts';
import { logSafeError } from './log-safe-error.ts';
import { isDatabaseUnavailable } from '../db/database-unavailable.ts';

export const DATABASE_UNAVAILABLE = 'The database is unavailable; retry later';
const lastOutageLog = new WeakMap<object, number>();

/** One line per outage (at most one every 30 s per API's logger), not a stack trace per request. */
export function logOutage(logger: Pick<Logger, 'error'>, error: unknown): void {
  if (Date.now() - (lastOutageLog.get(logger) ?? 0) < 30_000) return;
  lastOutageLog.set(logger, Date.now());
  logger.error({ error: logSafeError(error) }, 'the database is unavailable: answering SERVICE_UNAVAILABLE');
}

/**
 * Expected failures keep their message and code; anything else reaches the client as INTERNAL with no detail,
 * while the log gets the cause (never the variables, which may hold PHI).
 */
export function createMaskError(logger: Logger) {
  return (error: unknown, message: string): Error => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    if (original instanceof BillingError) {
      return new GraphQLError(original.message, {
        nodes: error instanceof GraphQLError ? error.nodes : undefined,
        path: error instanceof GraphQLError ? error.path : undefined,
        extensions: { code: original.code },
      });
    }
    const located = error instanceof GraphQLError ? error : undefined;
    if (located && original instanceof GraphQLError && isUnreadableNodeId(original, located.path)) {
      // node(id:)/nodes(ids:) with an id that decodes to no node type: the same code and words for every such id.
      const field = located.path?.[0] === 'nodes' ? 'ids' : 'id';
      return new GraphQLError(`${field}: not a valid id`, {
        nodes: located.nodes,
        path: located.path,
        extensions: { code: 'VALIDATION_FAILED' },
      });
    }
    if (isDatabaseUnavailable(original)) {
      logOutage(logger, original);
      return new GraphQLError(DATABASE_UNAVAILABLE, {
        path: located?.path,
        extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } },
      });
    }
    // GraphQLErrors are written for clients (FORBIDDEN, limits, bad variables): they pass unchanged.
    if (original instanceof GraphQLError) return error as GraphQLError;
    const path = error instanceof GraphQLError ? error.path : undefined;
    logger.error({ error: logSafeError(original), path }, 'unexpected error in a GraphQL operation');
    return new GraphQLError(message, { path, extensions: { code: 'INTERNAL' } });
  };
}

/** The relay plugin's answers to an id that is not base64 of `Type:id`, or names a type that is not a node. */
function isUnreadableNodeId(error: GraphQLError, path: GraphQLError['path']): boolean {
  if (error.extensions.code !== undefined) return false;
  const root = path?.[0];
  if (root !== 'node' && root !== 'nodes') return false;
  return /^Invalid global ID: /.test(error.message) || / has not been implemented$/.test(error.message);
}
