import { MAX_837_LINES, x12ValueProblem } from '@revcycle/x12';
import type { ScrubContext, ScrubRule } from './scrub-rule.ts';

const error = (path: Array<string | number>, message: string) => ({ severity: 'ERROR' as const, path, message });

/** The claim's lines against the 837 guide's counts: at least one, at most 50 (837P) or 999 (837I), 4 pointers each. */
const GUIDE_COUNTS: ScrubRule = {
  id: 'GUIDE_LIMITS',
  description:
    'At least one line and no more than the 837 carries (50 professional, 999 institutional); at most 4 diagnosis pointers a line.',
  check: ({ claim }) => {
    const max = claim.kind === 'INSTITUTIONAL' ? MAX_837_LINES.institutional : MAX_837_LINES.professional;
    return [
      ...(claim.lines.length === 0 ? [error(['lines'], 'The claim has no service line')] : []),
      ...(claim.lines.length > max
        ? [
            error(
              ['lines'],
              `${claim.lines.length} service lines: an 837${claim.kind === 'INSTITUTIONAL' ? 'I' : 'P'} claim carries at most ${max}; split the visit`,
            ),
          ]
        : []),
      ...claim.lines.flatMap((l, i) => {
        const pointers = l.diagnosisPointers.split(',').filter(Boolean).length;
        return pointers > 4
          ? [
              error(
                ['lines', i, 'diagnosisPointers'],
                `Service line ${i + 1} points at ${pointers} diagnoses; at most 4`,
              ),
            ]
          : [];
      }),
    ];
  },
};

/** The text a claim carries, with where to fix it and the X12 element's length. */
function texts(c: ScrubContext): Array<[Array<string | number>, string | null | undefined, number]> {
  return [
    [['patient', 'lastName'], c.patient.lastName, 60],
    [['patient', 'firstName'], c.patient.firstName, 35],
    [['patient', 'address', 'line1'], c.patient.addressLine1, 55],
    [['patient', 'address', 'line2'], c.patient.addressLine2, 55],
    [['patient', 'address', 'city'], c.patient.city, 30],
    [['coverage', 'memberId'], c.coverage.memberId, 80],
    [['coverage', 'groupNumber'], c.coverage.groupNumber, 50],
    [['coverage', 'subscriberLastName'], c.coverage.subscriberLastName, 60],
    [['coverage', 'subscriberFirstName'], c.coverage.subscriberFirstName, 35],
    [['encounter', 'priorAuthorization'], c.encounter.priorAuthorization, 50],
    [['practice', 'name'], c.practice.name, 60],
    [['practice', 'address', 'line1'], c.practice.addressLine1, 55],
    [['practice', 'address', 'city'], c.practice.city, 30],
    [['payer', 'name'], c.payer.name, 60],
    [['payer', 'payerIdentifier'], c.payer.payerIdentifier, 80],
  ];
}

/**
 * Text the 837 would carry, checked as the writer will check it: no X12 separator inside (`*`, `~`, `:`, `^`),
 * only X12 characters (letters with diacritics are written without them), no longer than its element. The
 * practice needs a phone number: it is the submitter's contact (PER) a clearinghouse calls.
 */
const X12_TEXT: ScrubRule = {
  id: 'X12_TEXT',
  description:
    'Names, addresses and ids fit their 837 elements (no X12 separators, X12 characters, lengths), and the practice has a contact phone.',
  check: (c) => [
    ...texts(c).flatMap(([path, value, max]) => {
      const problem = value ? x12ValueProblem(value, max) : undefined;
      return problem ? [error(path, `${path.join('.')}: "${value}" ${problem}`)] : [];
    }),
    ...((c.practice.phone ?? '').replace(/\D/g, '').length === 10
      ? []
      : [error(['practice', 'phone'], 'The practice needs a 10-digit phone number: it is the contact on every 837')]),
  ],
};

/**
 * The 837 guides want the billing provider's (2010AA: the practice) and the service facility's (2310C/2310E) US
 * address with the full nine-digit ZIP; clearinghouses reject a five-digit one there.
 */
const NINE_DIGIT_ZIP: ScrubRule = {
  id: 'NINE_DIGIT_ZIP',
  description: 'The practice (billing provider) and the service facility have a nine-digit ZIP (ZIP+4).',
  check: ({ practice, encounter }) =>
    [
      {
        path: ['practice', 'address', 'postalCode'],
        owner: 'The practice (billing provider)',
        zip: practice.postalCode,
      },
      ...(encounter.facility
        ? [
            {
              path: ['encounter', 'facility', 'address', 'postalCode'],
              owner: `The service facility ${encounter.facility.name}`,
              zip: encounter.facility.postalCode,
            },
          ]
        : []),
    ]
      .filter(({ zip }) => !/^\d{9}$/.test((zip ?? '').replace('-', '')))
      .map(({ path, owner, zip }) =>
        error(path, `${owner} needs a nine-digit ZIP (ZIP+4) on an 837; it has "${zip ?? ''}"`),
      ),
};

export const X12_LIMIT_RULES: ScrubRule[] = [GUIDE_COUNTS, X12_TEXT, NINE_DIGIT_ZIP];
