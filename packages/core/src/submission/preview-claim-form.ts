import type { DomainContext } from '../context/domain-context.ts';
import { ConflictError, NotFoundError } from '../errors/billing-errors.ts';
import { globalId } from '../ids/global-id.ts';
import type { ClaimFormKind, RenderedFile } from '../plugins/contracts.ts';
import { todayIn } from '../util/calendar-date.ts';
import { claimFormOf, claimFormPages } from './claim-forms/claim-form-pages.ts';
import type { ClaimForSubmission } from './claim-to-837.ts';
import { claimFormRenderer } from './print-claims.ts';
import { SUBMISSION_INCLUDE } from './submit-claims.ts';

export interface ClaimFormPreview extends RenderedFile {
  form: ClaimFormKind;
  pages: number;
}

/**
 * A claim on its paper form as it would print today, whatever its payer and status, changing nothing: for review
 * (`formBackground` draws the form under the data) or to print one claim by hand.
 */
export async function previewClaimForm(
  ctx: DomainContext,
  claimId: string,
  formBackground: boolean,
): Promise<ClaimFormPreview> {
  const claim = (await ctx.db.claim.findUnique({
    where: { id: claimId },
    include: SUBMISSION_INCLUDE,
  })) as ClaimForSubmission | null;
  if (!claim) throw new NotFoundError('Claim', globalId('Claim', claimId));
  const form = claimFormOf(claim);
  const renderer = claimFormRenderer(ctx, form);
  if (!renderer) throw new ConflictError(`No document renderer that prints ${form} forms is configured`);
  const pages = claimFormPages(claim, todayIn(claim.practice.timeZone, ctx.clock.now()));
  const file = await renderer.renderClaimForms!(pages, { formBackground });
  return { ...file, form, pages: pages.length };
}
