import { X12WriteError } from '@revcycle/x12';
import type { ClaimForSubmission } from './claim-to-837.ts';

/** A claim the 837 writer would not write, with its reason (the writer's message names segment and element). */
export interface RefusedClaim {
  claim: ClaimForSubmission;
  error: X12WriteError;
}

/**
 * Writes one 837 for `claims`, leaving out each claim the writer refuses: the scrubber catches what it can first,
 * but a rule an organization disabled (or a vendor's data the scrubber does not see) must cost one claim, never
 * the whole run. A refusal that names no claim (the envelope, the submitter's contact) refuses them all.
 */
export function writeClaimFile(
  claims: ClaimForSubmission[],
  write: (claims: ClaimForSubmission[]) => string,
): { content: string | null; written: ClaimForSubmission[]; refused: RefusedClaim[] } {
  let written = claims;
  const refused: RefusedClaim[] = [];
  while (written.length > 0) {
    try {
      return { content: write(written), written, refused };
    } catch (error) {
      if (!(error instanceof X12WriteError)) throw error;
      const culprit = written.find((c) => error.where === `claim ${c.patientControlNumber}`);
      const out = culprit ? [culprit] : written;
      refused.push(...out.map((claim) => ({ claim, error })));
      written = written.filter((c) => !out.includes(c));
    }
  }
  return { content: null, written, refused };
}
