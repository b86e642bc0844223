import { transaction } from '../db/prisma-client.ts';
import type { Db } from '../db/prisma-client.ts';
import { NotFoundError, ValidationError } from '../errors/billing-errors.ts';

/** An organization (tenant) as the operator API shows it. */
export interface OrganizationRecord {
  id: string;
  name: string;
  /** A nonprofit hospital bound by IRS 501(r) collection limits. */
  nonprofit: boolean;
  createdAt: Date;
  /** Set while the organization is deactivated: its tokens are refused, its data is kept. */
  deactivatedAt: Date | null;
}

/**
 * The operator API: creates and manages organizations (tenants). It is for the vendor's own back office and
 * deploy scripts, not for tenants, so it is not on the GraphQL schema; `revcycle org …` is its command line.
 * Every change is written to the organization's audit log with the operator as the actor.
 */
export interface OrganizationAdmin {
  create(input: { name: string; nonprofit?: boolean }, actor?: string): Promise<OrganizationRecord>;
  /** Every organization, oldest first; deactivated ones only when asked for. */
  list(options?: { includeDeactivated?: boolean }): Promise<OrganizationRecord[]>;
  /** The organization, or null when there is none with that id. */
  get(id: string): Promise<OrganizationRecord | null>;
  rename(id: string, name: string, actor?: string): Promise<OrganizationRecord>;
  /** Refuses the organization's tokens from now on (HTTP 403, `ORGANIZATION_DEACTIVATED`); nothing is deleted. */
  deactivate(id: string, actor?: string): Promise<OrganizationRecord>;
  reactivate(id: string, actor?: string): Promise<OrganizationRecord>;
}

export const MAX_ORGANIZATION_NAME = 200;
const OPERATOR = 'operator';
const SELECT = { id: true, name: true, nonprofit: true, createdAt: true, deactivatedAt: true } as const;

export function organizationAdmin(db: Db, now: () => Date = () => new Date()): OrganizationAdmin {
  async function change(
    id: string,
    action: string,
    actor: string,
    data: { name?: string; deactivatedAt?: Date | null },
  ) {
    return transaction(db, async (tx) => {
      const found = await tx.organization.findUnique({ where: { id }, select: { id: true } });
      if (!found) throw new NotFoundError('Organization', id);
      const updated = await tx.organization.update({ where: { id }, data, select: SELECT });
      await tx.auditEvent.create({ data: auditRow(id, action, actor) });
      return updated;
    });
  }
  return {
    async create(input, actor = OPERATOR) {
      const name = validName(input.name, ['input', 'name']);
      return transaction(db, async (tx) => {
        const created = await tx.organization.create({
          data: { name, nonprofit: input.nonprofit ?? false },
          select: SELECT,
        });
        await tx.auditEvent.create({ data: auditRow(created.id, 'organization.create', actor) });
        return created;
      });
    },
    list: ({ includeDeactivated = false } = {}) =>
      db.organization.findMany({
        where: includeDeactivated ? {} : { deactivatedAt: null },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: SELECT,
      }),
    get: (id) => db.organization.findUnique({ where: { id }, select: SELECT }),
    rename: (id, name, actor = OPERATOR) =>
      change(id, 'organization.rename', actor, { name: validName(name, ['name']) }),
    deactivate: (id, actor = OPERATOR) => change(id, 'organization.deactivate', actor, { deactivatedAt: now() }),
    reactivate: (id, actor = OPERATOR) => change(id, 'organization.reactivate', actor, { deactivatedAt: null }),
  };
}

function validName(raw: unknown, path: string[]): string {
  const name = typeof raw === 'string' ? raw.trim() : '';
  if (!name) throw new ValidationError([{ path, code: 'REQUIRED', message: 'An organization needs a name' }]);
  if (name.length > MAX_ORGANIZATION_NAME) {
    throw new ValidationError([
      { path, code: 'TOO_LONG', message: `An organization's name has at most ${MAX_ORGANIZATION_NAME} characters` },
    ]);
  }
  return name;
}

function auditRow(organizationId: string, action: string, actor: string) {
  return {
    organizationId,
    actorId: actor,
    actorRoles: 'operator',
    action,
    outcome: 'SUCCEEDED',
    recordIds: [organizationId],
  };
}
