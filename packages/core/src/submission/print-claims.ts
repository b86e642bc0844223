import type { DomainContext } from '../context/domain-context.ts';
import { transaction } from '../db/prisma-client.ts';
import type { SubmissionBatch } from '../db/prisma-client.ts';
import type { ClaimFormKind, DocumentRenderer } from '../plugins/contracts.ts';
import { pluginKey } from '../plugins/contracts.ts';
import { todayIn } from '../util/calendar-date.ts';
import { chunks } from '../util/chunks.ts';
import { claimFormOf, claimFormPages } from './claim-forms/claim-form-pages.ts';
import type { ClaimForSubmission } from './claim-to-837.ts';
import { nextControlNumber } from './control-numbers.ts';
import { batchTimeout, completeDelivery } from './record-delivery.ts';
import type { DeliveryOutcome } from './submit-claims.ts';

/** The connector id a print batch is recorded under: paper claims go through no connector. */
export const PAPER_CHANNEL = 'paper';

/** Forms per print batch (one PDF): a day's mail for a large office, a file a browser still opens. */
const CLAIMS_PER_PRINT_BATCH = 500;

/** A renderer that lays out this claim form, if one is configured. */
export function claimFormRenderer(ctx: DomainContext, form: ClaimFormKind): DocumentRenderer | undefined {
  return [...ctx.plugins.documents.values()].find((r) => r.renderClaimForms && r.claimForms?.includes(form));
}

/**
 * Claims to paper-only payers: one print batch per form (CMS-1500, UB-04) and up to 500 claims, rendered for the red
 * OCR forms and kept as the batch's document, recorded SENT with its claims in one transaction; then, as for an
 * 837, the charges are posted and the claims become SUBMITTED (completed by the reconciler if that step fails).
 * Printing is the delivery: the biller prints the batch and mails it. Without a renderer for the form the claims
 * stay READY with NO_CLAIM_FORM_RENDERER.
 */
export async function printClaims(ctx: DomainContext, claims: readonly ClaimForSubmission[]): Promise<DeliveryOutcome> {
  const { results, batches, changes, balanceChanges }: DeliveryOutcome = {
    results: [],
    batches: [],
    changes: [],
    balanceChanges: [],
  };
  for (const form of ['CMS-1500', 'UB-04'] as const) {
    const ofForm = claims.filter((c) => claimFormOf(c) === form);
    if (!ofForm.length) continue;
    const renderer = claimFormRenderer(ctx, form);
    if (!renderer) {
      const message = `no document renderer is configured that prints ${form} forms`;
      for (const c of ofForm)
        results.push({ claimId: c.id, submitted: false, errorCode: 'NO_CLAIM_FORM_RENDERER', message });
      continue;
    }
    for (const part of chunks(ofForm, CLAIMS_PER_PRINT_BATCH)) {
      const batch = await recordPrintBatch(ctx, renderer, form, part);
      batches.push(batch);
      const done = await completeDelivery(ctx, batch, part).catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        ctx.logger.error({ batchId: batch.id, err: { message } }, 'print batch: claims left for the reconciler');
        return { changes: [], balanceChanges: [] };
      });
      changes.push(...done.changes);
      balanceChanges.push(...done.balanceChanges);
      for (const c of part) results.push({ claimId: c.id, submitted: true, batchId: batch.id });
    }
  }
  return { results, batches, changes, balanceChanges };
}

/** Renders the forms and records the batch (SENT), its document and its claims in one transaction. */
async function recordPrintBatch(
  ctx: DomainContext,
  renderer: DocumentRenderer,
  form: ClaimFormKind,
  claims: readonly ClaimForSubmission[],
): Promise<SubmissionBatch> {
  const pages = claims.flatMap((c) => claimFormPages(c, todayIn(c.practice.timeZone, ctx.clock.now())));
  const file = await renderer.renderClaimForms!(pages, { formBackground: false });
  const organizationId = ctx.principal.organizationId;
  return transaction(
    ctx.db,
    async (tx) => {
      const number = String(await nextControlNumber(tx, organizationId, 'PRINT')).padStart(9, '0');
      const document = await tx.document.create({
        data: {
          organizationId,
          kind: 'claim-forms',
          contentType: file.contentType,
          fileName: `${form}-batch-${number}.pdf`,
          bytes: Buffer.from(file.bytes),
          rendererKey: pluginKey(renderer),
        },
      });
      const batch = await tx.submissionBatch.create({
        data: {
          organizationId,
          connectorId: PAPER_CHANNEL,
          status: 'SENT',
          interchangeControlNumber: number,
          connectorReference: `print batch ${number}`,
          format: form,
          documentId: document.id,
          claimCount: claims.length,
          totalChargeCents: claims.reduce((sum, c) => sum + c.totalChargeCents, 0),
          submittedAt: ctx.clock.now(),
        },
      });
      for (const piece of chunks(claims.map((c) => c.id)))
        await tx.claim.updateMany({ where: { id: { in: piece } }, data: { submissionBatchId: batch.id } });
      return batch;
    },
    batchTimeout(claims.length),
  );
}
