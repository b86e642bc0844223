import type { EligibilityCheck } from '../../db/prisma-client.ts';
import { parse271, summarize271, write270, X12ParseError } from '@revcycle/x12';
import { audited } from '../../audit/audited.ts';
import { NotFoundError, ValidationError } from '../../errors/billing-errors.ts';
import { callConnector, ConnectorError } from '../../plugins/connector-call.ts';
import { todayIn } from '../../util/calendar-date.ts';
import { builder } from '../builder.ts';
import { decodeId, globalId } from '../../ids/global-id.ts';
import { COMMON_ERRORS, ErrorInterface } from '../types/errors.ts';
import { nextControlNumber } from '../../submission/control-numbers.ts';

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
    authScopes: { admin: true, biller: true, frontdesk: true },
    args: { input: t.arg({ type: CheckEligibilityInput, required: true }) },
    errors: { types: [...COMMON_ERRORS, ConnectorError], union: { name: 'CheckEligibilityPayload' } },
    resolve: (_root, { input }, ctx) =>
      audited(ctx, 'checkEligibility', async (tx) => {
        const coverageId = decodeId('Coverage', String(input.coverageId), ['input', 'coverageId']);
        const coverage = await tx.coverage.findUnique({ where: { id: coverageId }, include: { payer: true, patient: { include: { practice: true } } } });
        if (!coverage) throw new NotFoundError('Coverage', String(input.coverageId));
        const key = coverage.payer.connectorId;
        const connector = key ? ctx.plugins.payers.get(key) : undefined;
        if (!connector?.checkEligibility) {
          throw new ValidationError([{ path: ['input', 'coverageId'], code: 'NO_ELIGIBILITY_CONNECTOR', message: `coverageId: ${coverage.payer.name} has no payer connector that answers eligibility` }]);
        }
        const { patient } = coverage;
        const practice = patient.practice;
        const serviceDate = input.serviceDate ?? todayIn(practice.timeZone, ctx.clock.now());
        const control = await nextControlNumber(tx, ctx.principal.organizationId, 'ISA13');
        const now = ctx.clock.now();
        const date = now.toISOString().slice(0, 10);
        const time = now.toISOString().slice(11, 16).replace(':', '');
        const self = coverage.subscriberRelationship === 'SELF';
        const patientPerson = { lastName: patient.lastName.toUpperCase(), firstName: patient.firstName.toUpperCase(), dateOfBirth: patient.dateOfBirth, sex: ({ FEMALE: 'F', MALE: 'M', UNKNOWN: 'U' } as const)[patient.sex] };
        const request = write270({
          interchange: { senderQualifier: 'ZZ', senderId: connector.senderId ?? practice.taxId, receiverQualifier: 'ZZ', receiverId: connector.receiverId ?? coverage.payer.payerIdentifier, date, time, controlNumber: String(control).padStart(9, '0'), usage: connector.usage ?? 'P' },
          group: { senderCode: connector.senderId ?? practice.taxId, receiverCode: connector.receiverId ?? coverage.payer.payerIdentifier, date, time, controlNumber: String(control) },
          transaction: { controlNumber: '0001' },
          header: { referenceId: String(control), date, time },
          payer: { name: coverage.payer.name.toUpperCase(), payerId: coverage.payer.payerIdentifier },
          provider: { name: practice.name.toUpperCase(), npi: practice.npi },
          originatorId: `1${practice.taxId}`,
          inquiries: [{
            traceNumber: `${control}-1`, serviceDate, serviceTypes: input.serviceTypes ?? ['30'],
            subscriber: self ? { ...patientPerson, memberId: coverage.memberId } : { lastName: (coverage.subscriberLastName ?? '').toUpperCase(), firstName: coverage.subscriberFirstName?.toUpperCase(), memberId: coverage.memberId, dateOfBirth: coverage.subscriberDateOfBirth ?? undefined },
            ...(self ? {} : { dependent: patientPerson }),
          }],
        });
        const answer = await callConnector(key!, (signal) => connector.checkEligibility!(request, signal), { timeoutMs: 20_000, retries: 1 });
        let member;
        let rejections: string[] = [];
        try {
          const [response] = parse271(answer);
          member = response?.members.at(-1);
          rejections = [...(response?.rejections ?? []), ...(member?.rejections ?? [])].map((r) => r.reasonCode);
        } catch (error) {
          if (error instanceof X12ParseError) throw new ConnectorError(`${key} answered with an unreadable 271: ${error.message}`, false, key ?? undefined);
          throw error;
        }
        const summary = member ? summarize271(member) : undefined;
        const check = await tx.eligibilityCheck.create({
          data: {
            organizationId: ctx.principal.organizationId, coverageId, serviceDate, connectorId: key!,
            active: summary?.active ?? null, planName: summary?.planName ?? null, copayCents: summary?.copayCents ?? null,
            coinsurancePercent: summary?.coinsuranceBasisPoints ?? null, deductibleCents: summary?.deductibleCents ?? null,
            deductibleRemainingCents: summary?.deductibleRemainingCents ?? null, errors: rejections,
          },
        });
        return { result: { check }, recordIds: [globalId('Coverage', coverageId)], practiceId: patient.practiceId };
      }),
  }),
);
