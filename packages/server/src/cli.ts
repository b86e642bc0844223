import { parseArgs } from 'node:util';
import { applyMigrations, createDb, isRole, signToken } from '@revcycle/core';
import type { Role } from '@revcycle/core';
import { seedDemo } from './demo/seed-demo.ts';
import { readServerConfig } from './env-config.ts';
import { startServer } from './serve.ts';

const USAGE = `revcycle <command>

  serve                      migrate, seed the demo organization into an empty dev database, serve on PORT (4000)
  migrate                    apply pending migrations to DATABASE_URL
  seed --demo                create the demo organization (idempotent) and print its id
  token --org <id> --role <r>[,<r>] [--practice <id>]... [--sub <id>] [--expires 1h]
                             print a JWT signed with REVCYCLE_JWT_SECRET (or the development secret)

Roles: admin, biller, coder, collector, frontdesk, auditor. Environment: see the README.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = readServerConfig();
  switch (command) {
    case 'serve': {
      const running = await startServer(config);
      const shutdown = (signal: string) => {
        running.api.logger.info({ signal }, 'shutting down');
        running.stop().then(
          () => process.exit(0),
          (error: unknown) => {
            running.api.logger.error({ err: error }, 'shutdown failed');
            process.exit(1);
          },
        );
      };
      process.once('SIGINT', () => shutdown('SIGINT'));
      process.once('SIGTERM', () => shutdown('SIGTERM'));
      return new Promise<number>(() => {});
    }
    case 'migrate': {
      const applied = await applyMigrations(config.database);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the database schema is up to date');
      return 0;
    }
    case 'seed': {
      const { values } = parseArgs({ args: rest, options: { demo: { type: 'boolean' } } });
      if (!values.demo) throw new UsageError('seed needs --demo');
      await applyMigrations(config.database);
      const db = createDb(config.database);
      try {
        const { organizationId, created } = await seedDemo(db);
        console.log(`${created ? 'created' : 'already present'}: demo organization ${organizationId}`);
      } finally {
        await db.$disconnect();
      }
      return 0;
    }
    case 'token': {
      const { values } = parseArgs({
        args: rest,
        options: {
          org: { type: 'string' },
          role: { type: 'string' },
          practice: { type: 'string', multiple: true },
          sub: { type: 'string' },
          expires: { type: 'string', default: '1h' },
        },
      });
      if (!values.org) throw new UsageError('token needs --org <organization id>');
      const roles = (values.role ?? '').split(',').map((r) => r.trim()).filter(Boolean);
      const unknown = roles.filter((r) => !isRole(r));
      if (roles.length === 0 || unknown.length > 0) throw new UsageError(`--role takes a comma-separated list of roles${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}`);
      if (!config.auth.secret) throw new UsageError('token signs with REVCYCLE_JWT_SECRET; with a JWKS, tokens come from your identity provider');
      if (!/^\d+[smhdw]$/.test(values.expires)) throw new UsageError('--expires takes a span like 30m, 1h or 7d');
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
    case undefined:
    case 'help':
    case '--help':
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

class UsageError extends Error {}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || (error instanceof Error && error.name === 'ConfigError')) {
      console.error(`revcycle: ${error.message}${error instanceof UsageError ? `\n\n${USAGE}` : ''}`);
      process.exit(2);
    }
    console.error(error);
    process.exit(1);
  },
);
