// The server bench:api loads, in a process of its own (so that the load generator does not share its event loop):
// a scratch database with a practice, 200 patients and a claim, served over HTTP on a free port. Prints one line
// of JSON (port, token, ids) when ready; ends when its parent closes stdin, dropping the database.
import { createServer } from 'node:http';
import { arrange } from '@revcycle/testkit';
import { pino } from 'pino';
import { applyMigrations, createBillingApi, createDb, globalId, signToken } from '../src/index.ts';
import { scratchDatabase } from './bench-database.ts';
import { claimTemplate } from './seed-claims.ts';

const database = await scratchDatabase();
await applyMigrations(database.target);
const db = createDb(database.target);
const secret = 'bench-secret-bench-secret-bench-0123456';
const api = createBillingApi({ database: db, auth: { secret }, logger: pino({ level: 'silent' }) });
const org = await api.organizations.create({ name: 'Bench' });
const arrangers = arrange(api, org.id);
const template = await claimTemplate(arrangers, db);
const patients: string[] = [];
for (let i = 0; i < 200; i++)
  patients.push(globalId('Patient', (await arrangers.patient(template.practiceId, [], { lastName: `Doe${i}` })).id));
const token = await signToken({ secret, organizationId: org.id, roles: ['admin'], userId: 'bench' });
const server = createServer(api.nodeHandler);
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  console.log(JSON.stringify({ port, token, claimId: globalId('Claim', template.claim.id), patients }));
});
process.stdin.resume();
process.stdin.on('end', async () => {
  server.close();
  await api.close();
  await db.$disconnect();
  await database.drop();
  process.exit(0);
});
