import type { Db, Patient } from '../../db/prisma-client.ts';
import { audited } from '../../audit/audited.ts';
import { FieldChecks } from '../../domain/field-checks.ts';
import { timeZoneForState } from '../../domain/state-time-zone.ts';
import { NotFoundError } from '../../errors/billing-errors.ts';
import { todayIn } from '../../util/calendar-date.ts';
import { builder } from '../builder.ts';
import type { BillingContext } from '../context.ts';
import { decodeId, globalId } from '../global-id.ts';
import { COMMON_ERRORS } from '../types/errors.ts';
import { PatientRef } from '../types/patient.ts';
import { checkCoverage, coverageData } from './coverages.ts';
import { placeCoverage } from './coverage-priority.ts';
import { CoverageInput, patientFields } from './patient-inputs.ts';
import { requirePractice } from './create-provider.ts';

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

interface PatientResult {
  patient: Patient;
  possibleDuplicates: Patient[];
}

const PatientPayload = builder.objectRef<PatientResult>('PatientSuccess').implement({
  fields: (t) => ({
    patient: t.field({ type: PatientRef, resolve: (r) => r.patient }),
    possibleDuplicates: t.field({
      type: [PatientRef],
      description: 'Other patients with the same name and date of birth (and member id, when coverages were given). Never merged automatically: review them.',
      resolve: (r) => r.possibleDuplicates,
    }),
  }),
});

type Address = { line1: string; line2?: string | null; city: string; state: string; postalCode: string };
type GuarantorInputShape = { relationship: 'SELF' | 'SPOUSE' | 'PARENT' | 'LEGAL_GUARDIAN' | 'OTHER'; firstName?: string | null; lastName?: string | null; dateOfBirth?: string | null; address?: Address | null; phone?: string | null; email?: string | null };
type PatientInputShape = {
  firstName?: string | null; middleName?: string | null; lastName?: string | null; dateOfBirth?: string | null; sex?: 'FEMALE' | 'MALE' | 'UNKNOWN' | null;
  address?: Address | null; homePhone?: string | null; mobilePhone?: string | null; workPhone?: string | null; noContactAtWork?: boolean | null; email?: string | null; preferredChannel?: 'MAIL' | 'EMAIL' | 'SMS' | 'PHONE' | null;
  emailOptOut?: boolean | null; smsOptOut?: boolean | null; phoneOptOut?: boolean | null; timeZone?: string | null; guarantor?: GuarantorInputShape | null;
};

function checkPatient(checks: FieldChecks, input: PatientInputShape, today: string): FieldChecks {
  checks
    .notBlank(['input', 'firstName'], input.firstName)
    .notBlank(['input', 'lastName'], input.lastName)
    .pastDate(['input', 'dateOfBirth'], input.dateOfBirth, today)
    .state(['input', 'address', 'state'], input.address?.state)
    .postalCode(['input', 'address', 'postalCode'], input.address?.postalCode)
    .timeZone(['input', 'timeZone'], input.timeZone);
  if (input.email != null && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(input.email)) checks.add(['input', 'email'], 'INVALID_EMAIL', `"${input.email}" is not an email address`);
  for (const field of ['homePhone', 'mobilePhone', 'workPhone'] as const) {
    const phone = input[field];
    if (phone != null && !/^\d{10}$/.test(phone.replace(/[\s().-]/g, '').replace(/^\+?1(?=\d{10}$)/, ''))) checks.add(['input', field], 'INVALID_PHONE', `"${phone}" is not a 10-digit US phone number`);
  }
  const g = input.guarantor;
  if (g && g.relationship !== 'SELF') {
    if (!g.firstName?.trim()) checks.add(['input', 'guarantor', 'firstName'], 'REQUIRED', 'a guarantor other than the patient needs a name');
    if (!g.lastName?.trim()) checks.add(['input', 'guarantor', 'lastName'], 'REQUIRED', 'a guarantor other than the patient needs a name');
    checks.pastDate(['input', 'guarantor', 'dateOfBirth'], g.dateOfBirth, today).state(['input', 'guarantor', 'address', 'state'], g.address?.state);
  }
  return checks;
}

const phone = (value: string | null | undefined) => (value == null ? value : value.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, ''));

function patientData(input: PatientInputShape, fallbackZone: string): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const key of ['middleName', 'dateOfBirth', 'sex', 'email', 'preferredChannel', 'emailOptOut', 'smsOptOut', 'phoneOptOut', 'noContactAtWork'] as const) {
    if (input[key] != null) data[key] = input[key];
  }
  if (input.firstName != null) data.firstName = input.firstName.trim();
  if (input.lastName != null) data.lastName = input.lastName.trim();
  if (input.homePhone !== undefined) data.homePhone = phone(input.homePhone);
  if (input.mobilePhone !== undefined) data.mobilePhone = phone(input.mobilePhone);
  if (input.workPhone !== undefined) data.workPhone = phone(input.workPhone);
  if (input.address) Object.assign(data, { addressLine1: input.address.line1, addressLine2: input.address.line2 ?? null, city: input.address.city, state: input.address.state, postalCode: input.address.postalCode });
  if (input.timeZone) Object.assign(data, { timeZone: input.timeZone, timeZoneOverridden: true });
  else if (input.address) Object.assign(data, { timeZone: timeZoneForState(input.address.state) ?? fallbackZone, timeZoneOverridden: false });
  return data;
}

/** The patient's guarantor record: the patient as SELF, or the person given. */
async function saveGuarantor(tx: Db, ctx: BillingContext, patient: Patient, input: GuarantorInputShape | null | undefined): Promise<string | null> {
  const g = input ?? (patient.guarantorId ? null : { relationship: 'SELF' as const });
  if (!g) return patient.guarantorId;
  const self = g.relationship === 'SELF';
  const data = {
    relationship: g.relationship,
    firstName: self ? patient.firstName : (g.firstName ?? '').trim(),
    lastName: self ? patient.lastName : (g.lastName ?? '').trim(),
    dateOfBirth: self ? patient.dateOfBirth : (g.dateOfBirth ?? null),
    addressLine1: g.address?.line1 ?? patient.addressLine1, addressLine2: g.address ? (g.address.line2 ?? null) : patient.addressLine2,
    city: g.address?.city ?? patient.city, state: g.address?.state ?? patient.state, postalCode: g.address?.postalCode ?? patient.postalCode,
    phone: g.phone ?? (self ? (patient.mobilePhone ?? patient.homePhone) : null), email: g.email ?? (self ? patient.email : null),
    timeZone: (g.address ? timeZoneForState(g.address.state) : undefined) ?? patient.timeZone,
  };
  if (patient.guarantorId) {
    await tx.guarantor.update({ where: { id: patient.guarantorId }, data });
    return patient.guarantorId;
  }
  return (await tx.guarantor.create({ data: { ...data, organizationId: ctx.principal.organizationId } })).id;
}

/** Same name and date of birth — and, when member ids are known, the same member id. Never merged: reported. */
async function possibleDuplicates(tx: Db, patient: Patient, memberIds: string[]): Promise<Patient[]> {
  const sameBirthday = await tx.patient.findMany({ where: { dateOfBirth: patient.dateOfBirth, NOT: { id: patient.id } }, include: { coverages: true }, take: 200 });
  const same = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();
  return sameBirthday
    .filter((p) => same(p.firstName, patient.firstName) && same(p.lastName, patient.lastName))
    .filter((p) => memberIds.length === 0 || p.coverages.some((c) => memberIds.includes(c.memberId)))
    .map(({ coverages: _coverages, ...rest }) => rest);
}

/** A000001-style: short enough for a statement and a phone call; unique in the organization. */
async function nextAccountNumber(tx: Db): Promise<string> {
  for (let n = (await tx.patient.count()) + 1; ; n++) {
    const candidate = `A${String(n).padStart(6, '0')}`;
    if (!(await tx.patient.findFirst({ where: { accountNumber: candidate } }))) return candidate;
  }
}

builder.mutationField('createPatient', (t) =>
  t.field({
    type: PatientPayload,
    description: 'Registers a patient with a practice, with guarantor and coverages. Admins, billers and front desk.',
    authScopes: { admin: true, biller: true, frontdesk: true },
    args: { input: t.arg({ type: CreatePatientInput, required: true }) },
    errors: { types: COMMON_ERRORS, union: { name: 'CreatePatientPayload' } },
    resolve: (_root, { input }, ctx) =>
      audited(ctx, 'createPatient', async (tx) => {
        const practice = await requirePractice(tx, input.practiceId);
        const today = todayIn(practice.timeZone, ctx.clock.now());
        const checks = checkPatient(new FieldChecks(), input, today);
        const coverages = input.coverages ?? [];
        coverages.forEach((c, i) => checkCoverage(checks, c, ['input', 'coverages', i], input.dateOfBirth));
        checks.throwIfAny();
        const payerIds = await Promise.all(coverages.map(async (c, i) => {
          const payerId = decodeId('Payer', String(c.payerId), ['input', 'coverages', i, 'payerId']);
          if (!(await tx.payer.findUnique({ where: { id: payerId } }))) throw new NotFoundError('Payer', String(c.payerId));
          return payerId;
        }));
        const data = patientData(input, practice.timeZone);
        const existing = input.externalId ? await tx.patient.findFirst({ where: { externalId: input.externalId } }) : null;
        let patient = existing
          ? await tx.patient.update({ where: { id: existing.id }, data })
          : await tx.patient.create({
              data: {
                ...data, organizationId: ctx.principal.organizationId, practiceId: practice.id, externalId: input.externalId ?? null,
                accountNumber: input.accountNumber ?? (await nextAccountNumber(tx)), timeZone: data.timeZone ?? practice.timeZone,
              } as never,
            });
        const guarantorId = await saveGuarantor(tx, ctx, patient, input.guarantor);
        if (guarantorId !== patient.guarantorId) patient = await tx.patient.update({ where: { id: patient.id }, data: { guarantorId } });
        const recordIds = [globalId('Patient', patient.id)];
        for (const [i, c] of coverages.entries()) {
          const known = await tx.coverage.findFirst({ where: { patientId: patient.id, payerId: payerIds[i], memberId: c.memberId, active: true } });
          if (known) continue; // the same registration sent twice adds nothing
          const coverage = await tx.coverage.create({ data: { ...coverageData(c), organizationId: ctx.principal.organizationId, patientId: patient.id, payerId: payerIds[i]! } as never });
          await placeCoverage(tx, patient.id, coverage.id, c.priority, ['input', 'coverages', i, 'priority']);
          recordIds.push(globalId('Coverage', coverage.id));
        }
        const duplicates = existing ? [] : await possibleDuplicates(tx, patient, coverages.map((c) => c.memberId));
        return { result: { patient, possibleDuplicates: duplicates }, recordIds, practiceId: practice.id };
      }),
  }),
);

builder.mutationField('updatePatient', (t) =>
  t.field({
    type: PatientPayload,
    description: 'Changes a patient’s demographics, contact preferences or guarantor. Admins, billers and front desk.',
    authScopes: { admin: true, biller: true, frontdesk: true },
    args: { input: t.arg({ type: UpdatePatientInput, required: true }) },
    errors: { types: COMMON_ERRORS, union: { name: 'UpdatePatientPayload' } },
    resolve: (_root, { input }, ctx) =>
      audited(ctx, 'updatePatient', async (tx) => {
        const id = decodeId('Patient', String(input.id), ['input', 'id']);
        const current = await tx.patient.findUnique({ where: { id }, include: { practice: true } });
        if (!current) throw new NotFoundError('Patient', String(input.id));
        checkPatient(new FieldChecks(), input, todayIn(current.practice.timeZone, ctx.clock.now())).throwIfAny();
        const data = patientData(input, current.practice.timeZone);
        // timeZone: null clears an override: the zone is derived from the address again.
        if (input.timeZone === null) Object.assign(data, { timeZone: timeZoneForState(input.address?.state ?? current.state) ?? current.practice.timeZone, timeZoneOverridden: false });
        let patient = await tx.patient.update({ where: { id }, data });
        const guarantorId = await saveGuarantor(tx, ctx, patient, input.guarantor);
        if (guarantorId !== patient.guarantorId) patient = await tx.patient.update({ where: { id }, data: { guarantorId } });
        return { result: { patient, possibleDuplicates: [] }, recordIds: [globalId('Patient', id)], practiceId: patient.practiceId };
      }),
  }),
);
