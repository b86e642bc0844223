import type { Payer } from '../../db/prisma-client.ts';
import { adjudicationOf } from '../claim-to-837.ts';
import type { PriorAdjudication } from '../claim-to-837.ts';
import { formZip } from './form-values.ts';

export { priorsOf } from '../claim-to-837.ts';

/** A claim's lines cut into pages of a form's size (a claim without lines still gets its one page). */
export function paged<T>(lines: readonly T[], perPage: number): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < lines.length; i += perPage) pages.push(lines.slice(i, i + perPage));
  return pages.length ? pages : [[]];
}

/** The payer's name and the address its paper claims go to, one line each, in capitals. */
export function payerBlock(payer: Payer): string {
  const city = payer.city ? `${payer.city}, ${payer.state ?? ''} ${formZip(payer.postalCode)}`.trim() : '';
  return [payer.name, payer.addressLine1, payer.addressLine2, city].filter(Boolean).join('\n').toUpperCase();
}

/** What the earlier payers paid on the claim (their posted adjudications), for item 29 and FL54. */
export function priorPaidCents(priors: readonly PriorAdjudication[]): number {
  return priors.reduce((sum, prior) => sum + (adjudicationOf(prior)?.paidCents ?? 0), 0);
}
