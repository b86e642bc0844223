import type { Principal } from '../auth/principal.ts';
import { ForbiddenError } from '../errors/billing-errors.ts';
import { getDatamodel } from '../generated/pothos-types.ts';
import { MODEL_SCOPES } from './model-scopes.ts';
import type { Db, Prisma } from './prisma-client.ts';

type Where = Record<string, unknown>;
type Args = Record<string, unknown> & { where?: Where; data?: unknown; create?: unknown; update?: unknown };
type ModelName = Prisma.ModelName;

const FILTERED = new Set([
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
  'upsert',
]);
const CREATES = new Set(['create', 'createMany', 'createManyAndReturn']);
const READS = new Set([
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'findMany',
  'count',
  'aggregate',
  'groupBy',
]);
const UPDATES = new Set(['update', 'updateMany', 'updateManyAndReturn']);
/** Matches no row: what a practice-limited user gets of organization-wide data. */
const NOTHING: Where = { id: { in: [] } };

interface Relation {
  type: ModelName;
  isList: boolean;
  fromFields: string[];
}
const RELATIONS = relationsByModel();

/** The scoped client's principal and the client it scopes, for raw SQL helpers (`scopedSql`). */
const SCOPES = new WeakMap<object, { root: Db; principal: Principal }>();

/**
 * The one place tenant isolation is enforced: a client whose every operation is limited to the principal's
 * organization and, for a principal limited to practices, to those practices. Every model declares its scope in
 * `MODEL_SCOPES` (a child through its parent, e.g. a coverage through its patient). Reads get the scope added to
 * `where`, and list relations read with `include`/`select` get it too; creates get the organization written in and
 * may not name another practice (or a parent in another practice); updates may not move a row to another
 * organization or practice. Raw SQL is not available through it: use `scopedSql`.
 */
export function scopeToTenant(db: Db, principal: Principal): Db {
  const scope = new TenantScope(principal);
  const scoped = db.$extends({
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          const name = model as ModelName;
          scope.refuseSystem(name);
          scope.refuseReferenceWrites(name, operation);
          const a = { ...(args as Args) };
          if (FILTERED.has(operation)) a.where = restrict(a.where, scope.where(name));
          if (CREATES.has(operation)) a.data = await scope.stampCreates(db, name, a.data);
          if (operation === 'upsert') a.create = await scope.stampCreates(db, name, a.create);
          if (UPDATES.has(operation)) await scope.checkUpdate(db, name, a.data);
          if (operation === 'upsert') await scope.checkUpdate(db, name, a.update);
          scope.scopeRelations(name, a);
          return query(a);
        },
      },
    },
  }) as unknown as Db;
  SCOPES.set(scoped, { root: db, principal });
  return scoped;
}

/** The unscoped client and principal behind a scoped client (for `scopedSql` only). */
export function scopeOf(db: Db): { root: Db; principal: Principal } | undefined {
  return SCOPES.get(db);
}

class TenantScope {
  readonly #org: string;
  readonly #practices: readonly string[] | undefined;

  constructor(principal: Principal) {
    this.#org = principal.organizationId;
    this.#practices = principal.practiceIds;
  }

  refuseSystem(model: ModelName): void {
    if (MODEL_SCOPES[model].kind === 'system') throw new ForbiddenError(`${model} is not tenant data`);
  }

  refuseReferenceWrites(model: ModelName, operation: string): void {
    if (MODEL_SCOPES[model].kind === 'reference' && !READS.has(operation))
      throw new ForbiddenError(`${model} is installation reference data: a tenant reads it, never writes it`);
  }

  /** The full filter of a model: its organization and, for a limited principal, its practices. */
  where(model: ModelName): Where {
    if (MODEL_SCOPES[model].kind === 'reference') return {};
    const org = MODEL_SCOPES[model].kind === 'organization' ? { id: this.#org } : { organizationId: this.#org };
    const practice = this.#practices ? practiceWhere(model, this.#practices) : undefined;
    return practice ? { AND: [org, practice] } : org;
  }

  /** Writes the organization into new rows; a limited principal may not create rows of other practices. */
  async stampCreates(root: Db, model: ModelName, data: unknown): Promise<Where | Where[]> {
    if (MODEL_SCOPES[model].kind === 'organization') {
      throw new ForbiddenError('Organizations are created by the operator, not through a tenant');
    }
    const rows = (Array.isArray(data) ? data : [data]).map((row) => ({ ...(row as Where), organizationId: this.#org }));
    if (this.#practices) await this.checkPractices(root, model, rows);
    return Array.isArray(data) ? rows : rows[0]!;
  }

  async checkUpdate(root: Db, model: ModelName, data: unknown): Promise<void> {
    const row = (data ?? {}) as Where;
    if ('organization' in row || ('organizationId' in row && row.organizationId !== this.#org)) {
      throw new ForbiddenError('A record cannot be moved to another organization');
    }
    if ('practice' in row) throw new ForbiddenError('Change a record’s practice by its practiceId');
    if (typeof row.practiceId === 'string' && model !== 'Practice') {
      const visible = await root.practice.count({ where: { AND: [{ id: row.practiceId }, this.where('Practice')] } });
      if (!visible) throw new ForbiddenError('This user may not move a record to that practice');
    }
  }

  /** Adds the scope to every list relation read with `include` or `select`, at any depth. */
  scopeRelations(model: ModelName, args: Where): void {
    for (const key of ['include', 'select'] as const) {
      const tree = args[key] as Where | undefined;
      if (!tree) continue;
      const scopedTree: Where = {};
      for (const [field, value] of Object.entries(tree)) {
        const relation = RELATIONS.get(model)?.get(field);
        if (!relation || !value) {
          scopedTree[field] = value;
          continue;
        }
        const child: Where = value === true ? {} : { ...(value as Where) };
        this.scopeRelations(relation.type, child);
        if (relation.isList) child.where = restrict(child.where as Where | undefined, this.where(relation.type));
        scopedTree[field] = Object.keys(child).length ? child : value;
      }
      args[key] = scopedTree;
    }
  }

  private async checkPractices(root: Db, model: ModelName, rows: Where[]): Promise<void> {
    const practices = this.#practices!;
    const declared = MODEL_SCOPES[model];
    if (declared.kind === 'practice-column') {
      // An audit event of a failed call names no practice: the system writes it on the user's behalf.
      const mayBeUnassigned = model === 'AuditEvent';
      const allowed = (id: unknown) =>
        typeof id === 'string' ? practices.includes(id) : mayBeUnassigned && id == null;
      if (rows.some((r) => !allowed(r.practiceId))) {
        throw new ForbiddenError('This user may not write to that practice');
      }
    } else if (declared.kind === 'through') {
      const fk = RELATIONS.get(model)?.get(declared.relation)?.fromFields[0] ?? '';
      // A row without a parent belongs to no practice: organization-wide, not this user's to write.
      if (rows.some((r) => typeof r[fk] !== 'string'))
        throw new ForbiddenError('This user may not write to that practice');
      const parentIds = [...new Set(rows.map((r) => r[fk] as string))];
      const delegate = (root as unknown as Record<string, { count(a: { where: Where }): Promise<number> }>)[
        lowerFirst(declared.parent)
      ]!;
      // The parents this user may not see, asked of the committed rows (the unscoped client runs outside the
      // caller's transaction): a parent created in the same transaction is not there yet, and its own create was
      // checked when it was written.
      const hidden = await delegate.count({ where: { id: { in: parentIds }, NOT: this.where(declared.parent) } });
      if (hidden) throw new ForbiddenError('This user may not write to that practice');
    } else if (declared.kind === 'organization-wide') {
      throw new ForbiddenError(`${model} is organization-wide: a practice-limited user may not write it`);
    }
  }
}

/** The practice part of a model's filter for a limited principal; undefined when the model has none. */
export function practiceWhere(model: ModelName, practices: readonly string[]): Where | undefined {
  const declared = MODEL_SCOPES[model];
  const ids = { in: [...practices] };
  switch (declared.kind) {
    case 'organization':
    case 'shared':
    case 'system':
    case 'reference':
      return undefined;
    case 'practice':
      return { id: ids };
    case 'practice-column':
      return { practiceId: ids };
    case 'through': {
      const parent = practiceWhere(declared.parent, practices) ?? {};
      const relation = RELATIONS.get(model)?.get(declared.relation);
      return { [declared.relation]: relation?.isList ? { some: parent } : { is: parent } };
    }
    case 'custom':
      return declared.practices(practices);
    case 'organization-wide':
      return NOTHING;
  }
}

/**
 * Adds the scope as one more AND condition, leaving the caller's fields (including a unique `id`) untouched:
 * a filter on `id` for another tenant's record then simply matches nothing.
 */
function restrict(where: Where | undefined, scope: Where): Where {
  const existing = where?.AND;
  const and = existing === undefined ? [] : Array.isArray(existing) ? existing : [existing];
  return { ...(where ?? {}), AND: [...and, scope] };
}

function relationsByModel(): Map<ModelName, Map<string, Relation>> {
  const models = getDatamodel().datamodel.models as unknown as Record<
    string,
    { fields: Array<{ kind: string; name: string; type: string; isList: boolean; relationFromFields?: string[] }> }
  >;
  const byModel = new Map<ModelName, Map<string, Relation>>();
  for (const [name, model] of Object.entries(models)) {
    const relations = new Map<string, Relation>();
    for (const f of model.fields) {
      if (f.kind !== 'object') continue;
      relations.set(f.name, { type: f.type as ModelName, isList: f.isList, fromFields: f.relationFromFields ?? [] });
    }
    byModel.set(name as ModelName, relations);
  }
  return byModel;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
