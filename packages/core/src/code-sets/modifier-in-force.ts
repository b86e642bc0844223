import type { CodeSetRelease } from '../db/prisma-client.ts';
import type { ClaimCodeFacts } from './code-set-store.ts';
import { CPT_MODIFIERS } from './cpt-modifiers.ts';

/**
 * The HCPCS release that does not have a modifier on a day — CPT's numbers ship with the product, the letter
 * modifiers come with the CMS HCPCS file — or undefined when the modifier is known there, or cannot be judged: no
 * HCPCS release is in force, or the one in force carries no modifiers (a list read from CSV).
 */
export function releaseWithoutModifier(
  facts: ClaimCodeFacts,
  modifier: string,
  on: string,
): CodeSetRelease | undefined {
  const release = facts.releases.HCPCS;
  if (CPT_MODIFIERS.has(modifier) || !release || release.modifierCount === 0) return undefined;
  const row = facts.codes.HCPCS?.get(modifier);
  const inForce =
    row && (!row.effectiveDate || row.effectiveDate <= on) && (!row.terminationDate || row.terminationDate >= on);
  return inForce ? undefined : release;
}
