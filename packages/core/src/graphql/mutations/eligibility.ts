import type { EligibilityCheck } from '../../db/prisma-client.ts';
import { ConnectorError } from '../../plugins/connector-call.ts';
import { builder } from '../builder.ts';
import { scopesOf } from '../operation-scopes.ts';
import { checkEligibility } from '../../eligibility/check-eligibility.ts';
import { decodeId, } from '../../ids/global-id.ts';
import { COMMON_ERRORS, ErrorInterface } from '../types/errors.ts';

export const EligibilityCheckRef = builder.prismaObject('EligibilityCheck', {
  description: 'One eligibility answer (270/271) from the payer, kept on the coverage.',
  fields: (t) => ({
    serviceDate: t.expose('serviceDate', { type: 'Date' }),
    active: t.exposeBoolean('active', { nullable: true, description: 'null when the payer did not say.' }),
    planName: t.exposeString('planName', { nullable: true }),
    copayCents: t.expose('copayCents', { type: 'Cents', nullable: true }),
    coinsuranceBasisPoints: t.int({ nullable: true, description: '20 % is 2000.', resolve: (c) => c.coinsurancePercent }),
    deductibleCents: t.expose('deductibleCents', { type: 'Cents', nullable: true }),
    deductibleRemainingCents: t.expose('deductibleRemainingCents', { type: 'Cents', nullable: true }),
    rejections: t.stringList({ description: 'AAA reason codes when the payer could not answer (e.g. 72 invalid member id).', resolve: (c) => (Array.isArray(c.errors) ? (c.errors as string[]) : []) }),
    connectorId: t.exposeString('connectorId'),
    checkedAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const CheckEligibilityInput = builder.inputType('CheckEligibilityInput', {
  fields: (t) => ({
    coverageId: t.id({ required: true }),
    serviceDate: t.field({ type: 'Date', description: '@default today in the practice’s time zone' }),
    serviceTypes: t.stringList({ description: 'EQ01 service type codes. @default ["30"]' }),
  }),
});

const EligibilityPayload = builder.objectRef<{ check: EligibilityCheck }>('CheckEligibilitySuccess').implement({
  fields: (t) => ({ check: t.field({ type: EligibilityCheckRef, resolve: (r) => r.check }) }),
});

builder.objectType(ConnectorError, {
  name: 'ConnectorError',
  description: 'The payer connector failed; `retryable` says whether trying later may work.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ retryable: t.exposeBoolean('retryable') }),
});

builder.mutationField('checkEligibility', (t) =>
  t.field({
    type: EligibilityPayload,
    description: 'Asks the coverage’s payer connector (270) and stores the answer (271) on the coverage. Admins, billers and front desk.',
    authScopes: scopesOf(checkEligibility),
    args: { input: t.arg({ type: CheckEligibilityInput, required: true }) },
    errors: { types: [...COMMON_ERRORS, ConnectorError], union: { name: 'CheckEligibilityPayload' } },
    resolve: (_root, { input }, ctx) =>
      checkEligibility.run(ctx, { ...input, coverageId: decodeId('Coverage', String(input.coverageId), ['input', 'coverageId']) }),
  }),
);
