import { audited } from '../audit/audited.ts';
import { requirePractice } from '../registration/practices.ts';
import type { DenialCategory, Practice } from '../db/prisma-client.ts';
import { ValidationError } from '../errors/billing-errors.ts';
import { globalId } from '../ids/global-id.ts';
import { defineOperation } from '../operations/define-operation.ts';
import { denialPolicyOf } from './next-action.ts';

export interface SetDenialPolicyInput {
  practiceId: string;
  /** Denial categories the practice writes off instead of working. */
  writeOffCategories: DenialCategory[];
  /** Denials under this amount are written off. */
  writeOffBelowCents: number;
}

/** What the practice does not work: denial categories it writes off, and an amount under which it writes off. */
export const setDenialPolicy = defineOperation({
  name: 'setDenialPolicy',
  roles: ['admin'],
  run: (ctx, input: SetDenialPolicyInput): Promise<Practice> =>
    audited(ctx, 'setDenialPolicy', async (tx) => {
      const { practiceId: id } = input;
      if (input.writeOffBelowCents < 0) {
        throw new ValidationError([
          {
            path: ['input', 'writeOffBelowCents'],
            code: 'OUT_OF_RANGE',
            message: 'writeOffBelowCents: must not be negative',
          },
        ]);
      }
      await requirePractice(tx, id);
      const policy = denialPolicyOf({
        writeOffCategories: input.writeOffCategories,
        writeOffBelowCents: input.writeOffBelowCents,
      });
      const practice = await tx.practice.update({ where: { id }, data: { denialPolicy: policy as never } });
      return { result: practice, recordIds: [globalId('Practice', id)], practiceId: id };
    }),
});
