import { InvalidStateTransitionError } from '../../errors/billing-errors.ts';
import { COMMON_ERRORS } from '../errors.ts';
import { appealIdOf, denialIdOf } from './denial-ids.ts';
import { addDenialNote, assignDenial, closeDenial, writeOffDenial } from '../../denials/work-actions.ts';
import { builder } from '../builder.ts';
import { scopesOf } from '../operation-scopes.ts';
import { correctDeniedClaim, resubmitDeniedClaim } from '../../denials/corrections.ts';
import { fileAppeal, markAppealSent, recordAppealDecision, requestReconsideration } from '../../denials/appeals.ts';
import { setDenialPolicy } from '../../denials/set-denial-policy.ts';
import { decodeId } from '../../ids/global-id.ts';
import { AppealLevelEnum, AppealOutcomeEnum, AppealRef, DenialRef } from './denial-types.ts';
import { DenialCategoryEnum } from '../remittances/remittance-types.ts';

const ERRORS = [...COMMON_ERRORS, InvalidStateTransitionError];

builder.mutationField('assignDenial', (t) =>
  t.field({
    type: DenialRef,
    description: 'Gives the item an owner (a user id from your system); the item is then IN_PROGRESS.',
    authScopes: scopesOf(assignDenial),
    args: {
      input: t.arg({
        type: builder.inputType('AssignDenialInput', {
          fields: (f) => ({ denialId: f.id({ required: true }), ownerId: f.string({ required: true }) }),
        }),
        required: true,
      }),
    },
    errors: { types: ERRORS, union: { name: 'AssignDenialPayload' } },
    resolve: (_r, { input }, ctx) => assignDenial.run(ctx, { ...input, denialId: denialIdOf(input) }),
  }),
);

builder.mutationField('addDenialNote', (t) =>
  t.field({
    type: DenialRef,
    authScopes: scopesOf(addDenialNote),
    args: {
      input: t.arg({
        type: builder.inputType('AddDenialNoteInput', {
          fields: (f) => ({ denialId: f.id({ required: true }), text: f.string({ required: true }) }),
        }),
        required: true,
      }),
    },
    errors: { types: ERRORS, union: { name: 'AddDenialNotePayload' } },
    resolve: (_r, { input }, ctx) => addDenialNote.run(ctx, { ...input, denialId: denialIdOf(input) }),
  }),
);

const CorrectionKindEnum = builder.enumType('DenialCorrectionKind', { values: ['REPLACEMENT', 'VOID'] as const });

builder.mutationField('correctDeniedClaim', (t) =>
  t.field({
    type: DenialRef,
    description:
      'Fixes a denial with a corrected claim: a replacement (frequency 7, as the encounter is coded now) or void (8) referencing the payer’s claim number. Submit it with resubmitDeniedClaim; its payment resolves the item.',
    authScopes: scopesOf(correctDeniedClaim),
    args: {
      input: t.arg({
        type: builder.inputType('CorrectDeniedClaimInput', {
          fields: (f) => ({
            denialId: f.id({ required: true }),
            kind: f.field({ type: CorrectionKindEnum, required: true }),
          }),
        }),
        required: true,
      }),
    },
    errors: { types: ERRORS, union: { name: 'CorrectDeniedClaimPayload' } },
    resolve: (_r, { input }, ctx) => correctDeniedClaim.run(ctx, { ...input, denialId: denialIdOf(input) }),
  }),
);

builder.mutationField('resubmitDeniedClaim', (t) =>
  t.field({
    type: DenialRef,
    description: 'Scrubs and submits the item’s corrected claim (or the claim itself when it was rejected and fixed).',
    authScopes: scopesOf(resubmitDeniedClaim),
    args: {
      input: t.arg({
        type: builder.inputType('ResubmitDeniedClaimInput', {
          fields: (f) => ({ denialId: f.id({ required: true }) }),
        }),
        required: true,
      }),
    },
    errors: { types: ERRORS, union: { name: 'ResubmitDeniedClaimPayload' } },
    resolve: (_r, { input }, ctx) => resubmitDeniedClaim.run(ctx, { denialId: denialIdOf(input) }),
  }),
);

const AttachmentInput = builder.inputType('AppealAttachmentInput', {
  fields: (f) => ({
    name: f.string({ required: true }),
    reference: f.string({ required: true, description: 'Where your system keeps it (a document id or URL).' }),
  }),
});

const FileAppealInput = builder.inputType('FileAppealInput', {
  fields: (f) => ({
    denialId: f.id({ required: true }),
    level: f.field({ type: AppealLevelEnum, required: true }),
    argument: f.string({
      required: true,
      description: 'The practice’s argument: paragraphs separated by blank lines.',
    }),
    attachments: f.field({ type: [AttachmentInput] }),
    signedBy: f.string({ description: 'Who signs the letter. @default the practice’s billing office' }),
    sent: f.boolean({
      description:
        'Record it as sent now (default), or keep it as a draft (letter written, claim unchanged) and record the sending later with markAppealSent.',
    }),
  }),
});

builder.mutationField('fileAppeal', (t) =>
  t.field({
    type: AppealRef,
    description:
      'Files an appeal at a level: the letter is written from the claim, the denial codes and your argument, and rendered (PDF) by the document renderer. The claim becomes APPEALED.',
    authScopes: scopesOf(fileAppeal),
    args: { input: t.arg({ type: FileAppealInput, required: true }) },
    errors: { types: ERRORS, union: { name: 'FileAppealPayload' } },
    resolve: (_r, { input }, ctx) => fileAppeal.run(ctx, { ...input, denialId: denialIdOf(input) }),
  }),
);

builder.mutationField('requestReconsideration', (t) =>
  t.field({
    type: AppealRef,
    description: 'Asks the payer to reconsider (the first, informal level of appeal).',
    authScopes: scopesOf(requestReconsideration),
    args: {
      input: t.arg({
        type: builder.inputType('RequestReconsiderationInput', {
          fields: (f) => ({
            denialId: f.id({ required: true }),
            argument: f.string({ required: true }),
            attachments: f.field({ type: [AttachmentInput] }),
          }),
        }),
        required: true,
      }),
    },
    errors: { types: ERRORS, union: { name: 'RequestReconsiderationPayload' } },
    resolve: (_r, { input }, ctx) => requestReconsideration.run(ctx, { ...input, denialId: denialIdOf(input) }),
  }),
);

builder.mutationField('recordAppealDecision', (t) =>
  t.field({
    type: AppealRef,
    description:
      'Records the payer’s answer to an appeal. Upheld: the item waits for the next level (or a write-off). Overturned: the item waits for the payment, which resolves it.',
    authScopes: scopesOf(recordAppealDecision),
    args: {
      input: t.arg({
        type: builder.inputType('RecordAppealDecisionInput', {
          fields: (f) => ({
            appealId: f.id({ required: true }),
            outcome: f.field({ type: AppealOutcomeEnum, required: true }),
            expectedPaymentCents: f.field({ type: 'Cents' }),
            payerResponse: f.string(),
          }),
        }),
        required: true,
      }),
    },
    errors: { types: ERRORS, union: { name: 'RecordAppealDecisionPayload' } },
    resolve: (_r, { input }, ctx) => recordAppealDecision.run(ctx, { ...input, appealId: appealIdOf(input) }),
  }),
);

builder.mutationField('markAppealSent', (t) =>
  t.field({
    type: AppealRef,
    description:
      'Records that a drafted appeal (fileAppeal with sent: false) went to the payer now: the claim becomes APPEALED.',
    authScopes: scopesOf(markAppealSent),
    args: {
      input: t.arg({
        type: builder.inputType('MarkAppealSentInput', {
          fields: (f) => ({ appealId: f.id({ required: true, description: 'The drafted appeal.' }) }),
        }),
        required: true,
      }),
    },
    errors: { types: ERRORS, union: { name: 'MarkAppealSentPayload' } },
    resolve: (_r, { input }, ctx) => markAppealSent.run(ctx, { appealId: appealIdOf(input) }),
  }),
);

builder.mutationField('writeOffDenial', (t) =>
  t.field({
    type: DenialRef,
    description:
      'Gives up on the item: writes the amount at stake (at most what the payer still owes on the claim) off the insurance A/R with the reason, and closes it.',
    authScopes: scopesOf(writeOffDenial),
    args: {
      input: t.arg({
        type: builder.inputType('WriteOffDenialInput', {
          fields: (f) => ({ denialId: f.id({ required: true }), reason: f.string({ required: true }) }),
        }),
        required: true,
      }),
    },
    errors: { types: ERRORS, union: { name: 'WriteOffDenialPayload' } },
    resolve: (_r, { input }, ctx) => writeOffDenial.run(ctx, { ...input, denialId: denialIdOf(input) }),
  }),
);

builder.mutationField('closeDenial', (t) =>
  t.field({
    type: DenialRef,
    description: 'Closes the item without a write-off (e.g. the original claim was paid after all), with the outcome.',
    authScopes: scopesOf(closeDenial),
    args: {
      input: t.arg({
        type: builder.inputType('CloseDenialInput', {
          fields: (f) => ({ denialId: f.id({ required: true }), outcome: f.string({ required: true }) }),
        }),
        required: true,
      }),
    },
    errors: { types: ERRORS, union: { name: 'CloseDenialPayload' } },
    resolve: (_r, { input }, ctx) => closeDenial.run(ctx, { ...input, denialId: denialIdOf(input) }),
  }),
);

builder.mutationField('setDenialPolicy', (t) =>
  t.prismaField({
    type: 'Practice',
    description:
      'What the practice does not work: denial categories it writes off, and an amount under which it writes off. Admins.',
    authScopes: scopesOf(setDenialPolicy),
    args: {
      input: t.arg({
        type: builder.inputType('SetDenialPolicyInput', {
          fields: (f) => ({
            practiceId: f.id({ required: true }),
            writeOffCategories: f.field({ type: [DenialCategoryEnum], required: true }),
            writeOffBelowCents: f.field({ type: 'Cents', required: true }),
          }),
        }),
        required: true,
      }),
    },
    resolve: async (query, _r, { input }, ctx) => {
      const practiceId = decodeId('Practice', String(input.practiceId), ['input', 'practiceId']);
      await setDenialPolicy.run(ctx, { ...input, practiceId });
      return ctx.db.practice.findUniqueOrThrow({ ...query, where: { id: practiceId } });
    },
  }),
);
