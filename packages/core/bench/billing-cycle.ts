// npm run bench:cycle -w @revcycle/core (DATABASE_URL=postgresql://… for PostgreSQL): seeds a practice with
// BENCH_ACCOUNTS guarantor accounts owing a patient balance (default 2 000), then times the daily billing cycle
// through GraphQL: the day every account gets its first statement, and a quiet day (every account evaluated,
// nothing due), beside the baseline every cycle must at least do — one aggregate of all account balances.
// Statement renderers are left out (rendering is the renderers' cost, measured in their packages). Not a test.
import { pino } from 'pino';
import { ManualClock, applyMigrations, createBillingApi, createDb, signToken } from '../src/index.ts';
import { insertRows, scratchDatabase, timingTable } from './bench-database.ts';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 2_000);
const database = await scratchDatabase();
await applyMigrations(database.target);
const db = createDb(database.target);
const provider = database.target.provider;
const org = await db.organization.create({ data: { name: 'Bench' } });
const practice = await db.practice.create({
  data: {
    organizationId: org.id,
    name: 'North',
    npi: '1324567894',
    taxId: '741234567',
    phone: '512-555-0100',
    addressLine1: '1 A',
    city: 'Austin',
    state: 'TX',
    postalCode: '78701',
    timeZone: 'America/Chicago',
  },
});
const now = new Date().toISOString();
for (let offset = 0; offset < ACCOUNTS; offset += 1000) {
  const ids = Array.from({ length: Math.min(1000, ACCOUNTS - offset) }, (_, k) => offset + k);
  await insertRows(
    db,
    provider,
    'Patient',
    ids.map((i) => ({
      id: `p-${i}`,
      organizationId: org.id,
      practiceId: practice.id,
      accountNumber: `A${String(i).padStart(6, '0')}`,
      firstName: 'Pat',
      lastName: `Doe${i}`,
      lastNameKey: `DOE${i}`,
      firstNameKey: 'PAT',
      dateOfBirth: '1980-01-01',
      sex: 'FEMALE',
      preferredChannel: 'MAIL',
      emailOptOut: false,
      smsOptOut: false,
      phoneOptOut: false,
      timeZoneOverridden: false,
      addressLine1: '1 Main St',
      city: 'Austin',
      state: 'TX',
      postalCode: '78701',
      createdAt: now,
      updatedAt: now,
    })),
  );
  await insertRows(
    db,
    provider,
    'LedgerEntry',
    ids.flatMap((i) =>
      [0, 1].map((n) => ({
        id: `e-${i}-${n}`,
        organizationId: org.id,
        practiceId: practice.id,
        account: 'PATIENT',
        kind: 'PATIENT_RESPONSIBILITY_TRANSFER',
        amountCents: 2_785 + n * 1_000,
        effectiveDate: '2026-10-01',
        agingDate: '2026-10-01',
        patientId: `p-${i}`,
        actorType: 'SYSTEM',
        createdAt: now,
      })),
    ),
  );
}

const clock = new ManualClock(new Date('2026-11-27T18:00:00Z'));
const secret = 'bench-secret-bench-secret-bench-secret-0123';
const api = createBillingApi({ database: db, auth: { secret }, logger: pino({ level: 'silent' }), clock });
const token = await signToken({ secret, organizationId: org.id, roles: ['admin'], userId: 'bench' });
const practiceId = Buffer.from(`Practice:${practice.id}`).toString('base64');
const cycle = async (date: string) => {
  const res = await api.yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: `mutation($input: RunBillingCycleInput!) { runBillingCycle(input: $input) { __typename ... on BillingCycleSuccess { statements } } }`,
      variables: { input: { practiceId, date } },
    }),
  });
  const body = (await res.json()) as {
    data?: { runBillingCycle: { __typename: string; statements?: number } };
    errors?: unknown;
  };
  if (body.data?.runBillingCycle.__typename !== 'BillingCycleSuccess') throw new Error(JSON.stringify(body));
  return body.data.runBillingCycle.statements ?? 0;
};

console.log(`${provider}: ${ACCOUNTS} accounts owing a patient balance`);
const firstStarted = performance.now();
const stated = await cycle('2026-11-27');
const firstMs = performance.now() - firstStarted;
clock.advanceDays(1);
const time = timingTable(`billing cycle, ${ACCOUNTS} accounts`);
await time(
  'baseline: one aggregate of every account balance',
  () =>
    db.ledgerEntry.groupBy({
      by: ['guarantorId', 'patientId'],
      where: { practiceId: practice.id, account: 'PATIENT' },
      _sum: { amountCents: true },
    }),
  20,
);
await time('quiet day: every account evaluated, nothing due', () => cycle('2026-11-28'), 5);
console.log(
  `statement day: ${stated} first statements (and their communications) in ${(firstMs / 1000).toFixed(1)} s → ${(firstMs / stated).toFixed(1)} ms per account`,
);
await api.close();
await db.$disconnect();
await database.drop();
