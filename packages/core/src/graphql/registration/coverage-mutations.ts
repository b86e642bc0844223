import { builder } from '../builder.ts';
import { CoverageInput } from './patient-inputs.ts';
import type { Coverage } from '../../db/prisma-client.ts';
import { decodeId } from '../../ids/global-id.ts';
import { addCoverage, changeCoveragePriority, updateCoverage } from '../../registration/coverages.ts';
import { scopesOf } from '../operation-scopes.ts';
import { COMMON_ERRORS } from '../errors.ts';
import { CoveragePriorityEnum, CoverageRef } from './patient-types.ts';

const AddCoverageInput = builder.inputType('AddCoverageInput', {
  fields: (t) => ({ patientId: t.id({ required: true }), coverage: t.field({ type: CoverageInput, required: true }) }),
});

const UpdateCoverageInput = builder.inputType('UpdateCoverageInput', {
  description: 'Only the fields given change. Setting `active: false` ends the coverage and frees its priority.',
  fields: (t) => ({
    id: t.id({ required: true }),
    memberId: t.string(),
    groupNumber: t.string(),
    effectiveDate: t.field({ type: 'Date' }),
    terminationDate: t.field({ type: 'Date' }),
    active: t.boolean(),
  }),
});

const ChangeCoveragePriorityInput = builder.inputType('ChangeCoveragePriorityInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    priority: t.field({
      type: CoveragePriorityEnum,
      required: true,
      description: 'The coverage at this priority takes this one’s old priority.',
    }),
  }),
});

const CoveragePayload = builder.objectRef<{ coverage: Coverage }>('CoverageSuccess').implement({
  fields: (t) => ({ coverage: t.field({ type: CoverageRef, resolve: (r) => r.coverage }) }),
});

builder.mutationField('addCoverage', (t) =>
  t.field({
    type: CoveragePayload,
    description: 'Adds an insurance to a patient. A taken priority moves the holder (and those after it) down one.',
    authScopes: scopesOf(addCoverage),
    args: { input: t.arg({ type: AddCoverageInput, required: true }) },
    errors: { types: COMMON_ERRORS, union: { name: 'AddCoveragePayload' } },
    resolve: (_root, { input }, ctx) =>
      addCoverage.run(ctx, {
        patientId: decodeId('Patient', String(input.patientId), ['input', 'patientId']),
        coverage: {
          ...input.coverage,
          payerId: decodeId('Payer', String(input.coverage.payerId), ['input', 'coverage', 'payerId']),
        },
      }),
  }),
);

builder.mutationField('updateCoverage', (t) =>
  t.field({
    type: CoveragePayload,
    description: 'Corrects or ends a coverage.',
    authScopes: scopesOf(updateCoverage),
    args: { input: t.arg({ type: UpdateCoverageInput, required: true }) },
    errors: { types: COMMON_ERRORS, union: { name: 'UpdateCoveragePayload' } },
    resolve: (_root, { input }, ctx) =>
      updateCoverage.run(ctx, { ...input, id: decodeId('Coverage', String(input.id), ['input', 'id']) }),
  }),
);

builder.mutationField('changeCoveragePriority', (t) =>
  t.field({
    type: CoveragePayload,
    description:
      'Moves a coverage to another priority, swapping with the coverage there: one coverage per priority, always.',
    authScopes: scopesOf(changeCoveragePriority),
    args: { input: t.arg({ type: ChangeCoveragePriorityInput, required: true }) },
    errors: { types: COMMON_ERRORS, union: { name: 'ChangeCoveragePriorityPayload' } },
    resolve: (_root, { input }, ctx) =>
      changeCoveragePriority.run(ctx, {
        id: decodeId('Coverage', String(input.id), ['input', 'id']),
        priority: input.priority,
      }),
  }),
);
