// npm run bench:stages -w @revcycle/x12 -- [stage] [repeats]: where stream835's time goes, stage by stage, on the
// benchmark file held in memory in 64 KiB chunks (no file I/O). Each stage adds one layer to the one before:
//   scan       the segment reader alone (every element of every segment found, nothing made)
//   builder    + envelope validation and the 835 model (claims, services, adjustments, balancing)
//   stream835  + the async iteration a caller sees
// The difference between two stages is the cost of the layer. "first" is a cold run (what `npm run bench` times,
// JIT warm-up included); "min" is the fastest of the repeats (steady state). Run `npm run bench` once first: it
// writes the file.
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RemittanceReader } from '../src/835/remittance-reader.ts';
import { stream835 } from '../src/index.ts';
import { SegmentReader } from '../src/segment-reader.ts';

const file =
  process.env.BENCH_FILE ?? join(tmpdir(), `revcycle-bench-v2-${Number(process.env.BENCH_CLAIMS ?? 120_000)}.835`);
const [only, repeats = '6'] = process.argv.slice(2);
const whole = readFileSync(file);
const chunks: Buffer[] = [];
for (let i = 0; i < whole.length; i += 65_536) chunks.push(Buffer.from(whole.subarray(i, i + 65_536)));

async function* source(): AsyncGenerator<Buffer> {
  for (const chunk of chunks) yield chunk;
}

async function run(stage: string): Promise<number> {
  let count = 0;
  if (stage === 'stream835') {
    for await (const event of stream835(source())) if (event.kind === 'claim') count++;
    return count;
  }
  let read: (text: string, bytes: Buffer) => number;
  if (stage === 'scan') {
    const reader = new SegmentReader();
    const visit = { segment: () => count++ };
    read = (text, bytes) => reader.scan(text, false, visit, bytes);
  } else {
    const reader = new RemittanceReader({ header() {}, claim: () => count++, end() {} });
    read = (text, bytes) => reader.read(text, false, bytes);
  }
  let carry = '';
  for (const chunk of chunks) {
    const bytes = carry === '' ? chunk : Buffer.concat([Buffer.from(carry, 'latin1'), chunk]);
    const text = bytes.toString('latin1');
    carry = text.slice(read(text, bytes));
  }
  return count;
}

for (const stage of only ? [only] : ['scan', 'builder', 'stream835']) {
  // Each stage in a fresh process would be fairer for "first"; one process per stage is what `npm run bench` does,
  // so when no stage is named each one is run in its own child process.
  if (!only) {
    const { execFileSync } = await import('node:child_process');
    process.stdout.write(
      execFileSync(process.execPath, [...process.execArgv, process.argv[1]!, stage, repeats], { encoding: 'utf8' }),
    );
    continue;
  }
  const times: number[] = [];
  for (let r = 0; r < Number(repeats); r++) {
    const started = performance.now();
    await run(stage);
    times.push(performance.now() - started);
  }
  // Zero repeats prints nothing: `bench:instructions` runs it so to count what a process costs before reading.
  if (times.length > 0)
    console.log(
      `${stage.padEnd(10)} first ${times[0]!.toFixed(0).padStart(4)} ms   min ${Math.min(...times)
        .toFixed(0)
        .padStart(4)} ms`,
    );
}
