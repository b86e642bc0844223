// Run by submission-crash.test.ts as a process of its own: submits one claim to a folder clearinghouse and, once
// the file is delivered and before the connector answers, says DELIVERED and waits to be killed (kill -9): a crash
// between delivery and the commit that records it.
import { pino } from 'pino';
import { createBillingApi } from '../../src/index.ts';
import { folderClearinghouse } from './folder-clearinghouse.ts';

const [database, organizationId, claimId, folder] = process.argv.slice(2) as [string, string, string, string];
const api = createBillingApi({
  database: /^postgres/.test(database) ? database : `file:${database}`,
  auth: { secret: 'crash-test-secret-crash-test-secret-01' },
  logger: pino({ level: 'silent' }),
  payers: [
    folderClearinghouse(folder, async () => {
      process.stdout.write('DELIVERED\n');
      await new Promise(() => {});
    }),
  ],
});
await api.as({ userId: 'crash', organizationId, roles: ['biller'] }).submitClaims({ claimIds: [claimId] });
