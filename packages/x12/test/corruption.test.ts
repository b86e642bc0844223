import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse271, parse277CA, parse835, parse837, parse999, X12ParseError } from '../src/index.ts';
import { era835 } from './era-builder.ts';
import { sample } from './samples.ts';

const inputs = {
  parse835: era835({
    payment: '100',
    claims: [
      {
        pcn: 'A1',
        charge: '120',
        paid: '100',
        cas: ['CO*45*20'],
        services: [{ svc: 'HC:99213*120*100', cas: ['CO*45*20'] }],
      },
    ],
    plb: ['L6*-1'],
  }),
  parse837: sample('linuxforhealth/837_005010X222A2/demo.cob.example3.A.837'),
  parse999: sample('imsweb/x12_999_rejected.txt'),
  parse277CA: sample('imsweb/x12_277CA_rejected.txt'),
  parse271: sample('linuxforhealth/271_005010X279A1/dependent-health-benefit-check.271'),
};
const parsers: Record<keyof typeof inputs, (input: string | Uint8Array) => unknown> = {
  parse835,
  parse837,
  parse999,
  parse277CA,
  parse271,
};

describe('random corruption', () => {
  it.each(Object.keys(inputs) as Array<keyof typeof inputs>)(
    '%s throws nothing but X12ParseError on corrupted bytes',
    (name) => {
      const bytes = Buffer.from(inputs[name], 'latin1');
      const corruption = fc.array(
        fc.record({
          at: fc.nat({ max: bytes.length - 1 }),
          kind: fc.constantFrom('replace', 'delete', 'insert'),
          byte: fc.integer({ min: 0, max: 255 }),
        }),
        { minLength: 1, maxLength: 8 },
      );
      fc.assert(
        fc.property(corruption, fc.nat({ max: bytes.length }), (edits, cut) => {
          let data = [...bytes];
          for (const edit of edits) {
            const at = Math.min(edit.at, data.length - 1);
            if (edit.kind === 'replace') data[at] = edit.byte;
            else if (edit.kind === 'delete') data.splice(at, 1);
            else data.splice(at, 0, edit.byte);
          }
          if (cut % 3 === 0) data = data.slice(0, cut);
          try {
            parsers[name](Uint8Array.from(data));
          } catch (error) {
            expect(error).toBeInstanceOf(X12ParseError);
            const e = error as X12ParseError;
            expect(e.segmentIndex).toBeGreaterThanOrEqual(0);
            expect(e.byteOffset).toBeGreaterThanOrEqual(0);
          }
        }),
        { numRuns: 300 },
      );
    },
  );
});
