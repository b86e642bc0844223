import { resolveArrayConnection } from '@pothos/plugin-relay';
import type { AgencyUpdateSummary } from '../collections/agency-updates.ts';
import { evaluateCandidate } from '../collections/eligibility.ts';
import type { CollectionCandidate } from '../collections/eligibility.ts';
import { InvalidStateTransitionError, NotFoundError, } from '../errors/billing-errors.ts';
import { todayIn } from '../util/calendar-date.ts';
import { accountPatientId } from './account-id.ts';
import { scopesOf } from './operation-scopes.ts';
import { createCollectionAgency } from '../collections/create-collection-agency.ts';
import { importAgencyUpdates } from '../collections/import-agency-updates.ts';
import { placeAccounts } from '../collections/place-accounts-operation.ts';
import { recallAccounts } from '../collections/recall-accounts.ts';
import { recordDebtVerification } from '../collections/record-debt-verification.ts';
import { sendValidationNotice } from '../collections/send-validation-notice.ts';
import { builder } from './builder.ts';
import { pageSizeOptions } from './connections.ts';
import type { BillingContext } from './context.ts';
import { DunningAccountRef } from './dunning.ts';
import { decodeId, } from '../ids/global-id.ts';
import { COMMON_ERRORS } from './types/errors.ts';
import { DocumentRef } from './types/denial.ts';

const COLLECTORS = { admin: true, biller: true, collector: true } as const;

export const CollectionAgencyRef = builder.prismaNode('CollectionAgency', {
  id: { field: 'id' },
  fields: (t) => ({
    name: t.exposeString('name'),
    exporterId: t.exposeString('exporterKey', { description: 'The collections exporter (plugin key) that writes its files and reads its updates.' }),
    reportsToCreditBureaus: t.exposeBoolean('reportsToCreditBureaus'),
    files: t.prismaField({ type: [DocumentRef], description: 'Placement and recall files for the agency, newest first.', resolve: (query, a, _args, ctx) => ctx.db.document.findMany({ ...query, where: { agencyId: a.id, kind: { in: ['placement-file', 'recall-file'] } }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] }) }),
  }),
});

const PlacementStatusEnum = builder.enumType('PlacementStatus', { values: ['PLACED', 'DISPUTED', 'PAID', 'RECALLED', 'RETURNED'] as const });

export const PlacementRef = builder.prismaNode('CollectionPlacement', {
  id: { field: 'id' },
  description: 'An account placed with a collection agency, with the Regulation F itemization it was placed with.',
  fields: (t) => ({
    agencyReference: t.exposeString('id', { description: 'The reference the agency’s files quote for this placement (placement_id).' }),
    status: t.field({ type: PlacementStatusEnum, resolve: (p) => p.status }),
    statusReason: t.exposeString('statusReason', { nullable: true }),
    balanceCents: t.expose('balanceCents', { type: 'Cents', description: 'The balance when placed.' }),
    itemizationDate: t.expose('itemizationDate', { type: 'Date' }),
    itemizationBalanceCents: t.expose('itemizationBalanceCents', { type: 'Cents' }),
    firstStatementDate: t.expose('firstStatementDate', { type: 'Date' }),
    delinquencyDate: t.expose('delinquencyDate', { type: 'Date' }),
    placedAt: t.expose('placedAt', { type: 'DateTime' }),
    recalledAt: t.expose('recalledAt', { type: 'DateTime', nullable: true }),
    disputedAt: t.expose('disputedAt', { type: 'DateTime', nullable: true }),
    verifiedAt: t.expose('verifiedAt', { type: 'DateTime', nullable: true }),
    returnedAt: t.expose('returnedAt', { type: 'DateTime', nullable: true }),
    paidAt: t.expose('paidAt', { type: 'DateTime', nullable: true }),
    validationNoticeSentAt: t.expose('validationNoticeSentAt', { type: 'DateTime', nullable: true }),
    validationPeriodEnd: t.expose('validationPeriodEnd', { type: 'Date', nullable: true }),
    agency: t.relation('agency', { type: CollectionAgencyRef, nullable: true }),
    patient: t.relation('patient'),
  }),
});

builder.mutationField('createCollectionAgency', (t) =>
  t.field({
    type: CollectionAgencyRef,
    description: 'Adds an agency the organization places accounts with, through a configured collections exporter. Admins.',
    authScopes: scopesOf(createCollectionAgency),
    args: { input: t.arg({ type: builder.inputType('CreateCollectionAgencyInput', { fields: (f) => ({ name: f.string({ required: true }), exporterId: f.string({ required: true }), reportsToCreditBureaus: f.boolean({ description: '@default false' }) }) }), required: true }) },
    errors: { types: COMMON_ERRORS, union: { name: 'CreateCollectionAgencyPayload' } },
    resolve: (_r, { input }, ctx) => createCollectionAgency.run(ctx, input),
  }),
);

builder.queryField('collectionAgencies', (t) =>
  t.prismaConnection({
    type: CollectionAgencyRef,
    cursor: 'id',
    description: 'The collection agencies of the organization, by name.',
    authScopes: { ...COLLECTORS, auditor: true },
    ...pageSizeOptions,
    resolve: (query, _r, _a, ctx) => ctx.db.collectionAgency.findMany({ ...query, orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
    totalCount: (_parent, _args, ctx) => ctx.db.collectionAgency.count(),
  }),
);

const CheckRef = builder.objectRef<CollectionCandidate['checks'][number]>('PlacementEligibilityCheck').implement({
  fields: (t) => ({ check: t.exposeString('check'), passed: t.exposeBoolean('passed'), detail: t.exposeString('detail') }),
});

const CandidateRef = builder.objectRef<CollectionCandidate>('CollectionCandidate').implement({
  description: 'An account and whether it may be placed with an agency today, with every check that decided.',
  fields: (t) => ({
    account: t.field({ type: DunningAccountRef, resolve: (c) => c.state }),
    eligible: t.exposeBoolean('eligible'),
    balanceCents: t.expose('balanceCents', { type: 'Cents' }),
    checks: t.field({ type: [CheckRef], resolve: (c) => c.checks }),
  }),
});

builder.queryField('collectionCandidates', (t) =>
  t.connection({
    type: CandidateRef,
    description: 'The practice’s accounts in or past dunning, each with whether it may be placed with an agency today and why (or why not), least recently stepped first.',
    authScopes: { ...COLLECTORS, auditor: true },
    args: { practiceId: t.arg.id({ required: true }), eligibleOnly: t.arg.boolean({ description: 'Only the accounts that may be placed today. @default false' }) },
    ...pageSizeOptions,
    // Eligibility is decided per account from the ledger, plans and flags, so the list is computed, then paged.
    resolve: async (_r, args, ctx) => resolveArrayConnection({ args }, await collectionCandidates(ctx, args)),
  }),
);

async function collectionCandidates(ctx: BillingContext, args: { practiceId: string | number; eligibleOnly?: boolean | null }): Promise<CollectionCandidate[]> {
  const practice = await ctx.db.practice.findUnique({ where: { id: decodeId('Practice', String(args.practiceId), ['practiceId']) } });
  if (!practice) throw new NotFoundError('Practice', String(args.practiceId));
  const organization = await ctx.db.organization.findUniqueOrThrow({ where: { id: ctx.principal.organizationId } });
  const today = todayIn(practice.timeZone, ctx.clock.now());
  const states = await ctx.db.dunningState.findMany({ where: { practiceId: practice.id, status: { notIn: ['RESOLVED'] } }, orderBy: [{ lastStepDate: 'asc' }, { id: 'asc' }] });
  const candidates = [];
  for (const state of states) candidates.push(await evaluateCandidate(ctx, practice, organization, state, today));
  return args.eligibleOnly ? candidates.filter((c) => c.eligible) : candidates;
}

const PlaceResultRef = builder.objectRef<{ placements: Array<{ id: string }>; files: unknown[] }>('PlaceAccountsSuccess').implement({
  fields: (t) => ({
    placements: t.field({ type: [PlacementRef], resolve: (r) => r.placements as never }),
    files: t.field({ type: [DocumentRef], description: 'The placement file(s) the agency’s exporter wrote, to send to the agency.', resolve: (r) => r.files as never }),
  }),
});

builder.mutationField('placeAccounts', (t) =>
  t.field({
    type: PlaceResultRef,
    description: 'Places eligible accounts with an agency: placements with the balance and itemization, a placement file from the agency’s exporter (no clinical codes), and the accounts leave in-house dunning. All or nothing. Admins, billers, collectors.',
    authScopes: scopesOf(placeAccounts),
    args: { input: t.arg({ type: builder.inputType('PlaceAccountsInput', { fields: (f) => ({ accountIds: f.idList({ required: true, description: 'DunningAccount (or Patient) ids.' }), agencyId: f.id({ required: true }) }) }), required: true }) },
    errors: { types: COMMON_ERRORS, union: { name: 'PlaceAccountsPayload' } },
    resolve: async (_r, { input }, ctx) =>
      placeAccounts.run(ctx, { accountPatientIds: await accountPatientIdsOf(ctx, input.accountIds), agencyId: agencyIdOf(input) }),
  }),
);

builder.queryField('collectionPlacements', (t) =>
  t.prismaConnection({
    type: PlacementRef,
    cursor: 'id',
    authScopes: { ...COLLECTORS, auditor: true },
    args: { practiceId: t.arg.id(), agencyId: t.arg.id(), status: t.arg({ type: PlacementStatusEnum }) },
    resolve: (query, _r, args, ctx) =>
      ctx.db.collectionPlacement.findMany({
        ...query,
        where: {
          ...(args.practiceId ? { practiceId: decodeId('Practice', String(args.practiceId), ['practiceId']) } : {}),
          ...(args.agencyId ? { agencyId: decodeId('CollectionAgency', String(args.agencyId), ['agencyId']) } : {}),
          ...(args.status ? { status: args.status } : {}),
        },
        orderBy: [{ placedAt: 'desc' }, { id: 'asc' }],
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
    description: 'Applies an agency’s update file (payments with commission, adjustments, disputes, returns) once, in one transaction. Admins, billers, collectors.',
    authScopes: scopesOf(importAgencyUpdates),
    args: { input: t.arg({ type: builder.inputType('ImportAgencyUpdatesInput', { fields: (f) => ({ agencyId: f.id({ required: true }), fileName: f.string({ required: true }), content: f.string({ required: true }) }) }), required: true }) },
    errors: { types: COMMON_ERRORS, union: { name: 'ImportAgencyUpdatesPayload' } },
    resolve: (_r, { input }, ctx) => importAgencyUpdates.run(ctx, { ...input, agencyId: agencyIdOf(input) }),
  }),
);

builder.mutationField('recallAccounts', (t) =>
  t.field({
    type: [PlacementRef],
    description: 'Takes accounts back from their agencies (a recall file is written for each agency). Admins, billers, collectors.',
    authScopes: scopesOf(recallAccounts),
    args: { input: t.arg({ type: builder.inputType('RecallAccountsInput', { fields: (f) => ({ accountIds: f.idList({ required: true }), reason: f.string({ required: true }) }) }), required: true }) },
    errors: { types: COMMON_ERRORS, union: { name: 'RecallAccountsPayload' } },
    resolve: async (_r, { input }, ctx) =>
      recallAccounts.run(ctx, { accountPatientIds: await accountPatientIdsOf(ctx, input.accountIds), reason: input.reason }),
  }),
);

const NoticeRef = builder.objectRef<{ placement: unknown; document: unknown; amountDueCents: number }>('ValidationNoticeSent').implement({
  fields: (t) => ({
    placement: t.field({ type: PlacementRef, resolve: (r) => r.placement as never }),
    file: t.field({ type: DocumentRef, resolve: (r) => r.document as never }),
    amountDueCents: t.expose('amountDueCents', { type: 'Cents' }),
  }),
});

builder.mutationField('sendValidationNotice', (t) =>
  t.field({
    type: NoticeRef,
    description: 'Writes the Regulation F validation notice for a placement (itemization, amount due, validation period end, how to dispute), rendered and recorded as a communication. Send it with the first communication or within 5 days of it.',
    authScopes: scopesOf(sendValidationNotice),
    args: { input: t.arg({ type: builder.inputType('SendValidationNoticeInput', { fields: (f) => ({ placementId: f.id({ required: true }) }) }), required: true }) },
    errors: { types: [...COMMON_ERRORS, InvalidStateTransitionError], union: { name: 'SendValidationNoticePayload' } },
    resolve: (_r, { input }, ctx) => sendValidationNotice.run(ctx, { placementId: placementIdOf(input) }),
  }),
);

builder.mutationField('recordDebtVerification', (t) =>
  t.field({
    type: PlacementRef,
    description: 'Records that verification of a disputed debt was sent: the dispute is cleared and collection may resume.',
    authScopes: scopesOf(recordDebtVerification),
    args: { input: t.arg({ type: builder.inputType('RecordDebtVerificationInput', { fields: (f) => ({ placementId: f.id({ required: true }), note: f.string() }) }), required: true }) },
    errors: { types: [...COMMON_ERRORS, InvalidStateTransitionError], union: { name: 'RecordDebtVerificationPayload' } },
    resolve: (_r, { input }, ctx) => recordDebtVerification.run(ctx, { ...input, placementId: placementIdOf(input) }),
  }),
);

const agencyIdOf = (input: { agencyId: string | number }) => decodeId('CollectionAgency', String(input.agencyId), ['input', 'agencyId']);
const placementIdOf = (input: { placementId: string | number }) =>
  decodeId('CollectionPlacement', String(input.placementId), ['input', 'placementId']);
const accountPatientIdsOf = (ctx: BillingContext, ids: ReadonlyArray<string | number>) =>
  Promise.all(ids.map((id, i) => accountPatientId(ctx, String(id), ['input', 'accountIds', i])));
