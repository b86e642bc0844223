import { X12WriteError } from '../writer/x12-write-error.ts';
import type { AdjustmentGroup } from './types.ts';

/**
 * The claim adjustment group codes an 837's 2320 and 2430 CAS may carry (CAS01). A remittance's own "OI" (other
 * insurance) is not among them: a writer's caller reports a prior payer's other-insurance adjustments as OA.
 */
export const CAS_GROUP_CODES: ReadonlySet<string> = new Set(['CO', 'CR', 'OA', 'PI', 'PR']);

/** Reason/amount/quantity triplets one CAS holds. */
export const MAX_ADJUSTMENTS_PER_CAS = 6;

/** CAS segments a 2320 or 2430 loop may repeat. */
export const MAX_CAS_SEGMENTS = 5;

/** Refuses CAS groups the guide would reject: an unknown group code, more than six reasons in one, more than five. */
export function checkAdjustmentGroups(groups: AdjustmentGroup[], where: string): void {
  if (groups.length > MAX_CAS_SEGMENTS)
    throw new X12WriteError('TOO_MANY', `${where}: ${groups.length} CAS segments; at most 5`, 'CAS', 0);
  for (const g of groups) {
    if (!CAS_GROUP_CODES.has(g.groupCode))
      throw new X12WriteError(
        'BAD_VALUE',
        `${where}: "${g.groupCode}" is not a claim adjustment group code (CO, CR, OA, PI, PR)`,
        'CAS',
        1,
      );
    if (g.adjustments.length > MAX_ADJUSTMENTS_PER_CAS)
      throw new X12WriteError(
        'TOO_MANY',
        `${where}: ${g.adjustments.length} adjustments in one CAS ${g.groupCode}; at most 6`,
        'CAS',
        2,
      );
  }
}
