import { canContact } from '../../compliance/can-contact.ts';
import { resolveAccount } from '../account-id.ts';
import { AGGREGATE_COST, builder } from '../builder.ts';
import { ChannelEnum, ContactDecisionRef, RuleRef } from './compliance-types.ts';
import { rulesFor } from '../../compliance/rules.ts';
import { NotFoundError } from '../../errors/billing-errors.ts';
import { decodeId } from '../../ids/global-id.ts';
import type { Prisma } from '../../db/prisma-client.ts';
import { CommunicationRef } from '../patient-billing/dunning-types.ts';

const COLLECTORS = { admin: true, biller: true, collector: true } as const;

builder.queryField('canContact', (t) =>
  t.field({
    type: ContactDecisionRef,
    description:
      'Asks the compliance engine (FDCPA, Regulation F and the practice’s stricter rules) whether the account’s debtor may be contacted on a channel at a moment (default now).',
    authScopes: { ...COLLECTORS, auditor: true },
    args: {
      accountId: t.arg.id({ required: true }),
      channel: t.arg({ type: ChannelEnum, required: true }),
      at: t.arg({ type: 'DateTime' }),
      autodialed: t.arg.boolean({
        description: 'A call by an autodialer or a prerecorded voice (needs the consent on record, like a text).',
      }),
    },
    resolve: async (_r, args, ctx) => {
      const subject = await resolveAccount(ctx, String(args.accountId), ['accountId']);
      return canContact(ctx.db, subject, args.channel, args.at ?? ctx.clock.now(), {
        autodialed: args.autodialed ?? false,
      });
    },
  }),
);

builder.queryField('complianceRules', (t) =>
  t.field({
    type: [RuleRef],
    description: 'The rules in force for a practice: federal, with the practice’s stricter values.',
    authScopes: { ...COLLECTORS, auditor: true },
    args: { practiceId: t.arg.id({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const practice = await ctx.db.practice.findUnique({
        where: { id: decodeId('Practice', String(args.practiceId), ['practiceId']) },
      });
      if (!practice) throw new NotFoundError('Practice', String(args.practiceId));
      return [...rulesFor(practice).values()];
    },
  }),
);

interface ReportRow {
  rule: string;
  allowed: number;
  refused: number;
}

interface ComplianceReport {
  /** The communications the report counts (and the notices and replies of the same patients and period). */
  evidence: Prisma.CommunicationWhereInput;
  from: string;
  to: string;
  attempts: number;
  allowed: number;
  refused: number;
  byRule: ReportRow[];
  byChannel: Array<{ channel: string; allowed: number; refused: number }>;
}

const ReportRowRef = builder.objectRef<ReportRow>('ComplianceReportRule').implement({
  fields: (t) => ({
    rule: t.exposeString('rule', { description: 'The deciding rule (ALL_RULES_PASSED for allowed attempts).' }),
    allowed: t.exposeInt('allowed'),
    refused: t.exposeInt('refused'),
  }),
});

const ChannelRowRef = builder.objectRef<ComplianceReport['byChannel'][number]>('ComplianceReportChannel').implement({
  fields: (t) => ({
    channel: t.exposeString('channel'),
    allowed: t.exposeInt('allowed'),
    refused: t.exposeInt('refused'),
  }),
});

const ReportRef = builder.objectRef<ComplianceReport>('ComplianceReport').implement({
  description:
    'Every contact attempt that went through the compliance engine in a period, allowed and refused, by deciding rule and channel.',
  fields: (t) => ({
    from: t.expose('from', { type: 'Date' }),
    to: t.expose('to', { type: 'Date' }),
    attempts: t.exposeInt('attempts'),
    allowed: t.exposeInt('allowed'),
    refused: t.exposeInt('refused'),
    byRule: t.field({ type: [ReportRowRef], resolve: (r) => r.byRule }),
    byChannel: t.field({ type: [ChannelRowRef], resolve: (r) => r.byChannel }),
    communications: t.prismaField({
      type: [CommunicationRef],
      description:
        'The evidence, oldest first: every message, notice, attempt and reply of the period — channel, where it went, when, what was sent (the stored notice for a validation notice), the rule that decided.',
      args: { first: t.arg.int({ defaultValue: 100, description: 'At most 500.' }) },
      resolve: (query, r, args, ctx) =>
        ctx.db.communication.findMany({
          ...query,
          where: r.evidence,
          orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
          take: Math.min(Math.max(args.first ?? 100, 1), 500),
        }),
    }),
  }),
});

builder.queryField('complianceReport', (t) =>
  t.field({
    type: ReportRef,
    description:
      'Contact attempts of a practice (or of one agency’s placements and tooling) between two dates, allowed and refused, by the rule that decided.',
    complexity: AGGREGATE_COST,
    authScopes: { ...COLLECTORS, auditor: true },
    args: {
      practiceId: t.arg.id({ required: true }),
      agencyId: t.arg.id(),
      from: t.arg({ type: 'Date', required: true }),
      to: t.arg({ type: 'Date', required: true }),
    },
    resolve: async (_r, args, ctx) => {
      const practiceId = decodeId('Practice', String(args.practiceId), ['practiceId']);
      const agency = args.agencyId
        ? await ctx.db.collectionAgency.findUnique({
            where: { id: decodeId('CollectionAgency', String(args.agencyId), ['agencyId']) },
          })
        : null;
      if (args.agencyId && !agency) throw new NotFoundError('CollectionAgency', String(args.agencyId));
      const placements = agency
        ? (await ctx.db.collectionPlacement.findMany({ where: { agencyId: agency.id }, select: { id: true } })).map(
            (p) => p.id,
          )
        : [];
      const evidence: Prisma.CommunicationWhereInput = {
        occurredAt: { gte: new Date(`${args.from}T00:00:00Z`), lt: new Date(`${args.to}T23:59:59.999Z`) },
        patient: { practiceId },
        ...(agency ? { OR: [{ placementId: { in: placements } }, { actor: `agency:${agency.name}` }] } : {}),
      };
      const rows = await ctx.db.communication.groupBy({
        by: ['complianceRule', 'allowed', 'channel'],
        where: { ...evidence, complianceRule: { not: null } },
        _count: { _all: true },
      });
      const report: ComplianceReport = {
        evidence,
        from: args.from,
        to: args.to,
        attempts: 0,
        allowed: 0,
        refused: 0,
        byRule: [],
        byChannel: [],
      };
      for (const row of rows) {
        const n = row._count._all;
        const rule = (row.complianceRule ?? '').split(' ')[0]!;
        const key = row.allowed ? 'allowed' : 'refused';
        report.attempts += n;
        report[key] += n;
        const byRule =
          report.byRule.find((r) => r.rule === rule) ??
          report.byRule[report.byRule.push({ rule, allowed: 0, refused: 0 }) - 1]!;
        byRule[key] += n;
        const byChannel =
          report.byChannel.find((r) => r.channel === row.channel) ??
          report.byChannel[report.byChannel.push({ channel: row.channel, allowed: 0, refused: 0 }) - 1]!;
        byChannel[key] += n;
      }
      report.byRule.sort((a, b) => a.rule.localeCompare(b.rule));
      report.byChannel.sort((a, b) => a.channel.localeCompare(b.channel));
      return report;
    },
  }),
);
