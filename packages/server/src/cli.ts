import { applyMigrations, BillingError, createBillingApi } from '@revcycle/core';
import pino from 'pino';
import { parseArgs } from 'node:util';
import { codesCommand } from './commands/codes-command.ts';
import { orgCommand } from './commands/org-command.ts';
import { tokenCommand } from './commands/token-command.ts';
import { UsageError } from './commands/usage-error.ts';
import { seedDemo } from './demo/seed-demo.ts';
import { productPlugins } from './product-plugins.ts';

const silentLogger = () => pino({ level: 'silent' });
import { readServerConfig } from './env-config.ts';
import { startServer } from './serve.ts';

const USAGE = `revcycle <command>

  serve [--dev]              migrate and serve on PORT (4000); needs REVCYCLE_JWT_SECRET or REVCYCLE_JWKS_URL.
                             --dev: a generated secret, the demo organization in an empty database, an admin token
  migrate                    apply pending migrations to DATABASE_URL (the deploy step; exit 1 with the reason)
  org create --name <name> [--nonprofit]      create an organization (tenant); prints its id
  org list [--all] [--json]                   active organizations (--all: deactivated ones too)
  org rename <id> --name <name> | org deactivate <id> | org reactivate <id>
  seed --demo                create the demo organization (idempotent) and print its id
  codes import --system <ICD10CM|HCPCS|CPT|NCCI_PTP_PRACTITIONER|NCCI_PTP_OUTPATIENT|MUE_PRACTITIONER|
               MUE_OUTPATIENT|CUSTOM|MCE|ADD_ON> --version <name> --effective <YYYY-MM-DD> <file>
                             import a code-set release from its publisher's file (streaming; the same file again
                             changes nothing)
  token --org <id> --role <r>[,<r>] [--practice <id>]... [--sub <id>] [--expires 1h] [--dev]
                             print a JWT signed with REVCYCLE_JWT_SECRET (--dev: the development secret) for an
                             existing, active organization

Roles: admin, biller, coder, collector, frontdesk, auditor. Environment: see the README.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const development = rest.includes('--dev');
  const args = rest.filter((arg) => arg !== '--dev');
  const config = readServerConfig(process.env, { development });
  switch (command) {
    case 'serve':
      return serve(config);
    case 'migrate': {
      const applied = await applyMigrations(config.database);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the database schema is up to date');
      return 0;
    }
    case 'org':
      return orgCommand(config, args);
    case 'seed': {
      const { values } = parseArgs({ args, options: { demo: { type: 'boolean' } } });
      if (!values.demo) throw new UsageError('seed needs --demo');
      // The seed goes through the local API, which needs an API: one that serves nobody (no token is accepted).
      const api = createBillingApi({
        database: config.databaseUrl,
        auth: { authenticate: () => null },
        ...productPlugins(),
        logger: silentLogger(),
      });
      try {
        await api.migrate();
        const { organizationId, created } = await seedDemo(api);
        console.log(`${created ? 'created' : 'already present'}: demo organization ${organizationId}`);
      } finally {
        await api.close();
      }
      return 0;
    }
    case 'token':
      return tokenCommand(config, args);
    case 'codes':
      return codesCommand(config, args);
    case undefined:
    case 'help':
    case '--help':
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

async function serve(config: ReturnType<typeof readServerConfig>): Promise<number> {
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

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`revcycle: ${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    // A bad setting, an unreachable or missing database, an unknown id or a bad name: the reason, no stack.
    if (
      error instanceof BillingError ||
      (error instanceof Error && (error.name === 'ConfigError' || error.name === 'MigrationError'))
    ) {
      console.error(`revcycle: ${error.message}`);
      process.exit(error.name === 'ConfigError' ? 2 : 1);
    }
    console.error(error);
    process.exit(1);
  },
);
