import { audited } from '../audit/audited.ts';
import { CLAIM_TRANSITIONS, transitionClaim } from '../claims/claim-status.ts';
import type { StatusChange } from '../claims/claim-status.ts';
import type { Appeal, AppealLevel, AppealOutcome, Db } from '../db/prisma-client.ts';
import {
  ConflictError,
  InvalidStateTransitionError,
  NotFoundError,
  ValidationError,
} from '../errors/billing-errors.ts';
import { globalId } from '../ids/global-id.ts';
import { defineOperation } from '../operations/define-operation.ts';
import { addDays, todayIn } from '../util/calendar-date.ts';
import { appealLetter } from './appeal-letter.ts';
import { DENIAL_ROLES, noteOnItemClaim, openItem, requiredText } from './work-item.ts';
import type { DomainContext } from '../context/domain-context.ts';

export interface FileAppealInput {
  denialId: string;
  level: AppealLevel;
  /** The practice's argument: paragraphs separated by blank lines. */
  argument: string;
  /** Where the host keeps each attachment (a document id or URL). */
  attachments?: Array<{ name: string; reference: string }> | null;
  /** @default the practice's billing office */
  signedBy?: string | null;
  /** Record it as sent now (default), or keep it as a draft to send later with markAppealSent. */
  sent?: boolean | null;
}

const LEVEL_ORDER: readonly AppealLevel[] = ['RECONSIDERATION', 'FIRST_LEVEL', 'SECOND_LEVEL', 'EXTERNAL_REVIEW'];

function appealAt(ctx: DomainContext, input: FileAppealInput, action: string): Promise<Appeal> {
  return audited(ctx, action, async (tx) => {
    const item = await openItem(tx, input.denialId);
    const argument = requiredText(input.argument, 'argument', 'say why the payer should pay');
    const earlier = await tx.appeal.findMany({ where: { denialId: item.id }, orderBy: { createdAt: 'asc' } });
    const pending = earlier.find((a) => !a.outcome);
    if (pending) throw new ConflictError(`The ${pending.level} appeal is still waiting for the payer’s answer`);
    const reached = earlier.at(-1);
    if (reached && LEVEL_ORDER.indexOf(input.level) <= LEVEL_ORDER.indexOf(reached.level)) {
      const message = `level: the ${reached.level} appeal was answered; the next level is after it`;
      throw new ValidationError([{ path: ['input', 'level'], code: 'LEVEL_ALREADY_USED', message }]);
    }
    const claim = await tx.claim.findUniqueOrThrow({
      where: { id: item.claimId },
      include: {
        lines: { orderBy: { lineNumber: 'asc' } },
        coverage: true,
        patient: true,
        payer: true,
        practice: true,
      },
    });
    const today = todayIn(claim.practice.timeZone, ctx.clock.now());
    const deadlineDate = item.dueDate ?? addDays(today, claim.payer.appealWindowDays);
    const attachments = (input.attachments ?? []).map((a) => ({ name: a.name, reference: a.reference }));
    const renderer = [...ctx.plugins.documents.values()][0];
    let documentId: string | null = null;
    if (renderer) {
      const signedBy = input.signedBy ?? `${claim.practice.name} billing office`;
      const letter = appealLetter({
        appeal: { level: input.level, argument: input.argument, deadlineDate, attachments },
        denial: item,
        claim,
        patient: claim.patient,
        payer: claim.payer,
        practice: claim.practice,
        date: today,
        signedBy,
      });
      const file = await renderer.render(letter);
      const rendererKey = renderer.instanceId ? `${renderer.id}:${renderer.instanceId}` : renderer.id;
      const document = await tx.document.create({
        data: {
          organizationId: item.organizationId,
          kind: 'appeal-letter',
          contentType: file.contentType,
          fileName: file.fileName,
          bytes: Buffer.from(file.bytes),
          rendererKey,
        },
      });
      documentId = document.id;
    }
    const sent = input.sent !== false;
    const appeal = await tx.appeal.create({
      data: {
        organizationId: item.organizationId,
        denialId: item.id,
        level: input.level,
        argument,
        attachments,
        documentId,
        deadlineDate,
        submittedAt: sent ? new Date() : null,
      },
    });
    await tx.denial.update({ where: { id: item.id }, data: { status: 'IN_PROGRESS' } });
    const reason = `${input.level} appeal of denial ${item.category}${sent ? ' sent' : ' drafted'}`;
    const statusChanges = await appealedOrNoted(tx, ctx, item.claim, sent, reason);
    return {
      result: appeal,
      recordIds: [globalId('Appeal', appeal.id), globalId('Denial', item.id)],
      practiceId: item.practiceId,
      statusChanges,
    };
  });
}

/** A sent appeal makes the claim APPEALED where it can be; anything else is a note on its history. */
async function appealedOrNoted(
  tx: Db,
  ctx: DomainContext,
  claim: Parameters<typeof transitionClaim>[1],
  sent: boolean,
  reason: string,
): Promise<StatusChange[]> {
  if (sent && CLAIM_TRANSITIONS[claim.status].includes('APPEALED')) {
    return [await transitionClaim(tx, claim, 'APPEALED', { type: 'USER', id: ctx.principal.userId, reason })];
  }
  await noteOnItemClaim(tx, ctx, claim, reason);
  return [];
}

/** Files an appeal at a level: the letter is written from the claim, the denial codes and the argument. */
export const fileAppeal = defineOperation({
  name: 'fileAppeal',
  roles: DENIAL_ROLES,
  run: (ctx, input: FileAppealInput): Promise<Appeal> => appealAt(ctx, input, 'fileAppeal'),
});

/** Asks the payer to reconsider (the first, informal level of appeal). */
export const requestReconsideration = defineOperation({
  name: 'requestReconsideration',
  roles: DENIAL_ROLES,
  run: (ctx, input: Omit<FileAppealInput, 'level' | 'signedBy' | 'sent'>): Promise<Appeal> =>
    appealAt(ctx, { ...input, level: 'RECONSIDERATION' }, 'requestReconsideration'),
});

async function answerableAppeal(tx: Db, appealId: string) {
  const appeal = await tx.appeal.findUnique({
    where: { id: appealId },
    include: { denial: { include: { claim: true } } },
  });
  if (!appeal) throw new NotFoundError('Appeal', globalId('Appeal', appealId));
  return appeal;
}

export interface RecordAppealDecisionInput {
  appealId: string;
  outcome: AppealOutcome;
  expectedPaymentCents?: number | null;
  payerResponse?: string | null;
}

/**
 * Records the payer's answer to an appeal. Upheld: the item waits for the next level (or a write-off).
 * Overturned: the item waits for the payment, which resolves it.
 */
export const recordAppealDecision = defineOperation({
  name: 'recordAppealDecision',
  roles: DENIAL_ROLES,
  run: (ctx, input: RecordAppealDecisionInput): Promise<Appeal> =>
    audited(ctx, 'recordAppealDecision', async (tx) => {
      const appeal = await answerableAppeal(tx, input.appealId);
      if (appeal.outcome)
        throw new InvalidStateTransitionError(
          appeal.outcome,
          input.outcome,
          `This appeal was answered already (${appeal.outcome})`,
        );
      const updated = await tx.appeal.update({
        where: { id: appeal.id },
        data: {
          outcome: input.outcome,
          expectedPaymentCents: input.expectedPaymentCents ?? null,
          payerResponse: input.payerResponse ?? null,
          answeredAt: new Date(),
        },
      });
      const claim = appeal.denial.claim;
      const answer = input.outcome.toLowerCase().replace('_', ' ');
      const reason = `${appeal.level} appeal ${answer}${input.payerResponse ? `: ${input.payerResponse}` : ''}`;
      const statusChanges: StatusChange[] = [];
      if (input.outcome === 'UPHELD' && CLAIM_TRANSITIONS[claim.status].includes('DENIED')) {
        statusChanges.push(await transitionClaim(tx, claim, 'DENIED', { type: 'PAYER', reason }));
      } else await noteOnItemClaim(tx, ctx, claim, reason);
      return {
        result: updated,
        recordIds: [globalId('Appeal', appeal.id)],
        practiceId: appeal.denial.practiceId,
        statusChanges,
      };
    }),
});

/** Records that a drafted appeal (fileAppeal with sent: false) went to the payer now: the claim becomes APPEALED. */
export const markAppealSent = defineOperation({
  name: 'markAppealSent',
  roles: DENIAL_ROLES,
  run: (ctx, input: { appealId: string }): Promise<Appeal> =>
    audited(ctx, 'markAppealSent', async (tx) => {
      const appeal = await answerableAppeal(tx, input.appealId);
      if (appeal.submittedAt) throw new ConflictError(`This ${appeal.level} appeal was sent already`);
      const updated = await tx.appeal.update({ where: { id: appeal.id }, data: { submittedAt: ctx.clock.now() } });
      const reason = `${appeal.level} appeal of denial ${appeal.denial.category} sent`;
      const statusChanges = await appealedOrNoted(tx, ctx, appeal.denial.claim, true, reason);
      return {
        result: updated,
        recordIds: [globalId('Appeal', appeal.id)],
        practiceId: appeal.denial.practiceId,
        statusChanges,
      };
    }),
});
