
import { ATTEMPT_CHANNELS, canContact } from '../compliance/can-contact.ts';
import type { ContactDecision } from '../compliance/can-contact.ts';
import { RULE_IDS, rulesFor, } from '../compliance/rules.ts';
import type { ComplianceRule } from '../compliance/rules.ts';
import { NotFoundError, } from '../errors/billing-errors.ts';
import { accountPatientId, resolveAccount } from './account-id.ts';
import { scopesOf } from './operation-scopes.ts';
import { recordContactAttempt } from '../compliance/record-contact-attempt.ts';
import { recordCeaseCommunication } from '../compliance/record-cease-communication.ts';
import { setComplianceRules } from '../compliance/set-compliance-rules.ts';
import { builder } from './builder.ts';
import { CommunicationRef } from './dunning.ts';
import { decodeId, } from '../ids/global-id.ts';
import { COMMON_ERRORS } from './types/errors.ts';
import { PatientRef } from './types/patient.ts';

const ChannelEnum = builder.enumType('ContactAttemptChannel', { values: ATTEMPT_CHANNELS, description: 'PHONE is the home or mobile number; WORK_PHONE the work number.' });
const RuleIdEnum = builder.enumType('ComplianceRuleId', { values: RULE_IDS });
const AttemptKindEnum = builder.enumType('ContactAttemptKind', { values: ['CALL_ATTEMPT', 'CONVERSATION', 'MESSAGE', 'LETTER'] as const, description: 'A call that did not reach the debtor, a telephone conversation, a text or e-mail, a letter.' });

const LocalTimeRef = builder.objectRef<{ timeZone: string; localTime: string }>('DebtorLocalTime').implement({ fields: (t) => ({ timeZone: t.exposeString('timeZone'), localTime: t.exposeString('localTime') }) });

export const ContactDecisionRef = builder.objectRef<ContactDecision>('ContactDecision').implement({
  description: 'Whether a contact is allowed now, and the rule that decided.',
  fields: (t) => ({
    allowed: t.exposeBoolean('allowed'),
    rule: t.exposeString('rule', { description: 'The refusing rule’s id, or ALL_RULES_PASSED.' }),
    citation: t.exposeString('citation', { nullable: true }),
    reason: t.exposeString('reason'),
    localTimes: t.field({ type: [LocalTimeRef], description: 'The debtor’s local time in every zone the address and number plausibly put them in.', resolve: (d) => d.localTimes }),
    warnings: t.exposeStringList('warnings'),
  }),
});

const COLLECTORS = { admin: true, biller: true, collector: true } as const;

builder.queryField('canContact', (t) =>
  t.field({
    type: ContactDecisionRef,
    description: 'Asks the compliance engine (FDCPA, Regulation F and the practice’s stricter rules) whether the account’s debtor may be contacted on a channel at a moment (default now).',
    authScopes: { ...COLLECTORS, auditor: true },
    args: { accountId: t.arg.id({ required: true }), channel: t.arg({ type: ChannelEnum, required: true }), at: t.arg({ type: 'DateTime' }) },
    resolve: async (_r, args, ctx) => {
      const subject = await resolveAccount(ctx, String(args.accountId), ['accountId']);
      return canContact(ctx.db, subject, args.channel, args.at ?? ctx.clock.now());
    },
  }),
);

const AttemptResultRef = builder.objectRef<{ decision: ContactDecision; communication: unknown }>('ContactAttemptRecorded').implement({
  fields: (t) => ({
    decision: t.field({ type: ContactDecisionRef, resolve: (r) => r.decision }),
    communication: t.field({ type: CommunicationRef, resolve: (r) => r.communication as never }),
  }),
});

builder.mutationField('recordContactAttempt', (t) =>
  t.field({
    type: AttemptResultRef,
    description: 'Every contact attempt goes through here, in-house or from agency tooling: the compliance engine decides, and the attempt is recorded allowed or refused with the rule that decided. Call before dialing; a refused attempt must not be made.',
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
    description: 'Records a written request to stop communicating about the debt: every later contact is refused (FDCPA §805(c)). Admins, billers, collectors.',
    authScopes: scopesOf(recordCeaseCommunication),
    args: { input: t.arg({ type: builder.inputType('RecordCeaseCommunicationInput', { fields: (f) => ({ patientId: f.id({ required: true }), receivedAt: f.field({ type: 'DateTime', description: '@default now' }) }) }), required: true }) },
    errors: { types: COMMON_ERRORS, union: { name: 'RecordCeaseCommunicationPayload' } },
    resolve: (_r, { input }, ctx) =>
      recordCeaseCommunication.run(ctx, { ...input, patientId: decodeId('Patient', String(input.patientId), ['input', 'patientId']) }),
  }),
);

const RuleRef = builder.objectRef<ComplianceRule>('ComplianceRule').implement({
  description: 'A contact or reporting rule, with its parameters and the law it comes from.',
  fields: (t) => ({
    id: t.field({ type: RuleIdEnum, resolve: (r) => r.id }),
    description: t.exposeString('description'),
    citation: t.exposeString('citation'),
    params: t.field({ type: 'JSON', resolve: (r) => r.params }),
    source: t.exposeString('source', { description: 'FEDERAL, or the practice’s citation for a stricter value.' }),
  }),
});

builder.queryField('complianceRules', (t) =>
  t.field({
    type: [RuleRef],
    description: 'The rules in force for a practice: federal, with the practice’s stricter values.',
    authScopes: { ...COLLECTORS, auditor: true },
    args: { practiceId: t.arg.id({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const practice = await ctx.db.practice.findUnique({ where: { id: decodeId('Practice', String(args.practiceId), ['practiceId']) } });
      if (!practice) throw new NotFoundError('Practice', String(args.practiceId));
      return [...rulesFor(practice).values()];
    },
  }),
);

const OverrideInput = builder.inputType('ComplianceRuleOverrideInput', {
  fields: (t) => ({ id: t.field({ type: RuleIdEnum, required: true }), params: t.field({ type: 'JSON', required: true, description: 'e.g. { "maxAttempts": 2 }' }), citation: t.string({ required: true }) }),
});

builder.mutationField('setComplianceRules', (t) =>
  t.field({
    type: [RuleRef],
    description: 'Adds a state’s (or the practice’s own) stricter values to the federal rules; values that would loosen a federal rule are refused. Replaces earlier overrides. Admins.',
    authScopes: scopesOf(setComplianceRules),
    args: { input: t.arg({ type: builder.inputType('SetComplianceRulesInput', { fields: (f) => ({ practiceId: f.id({ required: true }), rules: f.field({ type: [OverrideInput], required: true }) }) }), required: true }) },
    errors: { types: COMMON_ERRORS, union: { name: 'SetComplianceRulesPayload' } },
    resolve: (_r, { input }, ctx) =>
      setComplianceRules.run(ctx, { ...input, practiceId: decodeId('Practice', String(input.practiceId), ['input', 'practiceId']) }),
  }),
);

interface ReportRow { rule: string; allowed: number; refused: number }
interface ComplianceReport { from: string; to: string; attempts: number; allowed: number; refused: number; byRule: ReportRow[]; byChannel: Array<{ channel: string; allowed: number; refused: number }> }

const ReportRowRef = builder.objectRef<ReportRow>('ComplianceReportRule').implement({ fields: (t) => ({ rule: t.exposeString('rule', { description: 'The deciding rule (ALL_RULES_PASSED for allowed attempts).' }), allowed: t.exposeInt('allowed'), refused: t.exposeInt('refused') }) });
const ChannelRowRef = builder.objectRef<ComplianceReport['byChannel'][number]>('ComplianceReportChannel').implement({ fields: (t) => ({ channel: t.exposeString('channel'), allowed: t.exposeInt('allowed'), refused: t.exposeInt('refused') }) });
const ReportRef = builder.objectRef<ComplianceReport>('ComplianceReport').implement({
  description: 'Every contact attempt that went through the compliance engine in a period, allowed and refused, by deciding rule and channel.',
  fields: (t) => ({
    from: t.expose('from', { type: 'Date' }), to: t.expose('to', { type: 'Date' }),
    attempts: t.exposeInt('attempts'), allowed: t.exposeInt('allowed'), refused: t.exposeInt('refused'),
    byRule: t.field({ type: [ReportRowRef], resolve: (r) => r.byRule }),
    byChannel: t.field({ type: [ChannelRowRef], resolve: (r) => r.byChannel }),
  }),
});

builder.queryField('complianceReport', (t) =>
  t.field({
    type: ReportRef,
    description: 'Contact attempts of a practice (or of one agency’s placements and tooling) between two dates, allowed and refused, by the rule that decided.',
    authScopes: { ...COLLECTORS, auditor: true },
    args: { practiceId: t.arg.id({ required: true }), agencyId: t.arg.id(), from: t.arg({ type: 'Date', required: true }), to: t.arg({ type: 'Date', required: true }) },
    resolve: async (_r, args, ctx) => {
      const practiceId = decodeId('Practice', String(args.practiceId), ['practiceId']);
      const agency = args.agencyId ? await ctx.db.collectionAgency.findUnique({ where: { id: decodeId('CollectionAgency', String(args.agencyId), ['agencyId']) } }) : null;
      if (args.agencyId && !agency) throw new NotFoundError('CollectionAgency', String(args.agencyId));
      const placements = agency ? (await ctx.db.collectionPlacement.findMany({ where: { agencyId: agency.id }, select: { id: true } })).map((p) => p.id) : [];
      const rows = await ctx.db.communication.groupBy({
        by: ['complianceRule', 'allowed', 'channel'],
        where: {
          complianceRule: { not: null }, occurredAt: { gte: new Date(`${args.from}T00:00:00Z`), lt: new Date(`${args.to}T23:59:59.999Z`) }, patient: { practiceId },
          ...(agency ? { OR: [{ placementId: { in: placements } }, { actor: `agency:${agency.name}` }] } : {}),
        },
        _count: { _all: true },
      });
      const report: ComplianceReport = { from: args.from, to: args.to, attempts: 0, allowed: 0, refused: 0, byRule: [], byChannel: [] };
      for (const row of rows) {
        const n = row._count._all;
        const rule = (row.complianceRule ?? '').split(' ')[0]!;
        const key = row.allowed ? 'allowed' : 'refused';
        report.attempts += n;
        report[key] += n;
        const byRule = report.byRule.find((r) => r.rule === rule) ?? report.byRule[report.byRule.push({ rule, allowed: 0, refused: 0 }) - 1]!;
        byRule[key] += n;
        const byChannel = report.byChannel.find((r) => r.channel === row.channel) ?? report.byChannel[report.byChannel.push({ channel: row.channel, allowed: 0, refused: 0 }) - 1]!;
        byChannel[key] += n;
      }
      report.byRule.sort((a, b) => a.rule.localeCompare(b.rule));
      report.byChannel.sort((a, b) => a.channel.localeCompare(b.channel));
      return report;
    },
  }),
);
