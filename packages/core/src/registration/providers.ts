import { audited } from '../audit/audited.ts';
import type { Facility, Provider } from '../db/prisma-client.ts';
import { globalId } from '../ids/global-id.ts';
import { defineOperation } from '../operations/define-operation.ts';
import { FieldChecks } from '../validation/field-checks.ts';
import type { AddressInput } from './address.ts';
import { requirePractice } from './practices.ts';
import { upsertByExternalId } from './upsert-by-external-id.ts';

export interface CreateProviderInput {
  practiceId: string;
  /** The vendor's id: creating again with it updates the same provider. */
  externalId?: string | null;
  firstName: string;
  lastName: string;
  /** e.g. MD, DO, NP, PA. */
  credential?: string | null;
  /** Type 1 (individual) NPI; the check digit is verified. */
  npi: string;
  taxonomyCode?: string | null;
}

/** Adds a rendering or billing clinician to a practice. */
export const createProvider = defineOperation({
  name: 'createProvider',
  roles: ['admin'],
  run: (ctx, input: CreateProviderInput): Promise<{ provider: Provider }> =>
    audited(ctx, 'createProvider', async (tx) => {
      const practice = await requirePractice(tx, input.practiceId);
      new FieldChecks()
        .notBlank(['input', 'firstName'], input.firstName)
        .notBlank(['input', 'lastName'], input.lastName)
        .npi(['input', 'npi'], input.npi)
        .throwIfAny();
      const data = {
        firstName: input.firstName.trim(),
        lastName: input.lastName.trim(),
        credential: input.credential ?? null,
        npi: input.npi,
        taxonomyCode: input.taxonomyCode ?? null,
        practiceId: practice.id,
      };
      const create = { ...data, organizationId: ctx.principal.organizationId };
      const { record } = await upsertByExternalId(tx.provider, input.externalId, create, data);
      return { result: { provider: record }, recordIds: [globalId('Provider', record.id)], practiceId: practice.id };
    }),
});

export interface CreateFacilityInput {
  practiceId: string;
  externalId?: string | null;
  name: string;
  npi?: string | null;
  /** Default CMS place-of-service code of visits here. */
  placeOfService?: string | null;
  address: AddressInput;
}

/** Adds a service location to a practice. */
export const createFacility = defineOperation({
  name: 'createFacility',
  roles: ['admin'],
  run: (ctx, input: CreateFacilityInput): Promise<{ facility: Facility }> =>
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
      const data = {
        name: input.name.trim(),
        npi: input.npi ?? null,
        placeOfService: input.placeOfService ?? null,
        practiceId: practice.id,
        addressLine1: a.line1,
        addressLine2: a.line2 ?? null,
        city: a.city,
        state: a.state,
        postalCode: a.postalCode,
      };
      const create = { ...data, organizationId: ctx.principal.organizationId };
      const { record } = await upsertByExternalId(tx.facility, input.externalId, create, data);
      return { result: { facility: record }, recordIds: [globalId('Facility', record.id)], practiceId: practice.id };
    }),
});
