// npm run bench -w @revcycle/core: seeds 100 000 patients (each with a coverage) into a fresh database, then times
// the patient searches of the API through GraphQL, side by side with a primary-key lookup as the baseline.
// SQLite by default; DATABASE_URL=postgresql://… runs it on PostgreSQL (a scratch database is created and dropped).
// BENCH_PATIENTS changes the count. Not a test: figures depend on the machine.
import { pino } from 'pino';
import { applyMigrations, createBillingApi, createDb, globalId, signToken } from '../src/index.ts';
import { insertRows as insert, scratchDatabase, timingTable } from './bench-database.ts';

const COUNT = Number(process.env.BENCH_PATIENTS ?? 100_000);
const LAST = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Garcia',
  'Miller',
  'Davis',
  'Rodriguez',
  'Martinez',
  'Hernandez',
  'Lopez',
  'Gonzalez',
  'Wilson',
  'Anderson',
  'Thomas',
  'Taylor',
  'Moore',
  'Jackson',
  'Martin',
  'Lee',
  'Perez',
  'Thompson',
  'White',
  'Harris',
  'Sanchez',
  'Clark',
  'Ramirez',
  'Lewis',
  'Robinson',
  'Walker',
  'Young',
  'Allen',
  'King',
  'Wright',
  'Scott',
  'Torres',
  'Nguyen',
  'Hill',
  'Flores',
];
const FIRST = [
  'James',
  'Mary',
  'Robert',
  'Patricia',
  'John',
  'Jennifer',
  'Michael',
  'Linda',
  'David',
  'Elizabeth',
  'William',
  'Barbara',
  'Richard',
  'Susan',
  'Joseph',
  'Jessica',
  'Thomas',
  'Sarah',
  'Charles',
  'Karen',
  'Emma',
  'Luis',
  'Aisha',
  'Priya',
  'Mateo',
  'Nora',
  'Samuel',
  'Grace',
];

const database = await scratchDatabase();
await applyMigrations(database.target);
const db = createDb(database.target);
const org = await db.organization.create({ data: { name: 'Bench' } });
const practice = await db.practice.create({
  data: {
    organizationId: org.id,
    name: 'Bench Clinic',
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
const payer = await db.payer.create({
  data: { organizationId: org.id, name: 'Bench Payer', payerIdentifier: 'B1', claimFilingIndicator: 'CI' },
});

const insertRows = (table: string, rows: Array<Record<string, unknown>>) =>
  insert(db, database.target.provider, table, rows);

const started = performance.now();
const BATCH = Number(process.env.BENCH_BATCH ?? 500);
for (let offset = 0; offset < COUNT; offset += BATCH) {
  const rows = Array.from({ length: Math.min(BATCH, COUNT - offset) }, (_, k) => {
    const i = offset + k;
    const year = 1930 + (i % 90);
    return {
      id: `bench-p-${i}`,
      organizationId: org.id,
      practiceId: practice.id,
      accountNumber: `A${String(i + 1).padStart(7, '0')}`,
      firstName: FIRST[i % FIRST.length]!,
      lastName: `${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i % 7 === 0 ? '' : String.fromCharCode(97 + (i % 26))}`,
      dateOfBirth: `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      sex: i % 2 ? ('MALE' as const) : ('FEMALE' as const),
    };
  });
  // Plain multi-row INSERTs: seeding is not what is measured, and Prisma's createMany is slow at this size.
  const now = new Date().toISOString();
  await insertRows(
    'Patient',
    rows.map((r) => ({
      ...r,
      lastNameKey: r.lastName.toUpperCase(),
      firstNameKey: r.firstName.toUpperCase(),
      preferredChannel: 'MAIL',
      emailOptOut: false,
      smsOptOut: false,
      phoneOptOut: false,
      timeZoneOverridden: false,
      createdAt: now,
      updatedAt: now,
    })),
  );
  await insertRows(
    'Coverage',
    rows.map((r, k) => ({
      id: `bench-c-${offset + k}`,
      organizationId: org.id,
      patientId: r.id,
      payerId: payer.id,
      memberId: `M${String(offset + k).padStart(9, '0')}`,
      priority: 'PRIMARY',
      subscriberRelationship: 'SELF',
      effectiveDate: '2024-01-01',
      active: true,
      createdAt: now,
      updatedAt: now,
    })),
  );
}
// Planner statistics, as a running SQLite deployment keeps them (the server runs PRAGMA optimize; PostgreSQL's autovacuum analyzes).
await db.$executeRawUnsafe(database.target.provider === 'sqlite' ? 'ANALYZE' : 'ANALYZE "Patient", "Coverage"');
console.log(
  `seeded ${COUNT} patients with coverages on ${database.target.provider} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

const secret = 'bench-secret-bench-secret-bench-secret-01';
const api = createBillingApi({ database: db, auth: { secret }, logger: pino({ level: 'silent' }) });
const token = await signToken({ secret, organizationId: org.id, roles: ['frontdesk'] });
async function query(q: string, variables: Record<string, unknown>): Promise<unknown> {
  const res = await api.yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: q, variables }),
  });
  const body = (await res.json()) as { errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body;
}

const search =
  'query($f: PatientFilter) { patients(first: 20, filter: $f) { totalCount nodes { id firstName lastName dateOfBirth accountNumber coverages { memberId payer { name } } } } }';
const cases: Array<[string, string, (i: number) => Record<string, unknown>]> = [
  [
    'node(id:) primary key (baseline)',
    'query($id: ID!) { node(id: $id) { id ... on Patient { lastName } } }',
    (i) => ({ id: globalId('Patient', `bench-p-${(i * 7919) % COUNT}`) }),
  ],
  [
    'by account number',
    search,
    (i) => ({ f: { accountNumber: `A${String(((i * 7919) % COUNT) + 1).padStart(7, '0')}` } }),
  ],
  ['by member id', search, (i) => ({ f: { memberId: `M${String((i * 7919) % COUNT).padStart(9, '0')}` } })],
  ['by date of birth', search, (i) => ({ f: { dateOfBirth: `${1930 + (i % 90)}-0${(i % 9) + 1}-1${i % 9}` } })],
  ['by last name prefix', search, (i) => ({ f: { name: LAST[i % LAST.length]!.slice(0, 4) } })],
  [
    'by "Last, First"',
    search,
    (i) => ({ f: { name: `${LAST[i % LAST.length]}, ${FIRST[i % FIRST.length]!.slice(0, 2)}` } }),
  ],
];

const time = timingTable('search (20 results + totalCount, via GraphQL)');
for (const [name, q, vars] of cases) await time(name, (i) => query(q, vars(i)));
await api.close();
await db.$disconnect();
if (process.env.BENCH_KEEP) console.log(`kept ${JSON.stringify(database.target)}`);
else await database.drop();
