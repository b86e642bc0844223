import { builder } from '../builder.ts';
import { createPractice, updatePractice } from '../../registration/practices.ts';
import type { CreatePracticeInput as CreatePracticeFields } from '../../registration/practices.ts';
import type { Practice } from '../../db/prisma-client.ts';
import { scopesOf } from '../operation-scopes.ts';
import { COMMON_ERRORS } from '../errors.ts';
import { decodeId } from '../../ids/global-id.ts';
import { AddressInput } from './address-types.ts';
import { PracticeRef } from './practice-types.ts';

const practiceFields = (t: PothosInputFieldBuilder, required: boolean) => ({
  name: t.string({ required }),
  npi: t.string({ required, description: 'Type 2 NPI; the check digit is verified.' }),
  taxId: t.string({ required, description: 'EIN, 9 digits (a dash is allowed).' }),
  taxonomyCode: t.string(),
  address: t.field({ type: AddressInput, required }),
  phone: t.string(),
  timeZone: t.string({ required, description: 'IANA time zone, e.g. America/New_York.' }),
});

type PothosInputFieldBuilder = Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0];

const CreatePracticeInput = builder.inputType('CreatePracticeInput', {
  fields: (t) => ({
    externalId: t.string({
      description: 'Your id for the practice; creating again with it updates the same practice.',
    }),
    ...practiceFields(t, true),
  }),
});

const UpdatePracticeInput = builder.inputType('UpdatePracticeInput', {
  description: 'Only the fields given change.',
  fields: (t) => ({ id: t.id({ required: true }), ...practiceFields(t, false) }),
});

const PracticePayload = builder.objectRef<{ practice: Practice }>('PracticeSuccess').implement({
  description: 'The practice as it is now.',
  fields: (t) => ({ practice: t.field({ type: PracticeRef, resolve: (r) => r.practice }) }),
});

builder.mutationField('createPractice', (t) =>
  t.field({
    type: PracticePayload,
    description:
      'Adds a billing provider to your organization (or updates the one with this external id). Admins only.',
    authScopes: scopesOf(createPractice),
    args: { input: t.arg({ type: CreatePracticeInput, required: true }) },
    errors: { types: COMMON_ERRORS, union: { name: 'CreatePracticePayload' } },
    resolve: (_root, { input }, ctx) => createPractice.run(ctx, input as CreatePracticeFields),
  }),
);

builder.mutationField('updatePractice', (t) =>
  t.field({
    type: PracticePayload,
    description: 'Changes a practice’s details. Admins only.',
    authScopes: scopesOf(updatePractice),
    args: { input: t.arg({ type: UpdatePracticeInput, required: true }) },
    errors: { types: COMMON_ERRORS, union: { name: 'UpdatePracticePayload' } },
    resolve: (_root, { input }, ctx) =>
      updatePractice.run(ctx, { ...input, id: decodeId('Practice', String(input.id), ['input', 'id']) }),
  }),
);
