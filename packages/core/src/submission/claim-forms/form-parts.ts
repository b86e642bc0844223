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

interface PostalAddress {
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
}

/** `CITY, ST ZIP` as the forms print it; empty without a city. */
export function cityLine(a: Pick<PostalAddress, 'city' | 'state' | 'postalCode'>): string {
  return a.city ? `${a.city}, ${a.state ?? ''} ${formZip(a.postalCode)}`.trim() : '';
}

/** A name and its address, one line each, in capitals (the carrier block, items 32 and 33). */
export function addressBlock(name: string, a: PostalAddress): string {
  return [name, a.addressLine1, a.addressLine2, cityLine(a)].filter(Boolean).join('\n').toUpperCase();
}

/** The payer's name and the address its paper claims go to. */
export function payerBlock(payer: Payer): string {
  return addressBlock(payer.name, payer);
}

/** What the earlier payers paid on the claim (their posted adjudications), for item 29 and FL54. */
export function priorPaidCents(priors: readonly PriorAdjudication[]): number {
  return priors.reduce((sum, prior) => sum + (adjudicationOf(prior)?.paidCents ?? 0), 0);
}
