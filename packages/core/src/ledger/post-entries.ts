import type { ActorType, Db, LedgerAccount, LedgerEntry, LedgerEntryKind } from '../db/prisma-client.ts';
import type { BalanceChangedPayload } from '../pubsub/billing-events.ts';
import { newId } from '../ids/new-id.ts';
import { insertMany } from '../db/bulk-insert.ts';
import { chunks } from '../util/chunks.ts';

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
 * Postings never update or delete an entry; every correction is a new one. Each `post` is one multi-row INSERT;
 * a deferred posting (bulk imports) holds the rows until `flush`, so a whole chunk of claims is one INSERT.
 */
export class Posting {
  readonly entries: LedgerEntry[] = [];
  private pending: LedgerEntry[] = [];
  constructor(
    private readonly tx: Db,
    private readonly organizationId: string,
    private readonly actor: Actor,
    private readonly options: {
      deferred?: boolean;
      /** The tenant-scoped client: given, rows are written by plain multi-row INSERTs (`insertMany`). */
      scoped?: Db;
    } = {},
  ) {}

  async post(entries: NewEntry[]): Promise<LedgerEntry[]> {
    const rows = entries.filter((e) => e.amountCents !== 0 || e.kind === 'CHARGE').map((e) => this.row(e));
    this.entries.push(...rows);
    this.pending.push(...rows);
    if (!this.options.deferred) await this.flush();
    return rows;
  }

  /** Writes the entries not yet written. A deferred posting's owner calls it before anything reads the ledger. */
  async flush(): Promise<void> {
    const rows = this.pending;
    this.pending = [];
    if (this.options.scoped) await insertMany(this.options.scoped, this.tx, 'LedgerEntry', rows);
    else for (const piece of chunks(rows, 1000)) await this.tx.ledgerEntry.createMany({ data: piece });
  }

  private row(e: NewEntry): LedgerEntry {
    if (!Number.isSafeInteger(e.amountCents)) throw new Error(`Ledger amounts are integer cents, got ${e.amountCents}`);
    return {
      id: newId(),
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
      createdAt: new Date(),
    };
  }

  /** Moves an amount from one account to another: two entries with one transfer id, summing to zero. */
  async transfer(
    from: Omit<NewEntry, 'amountCents'>,
    to: Partial<Omit<NewEntry, 'amountCents' | 'kind' | 'effectiveDate'>>,
    amountCents: number,
  ): Promise<void> {
    const transferId = `t_${newId()}`;
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
