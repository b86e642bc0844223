import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { BillingError } from '../errors/billing-errors.ts';
import { logSafeError } from './log-safe-error.ts';

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
    // GraphQLErrors are written for clients (FORBIDDEN, limits, bad variables): they pass unchanged.
    if (original instanceof GraphQLError) return error as GraphQLError;
    const path = error instanceof GraphQLError ? error.path : undefined;
    logger.error({ error: logSafeError(original), path }, 'unexpected error in a GraphQL operation');
    return new GraphQLError(message, { path, extensions: { code: 'INTERNAL' } });
  };
}
