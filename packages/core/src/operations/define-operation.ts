import { auditFailure } from '../audit/audited.ts';
import type { Role } from '../auth/principal.ts';
import type { DomainContext } from '../context/domain-context.ts';

/**
 * One business operation, whichever door calls it: GraphQL's resolver, the local API (`api.as(principal)`) or a
 * job. The roles are declared once here; GraphQL turns them into auth scopes and the local API checks them, so
 * both doors admit the same callers. `run` does its own validation, audit and events.
 */
export interface Operation<Input, Output> {
  /** The audit action and the operation's name on every door (`createClaim`). */
  readonly name: string;
  /** Roles admitted; a principal needs one of them. */
  readonly roles: readonly Role[];
  run(ctx: DomainContext, input: Input): Promise<Output>;
}

/** Declares an operation; any expected failure of it is audited (once), wherever in `run` it arises. */
export function defineOperation<Input, Output>(operation: Operation<Input, Output>): Operation<Input, Output> {
  return {
    ...operation,
    async run(ctx, input) {
      try {
        return await operation.run(ctx, input);
      } catch (error) {
        await auditFailure(ctx, operation.name, error);
        throw error;
      }
    },
  };
}

export type OperationInput<O> = O extends Operation<infer I, unknown> ? I : never;
export type OperationOutput<O> = O extends Operation<never, infer R> ? R : never;
