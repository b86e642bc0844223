import { parseArgs } from 'node:util';
import { createDb, isRole, organizationAdmin, signToken } from '@revcycle/core';
import type { Role } from '@revcycle/core';
import type { ServerConfig } from '../env-config.ts';
import { UsageError } from './usage-error.ts';

/**
 * `revcycle token --org <id> --role <r>[,<r>] [--practice <id>]… [--sub <id>] [--expires 1h]`: a JWT signed with
 * REVCYCLE_JWT_SECRET (the development secret with --dev). The organization must exist and be active in
 * DATABASE_URL, so a typo fails here instead of on the first request.
 */
export async function tokenCommand(config: ServerConfig, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      org: { type: 'string' },
      role: { type: 'string' },
      practice: { type: 'string', multiple: true },
      sub: { type: 'string' },
      expires: { type: 'string', default: '1h' },
      dev: { type: 'boolean' },
    },
  });
  if (!values.org) throw new UsageError('token needs --org <organization id>');
  const roles = (values.role ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const unknown = roles.filter((r) => !isRole(r));
  if (roles.length === 0 || unknown.length > 0) {
    throw new UsageError(
      `--role takes a comma-separated list of roles${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}`,
    );
  }
  if (!config.auth.secret) {
    throw new UsageError(
      'token signs with REVCYCLE_JWT_SECRET, which is not set (with --dev: the development secret; with a JWKS, tokens come from your identity provider)',
    );
  }
  if (!/^\d+[smhdw]$/.test(values.expires)) throw new UsageError('--expires takes a span like 30m, 1h or 7d');
  await requireActiveOrganization(config, values.org);
  const token = await signToken({
    secret: config.auth.secret,
    organizationId: values.org,
    roles: roles as Role[],
    practiceIds: values.practice,
    userId: values.sub ?? 'cli',
    expiresIn: values.expires,
    issuer: config.auth.issuer,
    audience: config.auth.audience,
  });
  console.log(token);
  return 0;
}

async function requireActiveOrganization(config: ServerConfig, id: string): Promise<void> {
  const db = createDb(config.database);
  try {
    const org = await organizationAdmin(db)
      .get(id)
      .catch((error: unknown) => {
        const reason = error instanceof Error ? error.message.split('\n').find(Boolean) : String(error);
        throw new UsageError(`cannot read the organizations in DATABASE_URL (${reason}); run revcycle migrate first`);
      });
    if (!org)
      throw new UsageError(
        `no organization ${id} in the database (revcycle org list shows them; org create makes one)`,
      );
    if (org.deactivatedAt) throw new UsageError(`organization ${id} (${org.name}) is deactivated`);
  } finally {
    await db.$disconnect();
  }
}
