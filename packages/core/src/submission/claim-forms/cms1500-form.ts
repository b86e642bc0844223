import { modifiersOf } from '../../claims/line-modifiers.ts';
import type { ClaimFormDocument } from '../../plugins/contracts.ts';
import type { ClaimForSubmission, PriorAdjudication } from '../claim-to-837.ts';
import { CMS1500_LINES_PER_FORM } from './cms1500-fields.ts';
import type { Cms1500Field, Cms1500LineField } from './cms1500-fields.ts';
import {
  formAmount,
  formDiagnosis,
  formName,
  formPhone,
  formUnits,
  formZip,
  longDate,
  shortDate,
} from './form-values.ts';
import { addressBlock, paged, payerBlock, priorsOf, priorPaidCents } from './form-parts.ts';

const SEX = { FEMALE: 'F', MALE: 'M', UNKNOWN: '' } as const;

/**
 * Item 1 from the claim filing indicator (SBR09) the 837 sends: Medicare (MA, MB, 16), Medicaid (MC), TRICARE
 * (CH), CHAMPVA (VA), workers' compensation, liability, auto and other programs as OTHER, the rest (commercial,
 * Blue Cross, HMOs, FEP) as a group health plan.
 */
function insuranceType(indicator: string): string {
  if (['MA', 'MB', '16'].includes(indicator)) return 'MEDICARE';
  if (indicator === 'MC') return 'MEDICAID';
  if (indicator === 'CH') return 'TRICARE';
  if (indicator === 'VA') return 'CHAMPVA';
  if (['WC', 'AM', 'LI', 'LM', 'OF', 'DS', '11', 'ZZ'].includes(indicator)) return 'OTHER';
  return 'GROUP';
}

/** The CMS-1500 pages of a professional claim, from the same loaded claim its 837P is written from. */
export function cms1500Pages(c: ClaimForSubmission): ClaimFormDocument[] {
  const fields = headerFields(c);
  return paged(c.lines, CMS1500_LINES_PER_FORM).map((lines, i, pages) => ({
    form: 'CMS-1500',
    claimId: c.id,
    page: i + 1,
    pages: pages.length,
    fields: { ...fields, '28': i === pages.length - 1 ? formAmount(c.totalChargeCents) : 'CONTINUED' },
    lines: lines.map((l) => lineFields(c, l)),
  }));
}

function headerFields(c: ClaimForSubmission): Partial<Record<Cms1500Field, string>> {
  const { patient, coverage, payer, practice, encounter } = c;
  const self = coverage.subscriberRelationship === 'SELF';
  const priors = priorsOf(c);
  const paid = priorPaidCents(priors);
  const rendering = encounter.renderingProvider;
  const fields: Partial<Record<Cms1500Field, string>> = {
    carrier: payerBlock(payer),
    '1': insuranceType(payer.claimFilingIndicator),
    '1a': coverage.memberId,
    '2': formName(patient.lastName, patient.firstName, patient.middleName),
    '3': longDate(patient.dateOfBirth),
    '3.sex': SEX[patient.sex],
    '4': self
      ? formName(patient.lastName, patient.firstName, patient.middleName)
      : formName(coverage.subscriberLastName ?? '', coverage.subscriberFirstName ?? ''),
    '5': [patient.addressLine1, patient.addressLine2].filter(Boolean).join(' ').toUpperCase(),
    '5.city': (patient.city ?? '').toUpperCase(),
    '5.state': (patient.state ?? '').toUpperCase(),
    '5.zip': formZip(patient.postalCode),
    '5.phone': formPhone(patient.homePhone ?? patient.mobilePhone),
    '6': coverage.subscriberRelationship,
    '10a': 'NO',
    '10b': 'NO',
    '10c': 'NO',
    '11': (coverage.groupNumber ?? '').toUpperCase(),
    '11c': payer.name.toUpperCase(),
    '11d': priors.length ? 'YES' : 'NO',
    '12': 'SIGNATURE ON FILE',
    '13': 'SIGNATURE ON FILE',
    '21.ind': '0',
    '23': encounter.priorAuthorization ?? '',
    '25': practice.taxId.replace(/\D/g, ''),
    '25.type': 'EIN',
    '26': c.patientControlNumber,
    '27': 'YES',
    '29': priors.length ? formAmount(paid) : '',
    '31': `${rendering.firstName} ${rendering.lastName}${rendering.credential ? ` ${rendering.credential}` : ''}`.toUpperCase(),
    '33': addressBlock(practice.name, practice),
    '33.phone': formPhone(practice.phone),
    '33a': practice.npi,
    '33b': practice.taxonomyCode ? `ZZ${practice.taxonomyCode}` : '',
  };
  if (self) {
    Object.assign(fields, {
      '7': fields['5'],
      '7.city': fields['5.city'],
      '7.state': fields['5.state'],
      '7.zip': fields['5.zip'],
      '11a': fields['3'],
      '11a.sex': fields['3.sex'],
    });
  } else if (coverage.subscriberDateOfBirth) {
    fields['11a'] = longDate(coverage.subscriberDateOfBirth);
  }
  for (const [i, d] of encounter.diagnoses.slice(0, 12).entries())
    fields[`21.${'ABCDEFGHIJKL'[i]}` as Cms1500Field] = formDiagnosis(d.code);
  if (c.frequencyCode !== '1') {
    fields['22'] = c.frequencyCode;
    fields['22.original'] = c.originalClaim?.payerClaimControlNumber ?? '';
  }
  if (priors[0]) Object.assign(fields, otherInsured(c, priors[0]));
  if (encounter.facility) {
    const f = encounter.facility;
    fields['32'] = addressBlock(f.name, f);
    fields['32a'] = f.npi ?? '';
  }
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v)) as Partial<Record<Cms1500Field, string>>;
}

/** Items 9, 9a and 9d: on a secondary claim, the earlier payer and its subscriber. */
function otherInsured(c: ClaimForSubmission, prior: PriorAdjudication): Partial<Record<Cms1500Field, string>> {
  const self = prior.coverage.subscriberRelationship === 'SELF';
  return {
    '9': self
      ? formName(c.patient.lastName, c.patient.firstName, c.patient.middleName)
      : formName(prior.coverage.subscriberLastName ?? '', prior.coverage.subscriberFirstName ?? ''),
    '9a': prior.coverage.groupNumber ?? prior.coverage.memberId,
    '9d': prior.payer.name.toUpperCase(),
  };
}

function lineFields(c: ClaimForSubmission, l: ClaimForSubmission['lines'][number]): Record<string, string> {
  const fields: Partial<Record<Cms1500LineField, string>> = {
    '24A.from': shortDate(l.serviceDate),
    '24A.to': shortDate(l.serviceDateEnd ?? l.serviceDate),
    '24B': c.encounter.placeOfService,
    '24D': l.procedureCode ?? '',
    '24D.modifiers': modifiersOf(l).join(' '),
    '24E': l.diagnosisPointers
      .split(',')
      .map((p) => 'ABCDEFGHIJKL'[Number(p) - 1] ?? '')
      .join(''),
    '24F': formAmount(l.chargeCents),
    '24G': formUnits(l.unitsMilli),
    '24J': c.encounter.renderingProvider.npi,
  };
  if (l.ndcCode) {
    const quantity = l.ndcQuantityMilli === null ? '' : formUnits(l.ndcQuantityMilli);
    fields['24.shaded'] = `N4${l.ndcCode} ${l.ndcUnit ?? ''}${quantity}`.trim();
  }
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v));
}
