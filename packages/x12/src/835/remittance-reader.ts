import { EnvelopeValidator } from '../envelope.ts';
import { SEGMENT_KEY_COUNT, segmentKey } from '../segment-reader.ts';
import type { SegmentReader, SegmentVisitor } from '../segment-reader.ts';
import { SegmentScanner } from '../tokenizer.ts';
import { RemittanceBuilder } from './remittance-builder.ts';
import type { RemittanceSink } from './remittance-builder.ts';

/** 1 at the key of each envelope segment's id. */
const ENVELOPE = new Uint8Array(SEGMENT_KEY_COUNT);
for (const id of ['ISA', 'GS', 'ST', 'SE', 'GE', 'IEA']) ENVELOPE[segmentKey(id)] = 1;

/**
 * 835 input, chunk by chunk, into the typed model: what parse835 and stream835 share. Envelope segments
 * (ISA, GS, ST, SE, GE, IEA) become `Segment`s for the envelope validator; body segments are checked and counted
 * by the validator and read in place by the builder.
 */
export class RemittanceReader implements SegmentVisitor {
  private readonly scanner = new SegmentScanner();
  private readonly envelope: EnvelopeValidator;
  private readonly builder: RemittanceBuilder;

  constructor(sink: RemittanceSink) {
    const builder = new RemittanceBuilder(sink);
    this.builder = builder;
    this.envelope = new EnvelopeValidator({
      start: (context, st) => builder.start(context, st),
      // Never called: body segments go to `body` below, not through the validator as `Segment`s.
      segment: () => {},
      end: (context, se) => builder.end(context, se),
    });
  }

  /** Reads the complete segments of `text` (see `SegmentReader.scan`); returns how many characters it consumed. */
  read(text: string, final: boolean, bytes?: Uint8Array): number {
    const consumed = this.scanner.reader.scan(text, final, this, bytes);
    if (final) this.envelope.finish();
    return consumed;
  }

  /** One segment (see `SegmentVisitor`). */
  segment(reader: SegmentReader): void {
    if (ENVELOPE[reader.key] === 1) {
      this.envelope.push(this.scanner.segmentAt(reader));
      return;
    }
    this.envelope.body(reader);
    this.builder.segment(reader);
  }
}
