import { builder } from '../builder.ts';
import type { Facility, Provider } from '../../db/prisma-client.ts';
import { decodeId } from '../../ids/global-id.ts';
import { createFacility, createProvider } from '../../registration/providers.ts';
import { scopesOf } from '../operation-scopes.ts';
import { COMMON_ERRORS } from '../errors.ts';
import { AddressInput } from './address-types.ts';
import { FacilityRef, ProviderRef } from './practice-types.ts';

const CreateProviderInput = builder.inputType('CreateProviderInput', {
  fields: (t) => ({
    practiceId: t.id({ required: true }),
    externalId: t.string({ description: 'Your id; creating again with it updates the same provider.' }),
    firstName: t.string({ required: true }),
    lastName: t.string({ required: true }),
    credential: t.string({ description: 'e.g. MD, DO, NP, PA.' }),
    npi: t.string({ required: true, description: 'Type 1 (individual) NPI; the check digit is verified.' }),
    taxonomyCode: t.string({ description: 'NUCC taxonomy, e.g. 207Q00000X family medicine.' }),
  }),
});

const CreateFacilityInput = builder.inputType('CreateFacilityInput', {
  fields: (t) => ({
    practiceId: t.id({ required: true }),
    externalId: t.string({ description: 'Your id; creating again with it updates the same facility.' }),
    name: t.string({ required: true }),
    npi: t.string({ description: 'The facility’s NPI, when it has one.' }),
    placeOfService: t.string({ description: 'Default CMS place-of-service code of visits here.' }),
    address: t.field({ type: AddressInput, required: true }),
  }),
});

const ProviderPayload = builder.objectRef<{ provider: Provider }>('ProviderSuccess').implement({
  fields: (t) => ({ provider: t.field({ type: ProviderRef, resolve: (r) => r.provider }) }),
});

const FacilityPayload = builder.objectRef<{ facility: Facility }>('FacilitySuccess').implement({
  fields: (t) => ({ facility: t.field({ type: FacilityRef, resolve: (r) => r.facility }) }),
});

builder.mutationField('createProvider', (t) =>
  t.field({
    type: ProviderPayload,
    description: 'Adds a rendering or billing clinician to a practice. Admins only.',
    authScopes: scopesOf(createProvider),
    args: { input: t.arg({ type: CreateProviderInput, required: true }) },
    errors: { types: COMMON_ERRORS, union: { name: 'CreateProviderPayload' } },
    resolve: (_root, { input }, ctx) =>
      createProvider.run(ctx, {
        ...input,
        practiceId: decodeId('Practice', String(input.practiceId), ['input', 'practiceId']),
      }),
  }),
);

builder.mutationField('createFacility', (t) =>
  t.field({
    type: FacilityPayload,
    description: 'Adds a service location to a practice. Admins only.',
    authScopes: scopesOf(createFacility),
    args: { input: t.arg({ type: CreateFacilityInput, required: true }) },
    errors: { types: COMMON_ERRORS, union: { name: 'CreateFacilityPayload' } },
    resolve: (_root, { input }, ctx) =>
      createFacility.run(ctx, {
        ...input,
        practiceId: decodeId('Practice', String(input.practiceId), ['input', 'practiceId']),
      }),
  }),
);
