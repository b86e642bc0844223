import { builder } from '../builder.ts';
import type { EligibilityCheck } from '../../db/prisma-client.ts';
import { EligibilityCheckRef } from './eligibility-types.ts';
import { ConnectorError } from '../../plugins/connector-call.ts';
import { scopesOf } from '../operation-scopes.ts';
import { checkEligibility } from '../../eligibility/check-eligibility.ts';
import { decodeId } from '../../ids/global-id.ts';
import { COMMON_ERRORS } from '../errors.ts';

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

builder.mutationField('checkEligibility', (t) =>
  t.field({
    type: EligibilityPayload,
    description:
      'Asks the coverage’s payer connector (270) and stores the answer (271) on the coverage. Admins, billers and front desk.',
    authScopes: scopesOf(checkEligibility),
    args: { input: t.arg({ type: CheckEligibilityInput, required: true }) },
    errors: { types: [...COMMON_ERRORS, ConnectorError], union: { name: 'CheckEligibilityPayload' } },
    resolve: (_root, { input }, ctx) =>
      checkEligibility.run(ctx, {
        ...input,
        coverageId: decodeId('Coverage', String(input.coverageId), ['input', 'coverageId']),
      }),
  }),
);
