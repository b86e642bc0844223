// One benchmark contender, run in its own process so its peak RSS is its own. Prints one JSON line.
// The streaming contenders read with fs streams' default 64 KiB chunks (both were also tried with 1 MiB: no faster,
// and 40–60 MB more RSS for chunks waiting to be collected).
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { once } from 'node:events';
import { stream835, write837P } from '../src/index.ts';
import { professionalClaim, submission } from '../test/claim-fixture.ts';

const require = createRequire(import.meta.url);
const [name = '', file = '', arg = ''] = process.argv.slice(2);

async function run(): Promise<{ claims: number; bytes: number; check: number; seconds?: number }> {
  switch (name) {
    case 'revcycle stream835 (typed model)': {
      let claims = 0;
      let paid = 0;
      let lines = 0;
      for await (const event of stream835(createReadStream(file))) {
        if (event.kind === 'claim') {
          claims++;
          paid += event.claim.paidCents;
          lines += event.claim.services.length;
        } else if (event.kind === 'paymentEnd' && event.remittance.balance.length > 0)
          throw new Error('the generated file should balance');
      }
      return { claims, bytes: size(), check: paid + lines };
    }
    case 'node-x12 1.7 (segments)': {
      const { X12Parser } = require('node-x12') as {
        X12Parser: new (strict: boolean) => { parse(text: string): unknown };
      };
      const interchange = new X12Parser(true).parse(readFileSync(file, 'latin1')) as {
        functionalGroups: Array<{ transactions: Array<{ segments: Array<{ tag: string }> }> }>;
      };
      let claims = 0;
      for (const g of interchange.functionalGroups)
        for (const t of g.transactions) for (const s of t.segments) if (s.tag === 'CLP') claims++;
      return { claims, bytes: size(), check: claims };
    }
    case 'x12-parser 1.3 (streaming segments)': {
      const { X12parser } = require('x12-parser') as { X12parser: new () => NodeJS.ReadWriteStream };
      let claims = 0;
      const parser = createReadStream(file).pipe(new X12parser());
      parser.on('data', (segment: { name: string }) => {
        if (segment.name === 'CLP') claims++;
      });
      await once(parser, 'end');
      return { claims, bytes: size(), check: claims };
    }
    case "bare split('~'), 64 KiB chunks": {
      // The same split over the same stream the streaming contenders read: what cutting segments costs when the
      // strings die young (the whole-file split keeps 1.5 million of them alive, and that, not the cutting, is its time).
      let claims = 0;
      let carry = '';
      for await (const chunk of createReadStream(file)) {
        const segments = (carry + (chunk as Buffer).toString('latin1')).split('~');
        carry = segments.pop()!;
        for (const segment of segments)
          if (segment.charCodeAt(0) === 10 ? segment.startsWith('CLP', 1) : segment.startsWith('CLP')) claims++;
      }
      return { claims, bytes: size(), check: claims };
    }
    case "bare split('~')": {
      const text = readFileSync(file, 'latin1');
      let claims = 0;
      for (const segment of text.split('~'))
        if (segment.charCodeAt(0) === 10 ? segment.startsWith('CLP', 1) : segment.startsWith('CLP')) claims++;
      return { claims, bytes: text.length, check: claims };
    }
    case 'revcycle write837P': {
      // Only the write is timed: the claim objects are the caller's, built before.
      const count = Number(arg);
      const claims = Array.from({ length: count }, (_, i) => professionalClaim({ patientControlNumber: `PCN${i}` }));
      const started = process.hrtime.bigint();
      const text = write837P(submission(claims));
      return {
        claims: count,
        bytes: text.length,
        check: text.length,
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
      };
    }
    default:
      throw new Error(`unknown contender ${name}`);
  }
}

function size(): number {
  return statSync(file).size;
}

const started = process.hrtime.bigint();
const result = await run();
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(JSON.stringify({ name, seconds, ...result, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
