import { audited } from '../audit/audited.ts';
import type { Coverage, CoveragePriority } from '../db/prisma-client.ts';
import { NotFoundError } from '../errors/billing-errors.ts';
import { globalId } from '../ids/global-id.ts';
import { defineOperation } from '../operations/define-operation.ts';
import { FieldChecks } from '../validation/field-checks.ts';
import type { CoverageFields } from './coverage-fields.ts';
import { checkCoverage, coverageData } from './coverage-fields.ts';
import { placeCoverage, swapCoveragePriority } from './coverage-priority.ts';

const ROLES = ['admin', 'biller', 'frontdesk'] as const;

/** Adds an insurance to a patient. A taken priority moves the holder (and those after it) down one. */
export const addCoverage = defineOperation({
  name: 'addCoverage',
  roles: ROLES,
  run: (ctx, input: { patientId: string; coverage: CoverageFields }): Promise<{ coverage: Coverage }> =>
    audited(ctx, 'addCoverage', async (tx) => {
      const { patientId, coverage: fields } = input;
      const patient = await tx.patient.findUnique({ where: { id: patientId } });
      if (!patient) throw new NotFoundError('Patient', globalId('Patient', patientId));
      checkCoverage(new FieldChecks(), fields, ['input', 'coverage'], patient.dateOfBirth).throwIfAny();
      const { payerId } = fields;
      if (!(await tx.payer.findUnique({ where: { id: payerId } })))
        throw new NotFoundError('Payer', globalId('Payer', payerId));
      const data = { ...coverageData(fields), organizationId: ctx.principal.organizationId, patientId, payerId };
      const created = await tx.coverage.create({ data: data as never });
      await placeCoverage(tx, patientId, created.id, fields.priority, ['input', 'coverage', 'priority']);
      const coverage = await tx.coverage.findUniqueOrThrow({ where: { id: created.id } });
      return { result: { coverage }, recordIds: [globalId('Coverage', coverage.id)], practiceId: patient.practiceId };
    }),
});

export interface UpdateCoverageInput {
  id: string;
  memberId?: string | null;
  groupNumber?: string | null;
  effectiveDate?: string | null;
  /** null reopens an ended coverage. */
  terminationDate?: string | null;
  active?: boolean | null;
}

/** Corrects or ends a coverage. */
export const updateCoverage = defineOperation({
  name: 'updateCoverage',
  roles: ROLES,
  run: (ctx, input: UpdateCoverageInput): Promise<{ coverage: Coverage }> =>
    audited(ctx, 'updateCoverage', async (tx) => {
      const { id } = input;
      const current = await tx.coverage.findUnique({ where: { id }, include: { patient: true } });
      if (!current) throw new NotFoundError('Coverage', globalId('Coverage', id));
      const effectiveDate = input.effectiveDate ?? current.effectiveDate;
      const terminationDate = input.terminationDate === undefined ? current.terminationDate : input.terminationDate;
      const memberId = input.memberId ?? current.memberId;
      const checked = {
        memberId,
        priority: current.priority,
        effectiveDate,
        terminationDate,
        subscriberRelationship: 'SELF' as const,
      };
      checkCoverage(new FieldChecks(), checked, ['input'], current.patient.dateOfBirth).throwIfAny();
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
});

/** Moves a coverage to another priority, swapping with the coverage there: one coverage per priority, always. */
export const changeCoveragePriority = defineOperation({
  name: 'changeCoveragePriority',
  roles: ROLES,
  run: (ctx, input: { id: string; priority: CoveragePriority }): Promise<{ coverage: Coverage }> =>
    audited(ctx, 'changeCoveragePriority', async (tx) => {
      const { id } = input;
      const current = await tx.coverage.findUnique({ where: { id }, include: { patient: true } });
      if (!current?.active) throw new NotFoundError('Coverage', globalId('Coverage', id));
      await swapCoveragePriority(tx, current, input.priority);
      const coverage = await tx.coverage.findUniqueOrThrow({ where: { id } });
      return { result: { coverage }, recordIds: [globalId('Coverage', id)], practiceId: current.patient.practiceId };
    }),
});
