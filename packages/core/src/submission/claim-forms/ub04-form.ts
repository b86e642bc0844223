import { modifiersOf } from '../../claims/line-modifiers.ts';
import type { Coverage, Payer } from '../../db/prisma-client.ts';
import type { ClaimFormDocument } from '../../plugins/contracts.ts';
import type { ClaimForSubmission } from '../claim-to-837.ts';
import { adjudicationOf } from '../claim-to-837.ts';
import { cityLine, paged, priorsOf } from './form-parts.ts';
import { formAmount, formDiagnosis, formName, formPhone, formUnits, formZip, packedDate } from './form-values.ts';
import { UB04_LINES_PER_FORM } from './ub04-fields.ts';
import type { Ub04Field, Ub04LineField } from './ub04-fields.ts';

const SEX = { FEMALE: 'F', MALE: 'M', UNKNOWN: 'U' } as const;
const RELATIONSHIP = { SELF: '18', SPOUSE: '01', CHILD: '19', OTHER: 'G8' } as const;

/** The UB-04 pages of an institutional claim, from the same loaded claim its 837I is written from. */
export function ub04Pages(c: ClaimForSubmission, createdOn: string): ClaimFormDocument[] {
  const fields = headerFields(c, createdOn);
  return paged(c.lines, UB04_LINES_PER_FORM).map((lines, i, pages) => {
    const last = i === pages.length - 1;
    return {
      form: 'UB-04',
      claimId: c.id,
      page: i + 1,
      pages: pages.length,
      fields: {
        ...fields,
        page: String(i + 1),
        pages: String(pages.length),
        ...(last ? { 'FL42.total': '0001', 'FL47.total': formAmount(c.totalChargeCents) } : {}),
      },
      lines: lines.map((l) => lineFields(l)),
    };
  });
}

function headerFields(c: ClaimForSubmission, createdOn: string): Partial<Record<Ub04Field, string>> {
  const { patient, practice, encounter } = c;
  const dates = c.lines.flatMap((l) => [l.serviceDate, l.serviceDateEnd ?? l.serviceDate]).sort();
  const attending = encounter.attendingProvider ?? encounter.renderingProvider;
  const fields: Partial<Record<Ub04Field, string>> = {
    // Four lines: no second street line, so the telephone fits.
    FL1: [practice.name, practice.addressLine1, cityLine(practice)]
      .concat(formPhone(practice.phone) ? [formPhone(practice.phone)] : [])
      .join('\n')
      .toUpperCase(),
    FL3a: c.patientControlNumber,
    FL3b: patient.accountNumber,
    FL4: `0${encounter.facilityTypeCode ?? ''}${c.frequencyCode}`,
    FL5: practice.taxId.replace(/\D/g, ''),
    'FL6.from': dates[0] ? packedDate(dates[0]) : '',
    'FL6.through': dates.at(-1) ? packedDate(dates.at(-1)!) : '',
    FL8b: formName(patient.lastName, patient.firstName, patient.middleName),
    FL9a: [patient.addressLine1, patient.addressLine2].filter(Boolean).join(' ').toUpperCase(),
    FL9b: (patient.city ?? '').toUpperCase(),
    FL9c: (patient.state ?? '').toUpperCase(),
    FL9d: formZip(patient.postalCode),
    FL10: patient.dateOfBirth.slice(5, 7) + patient.dateOfBirth.slice(8, 10) + patient.dateOfBirth.slice(0, 4),
    FL11: SEX[patient.sex],
    FL12: encounter.admissionDate ? packedDate(encounter.admissionDate) : '',
    FL14: encounter.admissionType ?? '',
    FL15: encounter.admissionSource ?? '',
    FL17: encounter.patientStatus ?? '',
    'FL45.created': packedDate(createdOn),
    FL56: practice.npi,
    FL66: '0',
    FL76: attending.npi,
    'FL76.last': attending.lastName.toUpperCase(),
    'FL76.first': attending.firstName.toUpperCase(),
    ...(practice.taxonomyCode ? { FL81a: 'B3', 'FL81a.code': practice.taxonomyCode } : {}),
  };
  const [principal, ...others] = encounter.diagnoses;
  if (principal) fields.FL67 = formDiagnosis(principal.code);
  for (const [i, d] of others.slice(0, 8).entries())
    fields[`FL67${'ABCDEFGH'[i]}` as Ub04Field] = formDiagnosis(d.code);
  // Rows in order of liability: the earlier payers (primary first), then the payer billed.
  const rows = [
    ...priorsOf(c)
      .reverse()
      .map((p) => ({ payer: p.payer, coverage: p.coverage, paid: adjudicationOf(p)?.paidCents ?? 0 })),
    { payer: c.payer, coverage: c.coverage, paid: null },
  ];
  for (const [i, row] of rows.slice(0, 3).entries()) Object.assign(fields, payerRow('ABC'[i]!, c, row));
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v)) as Partial<Record<Ub04Field, string>>;
}

/** FL50–FL63 of one payer row: who, the insured, and (for an earlier payer) what it paid. */
function payerRow(
  row: string,
  c: ClaimForSubmission,
  { payer, coverage, paid }: { payer: Payer; coverage: Coverage; paid: number | null },
): Record<string, string> {
  const self = coverage.subscriberRelationship === 'SELF';
  return {
    [`FL50${row}`]: payer.name.toUpperCase(),
    [`FL51${row}`]: payer.payerIdentifier,
    [`FL52${row}`]: 'Y',
    [`FL53${row}`]: 'Y',
    [`FL54${row}`]: paid === null ? '' : formAmount(paid),
    [`FL58${row}`]: self
      ? formName(c.patient.lastName, c.patient.firstName, c.patient.middleName)
      : formName(coverage.subscriberLastName ?? '', coverage.subscriberFirstName ?? ''),
    [`FL59${row}`]: RELATIONSHIP[coverage.subscriberRelationship],
    [`FL60${row}`]: coverage.memberId,
    [`FL62${row}`]: (coverage.groupNumber ?? '').toUpperCase(),
    [`FL63${row}`]: paid === null ? (c.encounter.priorAuthorization ?? '') : '',
  };
}

function lineFields(l: ClaimForSubmission['lines'][number]): Record<string, string> {
  const quantity = l.ndcQuantityMilli === null ? '' : formUnits(l.ndcQuantityMilli);
  const fields: Record<Ub04LineField, string> = {
    FL42: l.revenueCode ?? '',
    FL43: l.ndcCode ? `N4${l.ndcCode} ${l.ndcUnit ?? ''}${quantity}`.trim() : (l.description ?? '').toUpperCase(),
    FL44: l.procedureCode ? [l.procedureCode, ...modifiersOf(l)].join(' ') : '',
    FL45: packedDate(l.serviceDate),
    FL46: formUnits(l.unitsMilli),
    FL47: formAmount(l.chargeCents),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v));
}
