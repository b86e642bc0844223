// npm run bench:instructions -w @revcycle/x12 -- [stage …]: how many machine instructions each stage of
// `bench:stages` executes per pass over the benchmark file, counted by valgrind (cachegrind), not timed.
// This machine's timings drift by ±30 % and switch between a fast and a slow mode from one process to the next;
// instruction counts repeat to within 0.1 %, so they tell whether a change to the reader or the builder did less
// work when run times cannot. They count work, not stalls: a change that only moves cache misses or branch
// mispredictions shows up in `npm run bench`, not here.
//
// Each stage runs one and three passes, each in a fresh single-threaded V8 (`--single-threaded`: TurboFan compiles
// on the main thread, so its work is counted and the count does not depend on thread timing); one run of zero
// passes counts the process's start. Three passes minus one, halved, is a steady pass; one pass minus that, minus
// the start, is the cold pass's extra work (the interpreter, the compiler and the warm-up). Needs valgrind on the
// PATH; run `npm run bench` once first (it writes the file).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const stages = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['scan', 'builder', 'stream835'];
const bundle = fileURLToPath(new URL('./.out/stages.mjs', import.meta.url));
await build({
  entryPoints: [fileURLToPath(new URL('./stages.ts', import.meta.url))],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});
const scratch = mkdtempSync(join(tmpdir(), 'revcycle-instructions-'));

/** Instructions executed by `node --single-threaded <args>`, as cachegrind counts them. */
function instructions(args: string[]): number {
  const out = join(scratch, 'cachegrind.out');
  const run = spawnSync(
    'valgrind',
    [
      '--tool=cachegrind',
      '--cache-sim=no',
      `--cachegrind-out-file=${out}`,
      process.execPath,
      '--single-threaded',
      ...args,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] },
  );
  // valgrind reports on stderr; a failed run (no valgrind, a crash) has no count to report.
  const refs = run.status === 0 ? /I\s+refs:\s+([\d,]+)/.exec(run.stderr)?.[1] : undefined;
  if (!refs)
    throw new Error(
      `valgrind counted nothing for node ${args.join(' ')}: ${run.error?.message ?? run.stderr.slice(-2000)}`,
    );
  return Number(refs.replaceAll(',', ''));
}

try {
  const millions = (n: number, width: number) => `${(n / 1e6).toFixed(0)} M`.padStart(width);
  // Zero passes: node's start, the import and the file read into chunks — what every run pays, whatever its stage.
  const start = instructions([bundle, stages[0]!, '0']);
  console.log(`${'stage'.padEnd(10)}${'steady pass'.padStart(13)}${'cold extra'.padStart(12)}`);
  for (const stage of stages) {
    const once = instructions([bundle, stage, '1']);
    const thrice = instructions([bundle, stage, '3']);
    const steady = (thrice - once) / 2;
    console.log(`${stage.padEnd(10)}${millions(steady, 13)}${millions(once - start - steady, 12)}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
