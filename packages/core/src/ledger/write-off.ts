import { audited } from '../audit/audited.ts';
import type { LedgerAccount, LedgerEntry } from '../db/prisma-client.ts';
import { NotFoundError, ValidationError } from '../errors/billing-errors.ts';
import { globalId } from '../ids/global-id.ts';
import { defineOperation } from '../operations/define-operation.ts';
import { todayIn } from '../util/calendar-date.ts';
import { balanceOf } from './balances.ts';
import { positiveCents } from './money-checks.ts';
import { lockPatientMoney } from './patient-lock.ts';
import { Posting } from './post-entries.ts';

export interface WriteOffInput {
  claimId: string;
  /** INSURANCE or PATIENT: whose balance on the claim to write off. */
  account: LedgerAccount;
  /** @default the whole open balance */
  amountCents?: number | null;
  /** Why (small balance, hardship, timely filing, bad debt, …): kept on the entry. */
  reason: string;
}

/** Writes off (part of) a claim's insurance or patient balance, with a reason; never more than is open. */
export const writeOff = defineOperation({
  name: 'writeOff',
  roles: ['admin', 'biller'],
  run: (ctx, input: WriteOffInput): Promise<LedgerEntry> =>
    audited(ctx, 'writeOff', async (tx) => {
      const { claimId, account } = input;
      const claim = await tx.claim.findUnique({
        where: { id: claimId },
        include: { patient: true, practice: true, lines: true },
      });
      if (!claim) throw new NotFoundError('Claim', globalId('Claim', claimId));
      if (account === 'PRACTICE') {
        throw new ValidationError([
          {
            path: ['input', 'account'],
            code: 'INVALID_ACCOUNT',
            message: 'account: claims have INSURANCE and PATIENT balances only',
          },
        ]);
      }
      if (!input.reason.trim()) {
        throw new ValidationError([
          { path: ['input', 'reason'], code: 'REQUIRED', message: 'reason: say why the balance is written off' },
        ]);
      }
      await lockPatientMoney(ctx.db, tx, claim.patientId);
      const open = await balanceOf(tx, { claimId, account });
      const openCents = account === 'INSURANCE' ? open.insuranceCents : open.patientCents;
      const amountCents =
        input.amountCents == null ? openCents : positiveCents(input.amountCents, ['input', 'amountCents']);
      if (amountCents <= 0 || amountCents > openCents) {
        const message = `amountCents: the open ${account.toLowerCase()} balance is ${Math.max(0, openCents)} cents`;
        throw new ValidationError([{ path: ['input', 'amountCents'], code: 'EXCEEDS_BALANCE', message }]);
      }
      const insurance = account === 'INSURANCE';
      const posting = new Posting(tx, ctx.principal.organizationId, { type: 'USER', id: ctx.principal.userId });
      const [entry] = await posting.post([
        {
          practiceId: claim.practiceId,
          account,
          kind: 'WRITE_OFF',
          amountCents: -amountCents,
          patientId: claim.patientId,
          guarantorId: claim.patient.guarantorId,
          claimId,
          coverageId: insurance ? claim.coverageId : null,
          payerId: insurance ? claim.payerId : null,
          effectiveDate: todayIn(claim.practice.timeZone, ctx.clock.now()),
          agingDate: claim.lines.map((l) => l.serviceDate).sort()[0],
          memo: input.reason.trim(),
        },
      ]);
      return {
        result: entry!,
        recordIds: [globalId('LedgerEntry', entry!.id)],
        practiceId: claim.practiceId,
        balanceChanges: posting.balanceChanges(),
      };
    }),
});
