// npm run bench:codes -w @revcycle/core (DATABASE_URL=postgresql://… for PostgreSQL; BENCH_PTP_ROWS to change the
// size): imports a generated NCCI practitioner PTP file of 2 000 000 rows (the size of the real one) through
// `importCodeSet` — read as a stream, parsed, written in one COPY (PostgreSQL) or multi-row inserts (SQLite) — and
// prints its rows per second beside the baseline measured in the same run: the same rows written by plain
// multi-row INSERTs of 1 000 rows, with no file and no parsing. Not a test: one run of each.
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMigrations, createDb, importCodeSet } from '../src/index.ts';
import { insertRows, scratchDatabase } from './bench-database.ts';

const ROWS = Number(process.env.BENCH_PTP_ROWS ?? 2_000_000);
const database = await scratchDatabase();
await applyMigrations(database.target);
const db = createDb(database.target);
const provider = database.target.provider;
const dir = mkdtempSync(join(tmpdir(), 'revcycle-ptp-'));
const path = join(dir, 'ccipra.txt');

/** Row i of the generated file: column 1 from 10 000 codes, column 2 from 200 after it, as the real file spreads them. */
const row = (i: number) => {
  const column1 = String(10_000 + (i % 10_000)).padStart(5, '0');
  const column2 = String(10_000 + ((i * 7 + Math.floor(i / 10_000)) % 90_000)).padStart(5, '0');
  return { column1, column2, effectiveDate: '2020-01-01', indicator: i % 3 === 0 ? '0' : '1' };
};

const out = createWriteStream(path);
out.write(
  'Column 1\tColumn 2\t*=in existence prior to 1996\tEffective Date\tDeletion Date *=no data\tModifier\tPTP Edit Rationale\n',
);
for (let i = 0; i < ROWS; i++) {
  const r = row(i);
  if (!out.write(`${r.column1}\t${r.column2}\t\t20200101\t*\t${r.indicator}\tMutually exclusive procedures\n`))
    await new Promise<void>((resolve) => out.once('drain', () => resolve()));
}
await new Promise<void>((resolve) => out.end(() => resolve()));
console.log(`${provider}: ${ROWS} PTP rows`);

// Baseline: the same rows, already parsed, in plain multi-row INSERTs of 1 000.
const baselineRelease = await db.codeSetRelease.create({
  data: { system: 'NCCI_PTP_OUTPATIENT', version: 'baseline', effectiveDate: '2020-01-01', checksum: '' },
});
let started = performance.now();
for (let i = 0; i < ROWS; i += 1_000) {
  const rows = [];
  for (let k = i; k < Math.min(i + 1_000, ROWS); k++) {
    const r = row(k);
    rows.push({
      id: randomUUID(),
      releaseId: baselineRelease.id,
      column1: r.column1,
      column2: r.column2,
      effectiveDate: r.effectiveDate,
      deletionDate: null,
      modifierIndicator: r.indicator,
      rationale: 'Mutually exclusive procedures',
    });
  }
  await insertRows(db, provider, 'ProcedurePairEdit', rows);
}
const baseline = ROWS / ((performance.now() - started) / 1000);

started = performance.now();
const { release } = await importCodeSet(db, {
  system: 'NCCI_PTP_PRACTITIONER',
  version: 'bench',
  effectiveDate: '2020-01-01',
  open: () => createReadStream(path),
});
const imported = release.rowCount / ((performance.now() - started) / 1000);

console.log(`\n${'PTP rows written'.padEnd(52)}${'rows/s'.padStart(11)}${'vs baseline'.padStart(13)}`);
console.log(
  `${'baseline: raw multi-row INSERT of parsed rows'.padEnd(52)}${baseline.toFixed(0).padStart(11)}${'1.00'.padStart(13)}`,
);
console.log(
  `${`importCodeSet: stream, parse, ${provider === 'postgresql' ? 'COPY' : 'insert'} (${release.rowCount} rows)`.padEnd(52)}${imported.toFixed(0).padStart(11)}${(imported / baseline).toFixed(2).padStart(13)}`,
);
await db.$disconnect();
await database.drop();
rmSync(dir, { recursive: true, force: true });
