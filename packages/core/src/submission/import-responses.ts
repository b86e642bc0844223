import { parse277CA, parse999, X12ParseError } from '@revcycle/x12';
import { transactionKind } from '../inbound/route-inbound-file.ts';
import { transaction } from '../db/prisma-client.ts';
import type { ClaimStatus, Db } from '../db/prisma-client.ts';
import { CLAIM_TRANSITIONS, transitionClaim } from '../claims/claim-status.ts';
import type { StatusChange } from '../claims/claim-status.ts';
import type { DomainContext } from '../context/domain-context.ts';

/** The statuses a 277CA may move a claim from: sent and not yet accepted, rejected or adjudicated. */
const IN_FLIGHT = new Set(['SUBMITTED', 'ACKNOWLEDGED']);

export interface ResponseImportResult {
  name: string;
  /** 999, 277CA, or what the file turned out to be. */
  kind: string;
  imported: boolean;
  /**
   * Why the file was not used (a parse error with its segment and byte, an unsupported kind), or, for a file
   * used, the trailer mismatches it was read with (a sender's wrong SE/GE/IEA count does not lose its answer).
   */
  message?: string;
  claimsUpdated: number;
  /** References that matched nothing: kept in the review list (unmatchedResponses), never dropped. */
  unmatched: number;
}

/** Moves a claim if its lifecycle allows it; a repeated acknowledgement of a claim already past that point is a no-op. */
async function move(
  tx: Db,
  claim: { id: string; organizationId: string; practiceId: string; status: ClaimStatus },
  to: ClaimStatus,
  reason: string,
): Promise<StatusChange | undefined> {
  if (claim.status === to || !CLAIM_TRANSITIONS[claim.status].includes(to)) return undefined;
  return transitionClaim(tx, claim, to, { type: 'PAYER', reason });
}

/**
 * Applies a 999 or 277CA to the claims it speaks of: a 999 acknowledges (or rejects) a whole batch, matched by
 * its group control number; a 277CA accepts or rejects claims one by one, matched by patient control number.
 * Anything that matches nothing goes to the review list. Importing the same file twice changes nothing more.
 */
export async function importResponse(
  ctx: DomainContext,
  file: { name: string; content: string },
): Promise<{ result: ResponseImportResult; changes: StatusChange[] }> {
  const changes: StatusChange[] = [];
  const organizationId = ctx.principal.organizationId;
  let kind = 'UNKNOWN';
  try {
    kind = transactionKind(file.content);
    if (kind === '999') {
      const acks = parse999(file.content);
      let claimsUpdated = 0;
      let unmatched = 0;
      await transaction(ctx.db, async (tx) => {
        for (const ack of acks) {
          const batch = await tx.submissionBatch.findFirst({
            where: { interchangeControlNumber: ack.groupControlNumber.padStart(9, '0') },
          });
          if (!batch) {
            unmatched++;
            await tx.unmatchedResponse.create({
              data: {
                organizationId,
                kind: '999',
                reference: ack.groupControlNumber,
                detail: `999 ${ack.groupStatus} for group ${ack.groupControlNumber}, which is no batch of yours`,
                fileName: file.name,
              },
            });
            continue;
          }
          const rejected = ack.transactions.find((t) => !t.accepted);
          const reason = rejected
            ? `999 rejected: ${rejected.segmentErrors.map((e) => `${e.segmentId} at segment ${e.position}${e.code ? ` (error ${e.code})` : ''}`).join(', ') || `IK5 ${rejected.errorCodes.join(' ')}`}`
            : `999 accepted (interchange ${batch.interchangeControlNumber})`;
          await tx.submissionBatch.update({
            where: { id: batch.id },
            data: { status: ack.accepted && !rejected ? 'ACKNOWLEDGED' : 'REJECTED' },
          });
          for (const claim of await tx.claim.findMany({ where: { submissionBatchId: batch.id } })) {
            const change = await move(tx, claim, ack.accepted && !rejected ? 'ACKNOWLEDGED' : 'REJECTED', reason);
            if (change) {
              changes.push(change);
              claimsUpdated++;
            }
          }
        }
      });
      const message = trailerNote(acks.flatMap((a) => a.warnings));
      return {
        result: { name: file.name, kind, imported: true, claimsUpdated, unmatched, ...(message ? { message } : {}) },
        changes,
      };
    }
    if (kind === '277CA' || kind === '277') {
      const responses = parse277CA(file.content);
      let claimsUpdated = 0;
      let unmatched = 0;
      await transaction(ctx.db, async (tx) => {
        for (const response of responses) {
          for (const status of response.claims) {
            const claim = await tx.claim.findFirst({ where: { patientControlNumber: status.patientControlNumber } });
            const stc = status.statuses
              .map((s) => `${s.categoryCode}:${s.statusCode}${s.entityCode ? `:${s.entityCode}` : ''}`)
              .join(', ');
            if (!claim) {
              unmatched++;
              await tx.unmatchedResponse.create({
                data: {
                  organizationId,
                  kind: '277CA',
                  reference: status.patientControlNumber,
                  detail: `${status.accepted ? 'accepted' : 'rejected'} (${stc}) for a claim that is not yours`,
                  fileName: file.name,
                },
              });
              continue;
            }
            if (status.payerClaimControlNumber)
              await tx.claim.update({
                where: { id: claim.id },
                data: { payerClaimControlNumber: status.payerClaimControlNumber },
              });
            // A 277CA answers a claim in flight. Read after the payer's 835 (files taken out of order, or by two
            // instances at once), it is late: the adjudication stands, and the claim does not go back to ACCEPTED.
            if (!IN_FLIGHT.has(claim.status)) continue;
            // A 277CA may arrive before (or without) the 999: an accepted claim is acknowledged on the way.
            let current = claim;
            if (current.status === 'SUBMITTED' && status.accepted) {
              const step = await move(tx, current, 'ACKNOWLEDGED', 'acknowledged by the 277CA');
              if (step) {
                changes.push(step);
                current = { ...current, status: 'ACKNOWLEDGED' };
              }
            }
            const change = await move(
              tx,
              current,
              status.accepted ? 'ACCEPTED' : 'REJECTED',
              `277CA ${status.accepted ? 'accepted' : 'rejected'}: ${stc}`,
            );
            if (change) {
              changes.push(change);
              claimsUpdated++;
            }
          }
        }
      });
      const message = trailerNote(responses.flatMap((r) => r.warnings));
      const result = { name: file.name, kind: '277CA', imported: true, claimsUpdated, unmatched };
      return { result: { ...result, ...(message ? { message } : {}) }, changes };
    }
    return {
      result: {
        name: file.name,
        kind,
        imported: false,
        message: `A ${kind}: importResponses takes 999 and 277CA files`,
        claimsUpdated: 0,
        unmatched: 0,
      },
      changes,
    };
  } catch (error) {
    if (!(error instanceof X12ParseError)) throw error;
    return {
      result: {
        name: file.name,
        kind,
        imported: false,
        message: `${error.code}: ${error.message}`,
        claimsUpdated: 0,
        unmatched: 0,
      },
      changes: [],
    };
  }
}

/** The trailer mismatches a file was read with, once each, in words; undefined when there were none. */
function trailerNote(warnings: X12ParseError[]): string | undefined {
  const unique = [...new Set(warnings.map((w) => `${w.code}: ${w.message}`))];
  return unique.length ? `Imported; its trailers were off: ${unique.join('; ')}` : undefined;
}
