import { X12WriteError } from '@revcycle/x12';
import { modifiersOf } from '../claims/line-modifiers.ts';
import type {
  AdjustmentGroup,
  Claim837,
  LineAdjudication,
  NamedEntity,
  OtherPayer,
  Submission837,
} from '@revcycle/x12';
import type {
  Claim,
  ClaimLine,
  Coverage,
  Diagnosis,
  Encounter,
  EncounterCode,
  Facility,
  Guarantor,
  Organization,
  Patient,
  Payer,
  Practice,
  Provider,
  Remittance,
  RemittanceAdjustment,
  RemittanceClaim,
  RemittanceServiceLine,
} from '../db/prisma-client.ts';
import { sameService } from '../remittance/match-claims.ts';
import { institutionalHealthCareCodes } from './institutional-his.ts';

/** The primary claim of a secondary one, with the payer's posted adjudication (the latest claim payment not reversed). */
export type PriorAdjudication = Claim & {
  payer: Payer;
  coverage: Coverage;
  remittanceClaims: Array<
    RemittanceClaim & {
      remittance: Remittance;
      adjustments: RemittanceAdjustment[];
      lines: Array<RemittanceServiceLine & { adjustments: RemittanceAdjustment[] }>;
    }
  >;
  /** For a tertiary claim's secondary: the primary before it. */
  primaryClaim?: PriorAdjudication | null;
};

/** The payers before this claim's, nearest first: the secondary's and the primary's for a tertiary claim. */
export function priorsOf(c: ClaimForSubmission): PriorAdjudication[] {
  const priors: PriorAdjudication[] = [];
  for (let p = c.primaryClaim; p; p = p.primaryClaim) priors.push(p);
  return priors;
}

/** A claim with everything the 837 needs, loaded by the submitter. */
export type ClaimForSubmission = Claim & {
  lines: ClaimLine[];
  encounter: Encounter & {
    diagnoses: Diagnosis[];
    /** Institutional codes beyond the diagnoses (loaded for 837I claims). */
    codes?: EncounterCode[];
    renderingProvider: Provider;
    billingProvider: Provider | null;
    facility: Facility | null;
    attendingProvider?: Provider | null;
  };
  patient: Patient & { guarantor: Guarantor | null };
  coverage: Coverage;
  payer: Payer;
  practice: Practice;
  originalClaim: Claim | null;
  primaryClaim?: PriorAdjudication | null;
};

const RELATIONSHIP_CODES = { SELF: '18', SPOUSE: '01', CHILD: '19', OTHER: 'G8' } as const;
const SEX_CODES = { FEMALE: 'F', MALE: 'M', UNKNOWN: 'U' } as const;

function entity(
  partial: Omit<NamedEntity, 'references' | 'contacts' | 'extra'> &
    Partial<Pick<NamedEntity, 'references' | 'contacts'>>,
): NamedEntity {
  return { references: [], contacts: [], extra: [], ...partial };
}

function address(a: {
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
}) {
  return a.addressLine1
    ? {
        lines: [a.addressLine1, ...(a.addressLine2 ? [a.addressLine2] : [])],
        city: a.city ?? undefined,
        state: a.state ?? undefined,
        postalCode: a.postalCode?.replace('-', '') ?? undefined,
      }
    : undefined;
}

function claim837(c: ClaimForSubmission): Claim837 {
  return c.kind === 'INSTITUTIONAL' ? institutionalClaim837(c) : professionalClaim837(c);
}

/**
 * An 837I claim (UB-04): the type of bill as CLM05 (facility type, qualifier A, frequency), the statement period
 * (DTP*434) and admission (DTP*435), CL1 codes, ICD-10 diagnoses (ABK principal), the attending provider (71),
 * and SV2 lines with revenue codes.
 */
function institutionalClaim837(c: ClaimForSubmission): Claim837 {
  const e = c.encounter;
  const dates = c.lines.flatMap((l) => [l.serviceDate, l.serviceDateEnd ?? l.serviceDate]).sort();
  const attending = e.attendingProvider ?? e.renderingProvider;
  return {
    ...professionalClaim837(c),
    facilityCode: e.facilityTypeCode!,
    facilityCodeQualifier: 'A',
    providerSignature: undefined,
    dates: [
      { qualifier: '434', date: dates[0]!, endDate: dates.at(-1)! },
      ...(e.admissionDate ? [{ qualifier: '435', date: e.admissionDate }] : []),
    ],
    // CL1 only with something to say: an empty CL1 is invalid.
    ...(e.admissionType || e.admissionSource || e.patientStatus
      ? {
          institutionalCodes: {
            admissionType: e.admissionType ?? undefined,
            admissionSource: e.admissionSource ?? undefined,
            patientStatus: e.patientStatus ?? undefined,
          },
        }
      : {}),
    healthCareCodes: institutionalHealthCareCodes(e.diagnoses, e.codes ?? []),
    names: [
      entity({
        entityCode: '71',
        entityType: '1',
        name: attending.lastName.toUpperCase(),
        firstName: attending.firstName.toUpperCase(),
        idQualifier: 'XX',
        id: attending.npi,
        ...(attending.taxonomyCode
          ? { specialty: { code: 'AT', qualifier: 'PXC', taxonomy: attending.taxonomyCode } }
          : {}),
      }),
    ],
    lines: professionalClaim837(c).lines.map((line, i) => {
      const l = c.lines[i]!;
      const { professional: _sv1, ...rest } = line;
      const revenueCode = l.revenueCode ?? '';
      return {
        ...rest,
        // SV202 is left out when the revenue code alone describes the line; accommodation lines count days (DA).
        institutional: {
          revenueCode,
          procedure: procedureOf(l),
          chargeCents: l.chargeCents,
          unitBasis: !l.procedureCode && isAccommodation(revenueCode) ? 'DA' : 'UN',
          unitsMilli: l.unitsMilli,
        },
        dates: [
          l.serviceDateEnd
            ? { qualifier: '472', date: l.serviceDate, endDate: l.serviceDateEnd }
            : { qualifier: '472', date: l.serviceDate },
        ],
      };
    }),
  };
}

/** The line's CPT/HCPCS with its modifiers; undefined on an institutional line billed by revenue code alone. */
function procedureOf(l: ClaimLine): { qualifier: string; code: string; modifiers: string[] } | undefined {
  return l.procedureCode
    ? {
        qualifier: 'HC',
        code: l.procedureCode,
        modifiers: modifiersOf(l),
      }
    : undefined;
}

/** Loop 2410 of a drug line: its NDC (LIN*N4) with the quantity and unit given (CTP), when the line has one. */
function drugOf(l: ClaimLine): Pick<Claim837['lines'][number], 'drug'> {
  if (!l.ndcCode) return {};
  return {
    drug: {
      qualifier: 'N4',
      ndc: l.ndcCode,
      ...(l.ndcQuantityMilli === null ? {} : { quantityMilli: l.ndcQuantityMilli }),
      ...(l.ndcUnit ? { unit: l.ndcUnit } : {}),
      references: [],
    },
  };
}

/** Revenue codes 0100–0219: room and board (all-inclusive, private, semi-private, ICU, CCU …), billed in days. */
function isAccommodation(revenueCode: string): boolean {
  return /^0(1\d\d|20\d|21\d)$/.test(revenueCode);
}

function professionalClaim837(c: ClaimForSubmission): Claim837 {
  const diagnoses = c.encounter.diagnoses;
  const rendering = c.encounter.renderingProvider;
  return {
    patientControlNumber: c.patientControlNumber,
    totalChargeCents: c.totalChargeCents,
    facilityCode: c.encounter.placeOfService,
    facilityCodeQualifier: 'B',
    frequencyCode: c.frequencyCode,
    providerSignature: 'Y',
    assignmentCode: 'A',
    benefitsAssignment: 'Y',
    releaseOfInformation: 'Y',
    dates: [],
    references: [
      ...(c.originalClaim?.payerClaimControlNumber && c.frequencyCode !== '1'
        ? [{ qualifier: 'F8', value: c.originalClaim.payerClaimControlNumber }]
        : []),
      ...(c.encounter.priorAuthorization ? [{ qualifier: 'G1', value: c.encounter.priorAuthorization }] : []),
    ],
    amounts: [],
    healthCareCodes: [diagnoses.map((d, i) => ({ qualifier: i === 0 ? 'ABK' : 'ABF', code: d.code, rest: [] }))],
    names: [
      entity({
        entityCode: '82',
        entityType: '1',
        name: rendering.lastName,
        firstName: rendering.firstName,
        idQualifier: 'XX',
        id: rendering.npi,
        ...(rendering.taxonomyCode
          ? { specialty: { code: 'PE', qualifier: 'PXC', taxonomy: rendering.taxonomyCode } }
          : {}),
      }),
      ...(c.encounter.facility
        ? [
            entity({
              entityCode: '77',
              entityType: '2',
              name: c.encounter.facility.name,
              idQualifier: c.encounter.facility.npi ? 'XX' : undefined,
              id: c.encounter.facility.npi ?? undefined,
              address: address(c.encounter.facility),
            }),
          ]
        : []),
    ],
    otherPayers: priorsOf(c).flatMap((prior) => otherPayers(c, prior)),
    lines: c.lines.map((l) => ({
      lineNumber: l.lineNumber,
      professional: {
        // A professional line always has its code (the encounter and the scrub require it); institutional claims
        // replace this part with SV2 above.
        procedure: procedureOf(l) ?? { qualifier: 'HC', code: '', modifiers: [] },
        chargeCents: l.chargeCents,
        unitBasis: 'UN',
        unitsMilli: l.unitsMilli,
        diagnosisPointers: l.diagnosisPointers.split(',').map(Number),
      },
      dates: [
        l.serviceDateEnd
          ? { qualifier: '472', date: l.serviceDate, endDate: l.serviceDateEnd }
          : { qualifier: '472', date: l.serviceDate },
      ],
      references: l.lineControlNumber ? [{ qualifier: '6R', value: l.lineControlNumber }] : [],
      amounts: [],
      names: [],
      adjudications: priorsOf(c).flatMap((prior) => lineAdjudications(prior, l)),
      ...drugOf(l),
      extra: [],
    })),
    extra: [],
  };
}

const PRIORITY_CODES = { PRIMARY: 'P', SECONDARY: 'S', TERTIARY: 'T' } as const;

/**
 * CAS groups from stored adjustments: one group per group code in the order the payer sent them, six reasons a
 * CAS. A remittance's OI (other insurance) group is not an 837 group code: it goes on as OA, other adjustments.
 */
function adjustmentGroups(adjustments: RemittanceAdjustment[]): AdjustmentGroup[] {
  const groups = new Map<string, AdjustmentGroup['adjustments']>();
  for (const a of adjustments) {
    const groupCode = a.groupCode === 'OI' ? 'OA' : a.groupCode;
    const group = groups.get(groupCode) ?? [];
    group.push({
      reasonCode: a.reasonCode,
      amountCents: a.amountCents,
      ...(a.quantityMilli === null ? {} : { quantityMilli: a.quantityMilli }),
    });
    groups.set(groupCode, group);
  }
  return [...groups].flatMap(([groupCode, all]) => {
    const pieces: AdjustmentGroup[] = [];
    for (let i = 0; i < all.length; i += 6) pieces.push({ groupCode, adjustments: all.slice(i, i + 6) });
    return pieces;
  });
}

/** The payment being carried: the latest posted, non-reversal claim payment that has not been reversed since. */
export function adjudicationOf(prior: PriorAdjudication) {
  const posted = prior.remittanceClaims
    .filter((r) => r.postedAt && r.statusCode !== '22')
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  return posted[0];
}

/**
 * Loop 2320/2330 of a secondary claim: the primary payer, its claim-level adjustments and what it paid
 * (AMT*D), and the patient's remaining liability (AMT*EAF). Loop 2330B carries the payer id that each 2430 SVD
 * names.
 */
function otherPayers(c: ClaimForSubmission, prior: PriorAdjudication): OtherPayer[] {
  const paid = adjudicationOf(prior);
  const self = prior.coverage.subscriberRelationship === 'SELF';
  return [
    {
      payerResponsibility: PRIORITY_CODES[prior.coverage.priority],
      relationship: self ? '18' : RELATIONSHIP_CODES[prior.coverage.subscriberRelationship],
      groupNumber: prior.coverage.groupNumber ?? undefined,
      filingIndicator: prior.payer.claimFilingIndicator,
      adjustmentGroups: paid ? adjustmentGroups(paid.adjustments) : [],
      amounts: paid
        ? [
            { qualifier: 'D', amountCents: paid.paidCents },
            { qualifier: 'EAF', amountCents: paid.patientResponsibilityCents },
          ]
        : [],
      otherInsurance: ['', '', 'Y', '', '', 'Y'],
      names: [
        entity({
          entityCode: 'IL',
          entityType: '1',
          name: (self ? c.patient.lastName : (prior.coverage.subscriberLastName ?? c.patient.lastName)).toUpperCase(),
          firstName:
            (self ? c.patient.firstName : (prior.coverage.subscriberFirstName ?? '')).toUpperCase() || undefined,
          idQualifier: 'MI',
          id: prior.coverage.memberId,
        }),
        {
          // 2330B: DTP*573 is the date the primary paid (its remittance), REF*F8 its claim number.
          ...entity({
            entityCode: 'PR',
            entityType: '2',
            name: prior.payer.name.toUpperCase(),
            idQualifier: 'PI',
            id: prior.payer.payerIdentifier,
            references: paid?.payerClaimControlNumber ? [{ qualifier: 'F8', value: paid.payerClaimControlNumber }] : [],
          }),
          extra: paid?.remittance.paymentDate
            ? [['DTP', '573', 'D8', paid.remittance.paymentDate.replaceAll('-', '')]]
            : [],
        },
      ],
      extra: [],
    },
  ];
}

/** Loop 2430 for one line: what the primary payer paid and adjusted on it, and when. */
function lineAdjudications(prior: PriorAdjudication, line: ClaimLine): LineAdjudication[] {
  const paid = adjudicationOf(prior);
  // By the line control number we sent, else by the rule the import matched lines with (code, or revenue code alone).
  const priorLine =
    paid?.lines.find((l) => l.lineControlNumber === `${prior.patientControlNumber}-${line.lineNumber}`) ??
    paid?.lines.find((l) => sameService(line, l));
  if (!paid || !priorLine) return [];
  return [
    {
      payerId: prior.payer.payerIdentifier,
      paidCents: priorLine.paidCents,
      // SVD03 is the procedure the payer adjudicated, left out when it paid by revenue code alone; SVD04 the revenue code.
      procedure: line.procedureCode
        ? { qualifier: 'HC', code: priorLine.procedureCode, modifiers: priorLine.modifiers?.split(',') ?? [] }
        : undefined,
      ...(line.revenueCode ? { revenueCode: line.revenueCode } : {}),
      unitsMilli: priorLine.unitsMilli ?? line.unitsMilli,
      adjustmentGroups: adjustmentGroups(priorLine.adjustments),
      dates: paid.remittance.paymentDate ? [{ qualifier: '573', date: paid.remittance.paymentDate }] : [],
      amounts: [],
      extra: [],
    },
  ];
}

export interface EnvelopeIds {
  senderId: string;
  receiverId: string;
  /** ISA07. */
  receiverQualifier: string;
  /** 1000B NM103. */
  receiverName: string;
  interchangeControlNumber: number;
  usage: 'P' | 'T';
  now: Date;
}

/** The submitter's phone: the first practice of the batch that has one, as 10 digits. */
function contactPhone(claims: ClaimForSubmission[]): string {
  const phone = claims.map((c) => (c.practice.phone ?? '').replace(/\D/g, '')).find((p) => p.length === 10);
  if (!phone)
    throw new X12WriteError('MISSING', 'no practice of this batch has a 10-digit phone for the contact', 'PER', 4);
  return phone;
}

/**
 * One 837P interchange for claims going through one connector: a billing-provider loop per practice and a
 * subscriber loop per claim (a patient loop under it when the patient is a dependent).
 */
export function submission837(
  organization: Organization,
  claims: ClaimForSubmission[],
  ids: EnvelopeIds,
): Submission837 {
  const kind = claims[0]?.kind === 'INSTITUTIONAL' ? 'institutional' : 'professional';
  const date = ids.now.toISOString().slice(0, 10);
  const time = ids.now.toISOString().slice(11, 16).replace(':', '');
  const control = String(ids.interchangeControlNumber);
  const practices = new Map<string, ClaimForSubmission[]>();
  for (const c of claims) practices.set(c.practiceId, [...(practices.get(c.practiceId) ?? []), c]);
  return {
    kind,
    interchange: {
      senderQualifier: 'ZZ',
      senderId: ids.senderId,
      receiverQualifier: ids.receiverQualifier,
      receiverId: ids.receiverId,
      date,
      time,
      controlNumber: control.padStart(9, '0'),
      usage: ids.usage,
    },
    group: { senderCode: ids.senderId, receiverCode: ids.receiverId, date, time, controlNumber: control },
    transaction: { controlNumber: '0001' },
    header: { purpose: '00', referenceId: control, date, time, type: 'CH' },
    submitter: entity({
      entityCode: '41',
      entityType: '2',
      name: organization.name.toUpperCase().slice(0, 60),
      idQualifier: '46',
      id: ids.senderId,
      // 1000A PER: the billing office a clearinghouse calls (the scrub requires the practice's phone).
      contacts: [{ function: 'IC', name: 'BILLING OFFICE', numbers: [['TE', contactPhone(claims)]] }],
    }),
    receiver: entity({
      entityCode: '40',
      entityType: '2',
      name: ids.receiverName.toUpperCase(),
      idQualifier: '46',
      id: ids.receiverId,
    }),
    billingProviders: [...practices.values()].map((group) => {
      const practice = group[0]!.practice;
      return {
        ...(practice.taxonomyCode
          ? { specialty: { code: 'BI', qualifier: 'PXC', taxonomy: practice.taxonomyCode } }
          : {}),
        provider: entity({
          entityCode: '85',
          entityType: '2',
          name: practice.name.toUpperCase(),
          idQualifier: 'XX',
          id: practice.npi,
          address: address(practice),
          references: [{ qualifier: 'EI', value: practice.taxId }],
        }),
        payTo: [],
        subscribers: group.map((c) => {
          const self = c.coverage.subscriberRelationship === 'SELF';
          const patient = entity({
            entityCode: self ? 'IL' : 'QC',
            entityType: '1',
            name: c.patient.lastName.toUpperCase(),
            firstName: c.patient.firstName.toUpperCase(),
            ...(self ? { idQualifier: 'MI', id: c.coverage.memberId } : {}),
            address: address(c.patient),
            demographics: { dateOfBirth: c.patient.dateOfBirth, sex: SEX_CODES[c.patient.sex] },
          });
          const subscriber = self
            ? patient
            : entity({
                entityCode: 'IL',
                entityType: '1',
                name: (c.coverage.subscriberLastName ?? '').toUpperCase(),
                firstName: c.coverage.subscriberFirstName?.toUpperCase(),
                idQualifier: 'MI',
                id: c.coverage.memberId,
                address: address(c.patient),
                // 2010BA DMG only when the subscriber is the patient: the guide says not to send it otherwise.
              });
          return {
            payerResponsibility: ({ PRIMARY: 'P', SECONDARY: 'S', TERTIARY: 'T' } as const)[c.coverage.priority],
            relationship: self ? '18' : undefined,
            groupNumber: c.coverage.groupNumber ?? undefined,
            filingIndicator: c.payer.claimFilingIndicator,
            subscriber,
            payer: entity({
              entityCode: 'PR',
              entityType: '2',
              name: c.payer.name.toUpperCase(),
              idQualifier: 'PI',
              id: c.payer.payerIdentifier,
            }),
            claims: self ? [claim837(c)] : [],
            patients: self
              ? []
              : [
                  {
                    relationship: RELATIONSHIP_CODES[c.coverage.subscriberRelationship],
                    patient,
                    claims: [claim837(c)],
                  },
                ],
          };
        }),
      };
    }),
  };
}
