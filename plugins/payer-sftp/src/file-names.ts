import type { OutboundBatch } from '@revcycle/core';
import type { Inquiry } from './inquiry-files.ts';

/** The transactions a clearinghouse drops in the inbound folder. */
export const INBOUND_TRANSACTIONS = ['999', '277CA', '835', '271', '277'] as const;
export type InboundTransaction = (typeof INBOUND_TRANSACTIONS)[number];

/**
 * The outbound file name per 837 format and inquiry: `{org}`, `{icn}` (ISA13), `{batch}` and `{format}` are filled
 * in (an inquiry's `{batch}` is its trace number).
 */
export type OutboundNames = Partial<Record<OutboundBatch['format'] | Inquiry, string>>;
/** Glob patterns (`*`, `?`, case-insensitive) of inbound file names per transaction. */
export type InboundNames = Partial<Record<InboundTransaction, string[]>>;

const DEFAULT_OUTBOUND: Record<OutboundBatch['format'] | Inquiry, string> = {
  '837P': '{icn}-{batch}.837p.x12',
  '837I': '{icn}-{batch}.837i.x12',
  '270': '{icn}-{batch}.270.x12',
  '276': '{icn}-{batch}.276.x12',
};

/**
 * The batch's file name: derived from the batch alone, so a retried delivery finds its own earlier upload. Slashes
 * and other characters a server may refuse are replaced.
 */
export function outboundName(
  batch: Pick<OutboundBatch, 'organizationId' | 'interchangeControlNumber' | 'batchId'> & {
    format: OutboundBatch['format'] | Inquiry;
  },
  names: OutboundNames = {},
): string {
  const template = names[batch.format] ?? DEFAULT_OUTBOUND[batch.format];
  const filled = template
    .replaceAll('{org}', batch.organizationId)
    .replaceAll('{icn}', batch.interchangeControlNumber)
    .replaceAll('{batch}', batch.batchId)
    .replaceAll('{format}', batch.format.toLowerCase());
  return filled.replace(/[^\w.-]/g, '_');
}

const globToRegExp = (glob: string) =>
  new RegExp(
    `^${glob
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replaceAll('*', '.*')
      .replaceAll('?', '.')}$`,
    'i',
  );

/** Files being written by convention (hidden, `.part`, `.tmp`, `.filepart`) are never read. */
const IN_PROGRESS = /^\.|\.(part|tmp|filepart)$/i;

/**
 * Which inbound names to fetch: none in progress by name, and, when the clearinghouse's patterns are configured,
 * only names that match one (its reports and other files stay where they are); `only` limits it to some
 * transactions' patterns. Without patterns, every file.
 */
export function inboundFilter(
  names: InboundNames = {},
  only?: readonly InboundTransaction[],
): (name: string) => boolean {
  const patterns = Object.entries(names)
    .filter(([transaction]) => !only || only.includes(transaction as InboundTransaction))
    .flatMap(([, globs]) => globs ?? [])
    .map((glob) => globToRegExp(glob));
  return (name) => !IN_PROGRESS.test(name) && (patterns.length === 0 || patterns.some((p) => p.test(name)));
}
