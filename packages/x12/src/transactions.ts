import { EnvelopeValidator, fail } from './envelope.ts';
import type { X12ParseError } from './x12-parse-error.ts';
import type { EnvelopeContext } from './envelope.ts';
import { scanInput } from './tokenizer.ts';
import type { Segment } from './tokenizer.ts';

export interface Transaction {
  envelope: EnvelopeContext;
  /** The body: every segment between ST and SE. */
  segments: Segment[];
  st: Segment;
  /** Trailer mismatches of the whole input (SE, GE, IEA counts and control numbers), read with 'report'. */
  warnings: X12ParseError[];
}

/** How acknowledgement and answer readers treat trailers: 'report' (the default) keeps the content. */
export interface ReadOptions {
  /**
   * 'report' (the default) lists a wrong SE/GE/IEA count or control number in `warnings` and keeps what the file
   * says (an acceptance is not lost to a sender's miscount); 'strict' throws.
   */
  trailers?: 'strict' | 'report';
}

/**
 * The validated transaction sets of an input, each with its body segments (for the small transactions:
 * acknowledgements, status and eligibility answers; 835s stream instead). Every set must be `transactionId`.
 */
export function readTransactions(
  input: string | Uint8Array,
  transactionId: string,
  options: ReadOptions = {},
): Transaction[] {
  const transactions: Transaction[] = [];
  let current: Transaction | undefined;
  const envelope = new EnvelopeValidator(
    {
      start(context, st) {
        if (context.transaction.id !== transactionId) {
          fail(
            'WRONG_TRANSACTION',
            `Expected a ${transactionId} transaction set, found ${context.transaction.id}`,
            st,
            1,
          );
        }
        current = { envelope: context, segments: [], st, warnings: envelope.warnings };
      },
      segment(segment) {
        current!.segments.push(segment);
      },
      end() {
        transactions.push(current!);
        current = undefined;
      },
    },
    { trailers: options.trailers ?? 'report' },
  );
  scanInput(input, (segment) => envelope.push(segment));
  envelope.finish();
  return transactions;
}

/** Splits an element on the interchange's repetition separator (ISA11), e.g. EB03 service types. */
export function repetitions(segment: Segment, position: number): string[] {
  const raw = segment.element(position);
  if (raw === '') return [];
  const separator = segment.delimiters.repetition;
  return separator ? raw.split(separator) : [raw];
}
