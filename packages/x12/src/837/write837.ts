import { compositeOf as composite, writeInterchangeOf } from '../writer/interchange.ts';
import type { WriteOptions } from '../writer/interchange.ts';
import { centsToDecimal, milliToDecimal, toX12Date } from '../values.ts';
import { inGuideOrder, ORDER } from './segment-order.ts';
import { checkClaimAgainstGuide } from './guide-limits.ts';
import { X12WriteError } from '../writer/x12-write-error.ts';
import type {
  AdjustmentGroup,
  Amount,
  BillingProviderLoop,
  Claim837,
  DateValue,
  HealthCareCode,
  LineAdjudication,
  NamedEntity,
  OtherPayer,
  Procedure,
  RawSegment,
  Reference,
  ServiceLine837,
  Submission837,
} from './types.ts';

export type { WriteOptions };

const IMPLEMENTATION = { professional: '005010X222A1', institutional: '005010X223A2' } as const;

/**
 * Writes an 837P (professional) submission. HL numbers, parent ids and child codes, SE/GE/IEA counts are
 * computed; control numbers come from the input, so the same input always gives the same bytes.
 * @example writeFileSync('batch.837', write837P(submission));
 */
export function write837P(submission: Submission837, options: WriteOptions = {}): string {
  return write837({ ...submission, kind: 'professional' }, options);
}

/** Writes an 837I (institutional) submission; see write837P. */
export function write837I(submission: Submission837, options: WriteOptions = {}): string {
  return write837({ ...submission, kind: 'institutional' }, options);
}

function write837(submission: Submission837, options: WriteOptions): string {
  return writeInterchangeOf(
    submission,
    'HC',
    '837',
    IMPLEMENTATION[submission.kind],
    (add) => {
      const addAll = (segments: RawSegment[]) => segments.forEach(add);
      // A claim's problems name the claim: the first one refuses the whole file.
      const addClaim = (claim: Claim837) => {
        try {
          checkClaimAgainstGuide(claim, submission.kind);
          addAll(claimSegments(claim, submission.kind));
        } catch (error) {
          throw error instanceof X12WriteError ? error.within(`claim ${claim.patientControlNumber}`) : error;
        }
      };
      const { header } = submission;
      add(['BHT', '0019', header.purpose, header.referenceId, toX12Date(header.date), header.time, header.type]);
      addAll(entitySegments(submission.submitter));
      addAll(entitySegments(submission.receiver));
      let hl = 0;
      for (const provider of submission.billingProviders) {
        const providerHl = ++hl;
        add(['HL', String(providerHl), '', '20', provider.subscribers.length > 0 ? '1' : '0']);
        addAll(billingProviderSegments(provider));
        for (const subscriber of provider.subscribers) {
          // The subscriber's and patient's data belong to the loop's claims: name the claim when there is one.
          const claims = [...subscriber.claims, ...subscriber.patients.flatMap((p) => p.claims)];
          const owner =
            claims.length === 1
              ? `claim ${claims[0]!.patientControlNumber}`
              : `subscriber ${subscriber.subscriber.id ?? subscriber.subscriber.name}`;
          const addLoop = (segments: () => RawSegment[]) => {
            try {
              addAll(segments());
            } catch (error) {
              throw error instanceof X12WriteError ? error.within(owner) : error;
            }
          };
          const subscriberHl = ++hl;
          add(['HL', String(subscriberHl), String(providerHl), '22', subscriber.patients.length > 0 ? '1' : '0']);
          addLoop(() => [
            [
              'SBR',
              subscriber.payerResponsibility,
              subscriber.relationship ?? '',
              subscriber.groupNumber ?? '',
              subscriber.groupName ?? '',
              subscriber.insuranceType ?? '',
              '',
              '',
              '',
              subscriber.filingIndicator ?? '',
            ],
            ...(subscriber.pat ? [['PAT', ...subscriber.pat]] : []),
            ...entitySegments(subscriber.subscriber),
            ...entitySegments(subscriber.payer),
          ]);
          for (const claim of subscriber.claims) addClaim(claim);
          for (const patient of subscriber.patients) {
            add(['HL', String(++hl), String(subscriberHl), '23', '0']);
            addLoop(() => [
              ['PAT', patient.relationship, ...(patient.patExtra ?? [])],
              ...entitySegments(patient.patient),
            ]);
            for (const claim of patient.claims) addClaim(claim);
          }
        }
      }
    },
    options,
  );
}

function billingProviderSegments(provider: BillingProviderLoop): RawSegment[] {
  const out: RawSegment[] = [];
  if (provider.specialty)
    out.push(['PRV', provider.specialty.code, provider.specialty.qualifier, provider.specialty.taxonomy]);
  if (provider.currency) out.push(['CUR', ...provider.currency]);
  out.push(...entitySegments(provider.provider));
  for (const payTo of provider.payTo) out.push(...entitySegments(payTo));
  return out;
}

function entitySegments(e: NamedEntity): RawSegment[] {
  const segments: RawSegment[] = [
    [
      'NM1',
      e.entityCode,
      e.entityType,
      e.name,
      e.firstName ?? '',
      e.middleName ?? '',
      e.prefix ?? '',
      e.suffix ?? '',
      e.idQualifier ?? '',
      e.id ?? '',
      ...(e.nameExtra ?? []),
    ],
  ];
  if (e.specialty) segments.push(['PRV', e.specialty.code, e.specialty.qualifier, e.specialty.taxonomy]);
  if (e.address) {
    segments.push(['N3', ...e.address.lines]);
    segments.push([
      'N4',
      e.address.city ?? '',
      e.address.state ?? '',
      e.address.postalCode ?? '',
      e.address.countryCode ?? '',
      '',
      '',
      e.address.countrySubdivision ?? '',
    ]);
  }
  if (e.demographics)
    segments.push([
      'DMG',
      'D8',
      e.demographics.dateOfBirth ? toX12Date(e.demographics.dateOfBirth) : '',
      e.demographics.sex ?? '',
    ]);
  segments.push(...e.references.map(referenceSegment));
  for (const contact of e.contacts)
    segments.push(['PER', contact.function, contact.name ?? '', ...contact.numbers.flat()]);
  return inGuideOrder([...segments, ...e.extra], ORDER.entity);
}

function referenceSegment(r: Reference): RawSegment {
  return ['REF', r.qualifier, r.value, ...(r.extra ?? [])];
}

function dateSegment(d: DateValue): RawSegment {
  return d.endDate
    ? ['DTP', d.qualifier, 'RD8', `${toX12Date(d.date)}-${toX12Date(d.endDate)}`]
    : ['DTP', d.qualifier, 'D8', toX12Date(d.date)];
}

function amountSegment(a: Amount): RawSegment {
  return ['AMT', a.qualifier, centsToDecimal(a.amountCents)];
}

function adjustmentSegments(groups: AdjustmentGroup[]): RawSegment[] {
  return groups.map((g) => [
    'CAS',
    g.groupCode,
    ...g.adjustments.flatMap((a) => [
      a.reasonCode,
      centsToDecimal(a.amountCents),
      a.quantityMilli === undefined ? '' : milliToDecimal(a.quantityMilli),
    ]),
  ]);
}

function procedureComposite(p: Procedure): string {
  const modifiers = [...p.modifiers, '', '', '', ''].slice(0, 4);
  return composite([p.qualifier, p.code, ...modifiers, p.description]);
}

function healthCareSegment(codes: HealthCareCode[]): RawSegment {
  return ['HI', ...codes.map((c) => composite([c.qualifier, c.code, ...c.rest]))];
}

function claimSegments(claim: Claim837, kind: Submission837['kind']): RawSegment[] {
  const clm: RawSegment = [
    'CLM',
    claim.patientControlNumber,
    centsToDecimal(claim.totalChargeCents),
    '',
    '',
    composite([claim.facilityCode, claim.facilityCodeQualifier, claim.frequencyCode]),
    claim.providerSignature ?? '',
    claim.assignmentCode ?? '',
    claim.benefitsAssignment ?? '',
    claim.releaseOfInformation ?? '',
    claim.patientSignatureSource ?? '',
    claim.relatedCauses ? composite(claim.relatedCauses) : '',
    claim.specialProgram ?? '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    claim.delayReason ?? '',
  ];
  for (const [position, value] of Object.entries(claim.clmExtra ?? {})) clm[Number(position)] = value;
  const own: RawSegment[] = [clm, ...claim.dates.map(dateSegment)];
  if (claim.institutionalCodes) {
    const c = claim.institutionalCodes;
    own.push(['CL1', c.admissionType ?? '', c.admissionSource ?? '', c.patientStatus ?? '']);
  }
  own.push(
    ...claim.amounts.map(amountSegment),
    ...claim.references.map(referenceSegment),
    ...claim.healthCareCodes.map(healthCareSegment),
  );
  const out = inGuideOrder([...own, ...claim.extra], ORDER.claim);
  for (const name of claim.names) out.push(...entitySegments(name));
  for (const payer of claim.otherPayers) out.push(...otherPayerSegments(payer));
  for (const line of claim.lines) out.push(...lineSegments(line, kind));
  return out;
}

function otherPayerSegments(p: OtherPayer): RawSegment[] {
  const own: RawSegment[] = [
    [
      'SBR',
      p.payerResponsibility,
      p.relationship ?? '',
      p.groupNumber ?? '',
      p.groupName ?? '',
      p.insuranceType ?? '',
      '',
      '',
      '',
      p.filingIndicator ?? '',
    ],
    ...adjustmentSegments(p.adjustmentGroups),
    ...p.amounts.map(amountSegment),
  ];
  if (p.otherInsurance) own.push(['OI', ...p.otherInsurance]);
  const out = inGuideOrder([...own, ...p.extra], ORDER.otherPayer);
  for (const name of p.names) out.push(...entitySegments(name));
  return out;
}

function lineSegments(line: ServiceLine837, kind: Submission837['kind']): RawSegment[] {
  const own: RawSegment[] = [['LX', String(line.lineNumber)]];
  if (line.professional) {
    const p = line.professional;
    own.push([
      'SV1',
      procedureComposite(p.procedure),
      centsToDecimal(p.chargeCents),
      p.unitBasis,
      milliToDecimal(p.unitsMilli),
      p.placeOfService ?? '',
      '',
      composite(p.diagnosisPointers.map(String)),
      '',
      p.indicators?.emergency ?? '',
      '',
      p.indicators?.epsdt ?? '',
      p.indicators?.familyPlanning ?? '',
      '',
      '',
      p.indicators?.copayStatus ?? '',
    ]);
  } else if (line.institutional) {
    const s = line.institutional;
    own.push([
      'SV2',
      s.revenueCode,
      s.procedure ? procedureComposite(s.procedure) : '',
      centsToDecimal(s.chargeCents),
      s.unitBasis,
      milliToDecimal(s.unitsMilli),
      '',
      s.nonCoveredCents === undefined ? '' : centsToDecimal(s.nonCoveredCents),
    ]);
  } else {
    throw new TypeError(
      `Service line ${line.lineNumber} needs ${kind === 'professional' ? 'professional (SV1)' : 'institutional (SV2)'} details`,
    );
  }
  own.push(
    ...line.dates.map(dateSegment),
    ...line.references.map(referenceSegment),
    ...line.amounts.map(amountSegment),
  );
  const forms = line.extra.filter((s) => s[0] === 'LQ' || s[0] === 'FRM');
  const out = inGuideOrder([...own, ...line.extra.filter((s) => !forms.includes(s))], ORDER.line);
  if (line.drug) {
    const d = line.drug;
    out.push(['LIN', ...(d.linExtra ?? ['']), d.qualifier, d.ndc]);
    if (d.quantityMilli !== undefined || d.ctpExtra)
      out.push([
        'CTP',
        '',
        '',
        '',
        d.quantityMilli === undefined ? '' : milliToDecimal(d.quantityMilli),
        composite([d.unit]),
        ...(d.ctpExtra ?? []),
      ]);
    out.push(...d.references.map(referenceSegment));
  }
  for (const name of line.names) out.push(...entitySegments(name));
  for (const adjudication of line.adjudications) out.push(...adjudicationSegments(adjudication));
  out.push(...forms);
  return out;
}

function adjudicationSegments(a: LineAdjudication): RawSegment[] {
  const own: RawSegment[] = [
    [
      'SVD',
      a.payerId,
      centsToDecimal(a.paidCents),
      a.procedure ? procedureComposite(a.procedure) : '',
      a.revenueCode ?? '',
      a.unitsMilli === undefined ? '' : milliToDecimal(a.unitsMilli),
      a.bundledLineNumber ?? '',
    ],
    ...adjustmentSegments(a.adjustmentGroups),
    ...a.dates.map(dateSegment),
    ...a.amounts.map(amountSegment),
  ];
  return inGuideOrder([...own, ...a.extra], ORDER.adjudication);
}
