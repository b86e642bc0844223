import { audited } from '../audit/audited.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';
import { nextControlNumber } from '../submission/control-numbers.ts';
import type { DomainContext } from '../context/domain-context.ts';
import type { Db, Patient } from '../db/prisma-client.ts';
import { NotFoundError } from '../errors/billing-errors.ts';
import { globalId } from '../ids/global-id.ts';
import { defineOperation } from '../operations/define-operation.ts';
import { todayIn } from '../util/calendar-date.ts';
import { FieldChecks } from '../validation/field-checks.ts';
import { timeZoneForState } from '../validation/state-time-zone.ts';
import type { AddressInput } from './address.ts';
import type { CoverageFields } from './coverage-fields.ts';
import { checkCoverage, coverageData } from './coverage-fields.ts';
import { placeCoverage } from './coverage-priority.ts';
import { requirePractice } from './practices.ts';

export type GuarantorFields = {
  relationship: 'SELF' | 'SPOUSE' | 'PARENT' | 'LEGAL_GUARDIAN' | 'OTHER';
  firstName?: string | null;
  lastName?: string | null;
  dateOfBirth?: string | null;
  address?: AddressInput | null;
  phone?: string | null;
  email?: string | null;
};
export type PatientFields = {
  firstName?: string | null;
  middleName?: string | null;
  lastName?: string | null;
  dateOfBirth?: string | null;
  sex?: 'FEMALE' | 'MALE' | 'UNKNOWN' | null;
  address?: AddressInput | null;
  homePhone?: string | null;
  mobilePhone?: string | null;
  workPhone?: string | null;
  noContactAtWork?: boolean | null;
  email?: string | null;
  preferredChannel?: 'MAIL' | 'EMAIL' | 'SMS' | 'PHONE' | null;
  emailOptOut?: boolean | null;
  smsOptOut?: boolean | null;
  phoneOptOut?: boolean | null;
  timeZone?: string | null;
  guarantor?: GuarantorFields | null;
};

function checkPatient(checks: FieldChecks, input: PatientFields, today: string): FieldChecks {
  checks
    .notBlank(['input', 'firstName'], input.firstName)
    .notBlank(['input', 'lastName'], input.lastName)
    .pastDate(['input', 'dateOfBirth'], input.dateOfBirth, today)
    .state(['input', 'address', 'state'], input.address?.state)
    .postalCode(['input', 'address', 'postalCode'], input.address?.postalCode)
    .timeZone(['input', 'timeZone'], input.timeZone);
  if (input.email != null && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(input.email))
    checks.add(['input', 'email'], 'INVALID_EMAIL', `"${input.email}" is not an email address`);
  for (const field of ['homePhone', 'mobilePhone', 'workPhone'] as const) {
    const phone = input[field];
    if (phone != null && !/^\d{10}$/.test(phone.replace(/[\s().-]/g, '').replace(/^\+?1(?=\d{10}$)/, '')))
      checks.add(['input', field], 'INVALID_PHONE', `"${phone}" is not a 10-digit US phone number`);
  }
  const g = input.guarantor;
  if (g && g.relationship !== 'SELF') {
    if (!g.firstName?.trim())
      checks.add(['input', 'guarantor', 'firstName'], 'REQUIRED', 'a guarantor other than the patient needs a name');
    if (!g.lastName?.trim())
      checks.add(['input', 'guarantor', 'lastName'], 'REQUIRED', 'a guarantor other than the patient needs a name');
    checks
      .pastDate(['input', 'guarantor', 'dateOfBirth'], g.dateOfBirth, today)
      .state(['input', 'guarantor', 'address', 'state'], g.address?.state);
  }
  return checks;
}

const phone = (value: string | null | undefined) =>
  value == null ? value : value.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');

function patientData(input: PatientFields, fallbackZone: string): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const key of [
    'middleName',
    'dateOfBirth',
    'sex',
    'email',
    'preferredChannel',
    'emailOptOut',
    'smsOptOut',
    'phoneOptOut',
    'noContactAtWork',
  ] as const) {
    if (input[key] != null) data[key] = input[key];
  }
  if (input.firstName != null) data.firstName = input.firstName.trim();
  if (input.lastName != null) data.lastName = input.lastName.trim();
  if (input.homePhone !== undefined) data.homePhone = phone(input.homePhone);
  if (input.mobilePhone !== undefined) data.mobilePhone = phone(input.mobilePhone);
  if (input.workPhone !== undefined) data.workPhone = phone(input.workPhone);
  if (input.address)
    Object.assign(data, {
      addressLine1: input.address.line1,
      addressLine2: input.address.line2 ?? null,
      city: input.address.city,
      state: input.address.state,
      postalCode: input.address.postalCode,
    });
  if (input.timeZone) Object.assign(data, { timeZone: input.timeZone, timeZoneOverridden: true });
  else if (input.address)
    Object.assign(data, { timeZone: timeZoneForState(input.address.state) ?? fallbackZone, timeZoneOverridden: false });
  return data;
}

/** The patient's guarantor record: the patient as SELF, or the person given. */
async function saveGuarantor(
  tx: Db,
  ctx: DomainContext,
  patient: Patient,
  input: GuarantorFields | null | undefined,
): Promise<string | null> {
  const g = input ?? (patient.guarantorId ? null : { relationship: 'SELF' as const });
  if (!g) return patient.guarantorId;
  const self = g.relationship === 'SELF';
  const data = {
    relationship: g.relationship,
    firstName: self ? patient.firstName : (g.firstName ?? '').trim(),
    lastName: self ? patient.lastName : (g.lastName ?? '').trim(),
    dateOfBirth: self ? patient.dateOfBirth : (g.dateOfBirth ?? null),
    addressLine1: g.address?.line1 ?? patient.addressLine1,
    addressLine2: g.address ? (g.address.line2 ?? null) : patient.addressLine2,
    city: g.address?.city ?? patient.city,
    state: g.address?.state ?? patient.state,
    postalCode: g.address?.postalCode ?? patient.postalCode,
    phone: g.phone ?? (self ? (patient.mobilePhone ?? patient.homePhone) : null),
    email: g.email ?? (self ? patient.email : null),
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
  const sameBirthday = await tx.patient.findMany({
    where: { dateOfBirth: patient.dateOfBirth, NOT: { id: patient.id } },
    include: { coverages: true },
    take: 200,
  });
  const same = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();
  return sameBirthday
    .filter((p) => same(p.firstName, patient.firstName) && same(p.lastName, patient.lastName))
    .filter((p) => memberIds.length === 0 || p.coverages.some((c) => memberIds.includes(c.memberId)))
    .map(({ coverages: _coverages, ...rest }) => rest);
}

/** A000001-style: short enough for a statement and a phone call; unique in the organization. */
async function nextAccountNumber(tx: Db, organizationId: string): Promise<string> {
  for (;;) {
    // A per-organization sequence: concurrent registrations never draw the same number.
    const n = await nextControlNumber(tx, organizationId, 'PATIENT_ACCOUNT');
    const candidate = `A${String(n).padStart(6, '0')}`;
    // An account the vendor numbered itself may hold a number of the sequence: skip it.
    if (!(await tx.patient.findFirst({ where: { accountNumber: candidate } }))) return candidate;
  }
}

export interface CreatePatientInput extends PatientFields {
  practiceId: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  /** The vendor's id: registering again with it updates the same patient. */
  externalId?: string | null;
  /** @default the next A000001-style number */
  accountNumber?: string | null;
  coverages?: CoverageFields[] | null;
}

export interface PatientResult {
  patient: Patient;
  /** Same name and date of birth (and member id when known): reported, never merged. */
  possibleDuplicates: Patient[];
}

const ROLES = ['admin', 'biller', 'frontdesk'] as const;

/** Registers a patient with a practice, with guarantor and coverages. */
export const createPatient = defineOperation({
  name: 'createPatient',
  roles: ROLES,
  run: async (ctx, input: CreatePatientInput): Promise<PatientResult> => {
    // A concurrent registration of the same external id (or an account number held outside the caller's
    // practices) wins the unique key: the next attempt finds the winner or draws the next number.
    for (let attempt = 1; ; attempt++) {
      try {
        return await register(ctx, input);
      } catch (error) {
        if (!isUniqueViolation(error) || attempt === 3) throw error;
      }
    }
  },
});

function register(ctx: DomainContext, input: CreatePatientInput): Promise<PatientResult> {
  return audited(ctx, 'createPatient', async (tx) => {
    const practice = await requirePractice(tx, input.practiceId);
    const today = todayIn(practice.timeZone, ctx.clock.now());
    const checks = checkPatient(new FieldChecks(), input, today);
    const coverages = input.coverages ?? [];
    for (const [i, c] of coverages.entries()) checkCoverage(checks, c, ['input', 'coverages', i], input.dateOfBirth);
    checks.throwIfAny();
    for (const { payerId } of coverages) {
      if (!(await tx.payer.findUnique({ where: { id: payerId } })))
        throw new NotFoundError('Payer', globalId('Payer', payerId));
    }
    const data = patientData(input, practice.timeZone);
    const existing = input.externalId ? await tx.patient.findFirst({ where: { externalId: input.externalId } }) : null;
    let patient = existing
      ? await tx.patient.update({ where: { id: existing.id }, data })
      : await tx.patient.create({
          data: {
            ...data,
            organizationId: ctx.principal.organizationId,
            practiceId: practice.id,
            externalId: input.externalId ?? null,
            accountNumber: input.accountNumber ?? (await nextAccountNumber(tx, ctx.principal.organizationId)),
            timeZone: data.timeZone ?? practice.timeZone,
          } as never,
        });
    const guarantorId = await saveGuarantor(tx, ctx, patient, input.guarantor);
    if (guarantorId !== patient.guarantorId)
      patient = await tx.patient.update({ where: { id: patient.id }, data: { guarantorId } });
    const recordIds = [globalId('Patient', patient.id)];
    for (const [i, c] of coverages.entries()) {
      const known = await tx.coverage.findFirst({
        where: { patientId: patient.id, payerId: c.payerId, memberId: c.memberId, active: true },
      });
      if (known) continue; // the same registration sent twice adds nothing
      const coverageRow = {
        ...coverageData(c),
        organizationId: ctx.principal.organizationId,
        patientId: patient.id,
        payerId: c.payerId,
      };
      const coverage = await tx.coverage.create({ data: coverageRow as never });
      await placeCoverage(tx, patient.id, coverage.id, c.priority, ['input', 'coverages', i, 'priority']);
      recordIds.push(globalId('Coverage', coverage.id));
    }
    const duplicates = existing
      ? []
      : await possibleDuplicates(
          tx,
          patient,
          coverages.map((c) => c.memberId),
        );
    return { result: { patient, possibleDuplicates: duplicates }, recordIds, practiceId: practice.id };
  });
}

/** Changes a patient's demographics, contact preferences or guarantor; only the fields given change. */
export const updatePatient = defineOperation({
  name: 'updatePatient',
  roles: ROLES,
  run: (ctx, input: PatientFields & { id: string }): Promise<PatientResult> =>
    audited(ctx, 'updatePatient', async (tx) => {
      const { id } = input;
      const current = await tx.patient.findUnique({ where: { id }, include: { practice: true } });
      if (!current) throw new NotFoundError('Patient', globalId('Patient', id));
      checkPatient(new FieldChecks(), input, todayIn(current.practice.timeZone, ctx.clock.now())).throwIfAny();
      const data = patientData(input, current.practice.timeZone);
      // timeZone: null clears an override: the zone is derived from the address again.
      if (input.timeZone === null) {
        const timeZone = timeZoneForState(input.address?.state ?? current.state) ?? current.practice.timeZone;
        Object.assign(data, { timeZone, timeZoneOverridden: false });
      }
      let patient = await tx.patient.update({ where: { id }, data });
      const guarantorId = await saveGuarantor(tx, ctx, patient, input.guarantor);
      if (guarantorId !== patient.guarantorId)
        patient = await tx.patient.update({ where: { id }, data: { guarantorId } });
      return {
        result: { patient, possibleDuplicates: [] },
        recordIds: [globalId('Patient', id)],
        practiceId: patient.practiceId,
      };
    }),
});
