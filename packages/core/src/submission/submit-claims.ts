import { chunks } from '../util/chunks.ts';
import { transaction } from '../db/prisma-client.ts';
import type { Db, SubmissionBatch } from '../db/prisma-client.ts';
import type { StatusChange } from '../claims/claim-status.ts';
import type { DomainContext } from '../context/domain-context.ts';
import { scrubMany } from '../claims/scrub-claim.ts';
import { PendingTransitions } from '../claims/pending-transitions.ts';
import { callConnector } from '../plugins/connector-call.ts';
import { write837I, write837P } from '@revcycle/x12';
import { submission837 } from './claim-to-837.ts';
import type { ClaimForSubmission } from './claim-to-837.ts';
import { nextControlNumber } from './control-numbers.ts';
import { writeClaimFile } from './write-claim-file.ts';
import { printClaims } from './print-claims.ts';
import { batchTimeout, recordDelivery } from './record-delivery.ts';
import type { BalanceChangedPayload } from '../pubsub/billing-events.ts';

export interface ClaimSubmissionResult {
  claimId: string;
  submitted: boolean;
  /**
   * Why it was not submitted: SCRUB_FAILED, NO_CONNECTOR, CONNECTOR_ERROR, NOT_FOUND, INVALID_STATE, X12_REFUSED
   * (the 837 writer refused its data; the message names the segment and element), or NO_CLAIM_FORM_RENDERER (a
   * paper-only payer's claim and no renderer that prints its form).
   */
  errorCode?: string;
  message?: string;
  batchId?: string;
}

/** What a submission did: a result per claim, the batches made, and the changes to publish once committed. */
export interface DeliveryOutcome {
  results: ClaimSubmissionResult[];
  batches: SubmissionBatch[];
  changes: StatusChange[];
  balanceChanges: BalanceChangedPayload[];
}

/** A prior payer's claim with what its 2320/2330/2430 loops carry. */
const PRIOR_ADJUDICATION_INCLUDE = {
  payer: true,
  coverage: true,
  remittanceClaims: {
    include: {
      remittance: true,
      adjustments: { where: { serviceLineId: null } },
      lines: { include: { adjustments: true } },
    },
  },
} as const;

export const SUBMISSION_INCLUDE = {
  lines: { orderBy: { lineNumber: 'asc' as const } },
  encounter: {
    include: {
      diagnoses: { orderBy: { sequence: 'asc' as const } },
      codes: true,
      renderingProvider: true,
      billingProvider: true,
      facility: true,
      attendingProvider: true,
    },
  },
  patient: { include: { guarantor: true } },
  coverage: true,
  payer: true,
  practice: true,
  originalClaim: true,
  // A secondary claim carries its primary's adjudication; a tertiary one both earlier payers'.
  primaryClaim: { include: { ...PRIOR_ADJUDICATION_INCLUDE, primaryClaim: { include: PRIOR_ADJUDICATION_INCLUDE } } },
};

/** Claims per 837 transaction set (and so per file): the implementation guides' recommended maximum. */
export const MAX_CLAIMS_PER_FILE = 5_000;

/**
 * Scrubs the claims, prints those of paper-only payers (`printClaims`), groups the others that pass by payer
 * connector and claim type, writes one 837P or 837I per group with a fresh interchange control number, records the
 * batch with its file, and hands it to the connector. A connector failure leaves the
 * claims READY with the reason in their history (submit them again); a batch is delivered under its own id, so a
 * retry of the same batch is not a second delivery.
 */
export async function deliverClaims(ctx: DomainContext, claimIds: string[]): Promise<DeliveryOutcome> {
  const results: ClaimSubmissionResult[] = [];
  const changes: StatusChange[] = [];
  const balanceChanges: BalanceChangedPayload[] = [];
  const ready: ClaimForSubmission[] = [];

  const ids = [...new Set(claimIds)];
  for (const piece of chunks(ids)) {
    const passed = await transaction(
      ctx.db,
      (tx) => scrubForSubmission(tx, ctx, piece, results, changes),
      batchTimeout(piece.length),
    );
    for (const part of chunks(passed)) {
      const loaded = await ctx.db.claim.findMany({ where: { id: { in: part } }, include: SUBMISSION_INCLUDE });
      const byId = new Map(loaded.map((c) => [c.id, c]));
      for (const id of part) ready.push(byId.get(id)!);
    }
  }

  // Paper-only payers' claims are printed, not sent: they never reach a connector.
  const printed = await printClaims(
    ctx,
    ready.filter((c) => c.payer.paperOnly),
  );
  results.push(...printed.results);
  changes.push(...printed.changes);
  balanceChanges.push(...printed.balanceChanges);

  const groups = new Map<string, ClaimForSubmission[]>();
  for (const claim of ready.filter((c) => !c.payer.paperOnly)) {
    const key = claim.payer.connectorId;
    if (!key || !ctx.plugins.payers.get(key)?.submit) {
      results.push({
        claimId: claim.id,
        submitted: false,
        errorCode: 'NO_CONNECTOR',
        message: `${claim.payer.name} has no payer connector that can submit claims`,
      });
      continue;
    }
    // One interchange per connector and claim type (an 837P and an 837I never share a file), and per payer when
    // the connector's receiver takes only its own claims.
    const connector = ctx.plugins.payers.get(key)!;
    const manyPayers = connector.multiplePayersPerFile ?? Boolean(connector.receiverId);
    const group = `${key}\u0000${claim.kind}${manyPayers ? '' : `\u0000${claim.payerId}`}`;
    groups.set(group, [...(groups.get(group) ?? []), claim]);
  }

  const organization = await ctx.db.organization.findUniqueOrThrow({ where: { id: ctx.principal.organizationId } });
  const batches: SubmissionBatch[] = [...printed.batches];
  // The 837 guides recommend at most 5 000 claims per transaction set: a larger group goes out in several files.
  const files = [...groups].flatMap(([group, claims]) =>
    chunks(claims, MAX_CLAIMS_PER_FILE).map((part) => [group, part] as const),
  );
  for (const [group, grouped] of files) {
    const key = group.split('\u0000')[0]!;
    const connector = ctx.plugins.payers.get(key)!;
    const format = grouped[0]!.kind === 'INSTITUTIONAL' ? '837I' : '837P';
    const write = format === '837I' ? write837I : write837P;
    const written = await transaction(
      ctx.db,
      async (tx) => {
        const icn = await nextControlNumber(tx, organization.id, 'ISA13');
        const file = writeClaimFile(grouped, (claims) =>
          write(
            submission837(organization, claims, {
              senderId: connector.senderId ?? claims[0]!.practice.taxId,
              receiverId: connector.receiverId ?? claims[0]!.payer.payerIdentifier,
              receiverQualifier: connector.receiverQualifier ?? 'ZZ',
              receiverName: connector.receiverName ?? connector.receiverId ?? claims[0]!.payer.name,
              interchangeControlNumber: icn,
              usage: connector.usage ?? 'P',
              now: ctx.clock.now(),
            }),
          ),
        );
        if (file.content === null) return { ...file, batch: null };
        const batch = await tx.submissionBatch.create({
          data: {
            organizationId: organization.id,
            connectorId: key,
            status: 'PENDING',
            interchangeControlNumber: String(icn).padStart(9, '0'),
            format,
            content: file.content,
            claimCount: file.written.length,
            totalChargeCents: file.written.reduce((sum, c) => sum + c.totalChargeCents, 0),
          },
        });
        for (const piece of chunks(file.written.map((c) => c.id))) {
          await tx.claim.updateMany({
            where: { id: { in: piece } },
            data: { submissionBatchId: batch.id, connectorId: key },
          });
        }
        return { ...file, batch };
      },
      batchTimeout(grouped.length),
    );
    for (const { claim, error } of written.refused)
      results.push({ claimId: claim.id, submitted: false, errorCode: 'X12_REFUSED', message: error.message });
    const { batch, written: claims } = written;
    if (!batch) continue;
    let reference: string;
    try {
      const receipt = await callConnector(
        key,
        (signal) =>
          connector.submit!(
            {
              batchId: batch.id,
              organizationId: organization.id,
              interchangeControlNumber: batch.interchangeControlNumber,
              format,
              content: batch.content,
              claimCount: claims.length,
            },
            signal,
          ),
        { timeoutMs: 30_000, retries: 2, backoffMs: 200 },
      );
      reference = receipt.reference;
    } catch (error) {
      // Not delivered: the batch fails and its claims are READY again (the file is kept with the reason).
      const message = error instanceof Error ? error.message : String(error);
      batches.push(await failBatch(ctx, batch, claims, key, message, changes));
      for (const claim of claims) {
        results.push({ claimId: claim.id, submitted: false, errorCode: 'CONNECTOR_ERROR', message, batchId: batch.id });
      }
      continue;
    }
    // Delivered: from here on the batch is never FAILED, and every claim of it is reported submitted.
    const delivered = await recordDelivery(ctx, batch, claims, reference);
    batches.push(delivered.batch);
    changes.push(...delivered.changes);
    balanceChanges.push(...delivered.balanceChanges);
    for (const claim of claims) results.push({ claimId: claim.id, submitted: true, batchId: batch.id });
  }
  return { results, batches, changes, balanceChanges };
}

const SUBMITTABLE = ['DRAFT', 'READY', 'SCRUB_FAILED', 'REJECTED'];

/**
 * Scrubs a chunk of claims before submission, in one transaction: the rules' reads are a few queries for the
 * chunk, findings are saved (one UPDATE for every claim without any), status moves are written together. Pushes a
 * result for each claim that cannot go (not found, wrong state, scrub errors); returns the ids of those that can.
 */
async function scrubForSubmission(
  tx: Db,
  ctx: DomainContext,
  claimIds: string[],
  results: ClaimSubmissionResult[],
  changes: StatusChange[],
): Promise<string[]> {
  const actor = { type: 'USER' as const, id: ctx.principal.userId };
  const scrubbed = await scrubMany(tx, ctx, claimIds);
  const transitions = new PendingTransitions();
  const passed: string[] = [];
  const clean: string[] = [];
  for (const claimId of claimIds) {
    const found = scrubbed.get(claimId);
    if (!found) {
      results.push({
        claimId,
        submitted: false,
        errorCode: 'NOT_FOUND',
        message: 'No such claim in your organization',
      });
      continue;
    }
    const { claim, findings } = found;
    if (!SUBMITTABLE.includes(claim.status)) {
      const message = `A ${claim.status} claim cannot be submitted`;
      results.push({ claimId, submitted: false, errorCode: 'INVALID_STATE', message });
      continue;
    }
    if (findings.length) await tx.claim.update({ where: { id: claimId }, data: { scrubErrors: findings as never } });
    else clean.push(claimId);
    const errors = findings.filter((f) => f.severity === 'ERROR');
    const to = errors.length ? 'SCRUB_FAILED' : 'READY';
    const reason = errors.length
      ? `scrub before submission found ${errors.length} error(s)`
      : 'scrub before submission passed';
    if (!(claim.status === 'READY' && to === 'READY')) changes.push(transitions.add(claim, to, { ...actor, reason }));
    if (errors.length) {
      const message = errors.map((e) => e.message).join('; ');
      results.push({ claimId, submitted: false, errorCode: 'SCRUB_FAILED', message });
    } else passed.push(claimId);
  }
  if (clean.length) await tx.claim.updateMany({ where: { id: { in: clean } }, data: { scrubErrors: [] } });
  await transitions.flush(tx, ctx.db);
  return passed;
}

/** A batch the connector did not take: FAILED with the reason, its claims READY again and free of it. */
async function failBatch(
  ctx: DomainContext,
  batch: SubmissionBatch,
  claims: ClaimForSubmission[],
  key: string,
  message: string,
  changes: StatusChange[],
): Promise<SubmissionBatch> {
  return transaction(
    ctx.db,
    async (tx) => {
      const failed = await tx.submissionBatch.update({
        where: { id: batch.id },
        data: { status: 'FAILED', failureReason: message },
      });
      for (const piece of chunks(claims.map((c) => c.id))) {
        await tx.claim.updateMany({ where: { id: { in: piece } }, data: { submissionBatchId: null } });
      }
      const transitions = new PendingTransitions();
      const reason = `submission failed, retry: ${message}`;
      for (const claim of claims)
        changes.push(transitions.add({ ...claim, status: 'READY' }, 'READY', { type: 'CONNECTOR', id: key, reason }));
      await transitions.flush(tx, ctx.db);
      return failed;
    },
    batchTimeout(claims.length),
  );
}
