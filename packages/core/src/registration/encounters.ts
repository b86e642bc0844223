import { audited } from '../audit/audited.ts';
import type { Db, Encounter, Practice } from '../db/prisma-client.ts';
import { ConflictError, NotFoundError } from '../errors/billing-errors.ts';
import { chargeMasterAmount } from '../fee-schedules/schedule-amount.ts';
import { globalId } from '../ids/global-id.ts';
import { defineOperation } from '../operations/define-operation.ts';
import { todayIn } from '../util/calendar-date.ts';
import { FieldChecks } from '../validation/field-checks.ts';
import { normalizeIcd10 } from '../validation/medical-codes.ts';
import type { InstitutionalCodesInput } from './institutional-codes.ts';
import { checkInstitutionalCodes, institutionalCodeRows } from './institutional-codes.ts';
import { requirePractice } from './practices.ts';
import { checkEncounterCodes } from '../code-sets/check-encounter-codes.ts';

const INPATIENT_FACILITY_TYPES = new Set(['11', '12', '18', '21', '41']);
const NDC_UNITS = new Set(['UN', 'ML', 'GR', 'F2', 'ME']);
const MAX_LINES = 50;

export type LineInput = {
  procedureCode?: string | null;
  modifiers?: string[] | null;
  units?: number | null;
  chargeCents?: number | null;
  serviceDate?: string | null;
  serviceDateEnd?: string | null;
  diagnosisPointers: number[];
  ndc?: { code: string; quantity: number; unit: string } | null;
  revenueCode?: string | null;
  /** The service in the patient's words, for statements. */
  description?: string | null;
};

/** Units as exact thousandths; undefined when the number has more than 3 decimals. */
function toMilli(value: number): number | undefined {
  const milli = Math.round(value * 1000);
  return Math.abs(milli - value * 1000) < 1e-6 ? milli : undefined;
}

async function findInPractice<T extends { practiceId: string } | null>(
  load: () => Promise<T>,
  practice: Practice,
  entity: string,
  id: string,
  path: string[],
  checks: FieldChecks,
): Promise<NonNullable<T> | undefined> {
  const record = await load();
  if (!record) throw new NotFoundError(entity, globalId(entity, id));
  if (record.practiceId !== practice.id) {
    checks.add(path, 'WRONG_PRACTICE', `this ${entity.toLowerCase()} belongs to another practice`);
    return undefined;
  }
  return record as NonNullable<T>;
}

export interface InstitutionalFields extends InstitutionalCodesInput {
  /** The first two digits of the type of bill, e.g. 13. */
  facilityTypeCode: string;
  admissionDate?: string | null;
  admissionType?: string | null;
  admissionSource?: string | null;
  /** 2-digit discharge status, e.g. 01. */
  patientStatus: string;
  attendingProviderId: string;
}

export interface CreateEncounterInput {
  practiceId: string;
  patientId: string;
  /** The vendor's id: sending it again replaces the visit while it is unbilled. */
  externalId?: string | null;
  dateOfService: string;
  renderingProviderId: string;
  billingProviderId?: string | null;
  facilityId?: string | null;
  /** CMS code; defaults to the facility's, then 11 (office). */
  placeOfService?: string | null;
  /** The coverage billed first; omit for self-pay. */
  coverageId?: string | null;
  priorAuthorization?: string | null;
  /** ICD-10-CM codes in order, 1 to 12 (25 on an institutional visit); the first is the principal diagnosis. */
  diagnoses: string[];
  serviceLines: LineInput[];
  /** Set for an institutional (837I) visit; every line then needs a revenue code. */
  institutional?: InstitutionalFields | null;
}

/** Records a coded visit: diagnoses and service lines, checked like a claim scrubber would. */
export const createEncounter = defineOperation({
  name: 'createEncounter',
  roles: ['admin', 'biller', 'coder'],
  run: (ctx, input: CreateEncounterInput): Promise<{ encounter: Encounter }> =>
    audited(ctx, 'createEncounter', async (tx) => {
      const practice = await requirePractice(tx, input.practiceId);
      const checks = new FieldChecks();
      const patient = await findInPractice(
        () => tx.patient.findUnique({ where: { id: input.patientId } }),
        practice,
        'Patient',
        input.patientId,
        ['input', 'patientId'],
        checks,
      );
      await findInPractice(
        () => tx.provider.findUnique({ where: { id: input.renderingProviderId } }),
        practice,
        'Provider',
        input.renderingProviderId,
        ['input', 'renderingProviderId'],
        checks,
      );
      const { billingProviderId, facilityId } = input;
      if (billingProviderId)
        await findInPractice(
          () => tx.provider.findUnique({ where: { id: billingProviderId } }),
          practice,
          'Provider',
          billingProviderId,
          ['input', 'billingProviderId'],
          checks,
        );
      const facility = facilityId
        ? await findInPractice(
            () => tx.facility.findUnique({ where: { id: facilityId } }),
            practice,
            'Facility',
            facilityId,
            ['input', 'facilityId'],
            checks,
          )
        : undefined;
      const today = todayIn(practice.timeZone, ctx.clock.now());
      const dos = input.dateOfService;
      checks.pastDate(['input', 'dateOfService'], dos, today);
      if (patient && dos < patient.dateOfBirth)
        checks.add(
          ['input', 'dateOfService'],
          'BEFORE_BIRTH',
          `${dos} is before the patient's birth (${patient.dateOfBirth})`,
        );
      const placeOfService = input.placeOfService ?? facility?.placeOfService ?? '11';
      checks.placeOfService(['input', 'placeOfService'], placeOfService);

      let coverageId: string | null = null;
      if (input.coverageId && patient) {
        coverageId = input.coverageId;
        const coverage = await tx.coverage.findUnique({ where: { id: coverageId } });
        if (!coverage || coverage.patientId !== patient.id)
          throw new NotFoundError('Coverage', globalId('Coverage', input.coverageId));
        if (
          !coverage.active ||
          coverage.effectiveDate > dos ||
          (coverage.terminationDate !== null && coverage.terminationDate < dos)
        ) {
          checks.add(
            ['input', 'coverageId'],
            'COVERAGE_NOT_IN_EFFECT',
            `the coverage (${coverage.effectiveDate} to ${coverage.terminationDate ?? 'open'}${coverage.active ? '' : ', ended'}) does not cover ${dos}`,
          );
        }
      }

      const diagnoses = input.diagnoses.map((d) => d.trim().toUpperCase());
      // The 837P's one HI holds 12; the 837I has the principal diagnosis's HI and two HIs of 12 others.
      const maxDiagnoses = input.institutional ? 25 : 12;
      if (diagnoses.length === 0 || diagnoses.length > maxDiagnoses)
        checks.add(['input', 'diagnoses'], 'OUT_OF_RANGE', `1 to ${maxDiagnoses} are allowed, got ${diagnoses.length}`);
      diagnoses.forEach((d, i) => {
        checks.icd10(['input', 'diagnoses', i], d);
        if (diagnoses.indexOf(d) !== i)
          checks.add(
            ['input', 'diagnoses', i],
            'DUPLICATE_DIAGNOSIS',
            `${d} is already diagnosis ${diagnoses.indexOf(d) + 1}`,
          );
      });

      if (input.serviceLines.length === 0 || input.serviceLines.length > MAX_LINES)
        checks.add(
          ['input', 'serviceLines'],
          'OUT_OF_RANGE',
          `1 to ${MAX_LINES} are allowed, got ${input.serviceLines.length}`,
        );
      if (checks.errors.length === 0)
        await checkEncounterCodes(ctx.codeSets, tx, checks, {
          dateOfService: dos,
          institutional: Boolean(input.institutional),
          diagnoses: diagnoses.map(normalizeIcd10),
          procedures: input.serviceLines.map((l) => l.procedureCode?.trim().toUpperCase() || null),
          modifiers: input.serviceLines.map((l) => (l.modifiers ?? []).map((m) => m.trim().toUpperCase())),
        });
      const lines = await Promise.all(
        input.serviceLines.map((line: LineInput, i) =>
          checkLine(tx, checks, line, i, {
            dos,
            today,
            birth: patient?.dateOfBirth,
            diagnosisCount: diagnoses.length,
            practiceId: practice.id,
            institutional: Boolean(input.institutional),
          }),
        ),
      );
      const inst = input.institutional;
      if (inst) {
        const at = (field: string): string[] => ['input', 'institutional', field];
        if (!/^\d{2}$/.test(inst.facilityTypeCode))
          checks.add(at('facilityTypeCode'), 'INVALID_CODE', 'the first two digits of the type of bill, e.g. 13');
        if (!/^\d{2}$/.test(inst.patientStatus))
          checks.add(at('patientStatus'), 'INVALID_CODE', 'a 2-digit discharge status, e.g. 01');
        if (inst.admissionType && !/^\d$/.test(inst.admissionType))
          checks.add(at('admissionType'), 'INVALID_CODE', 'a 1-digit priority of admission');
        if (inst.admissionSource && !/^[0-9A-Z]$/.test(inst.admissionSource))
          checks.add(at('admissionSource'), 'INVALID_CODE', 'a 1-character point of origin');
        if (INPATIENT_FACILITY_TYPES.has(inst.facilityTypeCode) && !inst.admissionDate)
          checks.add(
            at('admissionDate'),
            'REQUIRED',
            `an inpatient bill (type ${inst.facilityTypeCode}x) needs the admission date`,
          );
        if (inst.admissionDate) checks.pastDate(at('admissionDate'), inst.admissionDate, today);
        checkInstitutionalCodes(checks, inst, today);
        await findInPractice(
          () => tx.provider.findUnique({ where: { id: inst.attendingProviderId } }),
          practice,
          'Provider',
          inst.attendingProviderId,
          at('attendingProviderId'),
          checks,
        );
        input.serviceLines.forEach((line: LineInput, i) => {
          if (!line.revenueCode)
            checks.addMessage(
              ['input', 'serviceLines', i, 'revenueCode'],
              'REQUIRED',
              `Service line ${i + 1}: an institutional visit needs a revenue code on every line`,
            );
        });
      }
      input.serviceLines.forEach((line: LineInput, i) => {
        if (line.revenueCode && !/^\d{4}$/.test(line.revenueCode))
          checks.addMessage(
            ['input', 'serviceLines', i, 'revenueCode'],
            'INVALID_CODE',
            `Service line ${i + 1}: a revenue code is 4 digits, e.g. 0450`,
          );
      });
      checks.throwIfAny();

      const existing = input.externalId
        ? await tx.encounter.findFirst({ where: { externalId: input.externalId } })
        : null;
      if (existing && existing.status !== 'OPEN')
        throw new ConflictError(
          `Encounter ${input.externalId} is ${existing.status.toLowerCase()}: change it with a corrected claim, not by sending it again`,
        );
      const data = {
        practiceId: practice.id,
        patientId: patient!.id,
        dateOfService: dos,
        placeOfService,
        coverageId,
        priorAuthorization: input.priorAuthorization ?? null,
        renderingProviderId: input.renderingProviderId,
        billingProviderId: billingProviderId ?? null,
        facilityId: facility?.id ?? null,
        facilityTypeCode: inst?.facilityTypeCode ?? null,
        admissionDate: inst?.admissionDate ?? null,
        admissionType: inst?.admissionType ?? null,
        admissionSource: inst?.admissionSource ?? null,
        patientStatus: inst?.patientStatus ?? null,
        attendingProviderId: inst ? inst.attendingProviderId : null,
      };
      let encounter: Encounter;
      if (existing) {
        await tx.serviceLine.deleteMany({ where: { encounterId: existing.id } });
        await tx.diagnosis.deleteMany({ where: { encounterId: existing.id } });
        await tx.encounterCode.deleteMany({ where: { encounterId: existing.id } });
        encounter = await tx.encounter.update({ where: { id: existing.id }, data });
      } else {
        encounter = await tx.encounter.create({
          data: { ...data, organizationId: ctx.principal.organizationId, externalId: input.externalId ?? null },
        });
      }
      const organizationId = ctx.principal.organizationId;
      await tx.diagnosis.createMany({
        data: diagnoses.map((code, i) => ({
          organizationId,
          encounterId: encounter.id,
          sequence: i + 1,
          code: normalizeIcd10(code),
        })),
      });
      if (inst)
        await tx.encounterCode.createMany({
          data: institutionalCodeRows(inst).map((row) => ({ ...row, organizationId, encounterId: encounter.id })),
        });
      await tx.serviceLine.createMany({
        data: lines.map((line, i) => ({ ...line!, organizationId, encounterId: encounter.id, lineNumber: i + 1 })),
      });
      return { result: { encounter }, recordIds: [globalId('Encounter', encounter.id)], practiceId: practice.id };
    }),
});

async function checkLine(
  tx: Db,
  checks: FieldChecks,
  line: LineInput,
  i: number,
  at: {
    dos: string;
    today: string;
    birth: string | undefined;
    diagnosisCount: number;
    practiceId: string;
    institutional: boolean;
  },
) {
  const path = (field: string): Array<string | number> => ['input', 'serviceLines', i, field];
  const label = `Service line ${i + 1}`;
  const code = line.procedureCode?.trim().toUpperCase() || null;
  if (code) checks.procedureCode(path('procedureCode'), code);
  else if (!at.institutional || !line.revenueCode) {
    // Only a UB-04 line can be described by its revenue code alone (room and board); a professional line never.
    checks.addMessage(
      path('procedureCode'),
      'REQUIRED',
      at.institutional
        ? `${label}: a line without a procedure code needs a revenue code`
        : `${label}: a CPT or HCPCS code is required`,
    );
  }
  const modifiers = (line.modifiers ?? []).map((m) => m.trim().toUpperCase());
  if (!code && modifiers.length)
    checks.addMessage(
      path('modifiers'),
      'MODIFIER_WITHOUT_CODE',
      `${label}: modifiers qualify a procedure code, and this line has none`,
    );
  if (modifiers.length > 4)
    checks.addMessage(path('modifiers'), 'OUT_OF_RANGE', `${label}: at most 4 modifiers, got ${modifiers.length}`);
  for (const [k, m] of modifiers.entries()) checks.modifier([...path('modifiers'), k], m);
  if ((line.description?.trim().length ?? 0) > 80)
    checks.addMessage(path('description'), 'TOO_LONG', `${label}: a description has at most 80 characters`);
  const unitsMilli = toMilli(line.units ?? 1);
  if (unitsMilli === undefined || unitsMilli <= 0)
    checks.addMessage(path('units'), 'OUT_OF_RANGE', `${label}: units must be more than 0, with at most 3 decimals`);
  if (line.chargeCents != null) checks.nonNegative(path('chargeCents'), line.chargeCents);
  const serviceDate = line.serviceDate ?? at.dos;
  checks.pastDate(path('serviceDate'), serviceDate, at.today);
  if (at.birth && serviceDate < at.birth)
    checks.addMessage(path('serviceDate'), 'BEFORE_BIRTH', `${label}: ${serviceDate} is before the patient's birth`);
  if (line.serviceDateEnd) {
    checks.date(path('serviceDateEnd'), line.serviceDateEnd);
    if (line.serviceDateEnd < serviceDate)
      checks.addMessage(path('serviceDateEnd'), 'DATE_BEFORE_START', `${label}: ends before it starts`);
  }
  const pointers = line.diagnosisPointers;
  if (pointers.length < 1 || pointers.length > 4)
    checks.addMessage(
      path('diagnosisPointers'),
      'OUT_OF_RANGE',
      `${label}: 1 to 4 diagnosis pointers, got ${pointers.length}`,
    );
  pointers.forEach((p, k) => {
    if (p < 1 || p > at.diagnosisCount) {
      checks.addMessage(
        [...path('diagnosisPointers'), k],
        'POINTER_OUT_OF_RANGE',
        `${label}: diagnosis pointer ${p} points past the ${at.diagnosisCount} diagnoses on this encounter`,
      );
    } else if (pointers.indexOf(p) !== k)
      checks.addMessage(
        [...path('diagnosisPointers'), k],
        'DUPLICATE_POINTER',
        `${label}: diagnosis pointer ${p} is given twice`,
      );
  });
  let ndcQuantityMilli: number | null = null;
  if (line.ndc) {
    checks.ndc([...path('ndc'), 'code'], line.ndc.code);
    const quantity = toMilli(line.ndc.quantity);
    if (quantity === undefined || quantity <= 0)
      checks.addMessage(
        [...path('ndc'), 'quantity'],
        'OUT_OF_RANGE',
        `${label}: the drug quantity must be more than 0, with at most 3 decimals`,
      );
    else ndcQuantityMilli = quantity;
    if (!NDC_UNITS.has(line.ndc.unit))
      checks.addMessage(
        [...path('ndc'), 'unit'],
        'INVALID_CODE',
        `${label}: the drug unit is one of UN, ML, GR, F2, ME`,
      );
  }
  let chargeCents = line.chargeCents ?? undefined;
  if (chargeCents === undefined && !code)
    checks.addMessage(
      path('chargeCents'),
      'NO_CHARGE',
      `${label}: a line billed by revenue code alone needs chargeCents (the charge master is kept by procedure code)`,
    );
  else if (chargeCents === undefined && code && unitsMilli && unitsMilli > 0) {
    const rate = await chargeMasterAmount(tx, at.practiceId, code, modifiers[0] ?? '', serviceDate);
    if (rate === undefined)
      checks.addMessage(
        path('chargeCents'),
        'NO_CHARGE',
        `${label}: no charge given and the charge master has no rate for ${code} on ${serviceDate}`,
      );
    else chargeCents = Math.round((rate * unitsMilli) / 1000);
  }
  return {
    procedureCode: code,
    modifier1: modifiers[0] ?? null,
    modifier2: modifiers[1] ?? null,
    modifier3: modifiers[2] ?? null,
    modifier4: modifiers[3] ?? null,
    unitsMilli: unitsMilli ?? 0,
    chargeCents: chargeCents ?? 0,
    serviceDate,
    serviceDateEnd: line.serviceDateEnd ?? null,
    diagnosisPointers: pointers.join(','),
    revenueCode: line.revenueCode ?? null,
    description: line.description?.trim() || null,
    ndcCode: line.ndc ? line.ndc.code.replace(/-/g, '') : null,
    ndcQuantityMilli,
    ndcUnit: line.ndc?.unit ?? null,
  };
}
