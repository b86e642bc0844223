import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/principal.ts';
import type { DomainContext } from '../context/domain-context.ts';
import { ForbiddenError } from '../errors/billing-errors.ts';
import type { Operation, OperationInput, OperationOutput } from '../operations/define-operation.ts';
import type { OrganizationStanding } from '../tenants/organization-standing.ts';
import { OPERATIONS } from './operations.ts';

/**
 * The operations of the GraphQL API, in process, for one principal: `await api.as(principal).createClaim({ … })`.
 * Same roles, tenant and practice scoping, validation, audit and events as GraphQL; ids are database ids (the
 * `id` of the records it returns), and `globalId(type, id)` turns one into GraphQL's id. Expected failures throw
 * the typed errors GraphQL returns in its payload unions (`ValidationError`, `NotFoundError`, …).
 */
export type LocalApi = {
  [K in keyof typeof OPERATIONS]: (
    input: OperationInput<(typeof OPERATIONS)[K]>,
  ) => Promise<OperationOutput<(typeof OPERATIONS)[K]>>;
};

export interface LocalCallOptions {
  /** Recorded on audit events; one per call by default. */
  requestId?: string;
}

export function localApiFactory(
  contextFor: (principal: Principal, requestId: string) => DomainContext,
  standingOf: (organizationId: string) => Promise<OrganizationStanding>,
): (principal: Principal, options?: LocalCallOptions) => LocalApi {
  const run = operationRunner(contextFor, standingOf);
  return (principal, options = {}) => {
    const call = (operation: Operation<never, unknown>, input: unknown) => run(principal, operation, input, options);
    const entries = Object.entries(OPERATIONS).map(([name, operation]) => [
      name,
      (input: unknown) => call(operation, input),
    ]);
    return Object.fromEntries(entries) as LocalApi;
  };
}

/**
 * Runs one operation for a principal as the local API does: the organization must be active and the principal's
 * roles must allow the operation. Also used for host-only operations that take what GraphQL cannot carry (a stream).
 */
export function operationRunner(
  contextFor: (principal: Principal, requestId: string) => DomainContext,
  standingOf: (organizationId: string) => Promise<OrganizationStanding>,
) {
  return async <I, O>(
    principal: Principal,
    operation: Operation<I, O>,
    input: I,
    options: LocalCallOptions = {},
  ): Promise<O> => {
    const standing = await standingOf(principal.organizationId);
    if (standing !== 'active')
      throw new ForbiddenError(
        `Organization ${principal.organizationId} is ${standing === 'unknown' ? 'unknown' : 'deactivated'}`,
      );
    if (!operation.roles.some((role) => principal.roles.includes(role)))
      throw new ForbiddenError(`Your roles do not allow ${operation.name}`);
    const ctx = contextFor(principal, options.requestId ?? `local-${randomUUID()}`);
    return operation.run(ctx, input);
  };
}
