import type { DomainContext } from '../context/domain-context.ts';
import { ForbiddenError } from '../errors/billing-errors.ts';

/**
 * Operations on the organization's own files (an 835, acknowledgements, an agency's update file) touch every
 * practice's records and leave unmatched rows that belong to none: a user limited to practices may not run them.
 */
export function requireWholeOrganization(ctx: DomainContext, action: string): void {
  if (ctx.principal.practiceIds) {
    throw new ForbiddenError(
      `${action} works on the organization's files across practices; a user limited to practices may not run it`,
    );
  }
}
