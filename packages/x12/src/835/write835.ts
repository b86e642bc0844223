import { centsToDecimal, milliToDecimal, toX12Date } from '../values.ts';
import { compositeOf, writeInterchange } from '../writer/interchange.ts';
import type { GroupOptions, InterchangeOptions, SegmentElements, WriteOptions } from '../writer/interchange.ts';
import type {
  Adjustment,
  ClaimPayment,
  Party,
  PartyName,
  PaymentHeader,
  ProviderAdjustment,
  ServicePayment,
} from './types.ts';

type Optional<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

/** An 835 to write: the model `parse835` reads, without what the reader derives (findings, indexes). */
export interface Remittance835Input {
  interchange: InterchangeOptions;
  group: GroupOptions;
  transaction: { controlNumber: string };
  payment: PaymentHeader;
  payer: Optional<Party, 'references'>;
  payee: Optional<Party, 'references'>;
  claims: Array<
    Optional<Omit<ClaimPayment, 'services'>, 'segmentIndex' | 'remarkCodes' | 'amounts' | 'adjustments'> & {
      services: Array<Optional<ServicePayment, 'segmentIndex' | 'remarkCodes' | 'adjustments' | 'unitsPaidMilli'>>;
    }
  >;
  providerAdjustments?: ProviderAdjustment[];
}

/** CAS segments: one per group code, up to six triplets each. */
function casSegments(adjustments: Adjustment[] = []): SegmentElements[] {
  const groups = new Map<string, Adjustment[]>();
  for (const a of adjustments) groups.set(a.groupCode, [...(groups.get(a.groupCode) ?? []), a]);
  const out: SegmentElements[] = [];
  for (const [group, list] of groups) {
    for (let i = 0; i < list.length; i += 6) {
      out.push([
        'CAS',
        group,
        ...list
          .slice(i, i + 6)
          .flatMap((a) => [
            a.reasonCode,
            centsToDecimal(a.amountCents),
            a.quantityMilli === undefined ? '' : milliToDecimal(a.quantityMilli),
          ]),
      ]);
    }
  }
  return out;
}

function nm1(n: PartyName): SegmentElements {
  return [
    'NM1',
    n.entityCode,
    n.entityCode === 'QC' || n.entityCode === 'IL' || n.entityCode === '74' ? '1' : '2',
    n.lastOrOrganizationName,
    n.firstName ?? '',
    n.middleName ?? '',
    '',
    n.suffix ?? '',
    n.idQualifier ?? '',
    n.id ?? '',
  ];
}

function party(code: string, p: Optional<Party, 'references'>): SegmentElements[] {
  return [
    ['N1', code, p.name, p.idQualifier ?? '', p.id ?? ''],
    ...(p.address
      ? [
          ['N3', ...p.address.lines],
          ['N4', p.address.city ?? '', p.address.state ?? '', p.address.postalCode ?? ''],
        ]
      : []),
    ...Object.entries(p.references ?? {}).map(([q, v]) => ['REF', q, v]),
  ];
}

/**
 * Writes an 835 (005010X221A1) health care claim payment/advice: the payment, payer and payee, each claim payment
 * with its adjustments, service lines and remarks, and provider-level adjustments. Money is integer cents in,
 * decimals out; `parse835` reads back what this writes.
 */
export function write835(r: Remittance835Input, options: WriteOptions = {}): string {
  const p = r.payment;
  const body: SegmentElements[] = [
    [
      'BPR',
      p.handlingCode,
      centsToDecimal(p.amountCents),
      p.creditDebit,
      p.method,
      p.paymentFormat ?? '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      p.paymentDate ? toX12Date(p.paymentDate) : '',
    ],
    ['TRN', '1', p.traceNumber, p.originatorId ?? ''],
    ...(p.productionDate ? [['DTM', '405', toX12Date(p.productionDate)]] : []),
    ...party('PR', r.payer),
    ...party('PE', r.payee),
  ];
  if (r.claims.length) body.push(['LX', '1']);
  for (const c of r.claims) {
    body.push([
      'CLP',
      c.patientControlNumber,
      c.statusCode,
      centsToDecimal(c.chargeCents),
      centsToDecimal(c.paidCents),
      centsToDecimal(c.patientResponsibilityCents),
      c.filingIndicator ?? '',
      c.payerClaimControlNumber ?? '',
      c.facilityTypeCode ?? '',
      c.frequencyCode ?? '',
    ]);
    body.push(...casSegments(c.adjustments));
    for (const name of [c.patient, c.insured, c.correctedPatient, c.renderingProvider]) if (name) body.push(nm1(name));
    if (c.remarkCodes?.length) body.push(['MOA', '', '', ...c.remarkCodes.slice(0, 5)]);
    if (c.serviceDateStart) body.push(['DTM', '232', toX12Date(c.serviceDateStart)]);
    if (c.serviceDateEnd) body.push(['DTM', '233', toX12Date(c.serviceDateEnd)]);
    if (c.receivedDate) body.push(['DTM', '050', toX12Date(c.receivedDate)]);
    for (const [q, cents] of Object.entries(c.amounts ?? {})) body.push(['AMT', q, centsToDecimal(cents)]);
    for (const s of c.services) {
      const units = s.unitsPaidMilli === undefined || s.unitsPaidMilli === 1000 ? '' : milliToDecimal(s.unitsPaidMilli);
      body.push([
        'SVC',
        compositeOf([s.procedure.qualifier, s.procedure.code, ...s.procedure.modifiers]),
        centsToDecimal(s.chargeCents),
        centsToDecimal(s.paidCents),
        s.revenueCode ?? '',
        units,
      ]);
      if (s.serviceDate) body.push(['DTM', '472', toX12Date(s.serviceDate)]);
      body.push(...casSegments(s.adjustments));
      if (s.lineControlNumber) body.push(['REF', '6R', s.lineControlNumber]);
      if (s.allowedCents !== undefined) body.push(['AMT', 'B6', centsToDecimal(s.allowedCents)]);
      for (const code of s.remarkCodes ?? []) body.push(['LQ', 'HE', code]);
    }
  }
  for (const a of r.providerAdjustments ?? []) {
    body.push([
      'PLB',
      a.providerId,
      toX12Date(a.fiscalPeriodDate ?? p.paymentDate ?? '2000-12-31'),
      compositeOf([a.reasonCode, a.reference]),
      centsToDecimal(a.amountCents),
    ]);
  }
  return writeInterchange(r, 'HP', '835', '005010X221A1', body, options);
}
