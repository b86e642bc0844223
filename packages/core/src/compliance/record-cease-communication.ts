import { audited } from '../audit/audited.ts';
import { COLLECTOR_ROLES } from '../collections/collector-roles.ts';
import type { Patient } from '../db/prisma-client.ts';
import { NotFoundError } from '../errors/billing-errors.ts';
import { globalId } from '../ids/global-id.ts';
import { defineOperation } from '../operations/define-operation.ts';

/** Records a written request to stop communicating about the debt: every later contact is refused (FDCPA §805(c)). */
export const recordCeaseCommunication = defineOperation({
  name: 'recordCeaseCommunication',
  roles: COLLECTOR_ROLES,
  run: (ctx, input: { patientId: string; receivedAt?: Date | null }): Promise<Patient> =>
    audited(ctx, 'recordCeaseCommunication', async (tx) => {
      const id = input.patientId;
      const patient = await tx.patient.findUnique({ where: { id } });
      if (!patient) throw new NotFoundError('Patient', globalId('Patient', id));
      const updated = await tx.patient.update({
        where: { id },
        data: { ceaseCommunicationAt: input.receivedAt ?? ctx.clock.now() },
      });
      return { result: updated, recordIds: [globalId('Patient', id)], practiceId: patient.practiceId };
    }),
});
