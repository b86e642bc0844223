// npm run bench:submit -w @revcycle/core (DATABASE_URL=postgresql://… for PostgreSQL; BENCH_SUBMIT_CLAIMS to change
// the 10 000): submits that many READY claims, each its own patient's, in one submitClaims call (scrub, 837P
// written and delivered, charges posted, SUBMITTED) and prints its rate beside the baseline measured in the same
// run: only reading the same claims with everything the 837 needs and writing the 837 (what any submission must
// do). Not a test: one run (claims submit once).
import { write837P } from '@revcycle/x12';
import { arrange } from '@revcycle/testkit';
import { pino } from 'pino';
import { applyMigrations, createBillingApi, createDb, definePayerConnector, ManualClock } from '../src/index.ts';
import { SUBMISSION_INCLUDE } from '../src/submission/submit-claims.ts';
import { submission837 } from '../src/submission/claim-to-837.ts';
import { chunks } from '../src/util/chunks.ts';
import { scratchDatabase } from './bench-database.ts';
import { claimTemplate, cloneClaims } from './seed-claims.ts';

const CLAIMS = Number(process.env.BENCH_SUBMIT_CLAIMS ?? 10_000);
const delivered: number[] = [];
const clearinghouse = definePayerConnector({
  id: 'bench-clearinghouse',
  displayName: 'Bench clearinghouse',
  capabilities: ['submit'],
  async submit(batch) {
    delivered.push(batch.claimCount);
    return { reference: `ok-${batch.batchId}` };
  },
});

const database = await scratchDatabase();
await applyMigrations(database.target);
const db = createDb(database.target);
const api = createBillingApi({
  database: db,
  auth: { secret: 'bench-secret-bench-secret-bench-0123456' },
  clock: new ManualClock(new Date('2026-03-10T16:00:00Z')),
  logger: pino({ level: 'silent' }),
  payers: [clearinghouse],
});
const org = await db.organization.create({ data: { name: 'Bench hospital' } });
const arrangers = arrange(api, org.id);
const template = await claimTemplate(arrangers, db);
await arrangers.local.updatePayer({ id: template.claim.payerId, connectorId: clearinghouse.id });
console.log(`${database.target.provider}: seeding ${CLAIMS} READY claims of two lines, one patient each`);
const numbers = await cloneClaims(db, template, 0, CLAIMS, 'READY');
const ids = numbers.map((pcn) => `claim-${pcn}`);

const started = performance.now();
const organization = await db.organization.findUniqueOrThrow({ where: { id: org.id } });
let bytes = 0;
for (const piece of chunks(ids)) {
  const claims = await db.claim.findMany({ where: { id: { in: piece } }, include: SUBMISSION_INCLUDE });
  const file = write837P(
    submission837(organization, claims, {
      senderId: '741234567',
      receiverId: '84980',
      receiverQualifier: 'ZZ',
      receiverName: 'BCBS TX',
      interchangeControlNumber: 1,
      usage: 'P',
      now: new Date(),
    }),
  );
  bytes += file.length;
}
const baselineSeconds = (performance.now() - started) / 1000;

const local = api.as({ userId: 'bench', organizationId: org.id, roles: ['biller'] });
const submitStarted = performance.now();
const { results } = await local.submitClaims({ claimIds: ids });
const submitSeconds = (performance.now() - submitStarted) / 1000;
const submitted = results.filter((r) => r.submitted).length;
if (results.length !== CLAIMS || submitted !== CLAIMS)
  throw new Error(`expected ${CLAIMS} results, all submitted; got ${results.length}, ${submitted} submitted`);
const charges = await db.ledgerEntry.count({ where: { kind: 'CHARGE', claimId: { in: ids.slice(0, 500) } } });
if (charges !== 1000) throw new Error(`expected two charges per claim, got ${charges} for 500 claims`);

console.log(`\n${'one submitClaims call'.padEnd(58)}${'claims/s'.padStart(10)}${'vs baseline'.padStart(13)}`);
console.log(
  `${`baseline: read the claims and write the 837 (${(bytes / 2 ** 20).toFixed(1)} MB)`.padEnd(58)}${(CLAIMS / baselineSeconds).toFixed(0).padStart(10)}${'1.00'.padStart(13)}`,
);
console.log(
  `${`submitClaims: ${CLAIMS} claims, ${delivered.length} batch(es), one result each`.padEnd(58)}${(CLAIMS / submitSeconds).toFixed(0).padStart(10)}${(baselineSeconds / submitSeconds).toFixed(2).padStart(13)}`,
);
await api.close();
await db.$disconnect();
await database.drop();
