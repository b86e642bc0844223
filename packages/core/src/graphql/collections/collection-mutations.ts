import { scopesOf } from '../operation-scopes.ts';
import { createCollectionAgency } from '../../collections/create-collection-agency.ts';
import { updateCollectionAgency } from '../../collections/update-collection-agency.ts';
import { collectorContactFields } from './collection-inputs.ts';
import { builder } from '../builder.ts';
import { COMMON_ERRORS } from '../errors.ts';
import { CollectionAgencyRef, PlacementRef } from './collection-types.ts';
import { placeAccounts } from '../../collections/place-accounts-operation.ts';
import type { AgencyUpdateSummary } from '../../collections/agency-updates.ts';
import { importAgencyUpdates } from '../../collections/import-agency-updates.ts';
import { recallAccounts } from '../../collections/recall-accounts.ts';
import { InvalidStateTransitionError } from '../../errors/billing-errors.ts';
import { sendValidationNotice } from '../../collections/send-validation-notice.ts';
import { recordDebtVerification } from '../../collections/record-debt-verification.ts';
import { decodeId } from '../../ids/global-id.ts';
import { accountPatientId } from '../account-id.ts';
import type { BillingContext } from '../context.ts';
import { DocumentRef } from '../denials/denial-types.ts';
import { NoticeDeliveryEnum } from '../patient-billing/billing-policy-types.ts';

builder.mutationField('createCollectionAgency', (t) =>
  t.field({
    type: CollectionAgencyRef,
    description:
      'Adds an agency the organization places accounts with, through a configured collections exporter. Admins.',
    authScopes: scopesOf(createCollectionAgency),
    args: {
      input: t.arg({
        type: builder.inputType('CreateCollectionAgencyInput', {
          fields: (f) => ({
            name: f.string({ required: true }),
            exporterId: f.string({ required: true }),
            reportsToCreditBureaus: f.boolean({ description: '@default false' }),
            ...collectorContactFields(f),
          }),
        }),
        required: true,
      }),
    },
    errors: { types: COMMON_ERRORS, union: { name: 'CreateCollectionAgencyPayload' } },
    resolve: (_r, { input }, ctx) => createCollectionAgency.run(ctx, input),
  }),
);

builder.mutationField('updateCollectionAgency', (t) =>
  t.field({
    type: CollectionAgencyRef,
    description:
      'Sets an agency’s mailing address, telephone or electronic dispute address (what is given changes). Admins.',
    authScopes: scopesOf(updateCollectionAgency),
    args: {
      input: t.arg({
        type: builder.inputType('UpdateCollectionAgencyInput', {
          fields: (f) => ({ agencyId: f.id({ required: true }), ...collectorContactFields(f) }),
        }),
        required: true,
      }),
    },
    errors: { types: COMMON_ERRORS, union: { name: 'UpdateCollectionAgencyPayload' } },
    resolve: (_r, { input }, ctx) => updateCollectionAgency.run(ctx, { ...input, agencyId: agencyIdOf(input) }),
  }),
);

const PlaceResultRef = builder
  .objectRef<{ placements: Array<{ id: string }>; files: unknown[] }>('PlaceAccountsSuccess')
  .implement({
    fields: (t) => ({
      placements: t.field({ type: [PlacementRef], resolve: (r) => r.placements as never }),
      files: t.field({
        type: [DocumentRef],
        description: 'The placement file(s) the agency’s exporter wrote, to send to the agency.',
        resolve: (r) => r.files as never,
      }),
    }),
  });

builder.mutationField('placeAccounts', (t) =>
  t.field({
    type: PlaceResultRef,
    description:
      'Places eligible accounts with an agency: placements with the balance and itemization, a placement file from the agency’s exporter (no clinical codes), and the accounts leave in-house dunning. All or nothing. Admins, billers, collectors.',
    authScopes: scopesOf(placeAccounts),
    args: {
      input: t.arg({
        type: builder.inputType('PlaceAccountsInput', {
          fields: (f) => ({
            accountIds: f.idList({ required: true, description: 'DunningAccount (or Patient) ids.' }),
            agencyId: f.id({ required: true }),
          }),
        }),
        required: true,
      }),
    },
    errors: { types: COMMON_ERRORS, union: { name: 'PlaceAccountsPayload' } },
    resolve: async (_r, { input }, ctx) =>
      placeAccounts.run(ctx, {
        accountPatientIds: await accountPatientIdsOf(ctx, input.accountIds),
        agencyId: agencyIdOf(input),
      }),
  }),
);

const SummaryRef = builder.objectRef<AgencyUpdateSummary>('AgencyUpdateImport').implement({
  fields: (t) => ({
    duplicate: t.exposeBoolean('duplicate', { description: 'The same file was applied before: nothing changed.' }),
    payments: t.exposeInt('payments'),
    collectedCents: t.expose('collectedCents', { type: 'Cents' }),
    commissionCents: t.expose('commissionCents', { type: 'Cents' }),
    adjustments: t.exposeInt('adjustments'),
    disputes: t.exposeInt('disputes'),
    returns: t.exposeInt('returns'),
    statusNotes: t.exposeInt('statusNotes'),
    unmatchedLines: t.field({ type: ['JSON'], resolve: (s) => s.unmatched }),
  }),
});

builder.mutationField('importAgencyUpdates', (t) =>
  t.field({
    type: SummaryRef,
    description:
      'Applies an agency’s update file (payments with commission, adjustments, disputes, returns) once, in one transaction. Admins, billers, collectors.',
    authScopes: scopesOf(importAgencyUpdates),
    args: {
      input: t.arg({
        type: builder.inputType('ImportAgencyUpdatesInput', {
          fields: (f) => ({
            agencyId: f.id({ required: true }),
            fileName: f.string({ required: true }),
            content: f.string({ required: true }),
          }),
        }),
        required: true,
      }),
    },
    errors: { types: COMMON_ERRORS, union: { name: 'ImportAgencyUpdatesPayload' } },
    resolve: (_r, { input }, ctx) => importAgencyUpdates.run(ctx, { ...input, agencyId: agencyIdOf(input) }),
  }),
);

builder.mutationField('recallAccounts', (t) =>
  t.field({
    type: [PlacementRef],
    description:
      'Takes accounts back from their agencies (a recall file is written for each agency). Admins, billers, collectors.',
    authScopes: scopesOf(recallAccounts),
    args: {
      input: t.arg({
        type: builder.inputType('RecallAccountsInput', {
          fields: (f) => ({ accountIds: f.idList({ required: true }), reason: f.string({ required: true }) }),
        }),
        required: true,
      }),
    },
    errors: { types: COMMON_ERRORS, union: { name: 'RecallAccountsPayload' } },
    resolve: async (_r, { input }, ctx) =>
      recallAccounts.run(ctx, {
        accountPatientIds: await accountPatientIdsOf(ctx, input.accountIds),
        reason: input.reason,
      }),
  }),
);

const NoticeLanguageEnum = builder.enumType('NoticeLanguage', {
  description: 'The language a validation notice is written in (model form B-1, or its Spanish version).',
  values: ['ENGLISH', 'SPANISH'] as const,
});

const NoticeRef = builder
  .objectRef<{
    placement: unknown;
    document: unknown;
    amountDueCents: number;
    deliveredBy: 'EMAIL' | 'MAIL';
    whyNotEmail: string | null;
  }>('ValidationNoticeSent')
  .implement({
    fields: (t) => ({
      placement: t.field({ type: PlacementRef, resolve: (r) => r.placement as never }),
      file: t.field({
        type: DocumentRef,
        description: 'The notice as sent: the PDF to mail, or the HTML the e-mail carried.',
        resolve: (r) => r.document as never,
      }),
      amountDueCents: t.expose('amountDueCents', { type: 'Cents' }),
      deliveredBy: t.field({
        type: NoticeDeliveryEnum,
        description: 'EMAIL when the notifier sent it; MAIL when it is queued for the practice’s mailing.',
        resolve: (r) => r.deliveredBy,
      }),
      whyNotEmail: t.string({
        nullable: true,
        description:
          'When the practice’s policy asks for e-mail and the notice was mailed: why (no E-SIGN consent, opted out, …).',
        resolve: (r) => r.whyNotEmail,
      }),
    }),
  });

builder.mutationField('sendValidationNotice', (t) =>
  t.field({
    type: NoticeRef,
    description:
      'Writes the Regulation F validation notice for a placement in model form B-1’s wording (collector’s address and telephone, itemization, amount due, validation period end, how to dispute, CFPB reference, the consumer-response form), rendered and recorded as a communication. Send it with the first communication or within 5 days of it. Refused (COLLECTOR_CONTACT_REQUIRED) until the collector’s mailing address and telephone are on file.',
    authScopes: scopesOf(sendValidationNotice),
    args: {
      input: t.arg({
        type: builder.inputType('SendValidationNoticeInput', {
          fields: (f) => ({
            placementId: f.id({ required: true }),
            language: f.field({
              type: NoticeLanguageEnum,
              description: 'SPANISH when the consumer asked for the notice in Spanish. @default ENGLISH',
            }),
          }),
        }),
        required: true,
      }),
    },
    errors: { types: [...COMMON_ERRORS, InvalidStateTransitionError], union: { name: 'SendValidationNoticePayload' } },
    resolve: (_r, { input }, ctx) =>
      sendValidationNotice.run(ctx, { placementId: placementIdOf(input), language: input.language }),
  }),
);

builder.mutationField('recordDebtVerification', (t) =>
  t.field({
    type: PlacementRef,
    description:
      'Records that verification of a disputed debt was sent: the dispute is cleared and collection may resume.',
    authScopes: scopesOf(recordDebtVerification),
    args: {
      input: t.arg({
        type: builder.inputType('RecordDebtVerificationInput', {
          fields: (f) => ({ placementId: f.id({ required: true }), note: f.string() }),
        }),
        required: true,
      }),
    },
    errors: {
      types: [...COMMON_ERRORS, InvalidStateTransitionError],
      union: { name: 'RecordDebtVerificationPayload' },
    },
    resolve: (_r, { input }, ctx) => recordDebtVerification.run(ctx, { ...input, placementId: placementIdOf(input) }),
  }),
);

const agencyIdOf = (input: { agencyId: string | number }) =>
  decodeId('CollectionAgency', String(input.agencyId), ['input', 'agencyId']);

const placementIdOf = (input: { placementId: string | number }) =>
  decodeId('CollectionPlacement', String(input.placementId), ['input', 'placementId']);

const accountPatientIdsOf = (ctx: BillingContext, ids: ReadonlyArray<string | number>) =>
  Promise.all(ids.map((id, i) => accountPatientId(ctx, String(id), ['input', 'accountIds', i])));
