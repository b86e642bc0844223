import { fail } from '../envelope.ts';
import type { EnvelopeContext, SegmentLocation } from '../envelope.ts';
import { SEGMENT_KEY_COUNT, segmentKey } from '../segment-reader.ts';
import type { SegmentReader } from '../segment-reader.ts';
import type { Segment } from '../tokenizer.ts';
import { X12ParseError } from '../x12-parse-error.ts';
import { claimFindings, paymentFinding } from './balancing.ts';
import type {
  Adjustment,
  ClaimPayment,
  Party,
  PartyName,
  PaymentHeader,
  Procedure,
  ProviderAdjustment,
  Remittance835,
  ServicePayment,
} from './types.ts';

/** What the builder reports as it reads; parse835 collects it, stream835 yields it. */
export interface RemittanceSink {
  /** The payment, payer and payee, before the first claim (claims, PLBs and findings still empty). */
  header(remittance: Remittance835): void;
  claim(claim: ClaimPayment, remittance: Remittance835): void;
  /** The transaction is complete: PLB adjustments and payment-level balancing are in. */
  end(remittance: Remittance835): void;
}

type Stage = 'header' | 'payer' | 'payee' | 'claims';

/**
 * The segments the builder reads, numbered densely (0 for every other id) so `segment` switches through a jump
 * table — also in the interpreter, which runs the first segments of every cold start — instead of comparing a
 * segment's key with each case in turn.
 */
enum Read {
  Other,
  CAS,
  DTM,
  REF,
  SVC,
  CLP,
  NM1,
  AMT,
  LQ,
  MOA,
  MIA,
  BPR,
  TRN,
  N1,
  N3,
  N4,
  LX,
  PLB,
}
const READS = new Uint8Array(SEGMENT_KEY_COUNT);
for (const [id, read] of [
  ['CAS', Read.CAS],
  ['DTM', Read.DTM],
  ['REF', Read.REF],
  ['SVC', Read.SVC],
  ['CLP', Read.CLP],
  ['NM1', Read.NM1],
  ['AMT', Read.AMT],
  ['LQ', Read.LQ],
  ['MOA', Read.MOA],
  ['MIA', Read.MIA],
  ['BPR', Read.BPR],
  ['TRN', Read.TRN],
  ['N1', Read.N1],
  ['N3', Read.N3],
  ['N4', Read.N4],
  ['LX', Read.LX],
  ['PLB', Read.PLB],
] as const)
  READS[segmentKey(id)] = read;

/** Where remark codes sit: MOA03–07; MIA05 and MIA20–23. */
const MOA_REMARKS = [3, 4, 5, 6, 7];
const MIA_REMARKS = [5, 20, 21, 22, 23];

/**
 * Reads 835 (005010X221A1) transaction sets into the typed model, keeping only the claim in progress in memory.
 * The envelope hands it each transaction's ST and SE; the body segments are read in place from a
 * `SegmentReader` (a remittance is millions of segments: none of them becomes an object). Claims are handed to
 * the sink as soon as they are complete.
 */
export class RemittanceBuilder {
  private remittance: Remittance835 | undefined;
  private stage: Stage = 'header';
  private party: Party | undefined;
  private claim: ClaimPayment | undefined;
  private service: ServicePayment | undefined;
  private headerSent = false;
  /** Where the BPR was (copied: the reader moves on), for errors and the payment's balancing finding. */
  private bpr: SegmentLocation | undefined;
  private hasTrn = false;
  private paidTotal = 0;

  constructor(private readonly sink: RemittanceSink) {}

  start(context: EnvelopeContext, st: Segment): void {
    if (context.transaction.id !== '835')
      fail('WRONG_TRANSACTION', `Expected an 835 transaction set, found ${context.transaction.id}`, st, 1);
    this.remittance = {
      envelope: context,
      payment: undefined as unknown as PaymentHeader,
      payer: { name: '', references: {} },
      payee: { name: '', references: {} },
      claims: [],
      providerAdjustments: [],
      balance: [],
      warnings: [],
    };
    this.stage = 'header';
    this.party = undefined;
    this.claim = undefined;
    this.service = undefined;
    this.headerSent = false;
    this.bpr = undefined;
    this.hasTrn = false;
    this.paidTotal = 0;
  }

  /**
   * One body segment, the reader standing on its id; elements are read in increasing position. Each segment has
   * its own small method: V8 optimizes (and inlines the reader's calls into) each one on its own budget, which a
   * single switch holding all of them exhausted.
   */
  segment(s: SegmentReader): void {
    switch (READS[s.key] as Read) {
      case Read.CAS:
        return addAdjustments(s, (this.service ?? this.claimFor(s)).adjustments);
      case Read.DTM:
        return this.dateOf(s);
      case Read.REF:
        return this.reference(s);
      case Read.SVC:
        return this.servicePayment(s);
      case Read.CLP:
        return this.claimPayment(s);
      case Read.NM1:
        if (this.claim && !this.service) this.claimName(this.claim, s);
        return;
      case Read.AMT:
        return this.amount(s);
      case Read.LQ:
        if (this.service && s.is(1, 'HE')) this.service.remarkCodes.push(s.required(2, 'remark code'));
        return;
      case Read.MOA:
      case Read.MIA:
        return this.remarks(s);
      case Read.BPR:
        return this.financialInformation(s);
      case Read.TRN:
        return this.trace(s);
      case Read.N1:
        return this.partyName(s);
      case Read.N3:
        return this.partyStreet(s);
      case Read.N4:
        return this.partyPlace(s);
      case Read.LX:
        this.finishClaim();
        return this.enterClaims();
      case Read.PLB:
        this.finishClaim();
        this.enterClaims();
        this.remittance!.providerAdjustments.push(...providerAdjustments(s));
        return;
      default:
        // CUR, PER, RDM, TS3, TS2, QTY, … carry nothing the model needs; they are read and left.
        return;
    }
  }

  /** CLP: a claim payment begins (and the one before it is complete). */
  private claimPayment(s: SegmentReader): void {
    this.finishClaim();
    this.enterClaims();
    this.claim = {
      patientControlNumber: s.required(1, 'patient control number'),
      statusCode: s.required(2, 'claim status code'),
      chargeCents: s.cents(3),
      paidCents: s.cents(4),
      patientResponsibilityCents: s.optionalCents(5) ?? 0,
      filingIndicator: s.optional(6),
      payerClaimControlNumber: s.optional(7),
      facilityTypeCode: s.optional(8),
      frequencyCode: s.optional(9),
      patient: undefined,
      insured: undefined,
      correctedPatient: undefined,
      renderingProvider: undefined,
      serviceDateStart: undefined,
      serviceDateEnd: undefined,
      receivedDate: undefined,
      adjustments: [],
      remarkCodes: [],
      amounts: {},
      services: [],
      segmentIndex: s.index,
    };
  }

  /** SVC: a service line begins. */
  private servicePayment(s: SegmentReader): void {
    this.finishService();
    this.claimFor(s);
    const line = service(s);
    this.service = line;
    if (!line.procedure.code) {
      this.remittance!.warnings.push({
        message: 'SVC01-2 (the procedure code) is missing: the service cannot be matched by code',
        segmentIndex: line.segmentIndex,
        segmentId: 'SVC',
        elementPosition: 1,
      });
    }
  }

  /** REF: a service's line control number, or a payer's or payee's additional identifier. */
  private reference(s: SegmentReader): void {
    if (this.service) {
      if (s.is(1, '6R')) this.service.lineControlNumber = s.optional(2);
    } else if (!this.claim && this.party && this.stage !== 'claims') {
      this.party.references[s.element(1)] = s.element(2);
    }
  }

  /** AMT: a service's allowed amount (B6), or a claim's supplemental amounts by qualifier. */
  private amount(s: SegmentReader): void {
    if (this.service) {
      if (s.is(1, 'B6')) this.service.allowedCents = s.cents(2);
    } else if (this.claim) this.claim.amounts[s.element(1)] = s.cents(2);
  }

  /** MOA / MIA: the claim's remark codes. */
  private remarks(s: SegmentReader): void {
    const claim = this.claimFor(s);
    for (const p of READS[s.key] === Read.MOA ? MOA_REMARKS : MIA_REMARKS) {
      const code = s.optional(p);
      if (code) claim.remarkCodes.push(code);
    }
  }

  /** BPR: the payment. */
  private financialInformation(s: SegmentReader): void {
    this.bpr = { index: s.index, id: s.id, offset: s.offset };
    this.remittance!.payment = {
      handlingCode: s.required(1, 'transaction handling code'),
      amountCents: s.cents(2),
      creditDebit: s.optional(3) ?? 'C',
      method: s.required(4, 'payment method'),
      paymentFormat: s.optional(5),
      paymentDate: this.lenientDate(s, 16),
      traceNumber: '',
    };
  }

  /** TRN: the check or EFT trace number. */
  private trace(s: SegmentReader): void {
    this.hasTrn = true;
    const payment = this.remittance!.payment;
    if (payment) {
      payment.traceNumber = s.required(2, 'check or EFT trace number');
      payment.originatorId = s.optional(3);
    }
  }

  /** N1: the payer (PR) or payee (PE) loop begins. */
  private partyName(s: SegmentReader): void {
    const r = this.remittance!;
    const role = s.is(1, 'PR') ? 'payer' : s.is(1, 'PE') ? 'payee' : undefined;
    const party: Party = { name: s.optional(2) ?? '', idQualifier: s.optional(3), id: s.optional(4), references: {} };
    if (role) {
      r[role] = party;
      this.stage = role;
    }
    this.party = party;
  }

  /** N3: the party's address lines. */
  private partyStreet(s: SegmentReader): void {
    if (!this.party || this.stage === 'claims') return;
    const address = (this.party.address ??= { lines: [] });
    while (s.nextElement()) if (s.to > s.from) address.lines.push(s.text.slice(s.from, s.to));
  }

  /** N4: the party's city, state and postal code. */
  private partyPlace(s: SegmentReader): void {
    if (!this.party || this.stage === 'claims') return;
    this.party.address ??= { lines: [] };
    Object.assign(this.party.address, { city: s.optional(1), state: s.optional(2), postalCode: s.optional(3) });
  }

  end(_context: EnvelopeContext, se: Segment): void {
    this.finishClaim();
    this.enterClaims(se);
    const r = this.remittance!;
    const finding = paymentFinding(r, this.bpr!.index, this.paidTotal);
    if (finding) r.balance.push(finding);
    this.sink.end(r);
    this.remittance = undefined;
  }

  /** The header is complete once claims (or the trailer) begin; BPR, TRN and both parties are required. */
  private enterClaims(at?: Segment): void {
    if (this.headerSent) return;
    const r = this.remittance!;
    const where = at ?? this.bpr;
    if (!this.bpr) fail('MISSING_SEGMENT', 'The 835 has no BPR (financial information) segment', where);
    if (!this.hasTrn) fail('MISSING_SEGMENT', 'The 835 has no TRN (reassociation trace number) segment', where);
    if (!r.payer.name && !r.payer.id) fail('MISSING_SEGMENT', 'The 835 has no N1*PR (payer) loop', where);
    if (!r.payee.name && !r.payee.id) fail('MISSING_SEGMENT', 'The 835 has no N1*PE (payee) loop', where);
    this.stage = 'claims';
    this.party = undefined;
    this.headerSent = true;
    this.sink.header(r);
  }

  private claimFor(s: SegmentReader): ClaimPayment {
    return this.claim ?? fail('UNEXPECTED_SEGMENT', `${s.id} before any CLP (claim payment)`, s);
  }

  private claimName(claim: ClaimPayment, s: SegmentReader): void {
    const name: PartyName = {
      entityCode: s.element(1),
      lastOrOrganizationName: s.element(3),
      firstName: s.optional(4),
      middleName: s.optional(5),
      suffix: s.optional(7),
      idQualifier: s.optional(8),
      id: s.optional(9),
    };
    if (name.entityCode === 'QC') claim.patient = name;
    else if (name.entityCode === 'IL') claim.insured = name;
    else if (name.entityCode === '74') claim.correctedPatient = name;
    else if (name.entityCode === '82') claim.renderingProvider = name;
  }

  /** Informational dates: an impossible one is a warning (a payer's typo must not block posting the money). */
  private lenientDate(s: SegmentReader, position: number): string | undefined {
    try {
      return s.date(position);
    } catch (error) {
      if (!(error instanceof X12ParseError)) throw error;
      this.remittance!.warnings.push({
        message: error.message,
        segmentIndex: s.index,
        segmentId: s.id,
        elementPosition: position,
      });
      return undefined;
    }
  }

  /** DTM: the qualifier is compared in place (no string for it), the most frequent first. */
  private dateOf(s: SegmentReader): void {
    if (this.service) {
      if (s.is(1, '472') || s.is(1, '150')) this.service.serviceDate = this.lenientDate(s, 2);
      else if (s.is(1, '151')) this.service.serviceDateEnd = this.lenientDate(s, 2);
    } else if (this.claim) {
      if (s.is(1, '232')) this.claim.serviceDateStart = this.lenientDate(s, 2);
      else if (s.is(1, '233')) this.claim.serviceDateEnd = this.lenientDate(s, 2);
      else if (s.is(1, '050')) this.claim.receivedDate = this.lenientDate(s, 2);
    } else if (s.is(1, '405') && this.remittance?.payment) {
      this.remittance.payment.productionDate = this.lenientDate(s, 2);
    }
  }

  private finishService(): void {
    if (this.service && this.claim) this.claim.services.push(this.service);
    this.service = undefined;
  }

  private finishClaim(): void {
    this.finishService();
    const claim = this.claim;
    if (!claim) return;
    this.claim = undefined;
    const r = this.remittance!;
    this.paidTotal += claim.paidCents;
    claimFindings(claim, r.balance);
    this.sink.claim(claim, r);
  }
}

/** CAS: each reason/amount/quantity triplet, added to `out`. */
function addAdjustments(s: SegmentReader, out: Adjustment[]): void {
  const groupCode = s.required(1, 'claim adjustment group code');
  const before = out.length;
  // Up to six reason/amount/quantity triplets: CAS02–04, 05–07, … 17–19.
  for (let p = 2; p <= 17 && p < s.elementCount; p += 3) {
    const reasonCode = s.optional(p);
    if (!reasonCode) continue;
    out.push({ groupCode, reasonCode, amountCents: s.cents(p + 1), quantityMilli: s.quantityMilli(p + 2) });
  }
  if (out.length === before) s.fail('MISSING_ELEMENT', 'CAS02 (an adjustment reason) is required', 2);
}

function procedure(parts: string[]): Procedure {
  const [qualifier = '', code = '', ...rest] = parts;
  return { qualifier, code, modifiers: rest.slice(0, 4).filter(Boolean), description: rest[4] || undefined };
}

/**
 * SVC01 / SVC06 read in place when written with ISA16 (the usual case: one string per component and no arrays in
 * between); otherwise through `components`, which also accepts a payer's other component separator.
 */
function procedureAt(s: SegmentReader, position: number): Procedure {
  if (!s.at(position)) return procedure([]);
  const { from, to, text } = s;
  const separator = s.componentCode;
  let cut = from;
  while (cut < to && text.charCodeAt(cut) !== separator) cut++;
  if (cut === to) return procedure(s.components(position));
  const result: Procedure = { qualifier: text.slice(from, cut), code: '', modifiers: [], description: undefined };
  let component = 1;
  for (let start = cut + 1; start <= to; start = cut + 1, component++) {
    cut = start;
    while (cut < to && text.charCodeAt(cut) !== separator) cut++;
    if (component === 1) result.code = text.slice(start, cut);
    else if (component <= 5) {
      if (cut > start) result.modifiers.push(text.slice(start, cut));
    } else if (component === 6) result.description = cut > start ? text.slice(start, cut) : undefined;
  }
  return result;
}

function service(s: SegmentReader): ServicePayment {
  const segmentIndex = s.index;
  const billed = procedureAt(s, 1);
  const line: ServicePayment = {
    procedure: billed,
    chargeCents: s.cents(2),
    paidCents: s.cents(3),
    revenueCode: s.optional(4),
    unitsPaidMilli: s.quantityMilli(5) ?? 1000,
    submittedProcedure: s.has(6) ? procedureAt(s, 6) : undefined,
    submittedUnitsMilli: s.quantityMilli(7),
    serviceDate: undefined,
    serviceDateEnd: undefined,
    lineControlNumber: undefined,
    adjustments: [],
    remarkCodes: [],
    allowedCents: undefined,
    segmentIndex,
  };
  return line;
}

function providerAdjustments(s: SegmentReader): ProviderAdjustment[] {
  const providerId = s.required(1, 'provider identifier');
  const fiscalPeriodDate = s.date(2);
  const out: ProviderAdjustment[] = [];
  for (let p = 3; p <= 13; p += 2) {
    if (!s.has(p)) continue;
    const [reasonCode = '', reference] = s.components(p);
    out.push({
      providerId,
      fiscalPeriodDate,
      reasonCode,
      reference: reference || undefined,
      amountCents: s.cents(p + 1),
    });
  }
  if (out.length === 0) s.fail('MISSING_ELEMENT', 'PLB03 (an adjustment) is required', 3);
  return out;
}
