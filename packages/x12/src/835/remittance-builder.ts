import { fail } from '../envelope.ts';
import type { EnvelopeContext, TransactionHandler } from '../envelope.ts';
import type { Segment } from '../tokenizer.ts';
import { cents, composite, date, optionalCents, quantityMilli, required, text } from '../values.ts';
import { X12ParseError } from '../x12-parse-error.ts';
import { claimFindings, paymentFinding } from './balancing.ts';
import type { Adjustment, ClaimPayment, Party, PartyName, PaymentHeader, Procedure, ProviderAdjustment, Remittance835, ServicePayment } from './types.ts';

/** What the builder reports as it reads; parse835 collects it, stream835 yields it. */
export interface RemittanceSink {
  /** The payment, payer and payee, before the first claim (claims, PLBs and findings still empty). */
  header(remittance: Remittance835): void;
  claim(claim: ClaimPayment, remittance: Remittance835): void;
  /** The transaction is complete: PLB adjustments and payment-level balancing are in. */
  end(remittance: Remittance835): void;
}

type Stage = 'header' | 'payer' | 'payee' | 'claims';

/** Where remark codes sit: MOA03–07; MIA05 and MIA20–23. */
const MOA_REMARKS = [3, 4, 5, 6, 7];
const MIA_REMARKS = [5, 20, 21, 22, 23];

/**
 * Reads 835 (005010X221A1) transaction sets segment by segment into the typed model, keeping only the claim in
 * progress in memory. Claims are handed to the sink as soon as they are complete.
 */
export class RemittanceBuilder implements TransactionHandler {
  private remittance: Remittance835 | undefined;
  private stage: Stage = 'header';
  private party: Party | undefined;
  private claim: ClaimPayment | undefined;
  private service: ServicePayment | undefined;
  private headerSent = false;
  private bpr: Segment | undefined;
  private trn: Segment | undefined;
  private paidTotal = 0;

  constructor(private readonly sink: RemittanceSink) {}

  start(context: EnvelopeContext, st: Segment): void {
    if (context.transaction.id !== '835') fail('WRONG_TRANSACTION', `Expected an 835 transaction set, found ${context.transaction.id}`, st, 1);
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
    this.trn = undefined;
    this.paidTotal = 0;
  }

  segment(s: Segment): void {
    const r = this.remittance!;
    switch (s.id) {
      // The most frequent segments of a remittance first: a switch on strings compares case by case.
      case 'CAS':
        addAdjustments(s, (this.service ?? this.claimFor(s)).adjustments);
        return;
      case 'DTM':
        this.dateOf(s);
        return;
      case 'REF':
        if (this.service) {
          if (s.elementIs(1, '6R')) this.service.lineControlNumber = text(s, 2);
        } else if (!this.claim && this.party && this.stage !== 'claims') {
          this.party.references[s.element(1)] = s.element(2);
        }
        return;
      case 'SVC':
        this.finishService();
        this.claimFor(s);
        this.service = service(s);
        if (!this.service.procedure.code) {
          this.remittance!.warnings.push({ message: 'SVC01-2 (the procedure code) is missing: the service cannot be matched by code', segmentIndex: s.index, segmentId: 'SVC', elementPosition: 1 });
        }
        return;
      case 'CLP':
        this.finishClaim();
        this.enterClaims();
        this.claim = {
          patientControlNumber: required(s, 1, 'patient control number'),
          statusCode: required(s, 2, 'claim status code'),
          chargeCents: cents(s, 3),
          paidCents: cents(s, 4),
          patientResponsibilityCents: optionalCents(s, 5) ?? 0,
          filingIndicator: text(s, 6),
          payerClaimControlNumber: text(s, 7),
          facilityTypeCode: text(s, 8),
          frequencyCode: text(s, 9),
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
        return;
      case 'NM1':
        if (this.claim && !this.service) this.claimName(this.claim, s);
        return;
      case 'AMT':
        if (this.service) {
          if (s.elementIs(1, 'B6')) this.service.allowedCents = cents(s, 2);
        } else if (this.claim) this.claim.amounts[s.element(1)] = cents(s, 2);
        return;
      case 'LQ':
        if (this.service && s.elementIs(1, 'HE')) this.service.remarkCodes.push(required(s, 2, 'remark code'));
        return;
      case 'MOA':
      case 'MIA': {
        const claim = this.claimFor(s);
        for (const p of s.id === 'MOA' ? MOA_REMARKS : MIA_REMARKS) {
          const code = text(s, p);
          if (code) claim.remarkCodes.push(code);
        }
        return;
      }
      case 'BPR':
        this.bpr = s;
        r.payment = {
          handlingCode: required(s, 1, 'transaction handling code'),
          amountCents: cents(s, 2),
          creditDebit: text(s, 3) ?? 'C',
          method: required(s, 4, 'payment method'),
          paymentFormat: text(s, 5),
          paymentDate: this.lenientDate(s, 16),
          traceNumber: '',
        };
        return;
      case 'TRN':
        this.trn = s;
        if (r.payment) {
          r.payment.traceNumber = required(s, 2, 'check or EFT trace number');
          r.payment.originatorId = text(s, 3);
        }
        return;
      case 'N1': {
        const party: Party = { name: text(s, 2) ?? '', idQualifier: text(s, 3), id: text(s, 4), references: {} };
        if (s.elementIs(1, 'PR')) {
          r.payer = party;
          this.stage = 'payer';
        } else if (s.elementIs(1, 'PE')) {
          r.payee = party;
          this.stage = 'payee';
        }
        this.party = party;
        return;
      }
      case 'N3':
        if (this.party && this.stage !== 'claims') {
          this.party.address ??= { lines: [] };
          this.party.address.lines.push(...s.elements.slice(1).filter(Boolean));
        }
        return;
      case 'N4':
        if (this.party && this.stage !== 'claims') {
          this.party.address ??= { lines: [] };
          Object.assign(this.party.address, { city: text(s, 1), state: text(s, 2), postalCode: text(s, 3) });
        }
        return;
      case 'LX':
        this.finishClaim();
        this.enterClaims();
        return;
      case 'PLB':
        this.finishClaim();
        this.enterClaims();
        r.providerAdjustments.push(...providerAdjustments(s));
        return;
      default:
        // CUR, PER, RDM, TS3, TS2, QTY, … carry nothing the model needs; they are read and left.
        return;
    }
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
    if (!this.trn) fail('MISSING_SEGMENT', 'The 835 has no TRN (reassociation trace number) segment', where);
    if (!r.payer.name && !r.payer.id) fail('MISSING_SEGMENT', 'The 835 has no N1*PR (payer) loop', where);
    if (!r.payee.name && !r.payee.id) fail('MISSING_SEGMENT', 'The 835 has no N1*PE (payee) loop', where);
    this.stage = 'claims';
    this.party = undefined;
    this.headerSent = true;
    this.sink.header(r);
  }

  private claimFor(s: Segment): ClaimPayment {
    return this.claim ?? fail('UNEXPECTED_SEGMENT', `${s.id} before any CLP (claim payment)`, s);
  }

  private claimName(claim: ClaimPayment, s: Segment): void {
    const name: PartyName = {
      entityCode: s.element(1),
      lastOrOrganizationName: s.element(3),
      firstName: text(s, 4),
      middleName: text(s, 5),
      suffix: text(s, 7),
      idQualifier: text(s, 8),
      id: text(s, 9),
    };
    if (name.entityCode === 'QC') claim.patient = name;
    else if (name.entityCode === 'IL') claim.insured = name;
    else if (name.entityCode === '74') claim.correctedPatient = name;
    else if (name.entityCode === '82') claim.renderingProvider = name;
  }

  /** Informational dates: an impossible one is a warning (a payer's typo must not block posting the money). */
  private lenientDate(s: Segment, position: number): string | undefined {
    try {
      return date(s, position);
    } catch (error) {
      if (!(error instanceof X12ParseError)) throw error;
      this.remittance!.warnings.push({ message: error.message, segmentIndex: s.index, segmentId: s.id, elementPosition: position });
      return undefined;
    }
  }

  /** DTM: the qualifier is compared in place (no string for it), the most frequent first. */
  private dateOf(s: Segment): void {
    if (this.service) {
      if (s.elementIs(1, '472') || s.elementIs(1, '150')) this.service.serviceDate = this.lenientDate(s, 2);
      else if (s.elementIs(1, '151')) this.service.serviceDateEnd = this.lenientDate(s, 2);
    } else if (this.claim) {
      if (s.elementIs(1, '232')) this.claim.serviceDateStart = this.lenientDate(s, 2);
      else if (s.elementIs(1, '233')) this.claim.serviceDateEnd = this.lenientDate(s, 2);
      else if (s.elementIs(1, '050')) this.claim.receivedDate = this.lenientDate(s, 2);
    } else if (s.elementIs(1, '405') && this.remittance?.payment) {
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
function addAdjustments(s: Segment, out: Adjustment[]): void {
  const groupCode = required(s, 1, 'claim adjustment group code');
  const before = out.length;
  // Up to six reason/amount/quantity triplets: CAS02–04, 05–07, … 17–19.
  for (let p = 2; p <= 17 && p < s.elementCount; p += 3) {
    const reasonCode = text(s, p);
    if (!reasonCode) continue;
    out.push({ groupCode, reasonCode, amountCents: cents(s, p + 1), quantityMilli: quantityMilli(s, p + 2) });
  }
  if (out.length === before) fail('MISSING_ELEMENT', 'CAS02 (an adjustment reason) is required', s, 2);
}

function procedure(parts: string[]): Procedure {
  const [qualifier = '', code = '', ...rest] = parts;
  return { qualifier, code, modifiers: rest.slice(0, 4).filter(Boolean), description: rest[4] || undefined };
}

/**
 * SVC01 / SVC06 read in place when written with ISA16 (the usual case: one string per component and no arrays in
 * between); otherwise through `composite`, which also accepts a payer's other component separator.
 */
function procedureAt(s: Segment, position: number): Procedure {
  const from = s.locate(position);
  if (from < 0) return procedure([]);
  const to = s.elementEnd;
  const text = s.text;
  const separator = s.delimiters.component.charCodeAt(0);
  let cut = from;
  while (cut < to && text.charCodeAt(cut) !== separator) cut++;
  if (cut === to) return procedure(composite(s, position));
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

function service(s: Segment): ServicePayment {
  const billed = procedureAt(s, 1);
  const line: ServicePayment = {
    procedure: billed,
    chargeCents: cents(s, 2),
    paidCents: cents(s, 3),
    revenueCode: text(s, 4),
    unitsPaidMilli: quantityMilli(s, 5) ?? 1000,
    submittedProcedure: s.has(6) ? procedureAt(s, 6) : undefined,
    submittedUnitsMilli: quantityMilli(s, 7),
    serviceDate: undefined,
    serviceDateEnd: undefined,
    lineControlNumber: undefined,
    adjustments: [],
    remarkCodes: [],
    allowedCents: undefined,
    segmentIndex: s.index,
  };
  return line;
}

function providerAdjustments(s: Segment): ProviderAdjustment[] {
  const providerId = required(s, 1, 'provider identifier');
  const fiscalPeriodDate = date(s, 2);
  const out: ProviderAdjustment[] = [];
  for (let p = 3; p <= 13; p += 2) {
    if (!text(s, p)) continue;
    const [reasonCode = '', reference] = composite(s, p);
    out.push({ providerId, fiscalPeriodDate, reasonCode, reference: reference || undefined, amountCents: cents(s, p + 1) });
  }
  if (out.length === 0) fail('MISSING_ELEMENT', 'PLB03 (an adjustment) is required', s, 3);
  return out;
}
