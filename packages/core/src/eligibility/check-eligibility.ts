import { parse271, summarize271, write270, X12ParseError } from '@revcycle/x12';
import { auditFailure, audited } from '../audit/audited.ts';
import type { DomainContext } from '../context/domain-context.ts';
import { transaction } from '../db/prisma-client.ts';
import type { Db } from '../db/prisma-client.ts';
import type { EligibilityCheck } from '../db/prisma-client.ts';
import { NotFoundError, ValidationError } from '../errors/billing-errors.ts';
import { globalId } from '../ids/global-id.ts';
import { defineOperation } from '../operations/define-operation.ts';
import { callConnector, ConnectorError } from '../plugins/connector-call.ts';
import { nextControlNumber } from '../submission/control-numbers.ts';
import { todayIn } from '../util/calendar-date.ts';

export interface CheckEligibilityInput {
  coverageId: string;
  /** @default today in the practice's time zone */
  serviceDate?: string | null;
  /** EQ01 service type codes. @default ["30"] */
  serviceTypes?: string[] | null;
}

/**
 * Asks the coverage's payer (through its connector) whether the patient is covered on a date: a 270 out, the 271
 * answer kept on the coverage.
 */
export const checkEligibility = defineOperation({
  name: 'checkEligibility',
  roles: ['admin', 'biller', 'frontdesk'],
  run: async (ctx, input: CheckEligibilityInput): Promise<{ check: EligibilityCheck }> => {
    // The payer is asked outside any transaction: an answer may take a while (over a batch channel, a minute), and
    // a transaction held open meanwhile would hold SQLite's one writer or a pooled PostgreSQL connection.
    const asked = await ask270(ctx, input).catch(async (error: unknown) => {
      await auditFailure(ctx, 'checkEligibility', error);
      throw error;
    });
    return audited(ctx, 'checkEligibility', (tx) => record271(tx, ctx, input, asked));
  },
});

/** Writes the 270 for the coverage and sends it through the payer's connector; answers the 271 as it came. */
async function ask270(ctx: DomainContext, input: CheckEligibilityInput) {
  const { coverageId } = input;
  const coverage = await ctx.db.coverage.findUnique({
    where: { id: coverageId },
    include: { payer: true, patient: { include: { practice: true } } },
  });
  if (!coverage) throw new NotFoundError('Coverage', globalId('Coverage', coverageId));
  const key = coverage.payer.connectorId;
  const connector = key ? ctx.plugins.payers.get(key) : undefined;
  if (!connector?.checkEligibility) {
    throw new ValidationError([
      {
        path: ['input', 'coverageId'],
        code: 'NO_ELIGIBILITY_CONNECTOR',
        message: `coverageId: ${coverage.payer.name} has no payer connector that answers eligibility`,
      },
    ]);
  }
  const { patient } = coverage;
  const practice = patient.practice;
  const serviceDate = input.serviceDate ?? todayIn(practice.timeZone, ctx.clock.now());
  const control = await transaction(ctx.db, (tx) => nextControlNumber(tx, ctx.principal.organizationId, 'ISA13'));
  const now = ctx.clock.now();
  const date = now.toISOString().slice(0, 10);
  const time = now.toISOString().slice(11, 16).replace(':', '');
  const self = coverage.subscriberRelationship === 'SELF';
  const patientPerson = {
    lastName: patient.lastName.toUpperCase(),
    firstName: patient.firstName.toUpperCase(),
    dateOfBirth: patient.dateOfBirth,
    sex: ({ FEMALE: 'F', MALE: 'M', UNKNOWN: 'U' } as const)[patient.sex],
  };
  const request = write270({
    interchange: {
      senderQualifier: 'ZZ',
      senderId: connector.senderId ?? practice.taxId,
      receiverQualifier: 'ZZ',
      receiverId: connector.receiverId ?? coverage.payer.payerIdentifier,
      date,
      time,
      controlNumber: String(control).padStart(9, '0'),
      usage: connector.usage ?? 'P',
    },
    group: {
      senderCode: connector.senderId ?? practice.taxId,
      receiverCode: connector.receiverId ?? coverage.payer.payerIdentifier,
      date,
      time,
      controlNumber: String(control),
    },
    transaction: { controlNumber: '0001' },
    header: { referenceId: String(control), date, time },
    payer: { name: coverage.payer.name.toUpperCase(), payerId: coverage.payer.payerIdentifier },
    provider: { name: practice.name.toUpperCase(), npi: practice.npi },
    originatorId: `1${practice.taxId}`,
    inquiries: [
      {
        traceNumber: `${control}-1`,
        serviceDate,
        serviceTypes: input.serviceTypes ?? ['30'],
        subscriber: self
          ? { ...patientPerson, memberId: coverage.memberId }
          : {
              lastName: (coverage.subscriberLastName ?? '').toUpperCase(),
              firstName: coverage.subscriberFirstName?.toUpperCase(),
              memberId: coverage.memberId,
              dateOfBirth: coverage.subscriberDateOfBirth ?? undefined,
            },
        ...(self ? {} : { dependent: patientPerson }),
      },
    ],
  });
  const answer = await callConnector(key!, (signal) => connector.checkEligibility!(request, signal), {
    timeoutMs: connector.realTimeTimeoutMs ?? 20_000,
    retries: 1,
  });
  return { answer, key: key!, serviceDate, practiceId: patient.practiceId };
}

/** Keeps the payer's 271 on the coverage (an unreadable one is the connector's failure). */
async function record271(
  tx: Db,
  ctx: DomainContext,
  input: CheckEligibilityInput,
  { answer, key, serviceDate, practiceId }: Awaited<ReturnType<typeof ask270>>,
) {
  const { coverageId } = input;
  let member: ReturnType<typeof parse271>[number]['members'][number] | undefined;
  let rejections: string[] = [];
  try {
    const [response] = parse271(answer);
    member = response?.members.at(-1);
    rejections = [...(response?.rejections ?? []), ...(member?.rejections ?? [])].map((r) => r.reasonCode);
  } catch (error) {
    if (error instanceof X12ParseError)
      throw new ConnectorError(`${key} answered with an unreadable 271: ${error.message}`, false, key);
    throw error;
  }
  const summary = member ? summarize271(member) : undefined;
  const check = await tx.eligibilityCheck.create({
    data: {
      organizationId: ctx.principal.organizationId,
      coverageId,
      serviceDate,
      connectorId: key,
      active: summary?.active ?? null,
      planName: summary?.planName ?? null,
      copayCents: summary?.copayCents ?? null,
      coinsurancePercent: summary?.coinsuranceBasisPoints ?? null,
      deductibleCents: summary?.deductibleCents ?? null,
      deductibleRemainingCents: summary?.deductibleRemainingCents ?? null,
      errors: rejections,
    },
  });
  return { result: { check }, recordIds: [globalId('Coverage', coverageId)], practiceId };
}
