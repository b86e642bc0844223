import { parse277, write276, X12ParseError } from '@revcycle/x12';
import type { ClaimStatusDetail } from '@revcycle/x12';
import { auditFailure, audited } from '../audit/audited.ts';
import type { AuditedChange } from '../audit/audited.ts';
import type { DomainContext } from '../context/domain-context.ts';
import { transaction } from '../db/prisma-client.ts';
import type { Db } from '../db/prisma-client.ts';
import { CLAIM_TRANSITIONS, noteOnClaim, transitionClaim } from '../claims/claim-status.ts';
import type { StatusChange } from '../claims/claim-status.ts';
import type { Claim, ClaimStatus } from '../db/prisma-client.ts';
import { NotFoundError, ValidationError } from '../errors/billing-errors.ts';
import { globalId } from '../ids/global-id.ts';
import { defineOperation } from '../operations/define-operation.ts';
import { callConnector, ConnectorError } from '../plugins/connector-call.ts';
import { nextControlNumber } from './control-numbers.ts';

/**
 * What a 277 category means for the claim's lifecycle. Acknowledgement and pending categories move a claim along
 * (A1 received, A2/P accepted and in process, A3/A6/A7/A8 rejected); finalized categories (F) are recorded on the
 * history but leave money and the paid/denied statuses to the 835, which carries the amounts.
 */
function statusFor(category: string, current: ClaimStatus): ClaimStatus | undefined {
  if (category === 'A1') return current === 'SUBMITTED' ? 'ACKNOWLEDGED' : undefined;
  if (category === 'A2' || category === 'A5' || category.startsWith('P'))
    return ['SUBMITTED', 'ACKNOWLEDGED'].includes(current) ? 'ACCEPTED' : undefined;
  if (['A3', 'A6', 'A7', 'A8'].includes(category)) return 'REJECTED';
  return undefined;
}

export interface StatusCheck {
  claim: Claim;
  statuses: ClaimStatusDetail[];
  changed: boolean;
  message: string;
}

/**
 * Asks the payer for a claim's status (276/277 through its connector), records the answer on the claim's history
 * and moves the claim when the answer says so.
 */
export const checkClaimStatus = defineOperation({
  name: 'checkClaimStatus',
  roles: ['admin', 'biller'],
  run: async (ctx, input: { claimId: string }): Promise<StatusCheck> => {
    // The payer is asked outside any transaction (see checkEligibility); the claim is read again to record the
    // answer, as an 835 may have moved it meanwhile.
    const asked = await ask276(ctx, input.claimId).catch(async (error: unknown) => {
      await auditFailure(ctx, 'checkClaimStatus', error);
      throw error;
    });
    return audited(ctx, 'checkClaimStatus', (tx) => record277(tx, input.claimId, asked));
  },
});

/** Writes the claim's 276 and sends it through its connector; answers the 277 as it came. */
async function ask276(ctx: DomainContext, claimId: string) {
  const claim = await ctx.db.claim.findUnique({
    where: { id: claimId },
    include: { payer: true, coverage: true, patient: true, practice: true, lines: true },
  });
  if (!claim) throw new NotFoundError('Claim', globalId('Claim', claimId));
  if (['DRAFT', 'SCRUB_FAILED', 'READY'].includes(claim.status))
    throw new ValidationError([
      {
        path: ['input', 'claimId'],
        code: 'NOT_SUBMITTED',
        message: `claimId: a ${claim.status} claim has not been sent to the payer`,
      },
    ]);
  const key = claim.connectorId ?? claim.payer.connectorId;
  const connector = key ? ctx.plugins.payers.get(key) : undefined;
  if (!connector?.checkClaimStatus)
    throw new ValidationError([
      {
        path: ['input', 'claimId'],
        code: 'NO_CLAIM_STATUS_CONNECTOR',
        message: `claimId: ${claim.payer.name} has no payer connector that answers claim status`,
      },
    ]);

  const control = await transaction(ctx.db, (tx) => nextControlNumber(tx, ctx.principal.organizationId, 'ISA13'));
  const now = ctx.clock.now();
  const date = now.toISOString().slice(0, 10);
  const time = now.toISOString().slice(11, 16).replace(':', '');
  const sender = connector.senderId ?? claim.practice.taxId;
  const receiver = connector.receiverId ?? claim.payer.payerIdentifier;
  const self = claim.coverage.subscriberRelationship === 'SELF';
  const patient = {
    lastName: claim.patient.lastName.toUpperCase(),
    firstName: claim.patient.firstName.toUpperCase(),
    dateOfBirth: claim.patient.dateOfBirth,
  };
  const dates = claim.lines.map((l) => l.serviceDate).sort();
  const request = write276({
    interchange: {
      senderQualifier: 'ZZ',
      senderId: sender,
      receiverQualifier: 'ZZ',
      receiverId: receiver,
      date,
      time,
      controlNumber: String(control).padStart(9, '0'),
      usage: connector.usage ?? 'P',
    },
    group: { senderCode: sender, receiverCode: receiver, date, time, controlNumber: String(control) },
    transaction: { controlNumber: '0001' },
    header: { referenceId: String(control), date, time },
    payer: { name: claim.payer.name.toUpperCase(), payerId: claim.payer.payerIdentifier },
    receiver: { name: claim.practice.name.toUpperCase(), etin: sender },
    provider: { name: claim.practice.name.toUpperCase(), npi: claim.practice.npi },
    inquiries: [
      {
        // The trace is the patient control number, so the 277's claim matches this claim without a lookup table.
        traceNumber: claim.patientControlNumber,
        patientControlNumber: claim.patientControlNumber,
        payerClaimControlNumber: claim.payerClaimControlNumber ?? undefined,
        totalChargeCents: claim.totalChargeCents,
        serviceDateStart: dates[0]!,
        serviceDateEnd: dates.at(-1),
        subscriber: self
          ? { ...patient, memberId: claim.coverage.memberId }
          : {
              lastName: (claim.coverage.subscriberLastName ?? '').toUpperCase(),
              firstName: claim.coverage.subscriberFirstName?.toUpperCase(),
              memberId: claim.coverage.memberId,
            },
        ...(self ? {} : { dependent: patient }),
      },
    ],
  });
  const answer = await callConnector(key!, (signal) => connector.checkClaimStatus!(request, signal), {
    timeoutMs: connector.realTimeTimeoutMs ?? 20_000,
    retries: 1,
  });
  return { answer, key: key! };
}

/** Records the payer's 277 on the claim's history, moving the claim when it says so. */
async function record277(
  tx: Db,
  claimId: string,
  { answer, key }: Awaited<ReturnType<typeof ask276>>,
): Promise<AuditedChange<StatusCheck>> {
  const claim = await tx.claim.findUniqueOrThrow({ where: { id: claimId } });
  let statuses: ClaimStatusDetail[];
  let payerClaimControlNumber: string | undefined;
  try {
    const found = parse277(answer)
      .flatMap((r) => r.claims)
      .find((c) => c.patientControlNumber === claim.patientControlNumber);
    statuses = found?.statuses ?? [];
    payerClaimControlNumber = found?.payerClaimControlNumber;
  } catch (error) {
    if (error instanceof X12ParseError)
      throw new ConnectorError(`${key} answered with an unreadable 277: ${error.message}`, false, key);
    throw error;
  }
  const described =
    statuses.map((s) => `${s.categoryCode}:${s.statusCode}${s.entityCode ? `:${s.entityCode}` : ''}`).join(', ') ||
    'no status for this claim';
  const reason = `277 claim status: ${described}`;
  if (payerClaimControlNumber && !claim.payerClaimControlNumber)
    await tx.claim.update({ where: { id: claim.id }, data: { payerClaimControlNumber } });
  const statusChanges: StatusChange[] = [];
  let current: Claim = claim;
  for (const s of statuses) {
    const to = statusFor(s.categoryCode, current.status);
    // Acknowledged on the way when a 277 says accepted before any 999.
    if (to === 'ACCEPTED' && current.status === 'SUBMITTED') {
      statusChanges.push(await transitionClaim(tx, current, 'ACKNOWLEDGED', { type: 'PAYER', reason }));
      current = { ...current, status: 'ACKNOWLEDGED' };
    }
    if (to && to !== current.status && CLAIM_TRANSITIONS[current.status].includes(to)) {
      statusChanges.push(await transitionClaim(tx, current, to, { type: 'PAYER', reason }));
      current = { ...current, status: to };
    }
  }
  if (!statusChanges.length) await noteOnClaim(tx, claim, { type: 'PAYER', reason });
  const fresh = await tx.claim.findUniqueOrThrow({ where: { id: claim.id } });
  return {
    result: { claim: fresh, statuses, changed: statusChanges.length > 0, message: reason },
    recordIds: [globalId('Claim', claim.id)],
    practiceId: claim.practiceId,
    statusChanges,
  };
}
