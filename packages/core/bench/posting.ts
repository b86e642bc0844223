// npm run bench:posting -w @revcycle/core (DATABASE_URL=postgresql://… for PostgreSQL; BENCH_POSTING_SIZES=1000,10000
// to choose the files): posts generated 835s of 1 000, 10 000 and 50 000 claim payments, matched to seeded claims,
// through `importRemittanceFile` (what the importRemittance mutation runs), and prints beside each the baseline
// measured in the same run: the same number of ledger rows written by plain multi-row INSERTs of 1 000 rows in one
// transaction. It also prints the most heap the import held between chunks (after a full collection each time):
// it must not grow with the file.
// Not a test: one run per size (each file is posted once; a repeat would be a duplicate).
import { write835 } from '@revcycle/x12';
import type { Remittance835Input } from '@revcycle/x12';
import { arrange } from '@revcycle/testkit';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { pino } from 'pino';
import { applyMigrations, createBillingApi, createDb, ManualClock } from '../src/index.ts';
import { transaction } from '../src/db/prisma-client.ts';
import type { Db } from '../src/index.ts';
import { insertRows, scratchDatabase } from './bench-database.ts';
import { claimTemplate, cloneClaims } from './seed-claims.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const SIZES = (process.env.BENCH_POSTING_SIZES ?? '1000,10000,50000').split(',').map(Number);
const database = await scratchDatabase();
await applyMigrations(database.target);
const db = createDb(database.target);
const provider = database.target.provider;
const clock = new ManualClock(new Date('2026-03-10T16:00:00Z'));
const api = createBillingApi({
  database: db,
  auth: { secret: 'bench-secret-bench-secret-bench-0123456' },
  clock,
  logger: pino({ level: 'silent' }),
});
const org = await db.organization.create({ data: { name: 'Bench hospital' } });
const template = await claimTemplate(arrange(api, org.id), db);

console.log(`${provider}: seeding ${SIZES.reduce((a, b) => a + b, 0)} accepted claims of two lines each`);
const files: Array<{ size: number; numbers: string[] }> = [];
let seeded = 0;
for (const size of SIZES) {
  files.push({ size, numbers: await cloneClaims(db, template, seeded, size) });
  seeded += size;
}

console.log(
  `\n${'835 claim payments'.padEnd(20)}${'posted/s'.padStart(11)}${'ledger rows/s'.padStart(15)}${'raw INSERT rows/s'.padStart(19)}${'ratio'.padStart(8)}${'heap held'.padStart(11)}`,
);
const principal = { userId: 'bench', organizationId: org.id, roles: ['biller' as const] };
// A warm-up file of 200 claims, not measured: the first import of a process compiles its code paths.
const warmUp = await cloneClaims(db, template, seeded, 200);
await api.importRemittanceStream(principal, () => slices(era('EFT-BENCH-WARM-UP', warmUp)));
for (const { size, numbers } of files) {
  const x12 = era(`EFT-BENCH-${size}`, numbers);
  const before = await db.ledgerEntry.count();
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  let held = 0;
  // The collections are the bench's instrument, not the import's work: their time is taken out of the import's.
  let collecting = 0;
  const started = performance.now();
  const summary = await api.importRemittanceStream(principal, () => slices(x12), {
    sizeBytes: x12.length,
    // What the import holds between chunks: the heap after a full collection, at its highest. Every 20th chunk
    // and the second only (a full collection is not free).
    onProgress: (p) => {
      const chunk = p.claimPayments / 500;
      if (chunk !== 2 && chunk % 20 !== 0) return;
      const collectionStarted = performance.now();
      gc();
      held = Math.max(held, process.memoryUsage().heapUsed - heapBefore);
      collecting += performance.now() - collectionStarted;
    },
  });
  const seconds = (performance.now() - started - collecting) / 1000;
  if (summary.matched !== size) throw new Error(`expected ${size} matched, got ${summary.matched}`);
  const rows = (await db.ledgerEntry.count()) - before;
  const rawSeconds = await rawInsert(
    db,
    summary.remittances.map((r) => r.id),
  );
  const postingRate = rows / seconds;
  const rawRate = rows / rawSeconds;
  console.log(
    `${String(size).padEnd(20)}${(size / seconds).toFixed(0).padStart(11)}${postingRate.toFixed(0).padStart(15)}${rawRate.toFixed(0).padStart(19)}${`${((postingRate / rawRate) * 100).toFixed(0)} %`.padStart(8)}${`${(held / 2 ** 20).toFixed(1)} MB`.padStart(11)}`,
  );
}
console.log(`(x12 text of the largest file: ${(era('X', files.at(-1)!.numbers).length / 2 ** 20).toFixed(1)} MB)`);
await api.close();
await db.$disconnect();
await database.drop();

/**
 * The baseline: the very rows the import posted, copied under new ids by plain INSERTs of 1 000 rows (every
 * column, as posting writes them), in one transaction.
 */
async function rawInsert(db: Db, remittanceIds: string[]): Promise<number> {
  const posted = await db.ledgerEntry.findMany({ where: { remittanceId: { in: remittanceIds } } });
  const rows = posted.map((e) => ({ ...e, id: `raw-${e.id}`, createdAt: e.createdAt.toISOString() }));
  const started = performance.now();
  await transaction(
    db,
    async (tx) => {
      for (let offset = 0; offset < rows.length; offset += 1000)
        await insertRows(tx, provider, 'LedgerEntry', rows.slice(offset, offset + 1000));
    },
    { timeout: 600_000 },
  );
  return (performance.now() - started) / 1000;
}

/** The file as a stream of 64 KiB pieces, as read from disk. */
function* slices(text: string): Iterable<string> {
  for (let i = 0; i < text.length; i += 65_536) yield text.slice(i, i + 65_536);
}

/** An 835 paying every claim: per line the payment, a CO-45 contractual and a PR-2 coinsurance (4 ledger rows). */
function era(trace: string, numbers: string[]): string {
  const line = (code: string, lcn: string) => ({
    procedure: { qualifier: 'HC' as const, code, modifiers: [] },
    chargeCents: 9_000,
    paidCents: 5_600,
    adjustments: [
      { groupCode: 'CO' as const, reasonCode: '45', amountCents: 2_000 },
      { groupCode: 'PR' as const, reasonCode: '2', amountCents: 1_400 },
    ],
    serviceDate: '2026-02-20',
    lineControlNumber: lcn,
    remarkCodes: [],
  });
  const input: Remittance835Input = {
    interchange: {
      senderQualifier: 'ZZ',
      senderId: 'BCBSTX',
      receiverQualifier: 'ZZ',
      receiverId: 'RIVERBEND',
      date: '2026-03-09',
      time: '0900',
      controlNumber: '000000777',
      usage: 'T',
    },
    group: { senderCode: 'BCBSTX', receiverCode: 'RIVERBEND', date: '2026-03-09', time: '0900', controlNumber: '777' },
    transaction: { controlNumber: '0001' },
    payment: {
      handlingCode: 'I',
      amountCents: numbers.length * 11_200,
      creditDebit: 'C',
      method: 'ACH',
      paymentDate: '2026-03-09',
      traceNumber: trace,
      originatorId: '1741234567',
    },
    payer: { name: 'LONE STAR HEALTH', references: { '2U': template.payerIdentifier } },
    payee: { name: 'BENCH HOSPITAL', idQualifier: 'XX', id: '1234567893' },
    claims: numbers.map((pcn) => ({
      patientControlNumber: pcn,
      statusCode: '1',
      chargeCents: 18_000,
      paidCents: 11_200,
      patientResponsibilityCents: 2_800,
      filingIndicator: '12',
      payerClaimControlNumber: `ICN-${pcn}`,
      adjustments: [],
      patient: { lastOrOrganizationName: 'DOE', firstName: 'PAT', idQualifier: 'MI', id: 'M1' },
      services: [line('99213', `${pcn}-1`), line('87880', `${pcn}-2`)],
    })),
    providerAdjustments: [],
  } as unknown as Remittance835Input;
  return write835(input);
}
