import type { ActorType, Db, LedgerAccount, LedgerEntry, LedgerEntryKind } from '../db/prisma-client.ts';
import type { BalanceChangedPayload } from '../pubsub/billing-events.ts';

/** One entry to post. Amounts follow the ledger's sign: positive raises what is owed, negative lowers it. */
export interface NewEntry {
  practiceId: string;
  account: LedgerAccount;
  kind: LedgerEntryKind;
  amountCents: number;
  effectiveDate: string;
  /** Defaults to the effective date; claim entries age from the claim's first date of service. */
  agingDate?: string;
  patientId?: string | null;
  guarantorId?: string | null;
  claimId?: string | null;
  claimLineId?: string | null;
  coverageId?: string | null;
  payerId?: string | null;
  remittanceId?: string | null;
  remittanceClaimId?: string | null;
  patientPaymentId?: string | null;
  reasonCode?: string | null;
  category?: string | null;
  memo?: string | null;
  reversesEntryId?: string | null;
  transferId?: string | null;
  idempotencyKey?: string | null;
}

export interface Actor {
  type: ActorType;
  id?: string | null;
}

/**
 * Collects what one unit of work posted: the entries, and the balance changes to publish once it commits.
 * Postings never update or delete an entry; every correction is a new one.
 */
export class Posting {
  readonly entries: LedgerEntry[] = [];
  constructor(
    private readonly tx: Db,
    private readonly organizationId: string,
    private readonly actor: Actor,
  ) {}

  async post(entries: NewEntry[]): Promise<LedgerEntry[]> {
    const created: LedgerEntry[] = [];
    for (const e of entries) {
      if (!Number.isSafeInteger(e.amountCents))
        throw new Error(`Ledger amounts are integer cents, got ${e.amountCents}`);
      if (e.amountCents === 0 && e.kind !== 'CHARGE') continue;
      created.push(
        await this.tx.ledgerEntry.create({
          data: {
            organizationId: this.organizationId,
            practiceId: e.practiceId,
            account: e.account,
            kind: e.kind,
            amountCents: e.amountCents,
            effectiveDate: e.effectiveDate,
            agingDate: e.agingDate ?? e.effectiveDate,
            patientId: e.patientId ?? null,
            guarantorId: e.guarantorId ?? null,
            claimId: e.claimId ?? null,
            claimLineId: e.claimLineId ?? null,
            coverageId: e.coverageId ?? null,
            payerId: e.payerId ?? null,
            remittanceId: e.remittanceId ?? null,
            remittanceClaimId: e.remittanceClaimId ?? null,
            patientPaymentId: e.patientPaymentId ?? null,
            reasonCode: e.reasonCode ?? null,
            category: e.category ?? null,
            memo: e.memo ?? null,
            reversesEntryId: e.reversesEntryId ?? null,
            transferId: e.transferId ?? null,
            idempotencyKey: e.idempotencyKey ?? null,
            actorType: this.actor.type,
            actorId: this.actor.id ?? null,
          },
        }),
      );
    }
    this.entries.push(...created);
    return created;
  }

  /** Moves an amount from one account to another: two entries with one transfer id, summing to zero. */
  async transfer(
    from: Omit<NewEntry, 'amountCents'>,
    to: Partial<Omit<NewEntry, 'amountCents' | 'kind' | 'effectiveDate'>>,
    amountCents: number,
  ): Promise<void> {
    const transferId = `t_${crypto.randomUUID()}`;
    await this.post([
      { ...from, amountCents: -amountCents, transferId },
      { ...from, ...to, kind: from.kind, effectiveDate: from.effectiveDate, amountCents, transferId },
    ]);
  }

  /** Undoes entries with new ones of the opposite amount that point at them. */
  async reverse(originals: LedgerEntry[], memo: string, extra: Partial<NewEntry> = {}): Promise<LedgerEntry[]> {
    return this.post(
      originals.map((o) => ({
        practiceId: o.practiceId,
        account: o.account,
        kind: 'REVERSAL' as const,
        amountCents: -o.amountCents,
        effectiveDate: extra.effectiveDate ?? o.effectiveDate,
        agingDate: o.agingDate,
        patientId: o.patientId,
        guarantorId: o.guarantorId,
        claimId: o.claimId,
        claimLineId: o.claimLineId,
        coverageId: o.coverageId,
        payerId: o.payerId,
        reasonCode: o.reasonCode,
        category: o.category,
        transferId: o.transferId,
        reversesEntryId: o.id,
        memo,
        ...extra,
      })),
    );
  }

  /**
   * One event per patient whose balance moved, naming the last entry that moved it — the last one on the patient's
   * own account when there is one (what a patient-facing screen shows), else the last insurance entry.
   */
  balanceChanges(): BalanceChangedPayload[] {
    const byPatient = new Map<string, BalanceChangedPayload & { onPatientAccount: boolean }>();
    const at = new Date().toISOString();
    for (const e of this.entries) {
      if (!e.patientId) continue;
      const onPatientAccount = e.account === 'PATIENT';
      if (byPatient.get(e.patientId)?.onPatientAccount && !onPatientAccount) continue;
      byPatient.set(e.patientId, {
        patientId: e.patientId,
        guarantorId: e.guarantorId,
        practiceId: e.practiceId,
        entryId: e.id,
        at,
        onPatientAccount,
      });
    }
    return [...byPatient.values()].map(({ onPatientAccount: _, ...event }) => event);
  }
}
