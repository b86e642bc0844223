import { createHash } from 'node:crypto';
import { stream835 } from '@revcycle/x12';
import type { BalanceFinding, ByteSource } from '@revcycle/x12';
import { audited } from '../audit/audited.ts';
import type { DomainContext } from '../context/domain-context.ts';
import type { Remittance } from '../db/prisma-client.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';
import { globalId } from '../ids/global-id.ts';
import { defineOperation } from '../operations/define-operation.ts';
import { requireWholeOrganization } from '../operations/whole-organization.ts';
import { PostingBatch } from './posting-batch.ts';
import { FileImport } from './file-import.ts';
import { asInputError } from './read-remittance.ts';

export interface RemittanceImportSummary {
  remittances: Remittance[];
  /** Payments (BPR/TRN) in the file. */
  payments: number;
  claimPayments: number;
  matched: number;
  unmatched: number;
  /** Matched claim payments held unposted for review (another payer's claim, an overpayment): see their reviewReason. */
  held: number;
  /** Σ CLP04 of the claim payments. */
  totalPaidCents: number;
  /** Σ PLB amounts, X12 sign (positive: withheld from the payment). */
  providerAdjustmentsCents: number;
  findings: BalanceFinding[];
  /** True when every payment of the file had been posted before: nothing was posted now. */
  duplicate: boolean;
  duplicatePayments: number;
  /** ERAs that came from a payer for an NPI whose ERA enrollment with it is required and not live. */
  warnings: string[];
}

/** How far an import has come, reported after each chunk of claim payments is posted (not yet committed). */
export interface RemittanceImportProgress {
  payments: number;
  claimPayments: number;
  matched: number;
  unmatched: number;
  /** Bytes of the file read so far. */
  bytesRead: number;
}

export interface RemittanceImportOptions {
  /** The audit action (the operation or job that imports). */
  source?: string;
  /** Claim payments posted per chunk: one set of multi-row statements each. */
  chunkSize?: number;
  /** The file's size when known: the transaction's timeout is sized to it. */
  sizeBytes?: number;
  onProgress?: (progress: RemittanceImportProgress) => void;
}

/** Time the whole file may take, at a pace no slower than 10 KB/s (a 25 MB file: 45 minutes). */
const timeoutFor = (bytes: number | undefined) => 60_000 + (bytes ?? 50e6) / 10;

/** Posts an 835 given as text; see `importRemittanceStream`. */
export function importRemittanceFile(
  ctx: DomainContext,
  x12: string,
  source = 'importRemittance',
): Promise<RemittanceImportSummary> {
  return importRemittanceStream(ctx, () => piecesOf(x12), { source, sizeBytes: x12.length });
}

/** Text handed to the reader 64 KiB at a time: the reader parses what it is given at once. */
function* piecesOf(text: string, size = 65_536): Iterable<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

/**
 * Posts an 835 of any size in one transaction: every payment is stored as received, claim payments that match a
 * claim are posted to the ledger, the others wait in the unmatched queue, PLB adjustments post at the practice
 * level. The file is read as a stream and posted in chunks of claim payments, each a few set-based reads and
 * multi-row writes, so memory holds one chunk (plus one event per claim and patient to publish at commit). A
 * payment (payer + trace number) posts once: a repeated or concurrent import of it reports `duplicate`. Any
 * failure, a parse error at the last byte included, rolls the whole file back. `open` is called again (and the
 * file read again) when a concurrent import of the same payment won the race.
 */
export async function importRemittanceStream(
  ctx: DomainContext,
  open: () => RemittanceSource,
  options: RemittanceImportOptions = {},
): Promise<RemittanceImportSummary> {
  try {
    return await postFile(ctx, open, options);
  } catch (error) {
    // A concurrent import of the same payment won the unique key: this one is a duplicate, say so.
    if (isUniqueViolation(error)) return postFile(ctx, open, options);
    throw asInputError(error);
  }
}

function postFile(
  ctx: DomainContext,
  open: () => RemittanceSource,
  options: RemittanceImportOptions,
): Promise<RemittanceImportSummary> {
  return audited(
    ctx,
    options.source ?? 'importRemittance',
    async (tx) => {
      const hashed = hashing(open());
      const batch = new PostingBatch(tx, ctx.db, ctx.principal.organizationId, { type: 'PAYER' });
      const file = new FileImport(ctx, batch, { ...options, bytesRead: hashed.bytesRead });
      for await (const event of stream835(hashed.source)) {
        if (event.kind === 'payment') await file.begin(event.remittance);
        else if (event.kind === 'claim') await file.claim(event.claim);
        else await file.end(event.remittance);
      }
      const summary = await file.finish(hashed.digest());
      return {
        result: summary,
        recordIds: summary.remittances.map((r) => globalId('Remittance', r.id)),
        statusChanges: file.statusChanges,
        balanceChanges: [...file.balanceChanges.values()],
      };
    },
    { maxWait: 60_000, timeout: timeoutFor(options.sizeBytes) },
  );
}

/** What an 835 can be read from: text in pieces, a Node stream, a web ReadableStream. */
export type RemittanceSource = ByteSource | Iterable<Uint8Array | string>;

/** The bytes of a source as they pass to the reader, hashed and counted on the way (the SHA-256 is kept per payment). */
function hashing(source: RemittanceSource): {
  source: AsyncIterable<Uint8Array | string>;
  digest(): string;
  bytesRead(): number;
} {
  const hash = createHash('sha256');
  let bytes = 0;
  const iterable = source instanceof ReadableStream ? fromWebStream(source) : source;
  return {
    source: {
      async *[Symbol.asyncIterator]() {
        for await (const chunk of iterable) {
          hash.update(chunk);
          bytes += chunk.length;
          yield chunk;
        }
      },
    },
    digest: () => hash.digest('hex'),
    bytesRead: () => bytes,
  };
}

async function* fromWebStream(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * Posts an 835 to the ledger, all or nothing; the same payment posts once however often it is sent. With a
 * `progressKey`, subscribers of importProgress(progressKey) hear after each chunk of claim payments.
 */
export const importRemittance = defineOperation({
  name: 'importRemittance',
  roles: ['admin', 'biller'],
  run: (ctx, input: { x12: string; progressKey?: string | null }) => {
    requireWholeOrganization(ctx, 'importRemittance');
    const { progressKey } = input;
    const onProgress = progressKey
      ? (progress: RemittanceImportProgress) =>
          ctx.pubsub.publish('importProgress', ctx.principal.organizationId, {
            progressKey,
            ...progress,
            at: ctx.clock.now().toISOString(),
          })
      : undefined;
    return importRemittanceStream(ctx, () => piecesOf(input.x12), { sizeBytes: input.x12.length, onProgress });
  },
});

/**
 * The host's way to post an 835 too large to pass as a string (a file on disk, an upload streamed through): the
 * same rules as importRemittance, read as a stream, with progress after each chunk.
 */
export const importRemittanceFromSource = defineOperation({
  name: 'importRemittance',
  roles: ['admin', 'biller'],
  run: (ctx, input: { open: () => RemittanceSource; options?: Omit<RemittanceImportOptions, 'source'> }) => {
    requireWholeOrganization(ctx, 'importRemittance');
    return importRemittanceStream(ctx, input.open, input.options);
  },
});
