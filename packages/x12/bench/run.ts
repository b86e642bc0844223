// npm run bench -w packages/x12: generates a large balanced 835 (and 837 claims), then measures each contender in
// its own process and prints MB/s, claims/s and peak RSS side by side with the bare split('~') baseline.
// Not a test: the figures depend on the machine. BENCH_CLAIMS sets the 835 size (default 120 000 claims ≈ 37 MB).
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { generate835 } from './generate-835.ts';

const claims = Number(process.env.BENCH_CLAIMS ?? 120_000);
// The name carries the generator's version: a changed generator must not reuse an old file.
const file = join(tmpdir(), `revcycle-bench-v2-${claims}.835`);
if (!existsSync(file)) {
  const generated = await generate835(file, claims);
  console.log(`generated ${file}: ${(generated.bytes / 1e6).toFixed(1)} MB, ${generated.claims} claims`);
} else console.log(`using ${file}: ${(statSync(file).size / 1e6).toFixed(1)} MB`);

interface Result {
  name: string;
  seconds: number;
  claims: number;
  bytes: number;
  maxRssMb: number;
}

// Each contender runs from one esbuild bundle on plain node, so no TypeScript loader sits in its memory or time.
// The bundle lives beside this file so node-x12 and x12-parser still resolve from the workspace.
const contender = fileURLToPath(new URL('./.out/contender.mjs', import.meta.url));
await build({
  entryPoints: [fileURLToPath(new URL('./contender.ts', import.meta.url))],
  outfile: contender,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['node-x12', 'x12-parser'],
  logLevel: 'warning',
});
// This machine's timings wander by ±20 % from run to run (a shared 2-core VM), so each contender runs BENCH_RUNS
// times (default 5), the contenders taking turns round by round so a slow spell of the machine falls on all of them;
// each reports its median time and its highest peak RSS.
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
function measureOnce(name: string, arg: string): Result {
  const stdout = execFileSync(process.execPath, ['--max-old-space-size=6144', contender, name, file, arg], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Result;
}
function median(all: Result[]): Result {
  const sorted = [...all].sort((a, b) => a.seconds - b.seconds);
  return { ...sorted[Math.floor(sorted.length / 2)]!, maxRssMb: Math.max(...all.map((r) => r.maxRssMb)) };
}
/** Every run of every contender, round by round (`rounds[i][r]`: contender i's run in round r). */
let rounds: Result[][] = [];
function measureInTurns(contenders: Array<[name: string, arg: string]>): Result[] {
  const all = contenders.map((): Result[] => []);
  for (let round = 0; round < runs; round++)
    for (const [i, [name, arg]] of contenders.entries()) all[i]!.push(measureOnce(name, arg));
  rounds = all;
  return all.map(median);
}

const results = measureInTurns([
  ["bare split('~')", ''],
  ['revcycle stream835 (typed model)', ''],
  ['x12-parser 1.3 (streaming segments)', ''],
  ['node-x12 1.7 (segments)', ''],
  ["bare split('~'), 64 KiB chunks", ''],
]);
const baseline = results[0]!;
const rate = (r: Result) => r.bytes / 1e6 / r.seconds;
console.log('\n835 read (same file, one process each)');
console.log(
  [
    'contender'.padEnd(38),
    'MB/s'.padStart(8),
    'claims/s'.padStart(11),
    'peak RSS'.padStart(10),
    'vs split'.padStart(9),
  ].join(''),
);
for (const r of results) {
  console.log(
    [
      r.name.padEnd(38),
      rate(r).toFixed(1).padStart(8),
      Math.round(r.claims / r.seconds)
        .toLocaleString('en-US')
        .padStart(11),
      `${Math.round(r.maxRssMb)} MB`.padStart(10),
      `${(rate(r) / rate(baseline)).toFixed(2)}×`.padStart(9),
    ].join(''),
  );
}
const ours = results[1]!;
for (const other of results.slice(2))
  console.log(`stream835 is ${(rate(ours) / rate(other)).toFixed(1)}× ${other.name}`);
// Runs of one round ran minutes apart from the other rounds' but seconds apart from each other: the ratio within
// a round is what the machine's drift disturbs least, and its spread shows how far to trust the medians.
const perRound = rounds[0]!.map((split, r) => split.seconds / rounds[1]![r]!.seconds).sort((a, b) => a - b);
console.log(`stream835 against the split, round by round: ${perRound.map((x) => `${x.toFixed(2)}×`).join(' ')}`);
const claimsOk = results.every((r) => r.claims === claims);
console.log(
  claimsOk
    ? `every contender counted ${claims} claims`
    : `claim counts differ: ${results.map((r) => r.claims).join(', ')}`,
);

const [written] = measureInTurns([['revcycle write837P', '20000']]) as [Result];
console.log(
  `\n837P write: ${written.claims} claims, ${(written.bytes / 1e6).toFixed(1)} MB in ${written.seconds.toFixed(2)} s → ${rate(written).toFixed(1)} MB/s, ${Math.round(written.claims / written.seconds).toLocaleString('en-US')} claims/s, peak RSS ${Math.round(written.maxRssMb)} MB`,
);
