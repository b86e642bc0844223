import { isIcd10Cm, isModifier, isPlaceOfService, isProcedureCode } from '../../validation/medical-codes.ts';
import { isValidNpi } from '../../validation/npi.ts';
import type { Claim, ClaimLine } from '../../db/prisma-client.ts';
import { daysBetween } from '../../util/calendar-date.ts';
import type { ScrubFinding, ScrubRule } from './scrub-rule.ts';
import { CODE_SET_RULES } from './code-set-rules.ts';
import { X12_LIMIT_RULES } from './x12-limits-rules.ts';
import { ENROLLMENT_RULES } from './enrollment-rules.ts';
import { PAPER_RULES } from './paper-rules.ts';

const error = (path: Array<string | number>, message: string) => ({ severity: 'ERROR' as const, path, message });
const warning = (path: Array<string | number>, message: string) => ({ severity: 'WARNING' as const, path, message });

/** The rules every claim is scrubbed with, in the order a biller would fix things. */
export const DEFAULT_SCRUB_RULES: ScrubRule[] = [
  {
    id: 'BILLING_PROVIDER_NPI',
    description: 'The billing provider (practice) has a valid NPI and a 9-digit tax id.',
    check: ({ practice }) => [
      ...(isValidNpi(practice.npi)
        ? []
        : [error(['practice', 'npi'], `The practice's NPI ${practice.npi} fails the NPI check digit`)]),
      ...(/^\d{9}$/.test(practice.taxId)
        ? []
        : [error(['practice', 'taxId'], 'The practice needs a 9-digit tax id (EIN)')]),
    ],
  },
  {
    id: 'RENDERING_PROVIDER_NPI',
    description: 'The rendering (and billing) provider NPIs pass the check digit.',
    check: ({ encounter }) =>
      [encounter.renderingProvider, encounter.billingProvider]
        .filter((p) => p !== null)
        .flatMap((p) =>
          isValidNpi(p!.npi)
            ? []
            : [
                error(
                  ['encounter', 'renderingProvider', 'npi'],
                  `Dr. ${p!.lastName}'s NPI ${p!.npi} fails the NPI check digit`,
                ),
              ],
        ),
  },
  {
    id: 'PATIENT_COMPLETE',
    description: 'The patient has a full address, a date of birth and a sex.',
    check: ({ patient }) => [
      ...(patient.addressLine1 && patient.city && patient.state && patient.postalCode
        ? []
        : [
            error(
              ['patient', 'address'],
              `${patient.firstName} ${patient.lastName} needs a full address (street, city, state, ZIP) on a claim`,
            ),
          ]),
      ...(patient.sex === 'UNKNOWN'
        ? [warning(['patient', 'sex'], 'The patient’s sex is unknown; some payers reject U')]
        : []),
    ],
  },
  {
    id: 'SUBSCRIBER_COMPLETE',
    description:
      'The coverage has a member id, and the subscriber’s name and birth date when the patient is a dependent.',
    check: ({ coverage }) => [
      ...(coverage.memberId.trim() ? [] : [error(['coverage', 'memberId'], 'The coverage has no member id')]),
      ...(coverage.subscriberRelationship === 'SELF' ||
      (coverage.subscriberFirstName && coverage.subscriberLastName && coverage.subscriberDateOfBirth)
        ? []
        : [
            error(
              ['coverage', 'subscriber'],
              'The patient is a dependent: the subscriber’s name and date of birth are required',
            ),
          ]),
    ],
  },
  {
    id: 'COVERAGE_IN_EFFECT',
    description: 'The coverage is active and covers the date of service.',
    check: ({ coverage, encounter }) =>
      coverage.active &&
      coverage.effectiveDate <= encounter.dateOfService &&
      (coverage.terminationDate === null || coverage.terminationDate >= encounter.dateOfService)
        ? []
        : [
            error(
              ['coverage'],
              `The coverage (${coverage.effectiveDate} to ${coverage.terminationDate ?? 'open'}) does not cover ${encounter.dateOfService}`,
            ),
          ],
  },
  {
    id: 'DIAGNOSES',
    description:
      'At least one diagnosis, at most 12 (25 on an institutional claim), each a well-formed ICD-10-CM code.',
    check: ({ claim, encounter }) => [
      ...(encounter.diagnoses.length === 0 ? [error(['diagnoses'], 'The claim has no diagnosis')] : []),
      ...(encounter.diagnoses.length > maxDiagnoses(claim.kind)
        ? [
            error(
              ['diagnoses'],
              `${encounter.diagnoses.length} diagnoses: a claim carries at most ${maxDiagnoses(claim.kind)}`,
            ),
          ]
        : []),
      ...encounter.diagnoses
        .filter((d) => !isIcd10Cm(d.code))
        .map((d) =>
          error(['diagnoses', d.sequence - 1], `Diagnosis ${d.sequence} (${d.code}) is not an ICD-10-CM code`),
        ),
    ],
  },
  {
    id: 'LINE_CODES',
    description:
      'Each line has a CPT/HCPCS code (an institutional line may instead be described by its revenue code alone), valid modifiers, units above 0 and a charge of 0 or more.',
    check: ({ claim }) =>
      claim.lines.flatMap((l, i) => [
        ...lineCodeErrors(claim.kind, l, i),
        ...[l.modifier1, l.modifier2, l.modifier3, l.modifier4]
          .filter((m): m is string => m !== null && !isModifier(m))
          .map((m) => error(['lines', i, 'modifiers'], `Service line ${i + 1}: ${m} is not a modifier`)),
        ...(l.unitsMilli > 0 ? [] : [error(['lines', i, 'units'], `Service line ${i + 1}: units must be more than 0`)]),
        ...(l.chargeCents >= 0
          ? []
          : [error(['lines', i, 'chargeCents'], `Service line ${i + 1}: a charge cannot be negative`)]),
      ]),
  },
  {
    id: 'DIAGNOSIS_POINTERS',
    description: 'Every line points at 1 to 4 of the claim’s diagnoses.',
    check: ({ claim, encounter }) =>
      claim.lines.flatMap((l, i) => {
        const pointers = l.diagnosisPointers.split(',').filter(Boolean).map(Number);
        if (pointers.length === 0)
          return [error(['lines', i, 'diagnosisPointers'], `Service line ${i + 1} points at no diagnosis`)];
        return pointers
          .filter((p) => p < 1 || p > encounter.diagnoses.length)
          .map((p) =>
            error(
              ['lines', i, 'diagnosisPointers'],
              `Service line ${i + 1}: diagnosis pointer ${p} points past the ${encounter.diagnoses.length} diagnoses on this claim`,
            ),
          );
      }),
  },
  {
    id: 'CHARGES_ADD_UP',
    description: 'The claim total equals the sum of its lines and is above 0.',
    check: ({ claim }) => {
      const sum = claim.lines.reduce((total, l) => total + l.chargeCents, 0);
      return [
        ...(sum === claim.totalChargeCents
          ? []
          : [
              error(
                ['totalChargeCents'],
                `The claim total ${claim.totalChargeCents} is not the sum of its lines (${sum})`,
              ),
            ]),
        ...(sum > 0 ? [] : [error(['totalChargeCents'], 'The claim charges nothing')]),
      ];
    },
  },
  {
    id: 'PLACE_OF_SERVICE',
    description: 'The place of service is a CMS code.',
    check: ({ encounter }) =>
      isPlaceOfService(encounter.placeOfService)
        ? []
        : [error(['encounter', 'placeOfService'], `${encounter.placeOfService} is not a CMS place-of-service code`)],
  },
  {
    id: 'SERVICE_DATES',
    description: 'Service dates are not in the future and not before the patient’s birth.',
    check: ({ claim, patient, today }) =>
      claim.lines.flatMap((l, i) => [
        ...(l.serviceDate > today
          ? [error(['lines', i, 'serviceDate'], `Service line ${i + 1}: ${l.serviceDate} is in the future`)]
          : []),
        ...(l.serviceDate < patient.dateOfBirth
          ? [
              error(
                ['lines', i, 'serviceDate'],
                `Service line ${i + 1}: ${l.serviceDate} is before the patient was born`,
              ),
            ]
          : []),
      ]),
  },
  {
    id: 'TIMELY_FILING',
    description: 'The payer’s timely-filing limit has not passed (a warning 30 days before).',
    check: ({ encounter, payer, today }) => {
      const left = payer.timelyFilingDays - daysBetween(encounter.dateOfService, today);
      if (left < 0)
        return [
          error(
            ['encounter', 'dateOfService'],
            `${payer.name}'s ${payer.timelyFilingDays}-day filing limit passed ${-left} days ago`,
          ),
        ];
      if (left <= 30)
        return [
          warning(
            ['encounter', 'dateOfService'],
            `${left} days are left of ${payer.name}'s ${payer.timelyFilingDays}-day filing limit`,
          ),
        ];
      return [];
    },
  },
  {
    id: 'DUPLICATE_CLAIM',
    description: 'No other open claim bills the same patient, date of service and code.',
    check: ({ claim, encounter, otherOpenClaims }) =>
      claim.lines.flatMap((l, i) => {
        const service = serviceCode(l);
        const duplicate = otherOpenClaims.find(
          (other) =>
            other.encounter.dateOfService === encounter.dateOfService &&
            other.lines.some((o) => serviceCode(o) === service),
        );
        return duplicate
          ? [
              error(
                ['lines', i, l.procedureCode ? 'procedureCode' : 'revenueCode'],
                `Service line ${i + 1}: ${service} on ${encounter.dateOfService} is already billed on open claim ${duplicate.patientControlNumber}`,
              ),
            ]
          : [];
      }),
  },
  ...X12_LIMIT_RULES,
  ...CODE_SET_RULES,
  ...ENROLLMENT_RULES,
  ...PAPER_RULES,
];

/** What a line bills: its CPT/HCPCS, or "revenue code 0120" for an institutional line billed by revenue code alone. */
function serviceCode(l: Pick<ClaimLine, 'procedureCode' | 'revenueCode'>): string {
  return l.procedureCode ?? `revenue code ${l.revenueCode ?? ''}`;
}

function lineCodeErrors(kind: Claim['kind'], l: ClaimLine, i: number): Array<Omit<ScrubFinding, 'ruleId'>> {
  if (l.procedureCode)
    return isProcedureCode(l.procedureCode)
      ? []
      : [error(['lines', i, 'procedureCode'], `Service line ${i + 1}: ${l.procedureCode} is not a CPT or HCPCS code`)];
  if (kind !== 'INSTITUTIONAL')
    return [
      error(
        ['lines', i, 'procedureCode'],
        `Service line ${i + 1}: a professional claim line needs a CPT or HCPCS code`,
      ),
    ];
  if (!l.revenueCode)
    return [
      error(['lines', i, 'revenueCode'], `Service line ${i + 1}: a line without a procedure code needs a revenue code`),
    ];
  return [];
}

/** The 837P's one HI holds 12 diagnoses; the 837I the principal one and two HIs of 12 others. */
function maxDiagnoses(kind: string): number {
  return kind === 'INSTITUTIONAL' ? 25 : 12;
}
