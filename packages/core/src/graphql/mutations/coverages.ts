import type { Coverage, CoveragePriority } from '../../db/prisma-client.ts';
import { audited } from '../../audit/audited.ts';
import { FieldChecks } from '../../domain/field-checks.ts';
import { NotFoundError } from '../../errors/billing-errors.ts';
import { builder } from '../builder.ts';
import { decodeId, globalId } from '../global-id.ts';
import { COMMON_ERRORS } from '../types/errors.ts';
import { CoveragePriorityEnum, CoverageRef } from '../types/patient.ts';
import { placeCoverage, swapCoveragePriority } from './coverage-priority.ts';
import { CoverageInput } from './patient-inputs.ts';

type CoverageInputShape = {
  memberId: string; groupNumber?: string | null; priority: CoveragePriority; subscriberRelationship?: 'SELF' | 'SPOUSE' | 'CHILD' | 'OTHER' | null;
  subscriber?: { firstName: string; lastName: string; dateOfBirth?: string | null } | null; effectiveDate: string; terminationDate?: string | null;
};

export function checkCoverage(checks: FieldChecks, c: CoverageInputShape, path: Array<string | number>, patientBirthDate?: string | null): FieldChecks {
  checks.notBlank([...path, 'memberId'], c.memberId).date([...path, 'effectiveDate'], c.effectiveDate).date([...path, 'terminationDate'], c.terminationDate);
  if (c.terminationDate && c.terminationDate < c.effectiveDate) {
    checks.add([...path, 'terminationDate'], 'DATE_BEFORE_EFFECTIVE', `${c.terminationDate} is before the effective date ${c.effectiveDate}`);
  }
  const relationship = c.subscriberRelationship ?? 'SELF';
  if (relationship !== 'SELF' && !c.subscriber) checks.add([...path, 'subscriber'], 'REQUIRED', `the subscriber is required when the patient is the subscriber's ${relationship.toLowerCase()}`);
  if (patientBirthDate && c.terminationDate && c.terminationDate < patientBirthDate) {
    checks.add([...path, 'terminationDate'], 'DATE_BEFORE_BIRTH', 'the coverage ends before the patient was born');
  }
  return checks;
}

export function coverageData(c: CoverageInputShape): Record<string, unknown> {
  return {
    memberId: c.memberId.trim(), groupNumber: c.groupNumber ?? null, priority: c.priority, subscriberRelationship: c.subscriberRelationship ?? 'SELF',
    subscriberFirstName: c.subscriber?.firstName ?? null, subscriberLastName: c.subscriber?.lastName ?? null, subscriberDateOfBirth: c.subscriber?.dateOfBirth ?? null,
    effectiveDate: c.effectiveDate, terminationDate: c.terminationDate ?? null, active: true,
  };
}

const AddCoverageInput = builder.inputType('AddCoverageInput', {
  fields: (t) => ({ patientId: t.id({ required: true }), coverage: t.field({ type: CoverageInput, required: true }) }),
});

const UpdateCoverageInput = builder.inputType('UpdateCoverageInput', {
  description: 'Only the fields given change. Setting `active: false` ends the coverage and frees its priority.',
  fields: (t) => ({
    id: t.id({ required: true }),
    memberId: t.string(),
    groupNumber: t.string(),
    effectiveDate: t.field({ type: 'Date' }),
    terminationDate: t.field({ type: 'Date' }),
    active: t.boolean(),
  }),
});

const ChangeCoveragePriorityInput = builder.inputType('ChangeCoveragePriorityInput', {
  fields: (t) => ({ id: t.id({ required: true }), priority: t.field({ type: CoveragePriorityEnum, required: true, description: 'The coverage at this priority takes this one’s old priority.' }) }),
});

const CoveragePayload = builder.objectRef<{ coverage: Coverage }>('CoverageSuccess').implement({
  fields: (t) => ({ coverage: t.field({ type: CoverageRef, resolve: (r) => r.coverage }) }),
});

builder.mutationField('addCoverage', (t) =>
  t.field({
    type: CoveragePayload,
    description: 'Adds an insurance to a patient. A taken priority moves the holder (and those after it) down one.',
    authScopes: { admin: true, biller: true, frontdesk: true },
    args: { input: t.arg({ type: AddCoverageInput, required: true }) },
    errors: { types: COMMON_ERRORS, union: { name: 'AddCoveragePayload' } },
    resolve: (_root, { input }, ctx) =>
      audited(ctx, 'addCoverage', async (tx) => {
        const patientId = decodeId('Patient', String(input.patientId), ['input', 'patientId']);
        const patient = await tx.patient.findUnique({ where: { id: patientId } });
        if (!patient) throw new NotFoundError('Patient', String(input.patientId));
        checkCoverage(new FieldChecks(), input.coverage, ['input', 'coverage'], patient.dateOfBirth).throwIfAny();
        const payerId = decodeId('Payer', String(input.coverage.payerId), ['input', 'coverage', 'payerId']);
        if (!(await tx.payer.findUnique({ where: { id: payerId } }))) throw new NotFoundError('Payer', String(input.coverage.payerId));
        const created = await tx.coverage.create({ data: { ...coverageData(input.coverage), organizationId: ctx.principal.organizationId, patientId, payerId } as never });
        await placeCoverage(tx, patientId, created.id, input.coverage.priority, ['input', 'coverage', 'priority']);
        const coverage = await tx.coverage.findUniqueOrThrow({ where: { id: created.id } });
        return { result: { coverage }, recordIds: [globalId('Coverage', coverage.id)], practiceId: patient.practiceId };
      }),
  }),
);

builder.mutationField('updateCoverage', (t) =>
  t.field({
    type: CoveragePayload,
    description: 'Corrects or ends a coverage.',
    authScopes: { admin: true, biller: true, frontdesk: true },
    args: { input: t.arg({ type: UpdateCoverageInput, required: true }) },
    errors: { types: COMMON_ERRORS, union: { name: 'UpdateCoveragePayload' } },
    resolve: (_root, { input }, ctx) =>
      audited(ctx, 'updateCoverage', async (tx) => {
        const id = decodeId('Coverage', String(input.id), ['input', 'id']);
        const current = await tx.coverage.findUnique({ where: { id }, include: { patient: true } });
        if (!current) throw new NotFoundError('Coverage', String(input.id));
        const effectiveDate = input.effectiveDate ?? current.effectiveDate;
        const terminationDate = input.terminationDate === undefined ? current.terminationDate : input.terminationDate;
        checkCoverage(new FieldChecks(), { memberId: input.memberId ?? current.memberId, priority: current.priority, effectiveDate, terminationDate, subscriberRelationship: 'SELF' }, ['input'], current.patient.dateOfBirth).throwIfAny();
        const data: Record<string, unknown> = { effectiveDate, terminationDate };
        if (input.memberId != null) data.memberId = input.memberId.trim();
        if (input.groupNumber !== undefined) data.groupNumber = input.groupNumber;
        if (input.active != null) data.active = input.active;
        let coverage = await tx.coverage.update({ where: { id }, data });
        if (input.active === true && !current.active) {
          await placeCoverage(tx, current.patientId, id, current.priority, ['input', 'active']);
          coverage = await tx.coverage.findUniqueOrThrow({ where: { id } });
        }
        return { result: { coverage }, recordIds: [globalId('Coverage', id)], practiceId: current.patient.practiceId };
      }),
  }),
);

builder.mutationField('changeCoveragePriority', (t) =>
  t.field({
    type: CoveragePayload,
    description: 'Moves a coverage to another priority, swapping with the coverage there: one coverage per priority, always.',
    authScopes: { admin: true, biller: true, frontdesk: true },
    args: { input: t.arg({ type: ChangeCoveragePriorityInput, required: true }) },
    errors: { types: COMMON_ERRORS, union: { name: 'ChangeCoveragePriorityPayload' } },
    resolve: (_root, { input }, ctx) =>
      audited(ctx, 'changeCoveragePriority', async (tx) => {
        const id = decodeId('Coverage', String(input.id), ['input', 'id']);
        const current = await tx.coverage.findUnique({ where: { id }, include: { patient: true } });
        if (!current || !current.active) throw new NotFoundError('Coverage', String(input.id));
        await swapCoveragePriority(tx, current, input.priority);
        const coverage = await tx.coverage.findUniqueOrThrow({ where: { id } });
        return { result: { coverage }, recordIds: [globalId('Coverage', id)], practiceId: current.patient.practiceId };
      }),
  }),
);
