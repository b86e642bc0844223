import { createHash } from 'node:crypto';
import type { CollectionAgency, Db } from '../db/prisma-client.ts';
import { ValidationError } from '../errors/billing-errors.ts';
import type { DomainContext } from '../context/domain-context.ts';
import { accountPatientCents } from '../ledger/balances.ts';
import { allocatePatientPayment } from '../ledger/patient-payments.ts';
import type { Posting } from '../ledger/post-entries.ts';
import { adjustAccount } from '../patient-billing/account-adjustments.ts';
import { accountOf } from '../patient-billing/guarantor-account.ts';
import type { AgencyUpdate } from '../plugins/contracts.ts';
import { todayIn } from '../util/calendar-date.ts';
import { exporterOf } from './place-accounts.ts';

export interface AgencyUpdateSummary {
  duplicate: boolean;
  payments: number;
  collectedCents: number;
  commissionCents: number;
  adjustments: number;
  disputes: number;
  returns: number;
  statusNotes: number;
  /** Lines naming a placement this agency does not hold, with why. */
  unmatched: Array<{ line: number; placementId: string; reason: string }>;
}

/** A summary of nothing applied (yet). */
export function emptySummary(): AgencyUpdateSummary {
  return {
    duplicate: false,
    payments: 0,
    collectedCents: 0,
    commissionCents: 0,
    adjustments: 0,
    disputes: 0,
    returns: 0,
    statusNotes: 0,
    unmatched: [],
  };
}

/**
 * Applies an agency's update file once (the same content again changes nothing): payments post to the ledger as
 * patient payments (oldest balances first) with the commission as its own COLLECTION_FEE entry, adjustments as
 * write-offs with the agency's reason, disputes pause the account (a DISPUTE flag: the compliance engine then
 * refuses contact until verification), returns bring the account back in-house. One transaction: a bad line
 * leaves nothing half-applied.
 */
export async function applyAgencyUpdates(
  ctx: DomainContext,
  agency: CollectionAgency,
  fileName: string,
  content: string,
  posting: Posting,
  /** The tenant-scoped client the transaction was opened on: payments are plain INSERTs (`insertMany`). */
  scoped: Db,
): Promise<AgencyUpdateSummary> {
  const summary = emptySummary();
  const contentHash = createHash('sha256').update(content).digest('hex');
  if (await ctx.db.agencyUpdateFile.findFirst({ where: { agencyId: agency.id, contentHash } }))
    return { ...summary, duplicate: true };
  let updates: AgencyUpdate[];
  try {
    updates = await exporterOf(ctx, agency).parseUpdates({ name: fileName, content });
  } catch (error) {
    throw new ValidationError([
      {
        path: ['input', 'content'],
        code: 'INVALID_UPDATE_FILE',
        message: `content: ${error instanceof Error ? error.message : String(error)}`,
      },
    ]);
  }
  const tx = ctx.db;
  const now = ctx.clock.now();
  for (const update of updates) {
    const placement = await tx.collectionPlacement.findFirst({
      where: { id: update.placementId, agencyId: agency.id },
      include: { patient: { include: { practice: true } } },
    });
    if (!placement) {
      summary.unmatched.push({
        line: update.line,
        placementId: update.placementId,
        reason: 'no placement with this agency has this id',
      });
      continue;
    }
    const patient = placement.patient;
    const account = accountOf(placement);
    const reference = `${agency.name} ${fileName} line ${update.line}`;
    if (update.kind === 'PAYMENT' && update.amountCents) {
      await allocatePatientPayment(scoped, tx, posting, {
        organizationId: ctx.principal.organizationId,
        patient,
        amountCents: update.amountCents,
        method: 'AGENCY',
        reference,
        receivedDate: update.date,
        idempotencyKey: `agency:${agency.id}:${contentHash}:${update.line}`,
        createdById: ctx.principal.userId,
      });
      summary.payments++;
      summary.collectedCents += update.amountCents;
      if (update.commissionCents) {
        await posting.post([
          {
            practiceId: patient.practiceId,
            account: 'PRACTICE',
            kind: 'COLLECTION_FEE',
            amountCents: -update.commissionCents,
            // The practice's expense, not the patient's: no patient on it, so a paid-in-full account stays at $0.
            patientId: null,
            guarantorId: null,
            effectiveDate: update.date,
            memo: `commission of ${agency.name} on ${reference}`,
          },
        ]);
        summary.commissionCents += update.commissionCents;
      }
      if ((await accountPatientCents(tx, account)) <= 0) {
        await tx.collectionPlacement.update({
          where: { id: placement.id },
          data: { status: 'PAID', paidAt: now, statusReason: `paid in full through ${agency.name} (${reference})` },
        });
      }
    } else if (update.kind === 'ADJUSTMENT' && update.amountCents) {
      await adjustAccount(
        tx,
        posting,
        account,
        { amountCents: update.amountCents },
        'AGENCY_ADJUSTMENT',
        `${agency.name}: ${update.note ?? 'adjustment'} (${reference})`,
        update.date,
      );
      summary.adjustments++;
    } else if (update.kind === 'DISPUTE') {
      await tx.collectionPlacement.update({
        where: { id: placement.id },
        data: { status: 'DISPUTED', disputedAt: now, statusReason: update.note ?? 'disputed by the debtor' },
      });
      await tx.accountFlag.create({
        data: {
          organizationId: ctx.principal.organizationId,
          patientId: patient.id,
          guarantorId: patient.guarantorId,
          kind: 'DISPUTE',
          note: `reported by ${agency.name}${update.note ? `: ${update.note}` : ''}`,
          setById: `agency:${agency.name}`,
          setAt: now,
        },
      });
      summary.disputes++;
    } else if (update.kind === 'RETURN') {
      await tx.collectionPlacement.update({
        where: { id: placement.id },
        data: { status: 'RETURNED', returnedAt: now, statusReason: update.note ?? 'returned by the agency' },
      });
      await tx.dunningState.updateMany({
        where: { accountKey: placement.accountKey, status: 'PLACED' },
        data: {
          status: 'COMPLETED',
          explanation: `Returned by ${agency.name} on ${todayIn(patient.practice.timeZone, now)}: ${update.note ?? 'no reason given'}.`,
        },
      });
      summary.returns++;
    } else {
      await tx.collectionPlacement.update({
        where: { id: placement.id },
        data: { statusReason: `${update.date}: ${update.note ?? update.kind}` },
      });
      summary.statusNotes++;
    }
  }
  await tx.agencyUpdateFile.create({
    data: {
      organizationId: ctx.principal.organizationId,
      agencyId: agency.id,
      fileName,
      contentHash,
      summary: summary as never,
    },
  });
  return summary;
}
