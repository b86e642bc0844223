import type { SubmissionBatch } from '../../db/prisma-client.ts';
import type { ResponseImportResult } from '../../submission/import-responses.ts';
import { submitClaims } from '../../submission/submit-claims-operation.ts';
import type { ClaimSubmissionResult } from '../../submission/submit-claims.ts';
import { builder } from '../builder.ts';
import { importResponses } from '../../submission/import-responses-operation.ts';
import { scopesOf } from '../operation-scopes.ts';
import { pageSizeOptions } from '../connections.ts';
import { decodeId } from '../../ids/global-id.ts';
import { ClaimRef } from '../types/claim.ts';

export const SubmissionBatchRef = builder.prismaNode('SubmissionBatch', {
  id: { field: 'id' },
  nullable: true,
  description: 'One 837 interchange handed to a payer connector.',
  fields: (t) => ({
    connectorId: t.exposeString('connectorId'),
    status: t.exposeString('status', { description: 'PENDING, SENT, ACKNOWLEDGED (999 accepted), REJECTED (999 rejected) or FAILED (not delivered).' }),
    interchangeControlNumber: t.exposeString('interchangeControlNumber'),
    format: t.exposeString('format'),
    claimCount: t.exposeInt('claimCount'),
    totalChargeCents: t.expose('totalChargeCents', { type: 'Cents' }),
    connectorReference: t.exposeString('connectorReference', { nullable: true }),
    failureReason: t.exposeString('failureReason', { nullable: true }),
    content: t.exposeString('content', { description: 'The X12 file exactly as sent.' }),
    claims: t.relation('claims'),
    submittedAt: t.expose('submittedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const ClaimSubmissionResultRef = builder.objectRef<ClaimSubmissionResult>('ClaimSubmissionResult').implement({
  description: 'What happened to one claim of a submitClaims call.',
  fields: (t) => ({
    claim: t.field({ type: ClaimRef, nullable: true, resolve: (r, _a, ctx) => ctx.db.claim.findUnique({ where: { id: r.claimId } }) }),
    submitted: t.exposeBoolean('submitted'),
    errorCode: t.exposeString('errorCode', { nullable: true, description: 'SCRUB_FAILED, NO_CONNECTOR, CONNECTOR_ERROR, NOT_FOUND or INVALID_STATE.' }),
    message: t.exposeString('message', { nullable: true }),
  }),
});

const SubmitClaimsPayload = builder.objectRef<{ results: ClaimSubmissionResult[]; batches: SubmissionBatch[] }>('SubmitClaimsPayload').implement({
  fields: (t) => ({
    results: t.field({ type: [ClaimSubmissionResultRef], resolve: (r) => r.results }),
    batches: t.field({ type: [SubmissionBatchRef], resolve: (r) => r.batches }),
  }),
});

const SubmitClaimsInput = builder.inputType('SubmitClaimsInput', { fields: (t) => ({ claimIds: t.idList({ required: true }) }) });

builder.mutationField('submitClaims', (t) =>
  t.field({
    type: SubmitClaimsPayload,
    description: 'Scrubs, batches by payer connector, writes the 837s and sends them. Reports per claim. Admins and billers.',
    authScopes: scopesOf(submitClaims),
    args: { input: t.arg({ type: SubmitClaimsInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      submitClaims.run(ctx, { claimIds: input.claimIds.map((id, i) => decodeId('Claim', String(id), ['input', 'claimIds', i])) }),
  }),
);

const ResponseFileInput = builder.inputType('ResponseFileInput', {
  fields: (t) => ({ name: t.string({ required: true }), content: t.string({ required: true, description: 'The X12 text of a 999 or 277CA.' }) }),
});

const ResponseImportResultRef = builder.objectRef<ResponseImportResult>('ResponseImportResult').implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    kind: t.exposeString('kind'),
    imported: t.exposeBoolean('imported'),
    message: t.exposeString('message', { nullable: true }),
    claimsUpdated: t.exposeInt('claimsUpdated'),
    unmatched: t.exposeInt('unmatched', { description: 'References that matched nothing, now in unmatchedResponses.' }),
  }),
});

builder.mutationField('importResponses', (t) =>
  t.field({
    type: [ResponseImportResultRef],
    description: 'Applies acknowledgement files (999, 277CA) pushed in by hand or by a host job. Admins and billers.',
    authScopes: scopesOf(importResponses),
    args: { input: t.arg({ type: builder.inputType('ImportResponsesInput', { fields: (f) => ({ files: f.field({ type: [ResponseFileInput], required: true }) }) }), required: true }) },
    resolve: (_root, { input }, ctx) => importResponses.run(ctx, input),
  }),
);

const UnmatchedResponseRef = builder.prismaNode('UnmatchedResponse', {
  id: { field: 'id' },
  nullable: true,
  description: 'An acknowledgement that matched no batch or claim: review it.',
  fields: (t) => ({
    kind: t.exposeString('kind'),
    reference: t.exposeString('reference'),
    detail: t.exposeString('detail'),
    fileName: t.exposeString('fileName', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.queryField('unmatchedResponses', (t) =>
  t.prismaConnection({
    type: UnmatchedResponseRef,
    cursor: 'id',
    description: 'The review list: acknowledgements that matched nothing, newest first.',
    authScopes: { admin: true, biller: true, auditor: true },
    ...pageSizeOptions,
    resolve: (query, _root, _args, ctx) => ctx.db.unmatchedResponse.findMany({ ...query, where: { resolvedAt: null }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
    totalCount: (_parent, _args, ctx) => ctx.db.unmatchedResponse.count({ where: { resolvedAt: null } }),
  }),
);
