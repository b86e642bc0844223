import { builder } from '../builder.ts';
import type { Encounter } from '../../db/prisma-client.ts';
import { decodeId } from '../../ids/global-id.ts';
import { createEncounter } from '../../registration/encounters.ts';
import { scopesOf } from '../operation-scopes.ts';
import { COMMON_ERRORS } from '../errors.ts';
import { EncounterRef } from './encounter-types.ts';
import { institutionalCodeInputFields } from './institutional-code-types.ts';

const NdcInput = builder.inputType('NdcInput', {
  fields: (t) => ({
    code: t.string({ required: true, description: 'NDC in 5-4-2 form, with or without dashes.' }),
    quantity: t.float({ required: true }),
    unit: t.string({
      required: true,
      description: 'UN units, ML milliliters, GR grams, F2 international units, ME milligrams.',
    }),
  }),
});

const ServiceLineInput = builder.inputType('ServiceLineInput', {
  fields: (t) => ({
    procedureCode: t.string({
      description:
        'CPT (99213, 0001F) or HCPCS Level II (J1030). Required, except on an institutional line its revenue code describes alone (room and board: revenue code 0120 and the days as units); such a line needs chargeCents.',
    }),
    modifiers: t.stringList({ description: 'Up to 4, e.g. ["25"].' }),
    units: t.float({ description: 'Units of service, > 0, at most 3 decimals. @default 1' }),
    chargeCents: t.field({ type: 'Cents', description: 'Omit to take the practice’s charge master rate × units.' }),
    serviceDate: t.field({ type: 'Date', description: '@default the date of service' }),
    serviceDateEnd: t.field({ type: 'Date' }),
    diagnosisPointers: t.intList({
      required: true,
      description: '1 to 4 positions (1-based) in the encounter’s diagnoses.',
    }),
    ndc: t.field({ type: NdcInput }),
    revenueCode: t.string({
      description: 'UB-04 revenue code (4 digits, e.g. 0450 emergency room); required on institutional visits.',
    }),
    description: t.string({
      description:
        'The service in the patient’s words (“Office visit, established patient”), shown on statements; at most 80 characters.',
    }),
  }),
});

const InstitutionalInput = builder.inputType('InstitutionalEncounterInput', {
  description: 'Makes the visit bill on an 837I (UB-04): hospital outpatient and inpatient, SNF, home health …',
  fields: (t) => ({
    facilityTypeCode: t.string({
      required: true,
      description: 'The first two digits of the type of bill, e.g. 13 hospital outpatient, 11 hospital inpatient.',
    }),
    attendingProviderId: t.id({ required: true }),
    patientStatus: t.string({ required: true, description: 'UB-04 discharge status, 2 digits, e.g. 01 home.' }),
    admissionDate: t.field({
      type: 'Date',
      description: 'Required for inpatient bills (facility type 11, 12, 18, 21, 41).',
    }),
    admissionType: t.string({
      description: 'UB-04 priority of admission, 1 digit (1 emergency … 5 trauma, 9 unknown).',
    }),
    admissionSource: t.string({ description: 'UB-04 point of origin, 1 character.' }),
    codes: t.field({
      type: institutionalCodeInputFields,
      description: 'Admitting diagnosis, reasons for visit, procedures, occurrence, value and condition codes.',
    }),
  }),
});

const CreateEncounterInput = builder.inputType('CreateEncounterInput', {
  fields: (t) => ({
    practiceId: t.id({ required: true }),
    patientId: t.id({ required: true }),
    externalId: t.string({
      description: 'Your id for the visit; sending it again replaces the visit while it is unbilled.',
    }),
    dateOfService: t.field({ type: 'Date', required: true }),
    renderingProviderId: t.id({ required: true }),
    billingProviderId: t.id(),
    facilityId: t.id(),
    placeOfService: t.string({ description: 'CMS code; defaults to the facility’s, then 11 (office).' }),
    coverageId: t.id({
      description:
        'The coverage billed first (must be the patient’s and in effect on the date of service); omit for self-pay.',
    }),
    priorAuthorization: t.string(),
    diagnoses: t.stringList({
      required: true,
      description: 'ICD-10-CM codes in order, 1 to 12; the first is the principal diagnosis.',
    }),
    serviceLines: t.field({ type: [ServiceLineInput], required: true }),
    institutional: t.field({
      type: InstitutionalInput,
      description: 'Set for an institutional (837I) visit; every line then needs a revenue code.',
    }),
  }),
});

const EncounterPayload = builder.objectRef<{ encounter: Encounter }>('EncounterSuccess').implement({
  fields: (t) => ({ encounter: t.field({ type: EncounterRef, resolve: (r) => r.encounter }) }),
});

builder.mutationField('createEncounter', (t) =>
  t.field({
    type: EncounterPayload,
    description:
      'Records a coded visit: diagnoses and service lines, checked like a claim scrubber would. Admins, billers and coders.',
    authScopes: scopesOf(createEncounter),
    args: { input: t.arg({ type: CreateEncounterInput, required: true }) },
    errors: { types: COMMON_ERRORS, union: { name: 'CreateEncounterPayload' } },
    resolve: (_root, { input }, ctx) =>
      createEncounter.run(ctx, {
        ...input,
        practiceId: id('Practice', input.practiceId, 'practiceId'),
        patientId: id('Patient', input.patientId, 'patientId'),
        renderingProviderId: id('Provider', input.renderingProviderId, 'renderingProviderId'),
        billingProviderId: input.billingProviderId
          ? id('Provider', input.billingProviderId, 'billingProviderId')
          : null,
        facilityId: input.facilityId ? id('Facility', input.facilityId, 'facilityId') : null,
        coverageId: input.coverageId ? id('Coverage', input.coverageId, 'coverageId') : null,
        institutional: input.institutional && {
          ...input.institutional,
          ...input.institutional.codes,
          attendingProviderId: decodeId('Provider', String(input.institutional.attendingProviderId), [
            'input',
            'institutional',
            'attendingProviderId',
          ]),
        },
      }),
  }),
);

const id = (type: string, value: string | number, field: string) => decodeId(type, String(value), ['input', field]);
