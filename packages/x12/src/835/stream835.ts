import { EnvelopeValidator } from '../envelope.ts';
import { SegmentScanner } from '../tokenizer.ts';
import { RemittanceBuilder } from './remittance-builder.ts';
import type { ClaimPayment, Remittance835 } from './types.ts';

/** What `stream835` yields, in file order. */
export type Remittance835Event =
  /** A payment begins: BPR/TRN, payer and payee (its `claims` stay empty while streaming). */
  | { kind: 'payment'; remittance: Remittance835 }
  /** One claim payment with its services, adjustments and remarks. */
  | { kind: 'claim'; claim: ClaimPayment; remittance: Remittance835 }
  /** The payment is complete: its PLB adjustments and every balancing finding are in. */
  | { kind: 'paymentEnd'; remittance: Remittance835 };

export type ByteSource = AsyncIterable<Uint8Array | string> | ReadableStream<Uint8Array>;

/**
 * Reads an 835 of any size in constant memory: a Node stream, a web ReadableStream or any async iterable of
 * chunks. Claims are yielded as soon as they are read. Errors (X12ParseError) can come after claims were
 * yielded — a truncated file is only known at its end — so treat the stream as one transaction: post nothing
 * until `paymentEnd` (and the end of the iteration) arrives, or roll back on error.
 * @example
 * for await (const event of stream835(createReadStream('big.835'))) if (event.kind === 'claim') total += event.claim.paidCents;
 */
export async function* stream835(source: ByteSource): AsyncGenerator<Remittance835Event> {
  const pending: Remittance835Event[] = [];
  const builder = new RemittanceBuilder({
    header: (remittance) => pending.push({ kind: 'payment', remittance }),
    claim: (claim, remittance) => pending.push({ kind: 'claim', claim, remittance }),
    end: (remittance) => pending.push({ kind: 'paymentEnd', remittance }),
  });
  const envelope = new EnvelopeValidator(builder);
  const scanner = new SegmentScanner();
  const push = envelope.push.bind(envelope);
  let carry = '';
  for await (const chunk of iterate(source)) {
    if (typeof chunk === 'string') {
      const text = carry + chunk;
      carry = text.slice(scanner.scan(text, false, push));
    } else {
      // The scanner reads the bytes (faster than the string's characters) and slices element strings from the text.
      const bytes = withCarry(carry, chunk);
      const text = bytes.toString('latin1');
      carry = text.slice(scanner.scan(text, false, push, bytes));
    }
    // A plain loop: `yield*` over an array wraps it in an async-from-sync iterator, a third slower per event.
    for (const event of pending) yield event;
    pending.length = 0;
  }
  scanner.scan(carry, true, push);
  envelope.finish();
  for (const event of pending) yield event;
}

/**
 * The unread end of the previous chunk followed by `bytes`. Decoded as latin1 (every byte one character;
 * TextDecoder's "latin1" is windows-1252, which is not), the joined bytes give one flat string: `carry + text`
 * would be a rope, and the scanner slices every element string out of it.
 */
function withCarry(carry: string, bytes: Uint8Array): Buffer {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return carry === '' ? buffer : Buffer.concat([Buffer.from(carry, 'latin1'), buffer]);
}

async function* iterate(source: ByteSource): AsyncIterable<Uint8Array | string> {
  if (Symbol.asyncIterator in source) {
    yield* source as AsyncIterable<Uint8Array | string>;
    return;
  }
  const reader = (source as ReadableStream<Uint8Array>).getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) yield r.value;
}
