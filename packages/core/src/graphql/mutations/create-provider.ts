import type { Facility, Provider } from '../../db/prisma-client.ts';
import { audited } from '../../audit/audited.ts';
import { FieldChecks } from '../../domain/field-checks.ts';
import { NotFoundError } from '../../errors/billing-errors.ts';
import { builder } from '../builder.ts';
import type { BillingContext } from '../context.ts';
import { decodeId, globalId } from '../global-id.ts';
import type { Db } from '../../db/prisma-client.ts';
import { AddressInput } from '../types/address.ts';
import { COMMON_ERRORS } from '../types/errors.ts';
import { FacilityRef } from '../types/practice.ts';
import { ProviderRef } from '../types/practice.ts';
import { upsertByExternalId } from './upsert-by-external-id.ts';

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

/** The practice a record is created under, which must exist in the caller's organization (and practices). */
export async function requirePractice(tx: Db, id: string | number, path: Array<string | number> = ['input', 'practiceId']) {
  const practiceId = decodeId('Practice', String(id), path);
  const practice = await tx.practice.findUnique({ where: { id: practiceId } });
  if (!practice) throw new NotFoundError('Practice', String(id));
  return practice;
}

builder.mutationField('createProvider', (t) =>
  t.field({
    type: ProviderPayload,
    description: 'Adds a rendering or billing clinician to a practice. Admins only.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: CreateProviderInput, required: true }) },
    errors: { types: COMMON_ERRORS, union: { name: 'CreateProviderPayload' } },
    resolve: (_root, { input }, ctx: BillingContext) =>
      audited(ctx, 'createProvider', async (tx) => {
        const practice = await requirePractice(tx, input.practiceId);
        new FieldChecks().notBlank(['input', 'firstName'], input.firstName).notBlank(['input', 'lastName'], input.lastName).npi(['input', 'npi'], input.npi).throwIfAny();
        const data = { firstName: input.firstName.trim(), lastName: input.lastName.trim(), credential: input.credential ?? null, npi: input.npi, taxonomyCode: input.taxonomyCode ?? null, practiceId: practice.id };
        const { record } = await upsertByExternalId(tx.provider, input.externalId, { ...data, organizationId: ctx.principal.organizationId }, data);
        return { result: { provider: record }, recordIds: [globalId('Provider', record.id)], practiceId: practice.id };
      }),
  }),
);

builder.mutationField('createFacility', (t) =>
  t.field({
    type: FacilityPayload,
    description: 'Adds a service location to a practice. Admins only.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: CreateFacilityInput, required: true }) },
    errors: { types: COMMON_ERRORS, union: { name: 'CreateFacilityPayload' } },
    resolve: (_root, { input }, ctx: BillingContext) =>
      audited(ctx, 'createFacility', async (tx) => {
        const practice = await requirePractice(tx, input.practiceId);
        new FieldChecks()
          .notBlank(['input', 'name'], input.name)
          .npi(['input', 'npi'], input.npi)
          .placeOfService(['input', 'placeOfService'], input.placeOfService)
          .state(['input', 'address', 'state'], input.address.state)
          .postalCode(['input', 'address', 'postalCode'], input.address.postalCode)
          .throwIfAny();
        const a = input.address;
        const data = { name: input.name.trim(), npi: input.npi ?? null, placeOfService: input.placeOfService ?? null, practiceId: practice.id, addressLine1: a.line1, addressLine2: a.line2 ?? null, city: a.city, state: a.state, postalCode: a.postalCode };
        const { record } = await upsertByExternalId(tx.facility, input.externalId, { ...data, organizationId: ctx.principal.organizationId }, data);
        return { result: { facility: record }, recordIds: [globalId('Facility', record.id)], practiceId: practice.id };
      }),
  }),
);
