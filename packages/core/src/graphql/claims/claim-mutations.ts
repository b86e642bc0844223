import { builder } from '../builder.ts';
import type { Claim } from '../../db/prisma-client.ts';
import type { ScrubFinding } from '../../claims/scrub/scrub-rule.ts';
import { createClaim } from '../../claims/create-claim.ts';
import { decodeId } from '../../ids/global-id.ts';
import { scopesOf } from '../operation-scopes.ts';
import { COMMON_ERRORS } from '../errors.ts';
import { correctClaim } from '../../claims/correct-claim.ts';
import { scrubClaim } from '../../claims/scrub-claim.ts';
import { InvalidStateTransitionError } from '../../errors/billing-errors.ts';
import { ClaimRef, ScrubFindingRef } from './claim-types.ts';

const CreateClaimInput = builder.inputType('CreateClaimInput', {
  fields: (t) => ({
    encounterId: t.id({ required: true }),
    coverageId: t.id({ required: true, description: 'The coverage (payer) billed; must be the patient’s.' }),
  }),
});

const CorrectionKind = builder.enumType('ClaimCorrectionKind', {
  values: {
    REPLACEMENT: { description: 'Frequency 7: replaces the payer’s claim with the encounter as it is now.' },
    VOID: { description: 'Frequency 8: cancels the payer’s claim.' },
  } as const,
});

const CorrectClaimInput = builder.inputType('CorrectClaimInput', {
  fields: (t) => ({
    claimId: t.id({
      required: true,
      description: 'The claim the payer has (it must carry the payer’s claim control number).',
    }),
    kind: t.field({ type: CorrectionKind, required: true }),
  }),
});

const ScrubClaimInput = builder.inputType('ScrubClaimInput', {
  fields: (t) => ({ claimId: t.id({ required: true }) }),
});

const ClaimPayload = builder.objectRef<{ claim: Claim }>('ClaimSuccess').implement({
  fields: (t) => ({ claim: t.field({ type: ClaimRef, resolve: (r) => r.claim }) }),
});

const ScrubPayload = builder
  .objectRef<{ claim: Claim; findings: ScrubFinding[]; passed: boolean }>('ScrubClaimSuccess')
  .implement({
    description: 'The scrub ran: the claim is READY when no ERROR was found, else SCRUB_FAILED with its findings.',
    fields: (t) => ({
      claim: t.field({ type: ClaimRef, resolve: (r) => r.claim }),
      passed: t.exposeBoolean('passed'),
      findings: t.field({ type: [ScrubFindingRef], resolve: (r) => r.findings }),
    }),
  });

builder.mutationField('createClaim', (t) =>
  t.field({
    type: ClaimPayload,
    description:
      'Builds a DRAFT claim from an encounter for one coverage: its lines, diagnoses, providers and charges. Admins and billers.',
    authScopes: scopesOf(createClaim),
    args: { input: t.arg({ type: CreateClaimInput, required: true }) },
    errors: { types: [...COMMON_ERRORS], union: { name: 'CreateClaimPayload' } },
    resolve: (_root, { input }, ctx) =>
      createClaim.run(ctx, {
        encounterId: decodeId('Encounter', String(input.encounterId), ['input', 'encounterId']),
        coverageId: decodeId('Coverage', String(input.coverageId), ['input', 'coverageId']),
      }),
  }),
);

builder.mutationField('correctClaim', (t) =>
  t.field({
    type: ClaimPayload,
    description:
      'Makes a replacement (frequency 7) or void (frequency 8) claim linked to the original, which the 837 references with REF*F8. Admins and billers.',
    authScopes: scopesOf(correctClaim),
    args: { input: t.arg({ type: CorrectClaimInput, required: true }) },
    errors: { types: [...COMMON_ERRORS], union: { name: 'CorrectClaimPayload' } },
    resolve: (_root, { input }, ctx) =>
      correctClaim.run(ctx, {
        claimId: decodeId('Claim', String(input.claimId), ['input', 'claimId']),
        kind: input.kind,
      }),
  }),
);

builder.mutationField('scrubClaim', (t) =>
  t.field({
    type: ScrubPayload,
    description:
      'Checks a claim against every enabled scrub rule and moves it to READY or SCRUB_FAILED. Admins, billers and coders.',
    authScopes: scopesOf(scrubClaim),
    args: { input: t.arg({ type: ScrubClaimInput, required: true }) },
    errors: { types: [...COMMON_ERRORS, InvalidStateTransitionError], union: { name: 'ScrubClaimPayload' } },
    resolve: (_root, { input }, ctx) =>
      scrubClaim.run(ctx, { claimId: decodeId('Claim', String(input.claimId), ['input', 'claimId']) }),
  }),
);
