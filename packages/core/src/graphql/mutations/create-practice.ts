import type { Practice } from '../../db/prisma-client.ts';
import { audited } from '../../audit/audited.ts';
import { FieldChecks } from '../../domain/field-checks.ts';
import { NotFoundError } from '../../errors/billing-errors.ts';
import { builder } from '../builder.ts';
import { decodeId, globalId } from '../global-id.ts';
import { AddressInput } from '../types/address.ts';
import { COMMON_ERRORS } from '../types/errors.ts';
import { PracticeRef } from '../types/practice.ts';
import { upsertByExternalId } from './upsert-by-external-id.ts';

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
    externalId: t.string({ description: 'Your id for the practice; creating again with it updates the same practice.' }),
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

type PracticeInput = { name?: string | null; npi?: string | null; taxId?: string | null; taxonomyCode?: string | null; phone?: string | null; timeZone?: string | null; address?: { line1: string; line2?: string | null; city: string; state: string; postalCode: string } | null };

function check(input: PracticeInput): void {
  new FieldChecks()
    .notBlank(['input', 'name'], input.name)
    .npi(['input', 'npi'], input.npi)
    .taxId(['input', 'taxId'], input.taxId ?? '000000000')
    .state(['input', 'address', 'state'], input.address?.state)
    .postalCode(['input', 'address', 'postalCode'], input.address?.postalCode)
    .timeZone(['input', 'timeZone'], input.timeZone)
    .throwIfAny();
}

function practiceData(input: PracticeInput): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  if (input.name != null) data.name = input.name.trim();
  if (input.npi != null) data.npi = input.npi;
  if (input.taxId != null) data.taxId = input.taxId.replace('-', '');
  if (input.taxonomyCode !== undefined) data.taxonomyCode = input.taxonomyCode;
  if (input.phone !== undefined) data.phone = input.phone;
  if (input.timeZone != null) data.timeZone = input.timeZone;
  if (input.address) {
    Object.assign(data, { addressLine1: input.address.line1, addressLine2: input.address.line2 ?? null, city: input.address.city, state: input.address.state, postalCode: input.address.postalCode });
  }
  return data;
}

builder.mutationField('createPractice', (t) =>
  t.field({
    type: PracticePayload,
    description: 'Adds a billing provider to your organization (or updates the one with this external id). Admins only.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: CreatePracticeInput, required: true }) },
    errors: { types: COMMON_ERRORS, union: { name: 'CreatePracticePayload' } },
    resolve: (_root, { input }, ctx) =>
      audited(ctx, 'createPractice', async (tx) => {
        check(input);
        const data = practiceData(input);
        const { record } = await upsertByExternalId(tx.practice, input.externalId, { ...data, organizationId: ctx.principal.organizationId }, data);
        return { result: { practice: record }, recordIds: [globalId('Practice', record.id)], practiceId: record.id };
      }),
  }),
);

builder.mutationField('updatePractice', (t) =>
  t.field({
    type: PracticePayload,
    description: 'Changes a practice’s details. Admins only.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: UpdatePracticeInput, required: true }) },
    errors: { types: COMMON_ERRORS, union: { name: 'UpdatePracticePayload' } },
    resolve: (_root, { input }, ctx) =>
      audited(ctx, 'updatePractice', async (tx) => {
        const id = decodeId('Practice', String(input.id), ['input', 'id']);
        if (!(await tx.practice.findUnique({ where: { id } }))) throw new NotFoundError('Practice', String(input.id));
        check(input);
        const practice = await tx.practice.update({ where: { id }, data: practiceData(input) });
        return { result: { practice }, recordIds: [globalId('Practice', id)], practiceId: id };
      }),
  }),
);
