import type { ClaimFormDocument, ClaimFormKind } from '../../plugins/contracts.ts';
import type { ClaimForSubmission } from '../claim-to-837.ts';
import { cms1500Pages } from './cms1500-form.ts';
import { ub04Pages } from './ub04-form.ts';

/** The paper form a claim is printed on: a UB-04 for an institutional claim, a CMS-1500 otherwise. */
export function claimFormOf(claim: Pick<ClaimForSubmission, 'kind'>): ClaimFormKind {
  return claim.kind === 'INSTITUTIONAL' ? 'UB-04' : 'CMS-1500';
}

/** A claim's pages on its paper form; `createdOn` (YYYY-MM-DD) is the UB-04's creation date. */
export function claimFormPages(claim: ClaimForSubmission, createdOn: string): ClaimFormDocument[] {
  return claimFormOf(claim) === 'UB-04' ? ub04Pages(claim, createdOn) : cms1500Pages(claim);
}
