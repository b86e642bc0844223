import { audited } from '../audit/audited.ts';
import type { LedgerEntry } from '../db/prisma-client.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors/billing-errors.ts';
import { globalId } from '../ids/global-id.ts';
import { defineOperation } from '../operations/define-operation.ts';
import { todayIn } from '../util/calendar-date.ts';
import { lockPatientMoney } from './patient-lock.ts';
import { Posting } from './post-entries.ts';

/** Corrects a mistaken entry with a new one of the opposite amount (entries are never edited). */
export const reverseLedgerEntry = defineOperation({
  name: 'reverseLedgerEntry',
  roles: ['admin'],
  run: (ctx, input: { entryId: string; reason: string }): Promise<LedgerEntry> =>
    audited(ctx, 'reverseLedgerEntry', async (tx) => {
      const id = input.entryId;
      const owner = await tx.ledgerEntry.findUnique({ where: { id }, select: { patientId: true } });
      if (!owner) throw new NotFoundError('LedgerEntry', globalId('LedgerEntry', id));
      // Reversals of a patient's entries run one after another, so that the check below sees a reversal another
      // request committed first: the same reversal sent twice at once would otherwise post twice. (An entry
      // without a patient, a practice's own, is not locked.)
      if (owner.patientId) await lockPatientMoney(ctx.db, tx, owner.patientId);
      const entry = await tx.ledgerEntry.findUniqueOrThrow({ where: { id }, include: { reversedBy: true } });
      if (entry.kind === 'REVERSAL' || entry.reversedBy.length)
        throw new ConflictError('This entry is a reversal or has been reversed already');
      const reason = input.reason.trim();
      if (!reason)
        throw new ValidationError([
          { path: ['reason'], code: 'REQUIRED', message: 'reason: say why the entry is reversed' },
        ]);
      // The two halves of a transfer are reversed together, so a transfer can never be half undone.
      const originals = entry.transferId
        ? await tx.ledgerEntry.findMany({ where: { transferId: entry.transferId, kind: { not: 'REVERSAL' } } })
        : [entry];
      const posting = new Posting(tx, ctx.principal.organizationId, { type: 'USER', id: ctx.principal.userId });
      const { timeZone } = await tx.practice.findUniqueOrThrow({
        where: { id: entry.practiceId },
        select: { timeZone: true },
      });
      const reversals = await posting.reverse(originals, reason, { effectiveDate: todayIn(timeZone, ctx.clock.now()) });
      const mine = reversals.find((r) => r.reversesEntryId === id)!;
      const recordIds = reversals.map((r) => globalId('LedgerEntry', r.id));
      return { result: mine, recordIds, practiceId: entry.practiceId, balanceChanges: posting.balanceChanges() };
    }),
});
