// npm run bench:statements -w @revcycle/core (DATABASE_URL=postgresql://… for PostgreSQL): what one statement costs
// through Prisma's model API, beside the same read as raw SQL through the same client (the baseline, same run),
// and what a whole recordPatientPayment costs without HTTP. It explains the payment mutation's ceiling in
// bench:api: the operation's statements run one after another on its connection, so their sum bounds the rate.
// Not a test: one run, each figure the median of 2 000 calls after 300 warm-up calls.
import { pino } from 'pino';
import { arrange } from '@revcycle/testkit';
import { applyMigrations, createBillingApi, createDb } from '../src/index.ts';
import { scratchDatabase } from './bench-database.ts';

const CALLS = 2_000;
const database = await scratchDatabase();
await applyMigrations(database.target);
const db = createDb(database.target);
const api = createBillingApi({
  database: db,
  auth: { secret: 'bench-secret-bench-secret-0123456789' },
  logger: pino({ level: 'silent' }),
});
const org = await api.organizations.create({ name: 'Bench' });
const a = arrange(api, org.id);
const practice = await a.practice({});
// As in bench:api: payments go to 200 patients in turn, so no one account's ledger grows long.
const patients: string[] = [];
for (let i = 0; i < 200; i++) patients.push((await a.patient(practice.id, [], { lastName: `Doe${i}` })).id);

async function median(run: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 300; i++) await run(-i - 1);
  const times: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const started = process.hrtime.bigint();
    await run(i);
    times.push(Number(process.hrtime.bigint() - started) / 1_000);
  }
  return times.sort((x, y) => x - y)[CALLS >> 1]!;
}

const rows: Array<[string, number]> = [];
const measure = async (name: string, run: (i: number) => Promise<unknown>) => rows.push([name, await median(run)]);
await measure(
  'baseline: primary-key read, raw SQL ($queryRaw)',
  () => db.$queryRaw`SELECT "deactivatedAt" FROM "Organization" WHERE "id" = ${org.id}`,
);
await measure('the same read, model API (findUnique)', () =>
  db.organization.findUnique({ where: { id: org.id }, select: { deactivatedAt: true } }),
);
await measure('one insert, model API (auditEvent.create)', (i) =>
  db.auditEvent.create({
    data: {
      organizationId: org.id,
      actorId: 'bench',
      actorRoles: 'admin',
      action: `bench-${i}`,
      outcome: 'OK',
      recordIds: [],
    },
  }),
);
await measure('an empty interactive transaction', () => db.$transaction(async () => {}));
let key = 0;
await measure('recordPatientPayment (local API, no HTTP)', () =>
  a.local.recordPatientPayment({
    patientId: patients[++key % patients.length]!,
    amountCents: 100,
    method: 'CARD',
    idempotencyKey: `k${key}`,
  }),
);

console.log(
  `\n${`${database.target.provider}, median of ${CALLS} calls`.padEnd(52)}${'µs'.padStart(9)}${'vs baseline'.padStart(13)}`,
);
for (const [name, us] of rows)
  console.log(`${name.padEnd(52)}${us.toFixed(0).padStart(9)}${`${(us / rows[0]![1]).toFixed(1)}×`.padStart(13)}`);
const payment = rows.at(-1)![1];
console.log(`one connection's ceiling for the payment: ${(1e6 / payment).toFixed(0)} payments/s`);
await api.close();
await db.$disconnect();
await database.drop();
