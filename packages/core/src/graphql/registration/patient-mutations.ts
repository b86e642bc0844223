import { createPatient, updatePatient } from '../../registration/patients.ts';
import type { CreatePatientInput as CreatePatientFields, PatientResult } from '../../registration/patients.ts';
import { builder } from '../builder.ts';
import { CoverageInput, patientFields } from './patient-inputs.ts';
import { decodeId } from '../../ids/global-id.ts';
import { scopesOf } from '../operation-scopes.ts';
import { COMMON_ERRORS } from '../errors.ts';
import { PatientRef } from './patient-types.ts';

const CreatePatientInput = builder.inputType('CreatePatientInput', {
  fields: (t) => ({
    practiceId: t.id({ required: true }),
    externalId: t.string({ description: 'Your id for the patient; creating again with it updates the same patient.' }),
    accountNumber: t.string({ description: 'Unique in the organization; generated when omitted (A000001 …).' }),
    ...patientFields(t, true),
    coverages: t.field({ type: [CoverageInput], description: 'Insurance to register with the patient, in any order.' }),
  }),
});

const UpdatePatientInput = builder.inputType('UpdatePatientInput', {
  description: 'Only the fields given change.',
  fields: (t) => ({ id: t.id({ required: true }), ...patientFields(t, false) }),
});

const PatientPayload = builder.objectRef<PatientResult>('PatientSuccess').implement({
  fields: (t) => ({
    patient: t.field({ type: PatientRef, resolve: (r) => r.patient }),
    possibleDuplicates: t.field({
      type: [PatientRef],
      description:
        'Other patients with the same name and date of birth (and member id, when coverages were given). Never merged automatically: review them.',
      resolve: (r) => r.possibleDuplicates,
    }),
  }),
});

builder.mutationField('createPatient', (t) =>
  t.field({
    type: PatientPayload,
    description: 'Registers a patient with a practice, with guarantor and coverages. Admins, billers and front desk.',
    authScopes: scopesOf(createPatient),
    args: { input: t.arg({ type: CreatePatientInput, required: true }) },
    errors: { types: COMMON_ERRORS, union: { name: 'CreatePatientPayload' } },
    resolve: (_root, { input }, ctx) =>
      createPatient.run(ctx, {
        ...(input as Omit<CreatePatientFields, 'practiceId' | 'coverages'>),
        practiceId: decodeId('Practice', String(input.practiceId), ['input', 'practiceId']),
        coverages: input.coverages?.map((c, i) => ({
          ...c,
          payerId: decodeId('Payer', String(c.payerId), ['input', 'coverages', i, 'payerId']),
        })),
      }),
  }),
);

builder.mutationField('updatePatient', (t) =>
  t.field({
    type: PatientPayload,
    description: 'Changes a patient’s demographics, contact preferences or guarantor. Admins, billers and front desk.',
    authScopes: scopesOf(updatePatient),
    args: { input: t.arg({ type: UpdatePatientInput, required: true }) },
    errors: { types: COMMON_ERRORS, union: { name: 'UpdatePatientPayload' } },
    resolve: (_root, { input }, ctx) =>
      updatePatient.run(ctx, { ...input, id: decodeId('Patient', String(input.id), ['input', 'id']) }),
  }),
);
