import { audited } from '../audit/audited.ts';
import type { Denial } from '../db/prisma-client.ts';
import { balanceOf } from '../ledger/balances.ts';
import { Posting } from '../ledger/post-entries.ts';
import { defineOperation } from '../operations/define-operation.ts';
import { todayIn } from '../util/calendar-date.ts';
import { DENIAL_ROLES, done, noteOnItemClaim, openItem, requiredText } from './work-item.ts';

/** Gives the item an owner (a user id from the host's system); the item is then IN_PROGRESS. */
export const assignDenial = defineOperation({
  name: 'assignDenial',
  roles: DENIAL_ROLES,
  run: (ctx, input: { denialId: string; ownerId: string }): Promise<Denial> =>
    audited(ctx, 'assignDenial', async (tx) => {
      const item = await openItem(tx, input.denialId);
      const updated = await tx.denial.update({
        where: { id: item.id },
        data: { ownerId: input.ownerId, status: 'IN_PROGRESS' },
      });
      await noteOnItemClaim(tx, ctx, item.claim, `denial ${item.category} assigned to ${input.ownerId}`);
      return done(updated);
    }),
});

/** Adds a note to the item (and to its claim's history). */
export const addDenialNote = defineOperation({
  name: 'addDenialNote',
  roles: DENIAL_ROLES,
  run: (ctx, input: { denialId: string; text: string }): Promise<Denial> =>
    audited(ctx, 'addDenialNote', async (tx) => {
      const item = await openItem(tx, input.denialId);
      const text = requiredText(input.text, 'text', 'write the note');
      await tx.denialNote.create({
        data: { organizationId: item.organizationId, denialId: item.id, authorId: ctx.principal.userId, text },
      });
      await noteOnItemClaim(tx, ctx, item.claim, `note on denial ${item.category}: ${text.slice(0, 200)}`);
      return done(item);
    }),
});

/**
 * Gives up on the item: writes the amount at stake (at most what the payer still owes on the claim) off the
 * insurance A/R with the reason, and closes it.
 */
export const writeOffDenial = defineOperation({
  name: 'writeOffDenial',
  roles: DENIAL_ROLES,
  run: (ctx, input: { denialId: string; reason: string }): Promise<Denial> =>
    audited(ctx, 'writeOffDenial', async (tx) => {
      const item = await openItem(tx, input.denialId);
      const reason = requiredText(input.reason, 'reason', 'say why it is written off');
      const claim = await tx.claim.findUniqueOrThrow({
        where: { id: item.claimId },
        include: { lines: true, patient: true, practice: true },
      });
      const owed = (await balanceOf(tx, { claimId: claim.id, account: 'INSURANCE' })).insuranceCents;
      const amount = Math.min(item.amountAtStakeCents, owed);
      const posting = new Posting(tx, item.organizationId, { type: 'USER', id: ctx.principal.userId });
      if (amount > 0) {
        await posting.post([
          {
            practiceId: claim.practiceId,
            account: 'INSURANCE',
            kind: 'WRITE_OFF',
            amountCents: -amount,
            patientId: claim.patientId,
            guarantorId: claim.patient.guarantorId,
            claimId: claim.id,
            claimLineId: item.claimLineId,
            coverageId: claim.coverageId,
            payerId: claim.payerId,
            effectiveDate: todayIn(claim.practice.timeZone, ctx.clock.now()),
            agingDate: claim.lines.map((l) => l.serviceDate).sort()[0],
            reasonCode: item.reasonCodes.split(',')[0] ?? null,
            memo: `denial written off: ${reason}`,
          },
        ]);
      }
      const outcome = `written off (${amount} cents): ${reason}`;
      const updated = await tx.denial.update({
        where: { id: item.id },
        data: { status: 'CLOSED', outcome, resolvedAt: new Date() },
      });
      await noteOnItemClaim(tx, ctx, item.claim, `denial ${item.category} written off: ${reason}`);
      return { ...done(updated), balanceChanges: posting.balanceChanges() };
    }),
});

/** Closes the item without a write-off (e.g. the original claim was paid after all), with the outcome. */
export const closeDenial = defineOperation({
  name: 'closeDenial',
  roles: DENIAL_ROLES,
  run: (ctx, input: { denialId: string; outcome: string }): Promise<Denial> =>
    audited(ctx, 'closeDenial', async (tx) => {
      const item = await openItem(tx, input.denialId);
      const outcome = requiredText(input.outcome, 'outcome', 'say how it ended');
      const updated = await tx.denial.update({
        where: { id: item.id },
        data: { status: 'CLOSED', outcome, resolvedAt: new Date() },
      });
      await noteOnItemClaim(tx, ctx, item.claim, `denial ${item.category} closed: ${outcome}`);
      return done(updated);
    }),
});
