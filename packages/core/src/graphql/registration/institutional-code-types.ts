import { EncounterCodeKind } from '../../db/prisma-client.ts';
import { builder } from '../builder.ts';

/** The UB-04 codes an institutional encounter carries beyond its diagnoses: inputs and what the API shows. */

const DatedCodeInput = builder.inputType('DatedCodeInput', {
  description: 'A code with the day it applies to: an ICD-10-PCS procedure or a UB-04 occurrence code.',
  fields: (t) => ({
    code: t.string({ required: true, description: 'ICD-10-PCS (7 characters) or a UB-04 occurrence code (2).' }),
    date: t.field({ type: 'Date', required: true, description: 'The day the procedure or occurrence took place.' }),
  }),
});

const ValueCodeInput = builder.inputType('ValueCodeInput', {
  description: 'A UB-04 value code with its amount (e.g. 80 covered days, A1 deductible payer A).',
  fields: (t) => ({
    code: t.string({ required: true, description: '2 letters or digits.' }),
    amountCents: t.field({ type: 'Cents', required: true }),
  }),
});

/** The fields InstitutionalEncounterInput gains for the 837I's HI segments. */
export const institutionalCodeInputFields = builder.inputType('InstitutionalCodesInput', {
  description:
    'The codes of a UB-04 beyond the diagnoses; each goes in its own HI segment of the 837I, in the guide’s order.',
  fields: (t) => ({
    admittingDiagnosis: t.string({ description: 'ICD-10-CM, inpatient bills (HI ABJ).' }),
    reasonsForVisit: t.stringList({ description: 'ICD-10-CM, at most 3, unscheduled outpatient visits (HI APR).' }),
    principalProcedure: t.field({
      type: DatedCodeInput,
      description: 'ICD-10-PCS (7 characters) with its date, inpatient bills (HI BBR).',
    }),
    otherProcedures: t.field({
      type: [DatedCodeInput],
      description: 'ICD-10-PCS with dates, at most 24 (HI BBQ); needs the principal procedure.',
    }),
    occurrences: t.field({ type: [DatedCodeInput], description: 'UB-04 occurrence codes with dates, at most 24.' }),
    values: t.field({ type: [ValueCodeInput], description: 'UB-04 value codes with amounts, at most 24.' }),
    conditions: t.stringList({ description: 'UB-04 condition codes (2 characters), at most 24.' }),
  }),
});

export const EncounterCodeKindEnum = builder.enumType(EncounterCodeKind, {
  name: 'EncounterCodeKind',
  description: 'Which HI of the 837I an institutional code goes in.',
});

const KIND_ORDER = Object.values(EncounterCodeKind);

/** By kind as the 837I lists them (the Prisma enum's order), then by sequence. */
export const inClaimOrder = (
  a: { kind: EncounterCodeKind; sequence: number },
  b: { kind: EncounterCodeKind; sequence: number },
) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.sequence - b.sequence;

export const EncounterCodeRef = builder.prismaObject('EncounterCode', {
  description: 'One UB-04 code of an institutional encounter beyond its diagnoses.',
  fields: (t) => ({
    kind: t.expose('kind', { type: EncounterCodeKindEnum, description: 'Which HI of the 837I carries it.' }),
    sequence: t.exposeInt('sequence', { description: '1-based order within its kind.' }),
    code: t.exposeString('code', { description: 'As the 837I carries it (ICD-10 without the dot).' }),
    date: t.expose('date', { type: 'Date', nullable: true, description: 'Procedures and occurrence codes.' }),
    amountCents: t.expose('amountCents', { type: 'Cents', nullable: true, description: 'Value codes.' }),
  }),
});
