import type { ClaimStatusDetail } from '@revcycle/x12';
import { builder } from '../builder.ts';
import { checkClaimStatus } from '../../submission/check-claim-status.ts';
import type { StatusCheck } from '../../submission/check-claim-status.ts';
import { ConnectorError } from '../../plugins/connector-call.ts';
import { scopesOf } from '../operation-scopes.ts';
import { decodeId } from '../../ids/global-id.ts';
import { COMMON_ERRORS } from '../errors.ts';
import { ClaimRef } from './claim-types.ts';

const StatusDetailRef = builder.objectRef<ClaimStatusDetail>('ClaimStatusDetail').implement({
  description:
    'One STC of a 277: category (A acknowledgement, P pending, F finalized, R request), status and entity codes.',
  fields: (t) => ({
    categoryCode: t.exposeString('categoryCode'),
    statusCode: t.exposeString('statusCode'),
    entityCode: t.exposeString('entityCode', { nullable: true }),
    effectiveDate: t.expose('effectiveDate', { type: 'Date', nullable: true }),
    chargeCents: t.expose('chargeCents', { type: 'Cents', nullable: true }),
    paidCents: t.expose('paidCents', { type: 'Cents', nullable: true }),
  }),
});

const StatusCheckRef = builder.objectRef<StatusCheck>('ClaimStatusCheck').implement({
  fields: (t) => ({
    claim: t.field({ type: ClaimRef, resolve: (r) => r.claim }),
    statuses: t.field({ type: [StatusDetailRef], resolve: (r) => r.statuses }),
    changed: t.exposeBoolean('changed', { description: 'The answer moved the claim to another status.' }),
    message: t.exposeString('message'),
  }),
});

builder.mutationField('checkClaimStatus', (t) =>
  t.field({
    type: StatusCheckRef,
    description:
      'Asks the payer for a claim’s status (276/277 through its connector), records the answer on the claim’s history and moves the claim when the answer says so. Admins and billers.',
    authScopes: scopesOf(checkClaimStatus),
    args: {
      input: t.arg({
        type: builder.inputType('CheckClaimStatusInput', { fields: (f) => ({ claimId: f.id({ required: true }) }) }),
        required: true,
      }),
    },
    errors: { types: [...COMMON_ERRORS, ConnectorError], union: { name: 'CheckClaimStatusPayload' } },
    resolve: (_root, { input }, ctx) =>
      checkClaimStatus.run(ctx, { claimId: decodeId('Claim', String(input.claimId), ['input', 'claimId']) }),
  }),
);
