import { audited } from '../audit/audited.ts';
import type { AccountFlag } from '../db/prisma-client.ts';
import { NotFoundError } from '../errors/billing-errors.ts';
import { globalId } from '../ids/global-id.ts';
import { defineOperation } from '../operations/define-operation.ts';
import { ACCOUNT_HOLD_ROLES } from './billing-roles.ts';

/** Facts that hold dunning and collections while they stand. */
export const FLAG_KINDS = ['DISPUTE', 'FINANCIAL_ASSISTANCE', 'DECEASED', 'BANKRUPTCY'] as const;
export type AccountFlagKind = (typeof FLAG_KINDS)[number];

/** Flags the patient's guarantor account: dunning holds while it stands. */
export const flagAccount = defineOperation({
  name: 'flagAccount',
  roles: ACCOUNT_HOLD_ROLES,
  run: (ctx, input: { patientId: string; kind: AccountFlagKind; note?: string | null }): Promise<AccountFlag> =>
    audited(ctx, 'flagAccount', async (tx) => {
      const { patientId } = input;
      const patient = await tx.patient.findUnique({ where: { id: patientId } });
      if (!patient) throw new NotFoundError('Patient', globalId('Patient', patientId));
      const flag = await tx.accountFlag.create({
        data: {
          organizationId: ctx.principal.organizationId,
          patientId,
          guarantorId: patient.guarantorId,
          kind: input.kind,
          note: input.note?.trim() || null,
          setById: ctx.principal.userId,
          setAt: ctx.clock.now(),
        },
      });
      return { result: flag, recordIds: [globalId('AccountFlag', flag.id)], practiceId: patient.practiceId };
    }),
});

/** Clears a flag (the dispute is resolved, …); dunning resumes on the next cycle. */
export const clearAccountFlag = defineOperation({
  name: 'clearAccountFlag',
  roles: ACCOUNT_HOLD_ROLES,
  run: (ctx, input: { flagId: string }): Promise<AccountFlag> =>
    audited(ctx, 'clearAccountFlag', async (tx) => {
      const id = input.flagId;
      const flag = await tx.accountFlag.findUnique({ where: { id } });
      if (!flag || flag.clearedAt) throw new NotFoundError('AccountFlag', globalId('AccountFlag', id));
      const cleared = await tx.accountFlag.update({
        where: { id },
        data: { clearedAt: ctx.clock.now(), clearedById: ctx.principal.userId },
      });
      return { result: cleared, recordIds: [globalId('AccountFlag', id)] };
    }),
});
