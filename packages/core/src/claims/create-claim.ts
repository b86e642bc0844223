import { audited } from '../audit/audited.ts';
import type { Claim } from '../db/prisma-client.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors/billing-errors.ts';
import { globalId } from '../ids/global-id.ts';
import { defineOperation } from '../operations/define-operation.ts';
import { OPEN_CLAIM_STATUSES, recordNewClaim } from './claim-status.ts';
import { newPatientControlNumber } from './control-number.ts';
import { copyLines } from './copy-lines.ts';

export interface CreateClaimInput {
  encounterId: string;
  /** The coverage billed; it must be the encounter's patient's. */
  coverageId: string;
}

const REASON = 'created from the encounter';

/** Builds a DRAFT claim from an encounter for one coverage: its lines, diagnoses, providers and charges. */
export const createClaim = defineOperation({
  name: 'createClaim',
  roles: ['admin', 'biller'],
  run: (ctx, input: CreateClaimInput): Promise<{ claim: Claim }> =>
    audited(ctx, 'createClaim', async (tx) => {
      const { encounterId, coverageId } = input;
      const encounter = await tx.encounter.findUnique({
        where: { id: encounterId },
        include: { serviceLines: { orderBy: { lineNumber: 'asc' } } },
      });
      if (!encounter) throw new NotFoundError('Encounter', globalId('Encounter', encounterId));
      const coverage = await tx.coverage.findUnique({ where: { id: coverageId } });
      if (!coverage || coverage.patientId !== encounter.patientId) {
        throw new NotFoundError('Coverage', globalId('Coverage', coverageId));
      }
      if (encounter.status === 'VOIDED') {
        const message = 'encounterId: the encounter is voided';
        throw new ValidationError([{ path: ['input', 'encounterId'], code: 'ENCOUNTER_VOIDED', message }]);
      }
      const open = await tx.claim.findFirst({
        where: { encounterId, coverageId, status: { in: [...OPEN_CLAIM_STATUSES] } },
      });
      if (open) {
        throw new ConflictError(
          `Claim ${open.patientControlNumber} already bills this encounter to this coverage (${open.status})`,
        );
      }
      const claim = await tx.claim.create({
        data: {
          organizationId: ctx.principal.organizationId,
          practiceId: encounter.practiceId,
          patientId: encounter.patientId,
          encounterId,
          coverageId,
          payerId: coverage.payerId,
          kind: encounter.facilityTypeCode ? 'INSTITUTIONAL' : 'PROFESSIONAL',
          patientControlNumber: await newPatientControlNumber(tx),
          status: 'DRAFT',
          totalChargeCents: encounter.serviceLines.reduce((sum, l) => sum + l.chargeCents, 0),
        },
      });
      await copyLines(
        tx,
        claim,
        encounter.serviceLines.map((l) => ({ ...l, serviceLineId: l.id })),
      );
      const change = await recordNewClaim(tx, claim, { type: 'USER', id: ctx.principal.userId, reason: REASON });
      if (encounter.status === 'OPEN')
        await tx.encounter.update({ where: { id: encounterId }, data: { status: 'BILLED' } });
      return {
        result: { claim },
        recordIds: [globalId('Claim', claim.id)],
        practiceId: claim.practiceId,
        statusChanges: [change],
      };
    }),
});
