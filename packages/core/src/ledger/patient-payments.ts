import type { Db, Patient, PatientPayment } from '../db/prisma-client.ts';
import { ValidationError } from '../errors/billing-errors.ts';
import type { NewEntry, Posting } from './post-entries.ts';
import { insertMany } from '../db/bulk-insert.ts';
import { newId } from '../ids/new-id.ts';

export interface PatientPaymentInput {
  patient: Pick<Patient, 'id' | 'practiceId' | 'guarantorId'>;
  amountCents: number;
  method: string;
  reference?: string | null;
  receivedDate: string;
  depositDate?: string | null;
  /** Claims to pay, in this order; when absent, the oldest open patient balances first. */
  claimIds?: string[];
  idempotencyKey?: string | null;
  createdById: string | null;
  /** The patient's open shares, when the caller read them in this transaction (`payingAccountOf`). */
  openShares?: OpenShare[];
}

/** A patient's open share of one claim, aging from the claim's first date of service. */
export interface OpenShare {
  claimId: string;
  agingDate: string;
  openCents: number;
}

/** The patient's open share per claim, oldest first (by the claim's first date of service). */
export async function openPatientShares(tx: Db, patientId: string): Promise<OpenShare[]> {
  const rows = await tx.ledgerEntry.groupBy({
    by: ['claimId', 'agingDate'],
    where: { patientId, account: 'PATIENT', claimId: { not: null } },
    _sum: { amountCents: true },
  });
  return openSharesOf(rows.map((r) => ({ ...r, amountCents: Number(r._sum.amountCents ?? 0) })));
}

/**
 * Open shares from PATIENT-account entries on claims (single entries, or sums per claim and aging date): per claim
 * the sum and the earliest aging date, those still owed, oldest first.
 */
export function openSharesOf(
  entries: ReadonlyArray<{ claimId: string | null; agingDate: string; amountCents: number }>,
): OpenShare[] {
  const byClaim = new Map<string, OpenShare>();
  for (const e of entries) {
    if (!e.claimId) continue;
    const current = byClaim.get(e.claimId) ?? { claimId: e.claimId, agingDate: e.agingDate, openCents: 0 };
    current.openCents += e.amountCents;
    if (e.agingDate < current.agingDate) current.agingDate = e.agingDate;
    byClaim.set(e.claimId, current);
  }
  return [...byClaim.values()]
    .filter((s) => s.openCents > 0)
    .sort((a, b) => a.agingDate.localeCompare(b.agingDate) || a.claimId.localeCompare(b.claimId));
}

/**
 * Records a patient payment and allocates it: to the named claims in order, else oldest open balance first, never
 * more than a claim's open share. What is left is an unapplied credit on the account (refundable). The payment is
 * one plain INSERT (`insertMany`, through the tenant-scoped client's checks): a repeated idempotency key fails it
 * as a unique violation (`isUniqueViolation`).
 */
export async function allocatePatientPayment(
  scoped: Db,
  tx: Db,
  posting: Posting,
  input: PatientPaymentInput & { organizationId: string },
): Promise<PatientPayment> {
  const payment: PatientPayment = {
    id: newId(),
    organizationId: input.organizationId,
    practiceId: input.patient.practiceId,
    patientId: input.patient.id,
    amountCents: input.amountCents,
    method: input.method,
    reference: input.reference ?? null,
    receivedDate: input.receivedDate,
    depositDate: input.depositDate ?? null,
    idempotencyKey: input.idempotencyKey ?? null,
    createdById: input.createdById,
    createdAt: new Date(),
  };
  await insertMany(scoped, tx, 'PatientPayment', [payment as unknown as Record<string, unknown>]);
  const open = input.openShares ?? (await openPatientShares(tx, input.patient.id));
  let targets = open;
  if (input.claimIds?.length) {
    targets = input.claimIds.map((id, i) => {
      const share = open.find((s) => s.claimId === id);
      if (!share)
        throw new ValidationError([
          {
            path: ['input', 'claimIds', i],
            code: 'NOTHING_OWED',
            message: `claimIds.${i}: the patient owes nothing on this claim`,
          },
        ]);
      return share;
    });
  }
  let left = input.amountCents;
  const base = {
    practiceId: input.patient.practiceId,
    account: 'PATIENT' as const,
    kind: 'PATIENT_PAYMENT' as const,
    patientId: input.patient.id,
    guarantorId: input.patient.guarantorId,
    patientPaymentId: payment.id,
    effectiveDate: input.receivedDate,
    memo: `${input.method}${input.reference ? ` ${input.reference}` : ''}`,
  };
  // Every share paid and the credit are one INSERT, however many claims the payment reaches.
  const entries: NewEntry[] = [];
  for (const share of targets) {
    if (left === 0) break;
    const applied = Math.min(left, share.openCents);
    entries.push({ ...base, amountCents: -applied, claimId: share.claimId, agingDate: share.agingDate });
    left -= applied;
  }
  if (left > 0) entries.push({ ...base, amountCents: -left, memo: `${base.memo} (unapplied credit)` });
  await posting.post(entries);
  return payment;
}
