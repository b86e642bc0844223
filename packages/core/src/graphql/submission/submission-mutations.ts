import type { ClaimSubmissionResult } from '../../submission/submit-claims.ts';
import { builder } from '../builder.ts';
import type { SubmissionBatch } from '../../db/prisma-client.ts';
import { SubmissionBatchRef } from './submission-types.ts';
import { submitClaims } from '../../submission/submit-claims-operation.ts';
import { scopesOf } from '../operation-scopes.ts';
import { decodeId } from '../../ids/global-id.ts';
import type { ResponseImportResult } from '../../submission/import-responses.ts';
import { importResponses } from '../../submission/import-responses-operation.ts';
import { ClaimRef } from '../claims/claim-types.ts';

const ClaimSubmissionResultRef = builder.objectRef<ClaimSubmissionResult>('ClaimSubmissionResult').implement({
  description: 'What happened to one claim of a submitClaims call.',
  fields: (t) => ({
    claim: t.field({
      type: ClaimRef,
      nullable: true,
      resolve: (r, _a, ctx) => ctx.db.claim.findUnique({ where: { id: r.claimId } }),
    }),
    submitted: t.exposeBoolean('submitted'),
    errorCode: t.exposeString('errorCode', {
      nullable: true,
      description:
        'SCRUB_FAILED, NO_CONNECTOR, CONNECTOR_ERROR, NOT_FOUND, INVALID_STATE, X12_REFUSED (the 837 writer refused the claim’s data; the message names segment and element), or NO_CLAIM_FORM_RENDERER (a paper-only payer’s claim, and no renderer that prints its form).',
    }),
    message: t.exposeString('message', { nullable: true }),
  }),
});

const SubmitClaimsPayload = builder
  .objectRef<{ results: ClaimSubmissionResult[]; batches: SubmissionBatch[] }>('SubmitClaimsPayload')
  .implement({
    fields: (t) => ({
      results: t.field({ type: [ClaimSubmissionResultRef], resolve: (r) => r.results }),
      batches: t.field({ type: [SubmissionBatchRef], resolve: (r) => r.batches }),
    }),
  });

const SubmitClaimsInput = builder.inputType('SubmitClaimsInput', {
  fields: (t) => ({ claimIds: t.idList({ required: true }) }),
});

builder.mutationField('submitClaims', (t) =>
  t.field({
    type: SubmitClaimsPayload,
    description:
      'Scrubs, batches by payer connector, writes the 837s and sends them. Reports per claim. Admins and billers.',
    authScopes: scopesOf(submitClaims),
    args: { input: t.arg({ type: SubmitClaimsInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      submitClaims.run(ctx, {
        claimIds: input.claimIds.map((id, i) => decodeId('Claim', String(id), ['input', 'claimIds', i])),
      }),
  }),
);

const ResponseFileInput = builder.inputType('ResponseFileInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    content: t.string({ required: true, description: 'The X12 text of a 999 or 277CA.' }),
  }),
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
    args: {
      input: t.arg({
        type: builder.inputType('ImportResponsesInput', {
          fields: (f) => ({ files: f.field({ type: [ResponseFileInput], required: true }) }),
        }),
        required: true,
      }),
    },
    resolve: (_root, { input }, ctx) => importResponses.run(ctx, input),
  }),
);
