import type { Role } from '../auth/principal.ts';
import type { Operation } from '../operations/define-operation.ts';

/** The auth scopes of a field that calls `operation`: the roles the operation itself declares. */
export function scopesOf(operation: Operation<never, unknown>): Partial<Record<Role, boolean>> {
  return Object.fromEntries(operation.roles.map((role) => [role, true]));
}
