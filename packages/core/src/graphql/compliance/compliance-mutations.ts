import { builder } from '../builder.ts';
import type { ContactDecision } from '../../compliance/can-contact.ts';
import { ChannelEnum, ContactDecisionRef, RuleIdEnum, RuleRef } from './compliance-types.ts';
import { accountPatientId } from '../account-id.ts';
import { scopesOf } from '../operation-scopes.ts';
import { recordContactAttempt } from '../../compliance/record-contact-attempt.ts';
import { decodeId } from '../../ids/global-id.ts';
import { COMMON_ERRORS } from '../errors.ts';
import { recordCeaseCommunication } from '../../compliance/record-cease-communication.ts';
import { recordContactConsent } from '../../compliance/record-contact-consent.ts';
import { stopContact } from '../../compliance/stop-contact.ts';
import { ConsentChannelEnum, ContactConsentRef } from './consent-types.ts';
import { setComplianceRules } from '../../compliance/set-compliance-rules.ts';
import { CommunicationRef } from '../patient-billing/dunning-types.ts';
import { PatientRef } from '../registration/patient-types.ts';

const AttemptKindEnum = builder.enumType('ContactAttemptKind', {
  values: ['CALL_ATTEMPT', 'CONVERSATION', 'MESSAGE', 'LETTER'] as const,
  description: 'A call that did not reach the debtor, a telephone conversation, a text or e-mail, a letter.',
});

const AttemptResultRef = builder
  .objectRef<{ decision: ContactDecision; communication: unknown }>('ContactAttemptRecorded')
  .implement({
    fields: (t) => ({
      decision: t.field({ type: ContactDecisionRef, resolve: (r) => r.decision }),
      communication: t.field({ type: CommunicationRef, resolve: (r) => r.communication as never }),
    }),
  });

builder.mutationField('recordContactAttempt', (t) =>
  t.field({
    type: AttemptResultRef,
    description:
      'Every contact attempt goes through here, in-house or from agency tooling: the compliance engine decides, and the attempt is recorded allowed or refused with the rule that decided. Call before dialing; a refused attempt must not be made.',
    authScopes: scopesOf(recordContactAttempt),
    args: {
      input: t.arg({
        type: builder.inputType('RecordContactAttemptInput', {
          fields: (f) => ({
            accountId: f.id({ required: true }),
            channel: f.field({ type: ChannelEnum, required: true }),
            kind: f.field({ type: AttemptKindEnum, required: true }),
            at: f.field({ type: 'DateTime', description: '@default now' }),
            agencyId: f.id({ description: 'When an agency’s tooling reports its own attempt.' }),
            note: f.string(),
            autodialed: f.boolean({
              description: 'A call by an autodialer or a prerecorded voice: refused without the consent on record.',
            }),
          }),
        }),
        required: true,
      }),
    },
    errors: { types: COMMON_ERRORS, union: { name: 'RecordContactAttemptPayload' } },
    resolve: async (_r, { input }, ctx) =>
      recordContactAttempt.run(ctx, {
        ...input,
        accountPatientId: await accountPatientId(ctx, String(input.accountId), ['input', 'accountId']),
        agencyId: input.agencyId ? decodeId('CollectionAgency', String(input.agencyId), ['input', 'agencyId']) : null,
      }),
  }),
);

builder.mutationField('recordCeaseCommunication', (t) =>
  t.field({
    type: PatientRef,
    description:
      'Records a written request to stop communicating about the debt: every later contact is refused (FDCPA §805(c)). Admins, billers, collectors.',
    authScopes: scopesOf(recordCeaseCommunication),
    args: {
      input: t.arg({
        type: builder.inputType('RecordCeaseCommunicationInput', {
          fields: (f) => ({
            patientId: f.id({ required: true }),
            receivedAt: f.field({ type: 'DateTime', description: '@default now' }),
          }),
        }),
        required: true,
      }),
    },
    errors: { types: COMMON_ERRORS, union: { name: 'RecordCeaseCommunicationPayload' } },
    resolve: (_r, { input }, ctx) =>
      recordCeaseCommunication.run(ctx, {
        ...input,
        patientId: decodeId('Patient', String(input.patientId), ['input', 'patientId']),
      }),
  }),
);

builder.mutationField('recordContactConsent', (t) =>
  t.field({
    type: ContactConsentRef,
    description:
      'Records a patient’s consent to be reached on a number or address by a channel, with its source and date: texts and autodialed or prerecorded calls are refused without one (CONSENT_REQUIRED).',
    authScopes: scopesOf(recordContactConsent),
    args: {
      input: t.arg({
        type: builder.inputType('RecordContactConsentInput', {
          fields: (f) => ({
            patientId: f.id({ required: true }),
            channel: f.field({ type: ConsentChannelEnum, required: true, description: 'What it covers.' }),
            address: f.string({ required: true, description: 'The phone number or e-mail address it is for.' }),
            source: f.string({
              required: true,
              description: 'How it was given: intake form, portal, recorded call, …',
            }),
            consentedAt: f.field({ type: 'DateTime', description: '@default now' }),
            electronicDisclosures: f.boolean({
              description:
                'E-mail only: the consumer also agreed (E-SIGN, 15 U.S.C. 7001(c)) to receive required disclosures such as the validation notice at this address. @default false',
            }),
          }),
        }),
        required: true,
      }),
    },
    errors: { types: COMMON_ERRORS, union: { name: 'RecordContactConsentPayload' } },
    resolve: (_r, { input }, ctx) =>
      recordContactConsent.run(ctx, {
        ...input,
        patientId: decodeId('Patient', String(input.patientId), ['input', 'patientId']),
      }),
  }),
);

const StopChannelEnum = builder.enumType('StopContactChannel', {
  values: ['EMAIL', 'SMS', 'PHONE', 'ALL'] as const,
  description:
    'The channel the debtor asked to stop, or ALL contact (which records a request to cease, mail included).',
});

builder.mutationField('stopContact', (t) =>
  t.field({
    type: PatientRef,
    description:
      'Stops a channel, or all contact, at the debtor’s request, at once: the opt-out is set and the channel’s consents revoked, so canContact refuses from now on (ALL: CEASE_COMMUNICATION).',
    authScopes: scopesOf(stopContact),
    args: {
      input: t.arg({
        type: builder.inputType('StopContactInput', {
          fields: (f) => ({
            patientId: f.id({ required: true }),
            channel: f.field({ type: StopChannelEnum, required: true, description: 'What to stop.' }),
            how: f.string({ required: true, description: 'How the request came: by phone, a letter, a STOP reply, …' }),
            receivedAt: f.field({ type: 'DateTime', description: '@default now' }),
          }),
        }),
        required: true,
      }),
    },
    errors: { types: COMMON_ERRORS, union: { name: 'StopContactPayload' } },
    resolve: (_r, { input }, ctx) =>
      stopContact.run(ctx, {
        ...input,
        patientId: decodeId('Patient', String(input.patientId), ['input', 'patientId']),
      }),
  }),
);

const OverrideInput = builder.inputType('ComplianceRuleOverrideInput', {
  fields: (t) => ({
    id: t.field({ type: RuleIdEnum, required: true }),
    params: t.field({ type: 'JSON', required: true, description: 'e.g. { "maxAttempts": 2 }' }),
    citation: t.string({ required: true }),
  }),
});

builder.mutationField('setComplianceRules', (t) =>
  t.field({
    type: [RuleRef],
    description:
      'Adds a state’s (or the practice’s own) stricter values to the federal rules; values that would loosen a federal rule are refused. Replaces earlier overrides. Admins.',
    authScopes: scopesOf(setComplianceRules),
    args: {
      input: t.arg({
        type: builder.inputType('SetComplianceRulesInput', {
          fields: (f) => ({
            practiceId: f.id({ required: true }),
            rules: f.field({ type: [OverrideInput], required: true }),
          }),
        }),
        required: true,
      }),
    },
    errors: { types: COMMON_ERRORS, union: { name: 'SetComplianceRulesPayload' } },
    resolve: (_r, { input }, ctx) =>
      setComplianceRules.run(ctx, {
        ...input,
        practiceId: decodeId('Practice', String(input.practiceId), ['input', 'practiceId']),
      }),
  }),
);
