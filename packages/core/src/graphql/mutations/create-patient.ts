import type { Patient } from '../../db/prisma-client.ts';

import { audited } from '../../audit/audited.ts';
import { FieldChecks } from '../../domain/field-checks.ts';
import { NotFoundError } from '../../errors/billing-errors.ts';
import { todayIn } from '../../util/calendar-date.ts';
import { builder } from '../builder.ts';
import { decodeId, globalId } from '../global-id.ts';
import { AddressInput } from '../types/address.ts';
import { COMMON_ERRORS } from '../types/errors.ts';
import { ContactChannelEnum, PatientRef, SexEnum } from '../types/patient.ts';

const CreatePatientInput = builder.inputType('CreatePatientInput', {
  fields: (t) => ({
    practiceId: t.id({ required: true }),
    externalId: t.string({ description: 'Your id for the patient; creating again with it returns the same patient.' }),
    accountNumber: t.string({ description: 'Unique in the organization; generated when omitted.' }),
    firstName: t.string({ required: true }),
    middleName: t.string(),
    lastName: t.string({ required: true }),
    dateOfBirth: t.field({ type: 'Date', required: true }),
    sex: t.field({ type: SexEnum, required: true }),
    address: t.field({ type: AddressInput }),
    homePhone: t.string(),
    mobilePhone: t.string(),
    email: t.string(),
    preferredChannel: t.field({ type: ContactChannelEnum }),
    timeZone: t.string({ description: 'IANA time zone; defaults to the practice’s.' }),
  }),
});

const CreatePatientSuccess = builder.objectRef<{ patient: Patient }>('CreatePatientSuccess').implement({
  fields: (t) => ({ patient: t.field({ type: PatientRef, resolve: (r) => r.patient }) }),
});

builder.mutationField('createPatient', (t) =>
  t.field({
    type: CreatePatientSuccess,
    description: 'Registers a patient with a practice. Admins, billers and front desk.',
    authScopes: { admin: true, biller: true, frontdesk: true },
    args: { input: t.arg({ type: CreatePatientInput, required: true }) },
    errors: { types: COMMON_ERRORS, union: { name: 'CreatePatientPayload' } },
    resolve: (_root, { input }, ctx) =>
      audited(ctx, 'createPatient', async (tx) => {
        const practiceId = decodeId('Practice', String(input.practiceId), ['input', 'practiceId']);
        const practice = await tx.practice.findUnique({ where: { id: practiceId } });
        if (!practice) throw new NotFoundError('Practice', String(input.practiceId));
        new FieldChecks()
          .notBlank(['input', 'firstName'], input.firstName)
          .notBlank(['input', 'lastName'], input.lastName)
          .pastDate(['input', 'dateOfBirth'], input.dateOfBirth, todayIn(practice.timeZone))
          .state(['input', 'address', 'state'], input.address?.state)
          .postalCode(['input', 'address', 'postalCode'], input.address?.postalCode)
          .timeZone(['input', 'timeZone'], input.timeZone)
          .throwIfAny();
        const existing = input.externalId ? await tx.patient.findFirst({ where: { externalId: input.externalId } }) : null;
        const patient =
          existing ??
          (await tx.patient.create({
            data: {
              organizationId: ctx.principal.organizationId,
              practiceId,
              externalId: input.externalId ?? null,
              accountNumber: input.accountNumber ?? (await nextAccountNumber(tx)),
              firstName: input.firstName.trim(),
              middleName: input.middleName ?? null,
              lastName: input.lastName.trim(),
              dateOfBirth: input.dateOfBirth,
              sex: input.sex,
              addressLine1: input.address?.line1 ?? null,
              addressLine2: input.address?.line2 ?? null,
              city: input.address?.city ?? null,
              state: input.address?.state ?? null,
              postalCode: input.address?.postalCode ?? null,
              homePhone: input.homePhone ?? null,
              mobilePhone: input.mobilePhone ?? null,
              email: input.email ?? null,
              preferredChannel: input.preferredChannel ?? 'MAIL',
              timeZone: input.timeZone ?? practice.timeZone,
              timeZoneOverridden: input.timeZone != null,
            },
          }));
        return { result: { patient }, recordIds: [globalId('Patient', patient.id)], practiceId };
      }),
  }),
);

/** Sequential within the organization (A000001, …): short enough to print on a statement and read on the phone. */
async function nextAccountNumber(tx: Parameters<Parameters<typeof audited>[2]>[0]): Promise<string> {
  const count = await tx.patient.count();
  return `A${String(count + 1).padStart(6, '0')}`;
}
