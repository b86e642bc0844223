import { parseArgs } from 'node:util';
import { applyMigrations, createDb, organizationAdmin } from '@revcycle/core';
import type { OrganizationRecord } from '@revcycle/core';
import type { ServerConfig } from '../env-config.ts';
import { UsageError } from './usage-error.ts';

/**
 * `revcycle org create --name … [--nonprofit]`, `org list [--all] [--json]`, `org rename <id> --name …`,
 * `org deactivate <id>`, `org reactivate <id>`: the operator API on the command line. Migrates first, so a deploy
 * script can create its first organization on a fresh database.
 */
export async function orgCommand(config: ServerConfig, args: string[]): Promise<number> {
  const [action, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      nonprofit: { type: 'boolean' },
      all: { type: 'boolean' },
      json: { type: 'boolean' },
    },
  });
  await applyMigrations(config.database);
  const db = createDb(config.database);
  const organizations = organizationAdmin(db);
  try {
    switch (action) {
      case 'create': {
        if (!values.name) throw new UsageError('org create needs --name <name>');
        print(await organizations.create({ name: values.name, nonprofit: values.nonprofit ?? false }), values.json);
        return 0;
      }
      case 'list': {
        const all = await organizations.list({ includeDeactivated: values.all ?? false });
        if (values.json) console.log(JSON.stringify(all, null, 2));
        else for (const org of all) console.log(line(org));
        return 0;
      }
      case 'rename':
        if (!values.name) throw new UsageError('org rename needs --name <name>');
        print(await organizations.rename(idFrom(positionals, action), values.name), values.json);
        return 0;
      case 'deactivate':
        print(await organizations.deactivate(idFrom(positionals, action)), values.json);
        return 0;
      case 'reactivate':
        print(await organizations.reactivate(idFrom(positionals, action)), values.json);
        return 0;
      default:
        throw new UsageError(
          action
            ? `unknown org action "${action}"`
            : 'org needs an action: create, list, rename, deactivate or reactivate',
        );
    }
  } finally {
    await db.$disconnect();
  }
}

function idFrom(positionals: string[], action: string): string {
  const [id] = positionals;
  if (!id) throw new UsageError(`org ${action} needs the organization id`);
  return id;
}

function print(org: OrganizationRecord, json: boolean | undefined): void {
  console.log(json ? JSON.stringify(org, null, 2) : line(org));
}

/** One tab-separated line an organization: id, name, status, created; easy to cut or grep in a script. */
function line(org: OrganizationRecord): string {
  const status = org.deactivatedAt ? `deactivated ${org.deactivatedAt.toISOString()}` : 'active';
  return [org.id, org.name, status, org.createdAt.toISOString()].join('\t');
}
