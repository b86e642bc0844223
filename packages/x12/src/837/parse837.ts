import { EnvelopeValidator, fail } from '../envelope.ts';
import type { EnvelopeContext, EnvelopeOptions } from '../envelope.ts';
import { scanInput } from '../tokenizer.ts';
import type { Segment } from '../tokenizer.ts';
import { cents, composite, date, dateFromText, optionalCents, quantityMilli, required, text } from '../values.ts';
import type { X12ParseError } from '../x12-parse-error.ts';
import { COMPONENT, REPETITION } from '../writer/interchange.ts';
import type {
  AdjustmentGroup,
  Amount,
  BillingProviderLoop,
  Claim837,
  DateValue,
  LineAdjudication,
  NamedEntity,
  OtherPayer,
  PatientLoop,
  Procedure,
  RawSegment,
  Reference,
  ServiceLine837,
  Submission837,
  SubscriberLoop,
} from './types.ts';

export interface Parse837Result {
  submissions: Submission837[];
  /** Trailer mismatches, when read with `trailers: 'report'`. */
  warnings: X12ParseError[];
}

/** Segments that belong to the NM1 loop just opened, until any other segment appears. */
const ENTITY_SEGMENTS = new Set(['N3', 'N4', 'DMG', 'PRV', 'PER', 'REF', 'DTP']);

/**
 * Parses 837P and 837I files into the typed model that `write837P`/`write837I` write, so a file read and written
 * back gives the same segments. Each transaction set becomes one submission.
 */
export function parse837(input: string | Uint8Array, options: EnvelopeOptions = {}): Parse837Result {
  const submissions: Submission837[] = [];
  let builder: SubmissionBuilder | undefined;
  const envelope = new EnvelopeValidator(
    {
      start(context, st) {
        if (context.transaction.id !== '837')
          fail('WRONG_TRANSACTION', `Expected an 837 transaction set, found ${context.transaction.id}`, st, 1);
        builder = new SubmissionBuilder(context);
      },
      segment: (segment) => builder!.push(segment),
      end: () => submissions.push(builder!.finish()),
    },
    options,
  );
  scanInput(input, (segment) => envelope.push(segment));
  envelope.finish();
  return { submissions, warnings: envelope.warnings };
}

class SubmissionBuilder {
  private readonly submission: Submission837;
  private provider: BillingProviderLoop | undefined;
  private subscriber: SubscriberLoop | undefined;
  private patient: PatientLoop | undefined;
  private claim: Claim837 | undefined;
  private otherPayer: OtherPayer | undefined;
  private line: ServiceLine837 | undefined;
  private adjudication: LineAdjudication | undefined;
  private inDrug = false;
  private entity: NamedEntity | undefined;
  private level = '';

  constructor(context: EnvelopeContext) {
    const i = context.interchange;
    const version = context.transaction.implementationReference ?? context.group.version;
    this.submission = {
      kind: version.includes('X223') ? 'institutional' : 'professional',
      interchange: {
        authorizationQualifier: i.authorizationQualifier,
        authorization: i.authorization,
        securityQualifier: i.securityQualifier,
        security: i.security,
        senderQualifier: i.senderQualifier,
        senderId: i.senderId,
        receiverQualifier: i.receiverQualifier,
        receiverId: i.receiverId,
        date: i.date,
        time: i.time,
        controlNumber: i.controlNumber,
        acknowledgmentRequested: i.acknowledgmentRequested,
        usage: i.usage,
      },
      group: {
        senderCode: context.group.senderCode,
        receiverCode: context.group.receiverCode,
        date: context.group.date,
        time: context.group.time,
        controlNumber: context.group.controlNumber,
      },
      transaction: { controlNumber: context.transaction.controlNumber },
      header: { purpose: '', referenceId: '', date: '', time: '', type: '' },
      submitter: undefined as unknown as NamedEntity,
      receiver: undefined as unknown as NamedEntity,
      billingProviders: [],
    };
  }

  finish(): Submission837 {
    if (!this.submission.submitter) fail('MISSING_SEGMENT', 'The 837 has no NM1*41 (submitter)', undefined);
    return this.submission;
  }

  push(s: Segment): void {
    if (this.entity && ENTITY_SEGMENTS.has(s.id) && this.entityOwns(s)) {
      this.entitySegment(this.entity, s);
      return;
    }
    this.entity = undefined;
    switch (s.id) {
      case 'BHT':
        this.submission.header = {
          purpose: s.elements[2] ?? '',
          referenceId: s.elements[3] ?? '',
          date: date(s, 4) ?? '',
          time: s.elements[5] ?? '',
          type: s.elements[6] ?? '',
        };
        return;
      case 'HL':
        return this.hierarchy(s);
      case 'NM1':
        return this.name(s);
      case 'PRV':
        if (this.level === '20' && this.provider && !this.provider.provider) {
          this.provider.specialty = {
            code: s.elements[1] ?? '',
            qualifier: s.elements[2] ?? '',
            taxonomy: s.elements[3] ?? '',
          };
          return;
        }
        break;
      case 'CUR':
        if (this.level === '20' && this.provider && !this.claim) {
          this.provider.currency = raw(s).slice(1);
          return;
        }
        break;
      case 'SBR':
        if (this.claim) {
          this.line = undefined;
          this.otherPayer = { ...sbr(s), adjustmentGroups: [], amounts: [], names: [], extra: [] };
          this.claim.otherPayers.push(this.otherPayer);
        } else if (this.subscriber) Object.assign(this.subscriber, sbr(s));
        return;
      case 'PAT':
        if (this.patient && !this.claim) {
          this.patient.relationship = s.elements[1] ?? '';
          if (s.elements.length > 2) this.patient.patExtra = raw(s).slice(2);
          return;
        }
        if (this.subscriber && !this.claim) {
          this.subscriber.pat = raw(s).slice(1);
          return;
        }
        break;
      case 'CLM':
        return this.startClaim(s);
      case 'LX':
        return this.startLine(s);
      default:
        break;
    }
    this.loopSegment(s);
  }

  /** REF/DTP after an NM1 are the entity's only where the guide puts them there. */
  private entityOwns(s: Segment): boolean {
    return s.id !== 'DTP' || (this.otherPayer !== undefined && !this.line);
  }

  private hierarchy(s: Segment): void {
    this.level = s.elements[3] ?? '';
    this.claim = undefined;
    this.otherPayer = undefined;
    this.line = undefined;
    this.adjudication = undefined;
    if (this.level === '20') {
      this.provider = { provider: undefined as unknown as NamedEntity, payTo: [], subscribers: [] };
      this.submission.billingProviders.push(this.provider);
      this.subscriber = undefined;
      this.patient = undefined;
    } else if (this.level === '22') {
      this.subscriber = {
        payerResponsibility: '',
        subscriber: undefined as unknown as NamedEntity,
        payer: undefined as unknown as NamedEntity,
        claims: [],
        patients: [],
      };
      (
        this.provider ?? fail('UNEXPECTED_SEGMENT', 'A subscriber HL before any billing provider HL', s)
      ).subscribers.push(this.subscriber);
      this.patient = undefined;
    } else if (this.level === '23') {
      this.patient = { relationship: '', patient: undefined as unknown as NamedEntity, claims: [] };
      (this.subscriber ?? fail('UNEXPECTED_SEGMENT', 'A patient HL before any subscriber HL', s)).patients.push(
        this.patient,
      );
    } else {
      fail('BAD_ELEMENT', `HL03 "${this.level}" is not a level of an 837 (20, 22 or 23)`, s, 3);
    }
  }

  private name(s: Segment): void {
    const entity = namedEntity(s);
    this.entity = entity;
    const code = entity.entityCode;
    if (!this.provider) {
      if (code === '41') this.submission.submitter = entity;
      else if (code === '40') this.submission.receiver = entity;
      else fail('UNEXPECTED_SEGMENT', `NM1*${code} before the billing provider`, s);
    } else if (this.line) {
      this.inDrug = false;
      this.adjudication = undefined;
      this.line.names.push(entity);
    } else if (this.otherPayer) this.otherPayer.names.push(entity);
    else if (this.claim) this.claim.names.push(entity);
    else if (this.patient) this.patient.patient = entity;
    else if (this.subscriber) {
      if (code === 'PR') this.subscriber.payer = entity;
      else this.subscriber.subscriber = entity;
    } else if (code === '85') this.provider.provider = entity;
    else this.provider.payTo.push(entity);
  }

  private startClaim(s: Segment): void {
    const owner =
      this.patient ?? this.subscriber ?? fail('UNEXPECTED_SEGMENT', 'CLM outside a subscriber or patient loop', s);
    const [facilityCode = '', facilityCodeQualifier = '', frequencyCode = ''] = composite(s, 5);
    const clmExtra: Record<number, string> = {};
    for (const position of [3, 4, 13, 14, 15, 16, 17, 18, 19, 21])
      if (s.elements[position]) clmExtra[position] = placeholders(s, s.elements[position]!);
    this.claim = {
      patientControlNumber: required(s, 1, 'patient control number'),
      totalChargeCents: cents(s, 2),
      facilityCode,
      facilityCodeQualifier,
      frequencyCode,
      providerSignature: text(s, 6),
      assignmentCode: text(s, 7),
      benefitsAssignment: text(s, 8),
      releaseOfInformation: text(s, 9),
      patientSignatureSource: text(s, 10),
      relatedCauses: text(s, 11) ? composite(s, 11) : undefined,
      specialProgram: text(s, 12),
      delayReason: text(s, 20),
      clmExtra: Object.keys(clmExtra).length ? clmExtra : undefined,
      dates: [],
      references: [],
      amounts: [],
      healthCareCodes: [],
      names: [],
      otherPayers: [],
      lines: [],
      extra: [],
    };
    owner.claims.push(this.claim);
    this.otherPayer = undefined;
    this.line = undefined;
  }

  private startLine(s: Segment): void {
    const claim = this.claim ?? fail('UNEXPECTED_SEGMENT', 'LX outside a claim', s);
    this.line = {
      lineNumber: Number(required(s, 1, 'line number')),
      dates: [],
      references: [],
      amounts: [],
      names: [],
      adjudications: [],
      extra: [],
    };
    claim.lines.push(this.line);
    this.otherPayer = undefined;
    this.adjudication = undefined;
    this.inDrug = false;
  }

  /** A segment of the innermost open loop. */
  private loopSegment(s: Segment): void {
    if (this.adjudication && s.id !== 'LQ' && s.id !== 'FRM' && s.id !== 'SVD') {
      const a = this.adjudication;
      if (s.id === 'CAS') a.adjustmentGroups.push(adjustmentGroup(s));
      else if (s.id === 'DTP' && isTypedDate(s)) a.dates.push(dateValue(s));
      else if (s.id === 'AMT') a.amounts.push(amount(s));
      else a.extra.push(raw(s));
      return;
    }
    if (this.line) return this.lineSegment(this.line, s);
    if (this.otherPayer) {
      const p = this.otherPayer;
      if (s.id === 'CAS') p.adjustmentGroups.push(adjustmentGroup(s));
      else if (s.id === 'AMT') p.amounts.push(amount(s));
      else if (s.id === 'OI') p.otherInsurance = raw(s).slice(1);
      else p.extra.push(raw(s));
      return;
    }
    if (this.claim) {
      const c = this.claim;
      if (s.id === 'DTP' && isTypedDate(s)) c.dates.push(dateValue(s));
      else if (s.id === 'CL1' && s.elements.length <= 4)
        c.institutionalCodes = { admissionType: text(s, 1), admissionSource: text(s, 2), patientStatus: text(s, 3) };
      else if (s.id === 'AMT') c.amounts.push(amount(s));
      else if (s.id === 'REF' && s.elements.length <= 3) c.references.push(reference(s));
      else if (s.id === 'HI')
        c.healthCareCodes.push(
          s.elements.slice(1).map((_, i) => {
            const [qualifier = '', code = '', ...rest] = composite(s, i + 1);
            return { qualifier, code, rest };
          }),
        );
      else c.extra.push(raw(s));
      return;
    }
    fail('UNEXPECTED_SEGMENT', `${s.id} is not expected here`, s);
  }

  private lineSegment(line: ServiceLine837, s: Segment): void {
    switch (s.id) {
      case 'SV1': {
        // Pointers are digits, so any other character separates them (some senders use `>` under ISA16 `:`).
        const pointers = (s.elements[7] ?? '')
          .split(/[^0-9.]+/)
          .filter(Boolean)
          .map(Number);
        line.professional = {
          procedure: procedure(composite(s, 1)),
          chargeCents: cents(s, 2),
          unitBasis: s.elements[3] ?? '',
          unitsMilli: quantityMilli(s, 4) ?? 0,
          placeOfService: text(s, 5),
          diagnosisPointers: pointers,
        };
        const indicators = {
          emergency: text(s, 9),
          epsdt: text(s, 11),
          familyPlanning: text(s, 12),
          copayStatus: text(s, 15),
        };
        if (Object.values(indicators).some(Boolean)) line.professional.indicators = indicators;
        return;
      }
      case 'SV2':
        line.institutional = {
          revenueCode: s.elements[1] ?? '',
          procedure: text(s, 2) ? procedure(composite(s, 2)) : undefined,
          chargeCents: cents(s, 3),
          unitBasis: s.elements[4] ?? '',
          unitsMilli: quantityMilli(s, 5) ?? 0,
          nonCoveredCents: optionalCents(s, 7),
        };
        return;
      case 'LIN':
        this.inDrug = true;
        line.drug = {
          linExtra: raw(s).slice(1, s.elements.length - 2),
          qualifier: s.elements.at(-2) ?? '',
          ndc: s.elements.at(-1) ?? '',
          references: [],
        };
        return;
      case 'CTP':
        if (this.inDrug && line.drug) {
          line.drug.quantityMilli = quantityMilli(s, 4);
          line.drug.unit = composite(s, 5)[0] || undefined;
          if (s.elements.length > 6) line.drug.ctpExtra = raw(s).slice(6);
          return;
        }
        break;
      case 'REF':
        if (this.inDrug && line.drug) line.drug.references.push(reference(s));
        else if (s.elements.length <= 3) line.references.push(reference(s));
        else line.extra.push(raw(s));
        return;
      case 'SVD': {
        this.inDrug = false;
        const [qualifier = '', code = '', ...rest] = composite(s, 3);
        this.adjudication = {
          payerId: s.elements[1] ?? '',
          paidCents: cents(s, 2),
          procedure: s.has(3) ? procedure([qualifier, code, ...rest]) : undefined,
          revenueCode: text(s, 4),
          unitsMilli: quantityMilli(s, 5),
          bundledLineNumber: text(s, 6),
          adjustmentGroups: [],
          dates: [],
          amounts: [],
          extra: [],
        };
        line.adjudications.push(this.adjudication);
        return;
      }
      case 'DTP':
        if (isTypedDate(s)) {
          line.dates.push(dateValue(s));
          return;
        }
        break;
      case 'AMT':
        line.amounts.push(amount(s));
        return;
      default:
        break;
    }
    if (s.id === 'LQ') this.adjudication = undefined;
    line.extra.push(raw(s));
  }

  private entitySegment(e: NamedEntity, s: Segment): void {
    switch (s.id) {
      case 'N3':
        e.address ??= { lines: [] };
        e.address.lines = s.elements.slice(1);
        return;
      case 'N4':
        e.address ??= { lines: [] };
        Object.assign(e.address, {
          city: text(s, 1),
          state: text(s, 2),
          postalCode: text(s, 3),
          countryCode: text(s, 4),
          countrySubdivision: text(s, 7),
        });
        if (s.elements[5] || s.elements[6]) e.extra.push(raw(s));
        return;
      case 'DMG':
        if (s.elements[1] === 'D8' && s.elements.length <= 4) {
          e.demographics = { dateOfBirth: date(s, 2), sex: text(s, 3) };
          return;
        }
        break;
      case 'PRV':
        e.specialty = { code: s.elements[1] ?? '', qualifier: s.elements[2] ?? '', taxonomy: s.elements[3] ?? '' };
        return;
      case 'REF':
        if (s.elements.length <= 3) {
          e.references.push(reference(s));
          return;
        }
        break;
      case 'PER': {
        const numbers: Array<[string, string]> = [];
        for (let p = 3; p + 1 < s.elements.length; p += 2) numbers.push([s.elements[p] ?? '', s.elements[p + 1] ?? '']);
        if (s.elements.length % 2 === 0 || s.elements.length > 9) break;
        e.contacts.push({ function: s.elements[1] ?? '', name: text(s, 2), numbers });
        return;
      }
      default:
        break;
    }
    e.extra.push(raw(s));
  }
}

/** Elements with the file's separators swapped for the writer's placeholders. */
function raw(s: Segment): RawSegment {
  return s.elements.map((e) => placeholders(s, e));
}

function placeholders(s: Segment, element: string): string {
  let out = element.split(s.delimiters.component).join(COMPONENT);
  if (s.delimiters.repetition) out = out.split(s.delimiters.repetition).join(REPETITION);
  return out;
}

function namedEntity(s: Segment): NamedEntity {
  const e: NamedEntity = {
    entityCode: s.elements[1] ?? '',
    entityType: s.elements[2] ?? '',
    name: s.elements[3] ?? '',
    firstName: text(s, 4),
    middleName: text(s, 5),
    prefix: text(s, 6),
    suffix: text(s, 7),
    idQualifier: text(s, 8),
    id: text(s, 9),
    references: [],
    contacts: [],
    extra: [],
  };
  if (s.elements.length > 10) e.nameExtra = raw(s).slice(10);
  return e;
}

function sbr(s: Segment) {
  return {
    payerResponsibility: s.elements[1] ?? '',
    relationship: text(s, 2),
    groupNumber: text(s, 3),
    groupName: text(s, 4),
    insuranceType: text(s, 5),
    filingIndicator: text(s, 9),
  };
}

function procedure(parts: string[]): Procedure {
  const [qualifier = '', code = '', m1 = '', m2 = '', m3 = '', m4 = '', description] = parts;
  return { qualifier, code, modifiers: [m1, m2, m3, m4].filter(Boolean), description: description || undefined };
}

function reference(s: Segment): Reference {
  return { qualifier: s.elements[1] ?? '', value: s.elements[2] ?? '' };
}

function amount(s: Segment): Amount {
  return { qualifier: s.elements[1] ?? '', amountCents: cents(s, 2) };
}

function isTypedDate(s: Segment): boolean {
  return (
    (s.elements[2] === 'D8' && /^\d{8}$/.test(s.elements[3] ?? '')) ||
    (s.elements[2] === 'RD8' && /^\d{8}-\d{8}$/.test(s.elements[3] ?? ''))
  );
}

function dateValue(s: Segment): DateValue {
  const [from = '', to] = (s.elements[3] ?? '').split('-');
  const asDate = (value: string) => dateFromText(value, s, 3)!;
  return to
    ? { qualifier: s.elements[1] ?? '', date: asDate(from), endDate: asDate(to) }
    : { qualifier: s.elements[1] ?? '', date: asDate(from) };
}

function adjustmentGroup(s: Segment): AdjustmentGroup {
  const group: AdjustmentGroup = { groupCode: s.elements[1] ?? '', adjustments: [] };
  for (let p = 2; p <= 17; p += 3) {
    if (!s.elements[p]) continue;
    const adjustment: AdjustmentGroup['adjustments'][number] = {
      reasonCode: s.elements[p]!,
      amountCents: cents(s, p + 1),
    };
    const quantity = quantityMilli(s, p + 2);
    if (quantity !== undefined) adjustment.quantityMilli = quantity;
    group.adjustments.push(adjustment);
  }
  return group;
}
