import { audited } from '../audit/audited.ts';
import type { Statement } from '../db/prisma-client.ts';
import { InvalidStateTransitionError, NotFoundError } from '../errors/billing-errors.ts';
import { globalId } from '../ids/global-id.ts';
import { defineOperation } from '../operations/define-operation.ts';

export type StatementChannel = 'MAIL' | 'EMAIL' | 'PORTAL';

/** Records that a DRAFT statement went out, and how. */
export const markStatementSent = defineOperation({
  name: 'markStatementSent',
  roles: ['admin', 'biller'],
  run: (ctx, input: { statementId: string; channel: StatementChannel }): Promise<Statement> =>
    audited(ctx, 'markStatementSent', async (tx) => {
      const id = input.statementId;
      const statement = await tx.statement.findUnique({ where: { id } });
      if (!statement) throw new NotFoundError('Statement', globalId('Statement', id));
      if (statement.status !== 'DRAFT')
        throw new InvalidStateTransitionError(statement.status, 'SENT', `This statement is ${statement.status}`);
      const sent = await tx.statement.update({
        where: { id },
        data: { status: 'SENT', channel: input.channel, sentAt: new Date() },
      });
      return { result: sent, recordIds: [globalId('Statement', id)], practiceId: statement.practiceId };
    }),
});
