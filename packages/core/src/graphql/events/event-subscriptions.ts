import { filter, pipe } from 'graphql-yoga';
import type {
  AuditEventRecordedPayload,
  BalanceChangedPayload,
  ClaimStatusChangedPayload,
} from '../../pubsub/billing-events.ts';
import { builder } from '../builder.ts';
import { requireRole } from '../require-role.ts';
import type { ClaimStatus } from '../../db/prisma-client.ts';
import { GraphQLError } from 'graphql';
import { decodeId } from '../../ids/global-id.ts';
import { accountWhere, balanceOf } from '../../ledger/balances.ts';
import { ClaimStatusEnum } from '../claims/claim-types.ts';
import { BalanceRef } from '../ledger/ledger-types.ts';

builder.subscriptionField('auditEventRecorded', (t) =>
  t.prismaField({
    type: 'AuditEvent',
    description:
      'Every audit event of your organization as it is recorded (admins and auditors). A user limited to ' +
      'practices only receives events of those practices.',
    authScopes: { admin: true, auditor: true },
    subscribe: (_root, _args, ctx) => {
      // Checked here as well: field auth scopes run per event, and a subscriber without the role must be told now.
      requireRole(ctx, ['admin', 'auditor'], 'Subscription.auditEventRecorded');
      const allowed = ctx.principal.practiceIds;
      return pipe(
        ctx.pubsub.subscribe('auditEventRecorded', ctx.principal.organizationId),
        filter(
          (event: AuditEventRecordedPayload) =>
            !allowed || (event.practiceId !== null && allowed.includes(event.practiceId)),
        ),
      );
    },
    resolve: (query, event, _args, ctx) =>
      ctx.db.auditEvent.findUniqueOrThrow({
        ...query,
        where: { id: (event as AuditEventRecordedPayload).auditEventId },
      }),
  }),
);

const ClaimStatusChangedEvent = builder.objectRef<ClaimStatusChangedPayload>('ClaimStatusChangedEvent').implement({
  description: 'A claim moved from one status to another.',
  fields: (t) => ({
    claim: t.prismaField({
      type: 'Claim',
      nullable: true,
      description: 'The claim as it is now (null if you may no longer see it).',
      resolve: (query, event, _args, ctx) => ctx.db.claim.findUnique({ ...query, where: { id: event.claimId } }),
    }),
    from: t.field({ type: ClaimStatusEnum, nullable: true, resolve: (e) => e.from as ClaimStatus | null }),
    to: t.field({ type: ClaimStatusEnum, resolve: (e) => e.to as ClaimStatus }),
    reason: t.string({ nullable: true, resolve: (e) => e.reason }),
    at: t.field({ type: 'DateTime', resolve: (e) => e.at }),
  }),
});

builder.subscriptionField('claimStatusChanged', (t) =>
  t.field({
    type: ClaimStatusChangedEvent,
    description:
      'Every status change of one claim (claimId) or of a practice’s claims (practiceId); give at least one.',
    authScopes: { anyRole: true },
    args: { claimId: t.arg.id(), practiceId: t.arg.id() },
    subscribe: (_root, args, ctx) => {
      if (!args.claimId && !args.practiceId) {
        throw new GraphQLError('claimStatusChanged needs claimId or practiceId', {
          extensions: { code: 'VALIDATION_FAILED' },
        });
      }
      const claimId = args.claimId ? decodeId('Claim', String(args.claimId), ['claimId']) : undefined;
      const practiceId = args.practiceId ? decodeId('Practice', String(args.practiceId), ['practiceId']) : undefined;
      const allowed = ctx.principal.practiceIds;
      return pipe(
        ctx.pubsub.subscribe('claimStatusChanged', ctx.principal.organizationId),
        filter(
          (e: ClaimStatusChangedPayload) =>
            (!claimId || e.claimId === claimId) &&
            (!practiceId || e.practiceId === practiceId) &&
            (!allowed || allowed.includes(e.practiceId)),
        ),
      );
    },
    resolve: (event) => event as ClaimStatusChangedPayload,
  }),
);

const BalanceChangedEvent = builder.objectRef<BalanceChangedPayload>('BalanceChangedEvent').implement({
  description: 'A patient’s or guarantor account’s balance moved; the balances are as of delivery.',
  fields: (t) => ({
    patient: t.prismaField({
      type: 'Patient',
      nullable: true,
      resolve: (query, e, _a, ctx) => ctx.db.patient.findUnique({ ...query, where: { id: e.patientId } }),
    }),
    balance: t.field({
      type: BalanceRef,
      description: 'The patient’s balance.',
      resolve: (e, _a, ctx) => balanceOf(ctx.db, { patientId: e.patientId }),
    }),
    accountBalance: t.field({
      type: BalanceRef,
      description: 'The guarantor account’s balance (the patient’s own when self-guaranteed).',
      resolve: (e, _a, ctx) =>
        balanceOf(ctx.db, accountWhere(e.guarantorId ? { guarantorId: e.guarantorId } : { patientId: e.patientId })),
    }),
    entry: t.prismaField({
      type: 'LedgerEntry',
      nullable: true,
      description: 'The entry that caused the change.',
      resolve: (query, e, _a, ctx) => ctx.db.ledgerEntry.findUnique({ ...query, where: { id: e.entryId } }),
    }),
    at: t.field({ type: 'DateTime', resolve: (e) => e.at }),
  }),
});

builder.subscriptionField('balanceChanged', (t) =>
  t.field({
    type: BalanceChangedEvent,
    description:
      'Every change to a patient’s (patientId), guarantor account’s (accountId: a Guarantor id) or practice’s (practiceId, for dashboards) patient balances; give at least one.',
    authScopes: { anyRole: true },
    args: { patientId: t.arg.id(), accountId: t.arg.id(), practiceId: t.arg.id() },
    subscribe: (_root, args, ctx) => {
      if (!args.patientId && !args.accountId && !args.practiceId)
        throw new GraphQLError('balanceChanged needs patientId, accountId or practiceId', {
          extensions: { code: 'VALIDATION_FAILED' },
        });
      const patientId = args.patientId ? decodeId('Patient', String(args.patientId), ['patientId']) : undefined;
      const guarantorId = args.accountId ? decodeId('Guarantor', String(args.accountId), ['accountId']) : undefined;
      const practiceId = args.practiceId ? decodeId('Practice', String(args.practiceId), ['practiceId']) : undefined;
      const allowed = ctx.principal.practiceIds;
      return pipe(
        ctx.pubsub.subscribe('balanceChanged', ctx.principal.organizationId),
        filter(
          (e: BalanceChangedPayload) =>
            (!patientId || e.patientId === patientId) &&
            (!guarantorId || e.guarantorId === guarantorId) &&
            (!practiceId || e.practiceId === practiceId) &&
            (!allowed || allowed.includes(e.practiceId)),
        ),
      );
    },
    resolve: (event) => event as BalanceChangedPayload,
  }),
);
