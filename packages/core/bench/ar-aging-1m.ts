// npm run bench:ar -w @revcycle/core (DATABASE_URL=postgresql://… for PostgreSQL, as the issue asks): seeds a
// 1 000 000-entry ledger (20 000 patients, 5 payers, 2 practices, aging dates over 200 days) into a scratch
// database, then times arAging through GraphQL for each grouping and arKeyFigures, beside a baseline: the one
// full-table SUM every aging query must at least do. BENCH_ENTRIES changes the size. Not a test.
import { pino } from 'pino';
import { applyMigrations, createBillingApi, createDb, signToken } from '../src/index.ts';
import { insertRows, scratchDatabase, timingTable } from './bench-database.ts';

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 1_000_000);
const PATIENTS = Math.max(1, Math.round(ENTRIES / 50));
const KINDS = [
  'CHARGE',
  'INSURANCE_PAYMENT',
  'CONTRACTUAL_ADJUSTMENT',
  'PATIENT_RESPONSIBILITY_TRANSFER',
  'PATIENT_PAYMENT',
] as const;
const AS_OF = '2026-11-27';
const day = (n: number) => new Date(Date.UTC(2026, 10, 27) - n * 86_400_000).toISOString().slice(0, 10);

const database = await scratchDatabase();
await applyMigrations(database.target);
const db = createDb(database.target);
const provider = database.target.provider;
const org = await db.organization.create({ data: { name: 'Bench' } });
const practices = await Promise.all(
  ['North', 'South'].map((name) =>
    db.practice.create({
      data: {
        organizationId: org.id,
        name,
        npi: '1324567894',
        taxId: '741234567',
        phone: '512-555-0100',
        addressLine1: '1 A',
        city: 'Austin',
        state: 'TX',
        postalCode: '78701',
        timeZone: 'America/Chicago',
      },
    }),
  ),
);
const payers = await Promise.all(
  [1, 2, 3, 4, 5].map((n) =>
    db.payer.create({
      data: { organizationId: org.id, name: `Payer ${n}`, payerIdentifier: `P${n}`, claimFilingIndicator: 'CI' },
    }),
  ),
);

const started = performance.now();
const now = new Date().toISOString();
for (let offset = 0; offset < PATIENTS; offset += 1000) {
  await insertRows(
    db,
    provider,
    'Patient',
    Array.from({ length: Math.min(1000, PATIENTS - offset) }, (_, k) => {
      const i = offset + k;
      return {
        id: `p-${i}`,
        organizationId: org.id,
        practiceId: practices[i % 2]!.id,
        accountNumber: `A${i}`,
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
        createdAt: now,
        updatedAt: now,
      };
    }),
  );
}
const BATCH = provider === 'sqlite' ? 2000 : 4000;
for (let offset = 0; offset < ENTRIES; offset += BATCH) {
  await insertRows(
    db,
    provider,
    'LedgerEntry',
    Array.from({ length: Math.min(BATCH, ENTRIES - offset) }, (_, k) => {
      const i = offset + k;
      const patient = i % PATIENTS;
      const kind = KINDS[i % KINDS.length]!;
      const account =
        kind === 'PATIENT_PAYMENT' || (kind === 'PATIENT_RESPONSIBILITY_TRANSFER' && i % 2)
          ? 'PATIENT'
          : i % 97 === 0
            ? 'PRACTICE'
            : 'INSURANCE';
      const aging = day((patient * 7 + Math.floor(i / PATIENTS)) % 200);
      return {
        id: `e-${i}`,
        organizationId: org.id,
        practiceId: practices[patient % 2]!.id,
        account,
        patientId: account === 'PRACTICE' ? null : `p-${patient}`,
        payerId: account === 'INSURANCE' ? payers[patient % 5]!.id : null,
        kind,
        amountCents: kind === 'CHARGE' ? 15_000 + (i % 9) * 1_000 : -((i % 50) * 100 + 100),
        actorType: 'SYSTEM',
        effectiveDate: aging,
        agingDate: aging,
        createdAt: now,
      };
    }),
  );
}
await db.$executeRawUnsafe(provider === 'sqlite' ? 'ANALYZE' : 'ANALYZE "LedgerEntry"');
console.log(
  `seeded ${ENTRIES.toLocaleString('en-US')} ledger entries for ${PATIENTS.toLocaleString('en-US')} patients on ${provider} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

const secret = 'bench-secret-bench-secret-bench-secret-01';
const api = createBillingApi({ database: db, auth: { secret }, logger: pino({ level: 'silent' }) });
const token = await signToken({ secret, organizationId: org.id, roles: ['biller'] });
async function query(q: string): Promise<void> {
  const res = await api.yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: q }),
  });
  const body = (await res.json()) as { errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
}

const time = timingTable(`A/R over ${ENTRIES.toLocaleString('en-US')} entries (${provider})`);
await time(
  'baseline: SELECT SUM(amountCents) over the organization',
  () => db.$queryRawUnsafe(`SELECT SUM("amountCents") FROM "LedgerEntry" WHERE "organizationId" = '${org.id}'`),
  10,
);
const buckets = 'days0to30Cents days31to60Cents days61to90Cents days91to120Cents over120Cents totalCents';
await time(
  'arAging(groupBy: PRACTICE) via GraphQL',
  () =>
    query(
      `{ arAging(asOf: "${AS_OF}", groupBy: PRACTICE) { insurance { ${buckets} } patient { ${buckets} } rows { account totalCents } } }`,
    ),
  10,
);
await time(
  'arAging(groupBy: PAYER) via GraphQL',
  () =>
    query(
      `{ arAging(asOf: "${AS_OF}", groupBy: PAYER) { insurance { ${buckets} } rows { account payer { name } totalCents } } }`,
    ),
  10,
);
await time(
  'arAging(groupBy: PATIENT) via GraphQL, totals only',
  () => query(`{ arAging(asOf: "${AS_OF}", groupBy: PATIENT) { insurance { ${buckets} } patient { ${buckets} } } }`),
  10,
);
await time(
  'arKeyFigures (90 days) via GraphQL',
  () =>
    query(
      `{ arKeyFigures(from: "${day(90)}", to: "${AS_OF}") { chargesCents paymentsCents daysInAr netCollectionRate } }`,
    ),
  10,
);
await api.close();
await db.$disconnect();
if (process.env.BENCH_KEEP) console.log(`kept ${JSON.stringify(database.target)}`);
else await database.drop();
