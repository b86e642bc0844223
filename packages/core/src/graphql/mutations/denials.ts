import { audited } from '../../audit/audited.ts';
import type { Appeal, Claim, Db, Denial } from '../../db/prisma-client.ts';
import { appealLetter } from '../../denials/appeal-letter.ts';
import { denialPolicyOf } from '../../denials/next-action.ts';
import { ConflictError, InvalidStateTransitionError, NotFoundError, ValidationError } from '../../errors/billing-errors.ts';
import { balanceOf } from '../../ledger/balances.ts';
import { Posting } from '../../ledger/post-entries.ts';
import { deliverClaims } from '../../submission/submit-claims.ts';
import { addDays, todayIn } from '../../util/calendar-date.ts';
import { builder } from '../builder.ts';
import type { BillingContext } from '../context.ts';
import { decodeId, globalId } from '../../ids/global-id.ts';
import { AppealLevelEnum, AppealOutcomeEnum, AppealRef, DenialRef } from '../types/denial.ts';
import { COMMON_ERRORS } from '../types/errors.ts';
import { DenialCategoryEnum } from '../types/remittance.ts';
import { createCorrection } from '../../claims/correct-claim.ts';
import { CLAIM_TRANSITIONS, transitionClaim } from '../../claims/claim-status.ts';
import type { StatusChange } from '../../claims/claim-status.ts';

const ERRORS = [...COMMON_ERRORS, InvalidStateTransitionError];
const OPEN = ['OPEN', 'IN_PROGRESS'];

async function openItem(tx: Db, rawId: string, path: string[] = ['input', 'denialId']): Promise<Denial & { claim: Claim }> {
  const item = await tx.denial.findUnique({ where: { id: decodeId('Denial', rawId, path) }, include: { claim: true } });
  if (!item) throw new NotFoundError('Denial', rawId);
  if (!OPEN.includes(item.status)) throw new InvalidStateTransitionError(item.status, 'IN_PROGRESS', `This item is ${item.status}: it has been worked to an outcome`);
  return item;
}

/** Every action on a work item is written on the claim's history (a status event that keeps the status). */
async function noteOnClaim(tx: Db, ctx: BillingContext, claim: Claim, reason: string): Promise<void> {
  await tx.claimStatusEvent.create({ data: { organizationId: claim.organizationId, claimId: claim.id, fromStatus: claim.status, toStatus: claim.status, reason, actorType: 'USER', actorId: ctx.principal.userId } });
}

function done(item: Denial, extra: { statusChanges?: StatusChange[] } = {}) {
  return { result: item, recordIds: [globalId('Denial', item.id)], practiceId: item.practiceId, ...extra };
}

const ACTION_SCOPES = { admin: true, biller: true } as const;

builder.mutationField('assignDenial', (t) =>
  t.field({
    type: DenialRef,
    description: 'Gives the item an owner (a user id from your system); the item is then IN_PROGRESS.',
    authScopes: ACTION_SCOPES,
    args: { input: t.arg({ type: builder.inputType('AssignDenialInput', { fields: (f) => ({ denialId: f.id({ required: true }), ownerId: f.string({ required: true }) }) }), required: true }) },
    errors: { types: ERRORS, union: { name: 'AssignDenialPayload' } },
    resolve: (_r, { input }, ctx) =>
      audited(ctx, 'assignDenial', async (tx) => {
        const item = await openItem(tx, String(input.denialId));
        const updated = await tx.denial.update({ where: { id: item.id }, data: { ownerId: input.ownerId, status: 'IN_PROGRESS' } });
        await noteOnClaim(tx, ctx, item.claim, `denial ${item.category} assigned to ${input.ownerId}`);
        return done(updated);
      }),
  }),
);

builder.mutationField('addDenialNote', (t) =>
  t.field({
    type: DenialRef,
    authScopes: ACTION_SCOPES,
    args: { input: t.arg({ type: builder.inputType('AddDenialNoteInput', { fields: (f) => ({ denialId: f.id({ required: true }), text: f.string({ required: true }) }) }), required: true }) },
    errors: { types: ERRORS, union: { name: 'AddDenialNotePayload' } },
    resolve: (_r, { input }, ctx) =>
      audited(ctx, 'addDenialNote', async (tx) => {
        const item = await openItem(tx, String(input.denialId));
        if (!input.text.trim()) throw new ValidationError([{ path: ['input', 'text'], code: 'REQUIRED', message: 'text: write the note' }]);
        await tx.denialNote.create({ data: { organizationId: item.organizationId, denialId: item.id, authorId: ctx.principal.userId, text: input.text.trim() } });
        await noteOnClaim(tx, ctx, item.claim, `note on denial ${item.category}: ${input.text.trim().slice(0, 200)}`);
        return done(item);
      }),
  }),
);

const CorrectionKindEnum = builder.enumType('DenialCorrectionKind', { values: ['REPLACEMENT', 'VOID'] as const });

builder.mutationField('correctDeniedClaim', (t) =>
  t.field({
    type: DenialRef,
    description: 'Fixes a denial with a corrected claim: a replacement (frequency 7, as the encounter is coded now) or void (8) referencing the payer’s claim number. Submit it with resubmitDeniedClaim; its payment resolves the item.',
    authScopes: ACTION_SCOPES,
    args: { input: t.arg({ type: builder.inputType('CorrectDeniedClaimInput', { fields: (f) => ({ denialId: f.id({ required: true }), kind: f.field({ type: CorrectionKindEnum, required: true }) }) }), required: true }) },
    errors: { types: ERRORS, union: { name: 'CorrectDeniedClaimPayload' } },
    resolve: (_r, { input }, ctx) =>
      audited(ctx, 'correctDeniedClaim', async (tx) => {
        const item = await openItem(tx, String(input.denialId));
        const { claim, change } = await createCorrection(tx, ctx, item.claimId, input.kind);
        const updated = await tx.denial.update({ where: { id: item.id }, data: { correctedClaimId: claim.id, status: 'IN_PROGRESS' } });
        await noteOnClaim(tx, ctx, item.claim, `denial ${item.category}: ${change.reason}`);
        return done(updated, { statusChanges: [change] });
      }),
  }),
);

builder.mutationField('resubmitDeniedClaim', (t) =>
  t.field({
    type: DenialRef,
    description: 'Scrubs and submits the item’s corrected claim (or the claim itself when it was rejected and fixed).',
    authScopes: ACTION_SCOPES,
    args: { input: t.arg({ type: builder.inputType('ResubmitDeniedClaimInput', { fields: (f) => ({ denialId: f.id({ required: true }) }) }), required: true }) },
    errors: { types: ERRORS, union: { name: 'ResubmitDeniedClaimPayload' } },
    resolve: async (_r, { input }, ctx) => {
      const item = await openItem(ctx.db, String(input.denialId));
      const claimId = item.correctedClaimId ?? item.claimId;
      const { results, changes, balanceChanges } = await deliverClaims(ctx, [claimId]);
      for (const change of changes) ctx.pubsub.publish('claimStatusChanged', ctx.principal.organizationId, change);
      for (const change of balanceChanges) ctx.pubsub.publish('balanceChanged', ctx.principal.organizationId, change);
      const result = results[0]!;
      return audited(ctx, 'resubmitDeniedClaim', async (tx) => {
        if (!result.submitted) throw new ValidationError([{ path: ['input', 'denialId'], code: result.errorCode ?? 'NOT_SUBMITTED', message: `The claim was not submitted: ${result.message ?? result.errorCode}` }]);
        await noteOnClaim(tx, ctx, item.claim, `denial ${item.category}: resubmitted ${claimId === item.claimId ? 'the claim' : 'the corrected claim'}`);
        return done(await tx.denial.update({ where: { id: item.id }, data: { status: 'IN_PROGRESS' } }));
      });
    },
  }),
);

const AttachmentInput = builder.inputType('AppealAttachmentInput', { fields: (f) => ({ name: f.string({ required: true }), reference: f.string({ required: true, description: 'Where your system keeps it (a document id or URL).' }) }) });
const FileAppealInput = builder.inputType('FileAppealInput', {
  fields: (f) => ({
    denialId: f.id({ required: true }),
    level: f.field({ type: AppealLevelEnum, required: true }),
    argument: f.string({ required: true, description: 'The practice’s argument: paragraphs separated by blank lines.' }),
    attachments: f.field({ type: [AttachmentInput] }),
    signedBy: f.string({ description: 'Who signs the letter. @default the practice’s billing office' }),
    sent: f.boolean({ description: 'Record it as sent now (default), or keep it as a draft (letter written, claim unchanged) and record the sending later with markAppealSent.' }),
  }),
});

const LEVEL_ORDER = ['RECONSIDERATION', 'FIRST_LEVEL', 'SECOND_LEVEL', 'EXTERNAL_REVIEW'] as const;

async function fileAppeal(ctx: BillingContext, input: typeof FileAppealInput.$inferInput, action: string): Promise<Appeal> {
  return audited(ctx, action, async (tx) => {
    const item = await openItem(tx, String(input.denialId));
    if (!input.argument.trim()) throw new ValidationError([{ path: ['input', 'argument'], code: 'REQUIRED', message: 'argument: say why the payer should pay' }]);
    const earlier = await tx.appeal.findMany({ where: { denialId: item.id }, orderBy: { createdAt: 'asc' } });
    const pending = earlier.find((a) => !a.outcome);
    if (pending) throw new ConflictError(`The ${pending.level} appeal is still waiting for the payer’s answer`);
    const reached = earlier.at(-1);
    if (reached && LEVEL_ORDER.indexOf(input.level) <= LEVEL_ORDER.indexOf(reached.level)) {
      throw new ValidationError([{ path: ['input', 'level'], code: 'LEVEL_ALREADY_USED', message: `level: the ${reached.level} appeal was answered; the next level is after it` }]);
    }
    const claim = await tx.claim.findUniqueOrThrow({ where: { id: item.claimId }, include: { lines: { orderBy: { lineNumber: 'asc' } }, coverage: true, patient: true, payer: true, practice: true } });
    const today = todayIn(claim.practice.timeZone, ctx.clock.now());
    const deadlineDate = item.dueDate ?? addDays(today, claim.payer.appealWindowDays);
    const attachments = (input.attachments ?? []).map((a) => ({ name: a.name, reference: a.reference }));
    const renderer = [...ctx.plugins.documents.values()][0];
    let documentId: string | null = null;
    if (renderer) {
      const letter = appealLetter({ appeal: { level: input.level, argument: input.argument, deadlineDate, attachments }, denial: item, claim, patient: claim.patient, payer: claim.payer, practice: claim.practice, date: today, signedBy: input.signedBy ?? `${claim.practice.name} billing office` });
      const file = await renderer.render(letter);
      documentId = (await tx.document.create({ data: { organizationId: item.organizationId, kind: 'appeal-letter', contentType: file.contentType, fileName: file.fileName, bytes: Buffer.from(file.bytes), rendererKey: renderer.instanceId ? `${renderer.id}:${renderer.instanceId}` : renderer.id } })).id;
    }
    const appeal = await tx.appeal.create({ data: { organizationId: item.organizationId, denialId: item.id, level: input.level, argument: input.argument.trim(), attachments, documentId, deadlineDate, submittedAt: input.sent === false ? null : new Date() } });
    await tx.denial.update({ where: { id: item.id }, data: { status: 'IN_PROGRESS' } });
    const statusChanges: StatusChange[] = [];
    const reason = `${input.level} appeal of denial ${item.category}${input.sent === false ? ' drafted' : ' sent'}`;
    if (input.sent !== false && CLAIM_TRANSITIONS[item.claim.status].includes('APPEALED')) statusChanges.push(await transitionClaim(tx, item.claim, 'APPEALED', { type: 'USER', id: ctx.principal.userId, reason }));
    else await noteOnClaim(tx, ctx, item.claim, reason);
    return { result: appeal, recordIds: [globalId('Appeal', appeal.id), globalId('Denial', item.id)], practiceId: item.practiceId, statusChanges };
  });
}

builder.mutationField('fileAppeal', (t) =>
  t.field({
    type: AppealRef,
    description: 'Files an appeal at a level: the letter is written from the claim, the denial codes and your argument, and rendered (PDF) by the document renderer. The claim becomes APPEALED.',
    authScopes: ACTION_SCOPES,
    args: { input: t.arg({ type: FileAppealInput, required: true }) },
    errors: { types: ERRORS, union: { name: 'FileAppealPayload' } },
    resolve: (_r, { input }, ctx) => fileAppeal(ctx, input, 'fileAppeal'),
  }),
);

builder.mutationField('requestReconsideration', (t) =>
  t.field({
    type: AppealRef,
    description: 'Asks the payer to reconsider (the first, informal level of appeal).',
    authScopes: ACTION_SCOPES,
    args: { input: t.arg({ type: builder.inputType('RequestReconsiderationInput', { fields: (f) => ({ denialId: f.id({ required: true }), argument: f.string({ required: true }), attachments: f.field({ type: [AttachmentInput] }) }) }), required: true }) },
    errors: { types: ERRORS, union: { name: 'RequestReconsiderationPayload' } },
    resolve: (_r, { input }, ctx) => fileAppeal(ctx, { ...input, level: 'RECONSIDERATION' }, 'requestReconsideration'),
  }),
);

builder.mutationField('recordAppealDecision', (t) =>
  t.field({
    type: AppealRef,
    description: 'Records the payer’s answer to an appeal. Upheld: the item waits for the next level (or a write-off). Overturned: the item waits for the payment, which resolves it.',
    authScopes: ACTION_SCOPES,
    args: {
      input: t.arg({
        type: builder.inputType('RecordAppealDecisionInput', { fields: (f) => ({ appealId: f.id({ required: true }), outcome: f.field({ type: AppealOutcomeEnum, required: true }), expectedPaymentCents: f.field({ type: 'Cents' }), payerResponse: f.string() }) }),
        required: true,
      }),
    },
    errors: { types: ERRORS, union: { name: 'RecordAppealDecisionPayload' } },
    resolve: (_r, { input }, ctx) =>
      audited(ctx, 'recordAppealDecision', async (tx) => {
        const appeal = await tx.appeal.findUnique({ where: { id: decodeId('Appeal', String(input.appealId), ['input', 'appealId']) }, include: { denial: { include: { claim: true } } } });
        if (!appeal) throw new NotFoundError('Appeal', String(input.appealId));
        if (appeal.outcome) throw new InvalidStateTransitionError(appeal.outcome, input.outcome, `This appeal was answered already (${appeal.outcome})`);
        const updated = await tx.appeal.update({ where: { id: appeal.id }, data: { outcome: input.outcome, expectedPaymentCents: input.expectedPaymentCents ?? null, payerResponse: input.payerResponse ?? null, answeredAt: new Date() } });
        const claim = appeal.denial.claim;
        const reason = `${appeal.level} appeal ${input.outcome.toLowerCase().replace('_', ' ')}${input.payerResponse ? `: ${input.payerResponse}` : ''}`;
        const statusChanges: StatusChange[] = [];
        if (input.outcome === 'UPHELD' && CLAIM_TRANSITIONS[claim.status].includes('DENIED')) statusChanges.push(await transitionClaim(tx, claim, 'DENIED', { type: 'PAYER', reason }));
        else await noteOnClaim(tx, ctx, claim, reason);
        return { result: updated, recordIds: [globalId('Appeal', appeal.id)], practiceId: appeal.denial.practiceId, statusChanges };
      }),
  }),
);

builder.mutationField('markAppealSent', (t) =>
  t.field({
    type: AppealRef,
    description: 'Records that a drafted appeal (fileAppeal with sent: false) went to the payer now: the claim becomes APPEALED.',
    authScopes: ACTION_SCOPES,
    args: { input: t.arg({ type: builder.inputType('MarkAppealSentInput', { fields: (f) => ({ appealId: f.id({ required: true, description: 'The drafted appeal.' }) }) }), required: true }) },
    errors: { types: ERRORS, union: { name: 'MarkAppealSentPayload' } },
    resolve: (_r, { input }, ctx) =>
      audited(ctx, 'markAppealSent', async (tx) => {
        const appeal = await tx.appeal.findUnique({ where: { id: decodeId('Appeal', String(input.appealId), ['input', 'appealId']) }, include: { denial: { include: { claim: true } } } });
        if (!appeal) throw new NotFoundError('Appeal', String(input.appealId));
        if (appeal.submittedAt) throw new ConflictError(`This ${appeal.level} appeal was sent already`);
        const updated = await tx.appeal.update({ where: { id: appeal.id }, data: { submittedAt: ctx.clock.now() } });
        const claim = appeal.denial.claim;
        const reason = `${appeal.level} appeal of denial ${appeal.denial.category} sent`;
        const statusChanges: StatusChange[] = [];
        if (CLAIM_TRANSITIONS[claim.status].includes('APPEALED')) statusChanges.push(await transitionClaim(tx, claim, 'APPEALED', { type: 'USER', id: ctx.principal.userId, reason }));
        else await noteOnClaim(tx, ctx, claim, reason);
        return { result: updated, recordIds: [globalId('Appeal', appeal.id)], practiceId: appeal.denial.practiceId, statusChanges };
      }),
  }),
);

builder.mutationField('writeOffDenial', (t) =>
  t.field({
    type: DenialRef,
    description: 'Gives up on the item: writes the amount at stake (at most what the payer still owes on the claim) off the insurance A/R with the reason, and closes it.',
    authScopes: ACTION_SCOPES,
    args: { input: t.arg({ type: builder.inputType('WriteOffDenialInput', { fields: (f) => ({ denialId: f.id({ required: true }), reason: f.string({ required: true }) }) }), required: true }) },
    errors: { types: ERRORS, union: { name: 'WriteOffDenialPayload' } },
    resolve: (_r, { input }, ctx) =>
      audited(ctx, 'writeOffDenial', async (tx) => {
        const item = await openItem(tx, String(input.denialId));
        if (!input.reason.trim()) throw new ValidationError([{ path: ['input', 'reason'], code: 'REQUIRED', message: 'reason: say why it is written off' }]);
        const claim = await tx.claim.findUniqueOrThrow({ where: { id: item.claimId }, include: { lines: true, patient: true, practice: true } });
        const owed = (await balanceOf(tx, { claimId: claim.id, account: 'INSURANCE' })).insuranceCents;
        const amount = Math.min(item.amountAtStakeCents, owed);
        const posting = new Posting(tx, item.organizationId, { type: 'USER', id: ctx.principal.userId });
        const today = todayIn(claim.practice.timeZone, ctx.clock.now());
        if (amount > 0) {
          await posting.post([{
            practiceId: claim.practiceId, account: 'INSURANCE', kind: 'WRITE_OFF', amountCents: -amount, patientId: claim.patientId, guarantorId: claim.patient.guarantorId, claimId: claim.id,
            claimLineId: item.claimLineId, coverageId: claim.coverageId, payerId: claim.payerId, effectiveDate: today, agingDate: claim.lines.map((l) => l.serviceDate).sort()[0], reasonCode: item.reasonCodes.split(',')[0] ?? null,
            memo: `denial written off: ${input.reason.trim()}`,
          }]);
        }
        const updated = await tx.denial.update({ where: { id: item.id }, data: { status: 'CLOSED', outcome: `written off (${amount} cents): ${input.reason.trim()}`, resolvedAt: new Date() } });
        await noteOnClaim(tx, ctx, item.claim, `denial ${item.category} written off: ${input.reason.trim()}`);
        return { ...done(updated), balanceChanges: posting.balanceChanges() };
      }),
  }),
);

builder.mutationField('closeDenial', (t) =>
  t.field({
    type: DenialRef,
    description: 'Closes the item without a write-off (e.g. the original claim was paid after all), with the outcome.',
    authScopes: ACTION_SCOPES,
    args: { input: t.arg({ type: builder.inputType('CloseDenialInput', { fields: (f) => ({ denialId: f.id({ required: true }), outcome: f.string({ required: true }) }) }), required: true }) },
    errors: { types: ERRORS, union: { name: 'CloseDenialPayload' } },
    resolve: (_r, { input }, ctx) =>
      audited(ctx, 'closeDenial', async (tx) => {
        const item = await openItem(tx, String(input.denialId));
        if (!input.outcome.trim()) throw new ValidationError([{ path: ['input', 'outcome'], code: 'REQUIRED', message: 'outcome: say how it ended' }]);
        const updated = await tx.denial.update({ where: { id: item.id }, data: { status: 'CLOSED', outcome: input.outcome.trim(), resolvedAt: new Date() } });
        await noteOnClaim(tx, ctx, item.claim, `denial ${item.category} closed: ${input.outcome.trim()}`);
        return done(updated);
      }),
  }),
);

builder.mutationField('setDenialPolicy', (t) =>
  t.prismaField({
    type: 'Practice',
    description: 'What the practice does not work: denial categories it writes off, and an amount under which it writes off. Admins.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: builder.inputType('SetDenialPolicyInput', { fields: (f) => ({ practiceId: f.id({ required: true }), writeOffCategories: f.field({ type: [DenialCategoryEnum], required: true }), writeOffBelowCents: f.field({ type: 'Cents', required: true }) }) }), required: true }) },
    resolve: (query, _r, { input }, ctx) =>
      audited(ctx, 'setDenialPolicy', async (tx) => {
        const id = decodeId('Practice', String(input.practiceId), ['input', 'practiceId']);
        if (input.writeOffBelowCents < 0) throw new ValidationError([{ path: ['input', 'writeOffBelowCents'], code: 'OUT_OF_RANGE', message: 'writeOffBelowCents: must not be negative' }]);
        const policy = denialPolicyOf({ writeOffCategories: input.writeOffCategories, writeOffBelowCents: input.writeOffBelowCents });
        const practice = await tx.practice.update({ ...query, where: { id }, data: { denialPolicy: policy as never } });
        return { result: practice, recordIds: [globalId('Practice', id)], practiceId: id };
      }),
  }),
);
