import { GraphQLError } from 'graphql';
import type { Role } from '../auth/principal.ts';
import type { BillingContext } from './context.ts';

/** Throws the same FORBIDDEN error as the auth scopes when the caller has none of the roles. */
export function requireRole(ctx: BillingContext, roles: readonly Role[], what: string): void {
  if (ctx.principal.roles.some((role) => roles.includes(role))) return;
  throw new GraphQLError(`Your roles do not allow ${what}`, { extensions: { code: 'FORBIDDEN' } });
}
