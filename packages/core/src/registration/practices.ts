import { audited } from '../audit/audited.ts';
import type { Db, Practice } from '../db/prisma-client.ts';
import { NotFoundError } from '../errors/billing-errors.ts';
import { globalId } from '../ids/global-id.ts';
import { defineOperation } from '../operations/define-operation.ts';
import { FieldChecks } from '../validation/field-checks.ts';
import { addressColumns } from './address.ts';
import type { AddressInput } from './address.ts';
import { upsertByExternalId } from './upsert-by-external-id.ts';

export interface PracticeFields {
  name?: string | null;
  /** Type 2 NPI; the check digit is verified. */
  npi?: string | null;
  /** EIN, 9 digits (a dash is allowed). */
  taxId?: string | null;
  taxonomyCode?: string | null;
  phone?: string | null;
  /** IANA time zone, e.g. America/New_York. */
  timeZone?: string | null;
  address?: AddressInput | null;
}

export interface CreatePracticeInput extends PracticeFields {
  name: string;
  npi: string;
  taxId: string;
  timeZone: string;
  address: AddressInput;
  /** The vendor's id: creating again with it updates the same practice. */
  externalId?: string | null;
}

function check(input: PracticeFields): void {
  new FieldChecks()
    .notBlank(['input', 'name'], input.name)
    .npi(['input', 'npi'], input.npi)
    .taxId(['input', 'taxId'], input.taxId ?? '000000000')
    .state(['input', 'address', 'state'], input.address?.state)
    .postalCode(['input', 'address', 'postalCode'], input.address?.postalCode)
    .timeZone(['input', 'timeZone'], input.timeZone)
    .throwIfAny();
}

function practiceData(input: PracticeFields): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  if (input.name != null) data.name = input.name.trim();
  if (input.npi != null) data.npi = input.npi;
  if (input.taxId != null) data.taxId = input.taxId.replace('-', '');
  if (input.taxonomyCode !== undefined) data.taxonomyCode = input.taxonomyCode;
  if (input.phone !== undefined) data.phone = input.phone;
  if (input.timeZone != null) data.timeZone = input.timeZone;
  if (input.address) Object.assign(data, addressColumns(input.address));
  return data;
}

/** Adds a billing provider to the organization (or updates the one with this external id). */
export const createPractice = defineOperation({
  name: 'createPractice',
  roles: ['admin'],
  run: (ctx, input: CreatePracticeInput): Promise<{ practice: Practice }> =>
    audited(ctx, 'createPractice', async (tx) => {
      check(input);
      const data = practiceData(input);
      const create = { ...data, organizationId: ctx.principal.organizationId };
      const { record } = await upsertByExternalId(tx.practice, input.externalId, create, data);
      return { result: { practice: record }, recordIds: [globalId('Practice', record.id)], practiceId: record.id };
    }),
});

/** Changes a practice's details; only the fields given change. */
export const updatePractice = defineOperation({
  name: 'updatePractice',
  roles: ['admin'],
  run: (ctx, input: PracticeFields & { id: string }): Promise<{ practice: Practice }> =>
    audited(ctx, 'updatePractice', async (tx) => {
      const { id } = input;
      await requirePractice(tx, id);
      check(input);
      const practice = await tx.practice.update({ where: { id }, data: practiceData(input) });
      return { result: { practice }, recordIds: [globalId('Practice', id)], practiceId: id };
    }),
});

/** The practice a record is created under, which must exist in the caller's organization (and practices). */
export async function requirePractice(tx: Db, practiceId: string) {
  const practice = await tx.practice.findUnique({ where: { id: practiceId } });
  if (!practice) throw new NotFoundError('Practice', globalId('Practice', practiceId));
  return practice;
}
