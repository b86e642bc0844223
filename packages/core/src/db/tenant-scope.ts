import type { Principal } from '../auth/principal.ts';
import { ForbiddenError } from '../errors/billing-errors.ts';
import type { Db } from './prisma-client.ts';

/** Models whose rows belong to one practice; a principal limited to practices only sees those practices' rows. */
const PRACTICE_SCOPED = new Set([
  'Provider',
  'Facility',
  'Patient',
  'Encounter',
  'FeeSchedule',
  'Claim',
  'LedgerEntry',
  'PatientPayment',
  'Denial',
  'Statement',
  'PaymentPlan',
  'DunningState',
]);

const READ_OR_FILTER = new Set([
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'findMany',
  'count',
  'aggregate',
  'groupBy',
  'update',
  'updateMany',
  'updateManyAndReturn',
  'delete',
  'deleteMany',
]);

type Args = Record<string, unknown> & { where?: Record<string, unknown>; data?: unknown; create?: unknown };

/**
 * The one place tenant isolation is enforced: a client whose every model operation is limited to the principal's
 * organization (and practices, when the token names some). Reads get the filter added to `where`; creates get the
 * organization written in. Resolvers use only this client, so no resolver can forget a filter.
 * Raw SQL (`$queryRaw`) is not scoped: core code must not use it with a scoped principal's input.
 */
export function scopeToTenant(db: Db, principal: Principal): Db {
  const org = principal.organizationId;
  const practices = principal.practiceIds;

  function scopeFilter(model: string): Record<string, unknown> {
    if (model === 'Organization') return { id: org };
    if (model === 'Practice')
      return practices ? { organizationId: org, id: { in: [...practices] } } : { organizationId: org };
    if (practices && PRACTICE_SCOPED.has(model)) return { organizationId: org, practiceId: { in: [...practices] } };
    return { organizationId: org };
  }

  function stampCreate(model: string, data: unknown): unknown {
    if (model === 'Organization')
      throw new ForbiddenError('Organizations are created by the operator, not through a tenant');
    const row: Record<string, unknown> = { ...(data as Record<string, unknown>), organizationId: org };
    const practiceId = model === 'Practice' ? undefined : row.practiceId;
    if (practices && typeof practiceId === 'string' && !practices.includes(practiceId)) {
      throw new ForbiddenError('This user may not write to that practice');
    }
    return row;
  }

  return db.$extends({
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          const a = { ...(args as Args) };
          if (READ_OR_FILTER.has(operation)) {
            a.where = restrict(a.where, scopeFilter(model));
          } else if (operation === 'create') {
            a.data = stampCreate(model, a.data);
          } else if (operation === 'createMany' || operation === 'createManyAndReturn') {
            const rows = Array.isArray(a.data) ? a.data : [a.data];
            a.data = rows.map((row) => stampCreate(model, row));
          } else if (operation === 'upsert') {
            a.where = restrict(a.where, scopeFilter(model));
            a.create = stampCreate(model, a.create);
          }
          return query(a);
        },
      },
    },
  }) as unknown as Db;
}

/**
 * Adds the scope as one more AND condition, leaving the caller's fields (including a unique `id`) untouched:
 * a filter on `id` for another tenant's record then simply matches nothing.
 */
function restrict(where: Record<string, unknown> | undefined, scope: Record<string, unknown>): Record<string, unknown> {
  const existing = where?.AND;
  const and = existing === undefined ? [] : Array.isArray(existing) ? existing : [existing];
  return { ...(where ?? {}), AND: [...and, scope] };
}
