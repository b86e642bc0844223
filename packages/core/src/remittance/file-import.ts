import { eraEnrollmentWarnings } from '../enrollment/era-enrollment-warnings.ts';
import type { ClaimPayment, Remittance835 } from '@revcycle/x12';
import type { StatusChange } from '../claims/claim-status.ts';
import type { DomainContext } from '../context/domain-context.ts';
import type { Remittance } from '../db/prisma-client.ts';
import type { BalanceChangedPayload } from '../pubsub/billing-events.ts';
import type { RemittanceImportOptions, RemittanceImportSummary } from './import-remittance.ts';
import { postClaimPayment } from './post-claim-payment.ts';
import { postProviderAdjustments } from './provider-adjustments.ts';
import type { PostingBatch } from './posting-batch.ts';
import {
  namedPayer,
  payerIdentifierOf,
  storeClaimPayments,
  storeProviderAdjustments,
  storeRemittance,
} from './store-remittance.ts';

const CHUNK = 500;

/**
 * One 835 being imported, fed the reader's events in file order: a payment begins (skipped whole if it was posted
 * before), its claim payments gather into chunks that are stored and posted together, and at its end its PLB
 * adjustments post. Keeps the summary and what to publish at commit; forgets each chunk once it is written.
 */
export class FileImport {
  readonly statusChanges: StatusChange[] = [];
  readonly balanceChanges = new Map<string, BalanceChangedPayload>();
  private readonly summary: RemittanceImportSummary = {
    remittances: [],
    payments: 0,
    claimPayments: 0,
    matched: 0,
    unmatched: 0,
    held: 0,
    totalPaidCents: 0,
    providerAdjustmentsCents: 0,
    findings: [],
    duplicate: false,
    duplicatePayments: 0,
    warnings: [],
  };
  private readonly seen = new Set<string>();
  /** The payment being read; null while a duplicate payment's claims go by. */
  private current: {
    header: Remittance835;
    stored?: Remittance;
    pending: ClaimPayment[];
    /** The payer the 835 names, when on file: a claim billed to another payer is held, not posted. */
    namedPayerId: string | null;
  } | null = null;

  constructor(
    private readonly ctx: DomainContext,
    private readonly batch: PostingBatch,
    private readonly options: RemittanceImportOptions & { bytesRead: () => number },
  ) {}

  async begin(header: Remittance835): Promise<void> {
    this.summary.payments++;
    const key = `${payerIdentifierOf(header)}|${header.payment.traceNumber}`;
    const posted = await this.batch.tx.remittance.findFirst({
      where: { payerIdentifier: payerIdentifierOf(header), traceNumber: header.payment.traceNumber },
    });
    if (posted || this.seen.has(key)) {
      this.summary.duplicatePayments++;
      if (posted) this.summary.remittances.push(posted);
      this.current = null;
      return;
    }
    this.seen.add(key);
    this.current = { header, pending: [], namedPayerId: await namedPayer(this.batch.tx, header) };
  }

  async claim(payment: ClaimPayment): Promise<void> {
    if (!this.current) return;
    this.current.pending.push(payment);
    if (this.current.pending.length >= (this.options.chunkSize ?? CHUNK)) await this.postPending();
  }

  async end(remittance: Remittance835): Promise<void> {
    if (!this.current) return;
    this.current.header = remittance;
    await this.postPending();
    const stored = await storeProviderAdjustments(this.batch.tx, this.current.stored!, remittance);
    await postProviderAdjustments(this.batch, this.ctx, stored, remittance);
    await this.batch.flush();
    this.collectBalanceChanges();
    this.summary.remittances.push(stored);
    this.summary.providerAdjustmentsCents += stored.providerAdjustmentsCents;
    this.summary.findings.push(...remittance.balance);
    this.current = null;
  }

  /** The summary, once the file has been read to its end; the file's hash is written on its payments. */
  async finish(fileSha256: string): Promise<RemittanceImportSummary> {
    const fresh = this.summary.remittances.filter((r) => r.fileSha256 === '');
    if (fresh.length)
      await this.batch.tx.remittance.updateMany({
        where: { id: { in: fresh.map((r) => r.id) } },
        data: { fileSha256 },
      });
    for (const r of fresh) r.fileSha256 = fileSha256;
    this.summary.duplicate =
      this.summary.duplicatePayments > 0 && this.summary.duplicatePayments === this.summary.payments;
    this.summary.warnings = await eraEnrollmentWarnings(this.batch.tx, fresh);
    return this.summary;
  }

  /** Stores and posts the claim payments read since the last chunk. */
  private async postPending(): Promise<void> {
    const current = this.current!;
    const payments = current.pending;
    current.pending = [];
    const claims = await this.batch.loadByControlNumber(payments.map((p) => p.patientControlNumber));
    await this.batch.routeToPayer(claims, current.namedPayerId);
    current.stored ??= await storeRemittance(
      this.batch.tx,
      this.ctx.principal.organizationId,
      current.header,
      claims,
      '',
      this.ctx.principal.userId,
    );
    if (!payments.length) return;
    const stored = await storeClaimPayments(this.batch, current.stored, payments, current.header.balance, claims);
    for (const rc of stored) {
      const claim = rc.claimId ? this.batch.claim(rc.claimId) : undefined;
      if (!claim) {
        this.summary.unmatched++;
        continue;
      }
      const outcome = await postClaimPayment(this.batch, this.ctx, rc, claim, { namedPayerId: current.namedPayerId });
      this.statusChanges.push(...outcome.statusChanges);
      this.summary.matched++;
      if (outcome.heldReason) this.summary.held++;
    }
    this.summary.claimPayments += payments.length;
    this.summary.totalPaidCents += payments.reduce((s, c) => s + c.paidCents, 0);
    await this.batch.flush();
    this.collectBalanceChanges();
    this.batch.release();
    this.options.onProgress?.({
      payments: this.summary.payments,
      claimPayments: this.summary.claimPayments,
      matched: this.summary.matched,
      unmatched: this.summary.unmatched,
      bytesRead: this.options.bytesRead(),
    });
  }

  private collectBalanceChanges(): void {
    for (const change of this.batch.posting.balanceChanges()) this.balanceChanges.set(change.patientId, change);
  }
}
