import type { Claim, ClaimLine, Coverage, Db } from '../db/prisma-client.ts';
import { recordNewClaim, transitionClaim } from '../claims/claim-status.ts';
import type { StatusChange } from '../claims/claim-status.ts';
import type { DomainContext } from '../context/domain-context.ts';
import { newPatientControlNumber } from '../claims/control-number.ts';
import { copyLines } from '../claims/copy-lines.ts';
import { scrub } from '../claims/scrub-claim.ts';

export interface NextClaimOptions {
  /** The coverage that pays next (found by `nextCoverage`). */
  coverage: Pick<Coverage, 'id' | 'payerId' | 'priority'>;
  /** Set when the payer forwarded the claim itself (a crossover): why it says so. */
  crossover?: string;
}

/**
 * The claim for the patient's next coverage, created (once) when a payer leaves part of the bill to another
 * insurer (OI) or to the patient (PR) while a later coverage exists. It bills the same lines and links to this
 * claim (`primaryClaim`) so its 837 carries the prior payers' adjudication in loops 2320/2430. It is scrubbed at
 * once (READY to submit, or SCRUB_FAILED saying why) — unless the payer forwarded the claim (a crossover): then
 * it is ACCEPTED as it stands, never submitted, and waits for the next payer's 835. Its status changes are pushed
 * to `changes`, for the caller to publish as claimStatusChanged once the transaction commits.
 */
export async function secondaryClaimFor(
  tx: Db,
  ctx: DomainContext,
  claim: Claim & { lines: ClaimLine[] },
  changes: StatusChange[],
  options: NextClaimOptions,
): Promise<Claim> {
  const existing = await tx.claim.findFirst({ where: { primaryClaimId: claim.id, status: { notIn: ['VOIDED'] } } });
  if (existing) return existing;
  const { coverage, crossover } = options;
  const secondary = await tx.claim.create({
    data: {
      organizationId: claim.organizationId,
      practiceId: claim.practiceId,
      patientId: claim.patientId,
      encounterId: claim.encounterId,
      coverageId: coverage.id,
      payerId: coverage.payerId,
      kind: claim.kind,
      primaryClaimId: claim.id,
      crossover: Boolean(crossover),
      status: 'DRAFT',
      patientControlNumber: await newPatientControlNumber(tx),
      totalChargeCents: claim.totalChargeCents,
    },
  });
  await copyLines(tx, secondary, claim.lines);
  const priority = coverage.priority.toLowerCase();
  const reason = `created for the ${priority} coverage from the adjudication of claim ${claim.patientControlNumber}`;
  changes.push(await recordNewClaim(tx, secondary, { type: 'SYSTEM', reason }));
  if (crossover) {
    const accepted = await transitionClaim(tx, secondary, 'ACCEPTED', {
      type: 'PAYER',
      reason: `crossed over: the payer of claim ${claim.patientControlNumber} forwarded it (${crossover})`,
    });
    changes.push(accepted);
    return { ...secondary, status: accepted.to };
  }
  const { findings } = await scrub(tx, ctx, secondary.id);
  const errors = findings.filter((f) => f.severity === 'ERROR');
  await tx.claim.update({ where: { id: secondary.id }, data: { scrubErrors: findings as never } });
  const scrubbed = await transitionClaim(tx, secondary, errors.length ? 'SCRUB_FAILED' : 'READY', {
    type: 'SYSTEM',
    reason: errors.length ? `scrub found ${errors.length} error(s)` : 'scrub passed',
  });
  changes.push(scrubbed);
  return { ...secondary, status: scrubbed.to };
}
