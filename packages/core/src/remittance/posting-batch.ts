import type { StatusChange } from '../claims/claim-status.ts';
import { PendingTransitions } from '../claims/pending-transitions.ts';
import type { Db, FeeScheduleEntry } from '../db/prisma-client.ts';
import { pickRate } from '../fee-schedules/schedule-amount.ts';
import type { Actor } from '../ledger/post-entries.ts';
import { Posting } from '../ledger/post-entries.ts';
import { chunks } from '../util/chunks.ts';
import type { ClaimToPost } from './post-claim-payment.ts';
import { claimAgingDate } from '../ledger/claim-charges.ts';
import { balanceBillingBarredBy, COVERAGE_ON_FILE_SELECT, nextCoverage } from './coordination-of-benefits.ts';
import type { CoverageOnFile } from './coordination-of-benefits.ts';

/** What postClaimPayment needs loaded with the claim. */
export const CLAIM_TO_POST_INCLUDE = {
  lines: { orderBy: { lineNumber: 'asc' as const } },
  patient: { select: { guarantorId: true } },
  payer: true,
  practice: { select: { timeZone: true } },
  coverage: { select: { priority: true } },
};

const OPEN_DENIAL = ['OPEN', 'IN_PROGRESS'] as const;

type ScheduledRate = FeeScheduleEntry & { feeSchedule: { practiceId: string; payerId: string | null } };

/**
 * The unit of work that posts a chunk of claim payments set-based: what posting reads of each claim (the claim
 * with its lines, its insurance balance, whether it has open work items, its payer's contracted rates) is read
 * for the whole chunk in a few queries; what it writes (ledger entries, status moves, payer claim numbers,
 * posted marks) is held and written by `flush` as multi-row statements. The uncommon cases — a reversal, a
 * secondary claim, a denial — call `flush` first and then read and write directly, so they see everything
 * posted before them.
 */
export class PostingBatch {
  readonly posting: Posting;
  readonly transitions = new PendingTransitions();
  private claims = new Map<string, ClaimToPost>();
  /** Insurance A/R per claim as committed when the claim was loaded. */
  private insuranceAtLoad = new Map<string, number>();
  private withOpenItems = new Set<string>();
  private rates: ScheduledRate[] = [];
  /** Active coverages of the loaded claims' patients, by patient: who pays after whom. */
  private coverages = new Map<string, CoverageOnFile[]>();
  private posted: string[] = [];
  private claimNumbers = new Map<string, string>();
  private lineFigures: Array<{ id: string; expectedCents: number; allowedCents: number; underpaid: boolean }> = [];
  /** How far `posting.entries` has been summed into `insuranceMoved`. */
  private summed = 0;
  private insuranceMoved = new Map<string, number>();

  constructor(
    readonly tx: Db,
    /** The tenant-scoped client the transaction was opened on (bulk writes check their rows against it). */
    readonly scoped: Db,
    organizationId: string,
    actor: Actor,
  ) {
    this.posting = new Posting(tx, organizationId, actor, { deferred: true, scoped });
  }

  /** Reads the claims a chunk of the file names (by patient control number), with what posting them needs. */
  async loadByControlNumber(numbers: readonly string[]): Promise<Map<string, ClaimToPost>> {
    const byNumber = new Map<string, ClaimToPost>();
    for (const piece of chunks([...new Set(numbers)])) {
      const found = await this.tx.claim.findMany({
        where: { patientControlNumber: { in: piece } },
        include: CLAIM_TO_POST_INCLUDE,
      });
      for (const claim of found) byNumber.set(claim.patientControlNumber, claim);
    }
    await this.load([...byNumber.values()]);
    return byNumber;
  }

  /**
   * Where the named payer is not the payer of a claim the 835 names but is the payer of a later claim for the
   * same visit (a secondary or tertiary claim, typically a crossover: the supplemental payer answers with the
   * claim number the primary forwarded), the payment belongs to that later claim. One query for the chunk.
   */
  async routeToPayer(byNumber: Map<string, ClaimToPost>, payerId: string | null): Promise<void> {
    const others = [...byNumber.values()].filter((c) => payerId && c.payerId !== payerId);
    if (!others.length) return;
    const ids = others.map((c) => c.id);
    const later = await this.tx.claim.findMany({
      where: {
        payerId: payerId!,
        status: { not: 'VOIDED' },
        OR: [{ primaryClaimId: { in: ids } }, { primaryClaim: { primaryClaimId: { in: ids } } }],
      },
      include: { ...CLAIM_TO_POST_INCLUDE, primaryClaim: { select: { id: true, primaryClaimId: true } } },
    });
    if (!later.length) return;
    await this.load(later);
    for (const [number, claim] of byNumber) {
      const found = later.find((l) => l.primaryClaimId === claim.id || l.primaryClaim?.primaryClaimId === claim.id);
      if (found) byNumber.set(number, this.claims.get(found.id)!);
    }
  }

  /** Takes claims already read into the batch, and reads their balances, open items and contracted rates. */
  async load(claims: readonly ClaimToPost[]): Promise<void> {
    await this.flush();
    const fresh = claims.filter((c) => !this.claims.has(c.id));
    for (const claim of fresh) this.claims.set(claim.id, claim);
    for (const piece of chunks(fresh.map((c) => c.id))) {
      const sums = await this.tx.ledgerEntry.groupBy({
        by: ['claimId'],
        where: { claimId: { in: piece }, account: 'INSURANCE' },
        _sum: { amountCents: true },
      });
      for (const id of piece) this.insuranceAtLoad.set(id, 0);
      for (const s of sums) this.insuranceAtLoad.set(s.claimId!, Number(s._sum.amountCents ?? 0));
      const open = await this.tx.denial.findMany({
        where: {
          status: { in: [...OPEN_DENIAL] },
          OR: [{ claimId: { in: piece } }, { correctedClaimId: { in: piece } }],
        },
        select: { claimId: true, correctedClaimId: true },
      });
      for (const d of open) for (const id of [d.claimId, d.correctedClaimId]) if (id) this.withOpenItems.add(id);
    }
    const patients = [...new Set(fresh.map((c) => c.patientId))].filter((id) => !this.coverages.has(id));
    for (const piece of chunks(patients)) {
      for (const id of piece) this.coverages.set(id, []);
      const found = await this.tx.coverage.findMany({
        where: { patientId: { in: piece }, active: true },
        select: COVERAGE_ON_FILE_SELECT,
      });
      for (const c of found) this.coverages.get(c.patientId)!.push(c);
    }
    await this.loadRates(fresh);
  }

  private async loadRates(claims: readonly ClaimToPost[]): Promise<void> {
    const schedules = [...new Map(claims.map((c) => [`${c.practiceId}|${c.payerId}`, c])).values()].map((c) => ({
      practiceId: c.practiceId,
      payerId: c.payerId,
    }));
    const codes = [...new Set(claims.flatMap((c) => c.lines.map((l) => l.procedureCode).filter(Boolean)))] as string[];
    if (!schedules.length || !codes.length) return;
    for (const piece of chunks(codes)) {
      const found = await this.tx.feeScheduleEntry.findMany({
        where: { procedureCode: { in: piece }, feeSchedule: { OR: schedules } },
        include: { feeSchedule: { select: { practiceId: true, payerId: true } } },
      });
      const known = new Set(this.rates.map((r) => r.id));
      this.rates.push(...found.filter((r) => !known.has(r.id)));
    }
  }

  claim(id: string): ClaimToPost | undefined {
    return this.claims.get(id);
  }

  /** The payer's contracted rate for a claim's line, as `scheduleAmount` would read it. */
  rate(claim: ClaimToPost, code: string, modifier: string, date: string): number | undefined {
    const schedule = this.rates.filter(
      (r) => r.feeSchedule.practiceId === claim.practiceId && r.feeSchedule.payerId === claim.payerId,
    );
    return pickRate(schedule, code, modifier, date);
  }

  /** The coverage that pays after this claim's payer for its date of service, if any. */
  nextCoverage(claim: ClaimToPost): CoverageOnFile | undefined {
    return nextCoverage(
      this.coverages.get(claim.patientId) ?? [],
      claim.coverage.priority,
      claimAgingDate(claim.lines),
    );
  }

  /** The payer of last resort whose adjudication bars billing the patient for this claim's visit, if any. */
  balanceBillingBarredBy(claim: ClaimToPost): string | undefined {
    const coverages = this.coverages.get(claim.patientId) ?? [];
    return balanceBillingBarredBy(coverages, claim.payer, claim.coverage.priority, claimAgingDate(claim.lines));
  }

  /** Whether the claim may have open work items a payment would resolve (false: it surely has none). */
  mayHaveOpenItems(claimId: string): boolean {
    return this.withOpenItems.has(claimId);
  }

  /** The claim's insurance A/R now: as loaded, plus what this batch posted to it since. */
  insuranceOwed(claimId: string): number {
    const entries = this.posting.entries;
    for (; this.summed < entries.length; this.summed++) {
      const e = entries[this.summed]!;
      if (e.claimId && e.account === 'INSURANCE')
        this.insuranceMoved.set(e.claimId, (this.insuranceMoved.get(e.claimId) ?? 0) + e.amountCents);
    }
    return (this.insuranceAtLoad.get(claimId) ?? 0) + (this.insuranceMoved.get(claimId) ?? 0);
  }

  /** A status change made directly (by a slow path) to a claim this batch holds. */
  noteStatus(change: StatusChange): void {
    const claim = this.claims.get(change.claimId);
    if (claim) claim.status = change.to;
  }

  markPosted(claimPaymentId: string): void {
    this.posted.push(claimPaymentId);
  }

  setPayerClaimNumber(claim: ClaimToPost, number: string): void {
    claim.payerClaimControlNumber = number;
    this.claimNumbers.set(claim.id, number);
  }

  setLineFigures(figures: { id: string; expectedCents: number; allowedCents: number; underpaid: boolean }): void {
    this.lineFigures.push(figures);
  }

  /** Writes everything held, in a handful of multi-row statements (plus one UPDATE per new payer claim number). */
  async flush(): Promise<void> {
    await this.posting.flush();
    await this.transitions.flush(this.tx, this.scoped);
    const posted = this.posted;
    this.posted = [];
    const postedAt = new Date();
    for (const ids of chunks(posted))
      await this.tx.remittanceClaim.updateMany({ where: { id: { in: ids } }, data: { postedAt } });
    // Usually set by the 277CA before the 835 arrives; each claim's number differs, so one UPDATE each.
    for (const [id, payerClaimControlNumber] of this.claimNumbers)
      await this.tx.claim.update({ where: { id }, data: { payerClaimControlNumber } });
    this.claimNumbers.clear();
    for (const { id, ...data } of this.lineFigures) await this.tx.remittanceServiceLine.update({ where: { id }, data });
    this.lineFigures = [];
  }

  /** Forgets the claims of a posted chunk, so that memory does not grow with the file. */
  release(): void {
    this.claims.clear();
    this.insuranceAtLoad.clear();
    this.insuranceMoved.clear();
    this.withOpenItems.clear();
    this.rates = [];
    this.coverages.clear();
    this.posting.entries.length = 0;
    this.summed = 0;
  }
}
