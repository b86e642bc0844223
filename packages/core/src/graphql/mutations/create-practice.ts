import type { Practice } from '../../db/prisma-client.ts';
import { PracticeRef } from '../types/practice.ts';
import { audited } from '../../audit/audited.ts';
import { FieldChecks } from '../../domain/field-checks.ts';
import { builder } from '../builder.ts';
import { globalId } from '../global-id.ts';
import { AddressInput } from '../types/address.ts';
import { COMMON_ERRORS } from '../types/errors.ts';

const CreatePracticeInput = builder.inputType('CreatePracticeInput', {
  fields: (t) => ({
    externalId: t.string({ description: 'Your id for the practice; creating again with it returns the same practice.' }),
    name: t.string({ required: true }),
    npi: t.string({ required: true, description: 'Type 2 NPI; the check digit is verified.' }),
    taxId: t.string({ required: true, description: 'EIN, 9 digits (a dash is allowed).' }),
    taxonomyCode: t.string(),
    address: t.field({ type: AddressInput, required: true }),
    phone: t.string(),
    timeZone: t.string({ required: true, description: 'IANA time zone, e.g. America/New_York.' }),
  }),
});

const CreatePracticeSuccess = builder.objectRef<{ practice: Practice }>('CreatePracticeSuccess').implement({
  fields: (t) => ({ practice: t.field({ type: PracticeRef, resolve: (r) => r.practice }) }),
});

builder.mutationField('createPractice', (t) =>
  t.field({
    type: CreatePracticeSuccess,
    description: 'Adds a billing provider to your organization. Admins only.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: CreatePracticeInput, required: true }) },
    errors: { types: COMMON_ERRORS, union: { name: 'CreatePracticePayload' } },
    resolve: (_root, { input }, ctx) =>
      audited(ctx, 'createPractice', async (tx) => {
        const checks = new FieldChecks()
          .notBlank(['input', 'name'], input.name)
          .npi(['input', 'npi'], input.npi)
          .taxId(['input', 'taxId'], input.taxId)
          .state(['input', 'address', 'state'], input.address.state)
          .postalCode(['input', 'address', 'postalCode'], input.address.postalCode)
          .timeZone(['input', 'timeZone'], input.timeZone);
        checks.throwIfAny();
        const existing = input.externalId ? await tx.practice.findFirst({ where: { externalId: input.externalId } }) : null;
        const practice =
          existing ??
          (await tx.practice.create({
            data: {
              organizationId: ctx.principal.organizationId,
              externalId: input.externalId ?? null,
              name: input.name.trim(),
              npi: input.npi,
              taxId: input.taxId.replace('-', ''),
              taxonomyCode: input.taxonomyCode ?? null,
              addressLine1: input.address.line1,
              addressLine2: input.address.line2 ?? null,
              city: input.address.city,
              state: input.address.state,
              postalCode: input.address.postalCode,
              phone: input.phone ?? null,
              timeZone: input.timeZone,
            },
          }));
        return { result: { practice }, recordIds: [globalId('Practice', practice.id)], practiceId: practice.id };
      }),
  }),
);
