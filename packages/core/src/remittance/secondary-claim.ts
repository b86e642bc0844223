import type { Claim, ClaimLine, CoveragePriority, Db } from '../db/prisma-client.ts';
import { recordNewClaim, transitionClaim } from '../claims/claim-status.ts';
import type { StatusChange } from '../claims/claim-status.ts';
import type { DomainContext } from '../context/domain-context.ts';
import { newPatientControlNumber } from '../claims/control-number.ts';
import { copyLines } from '../claims/copy-lines.ts';
import { scrub } from '../claims/scrub-claim.ts';

const NEXT: Record<CoveragePriority, CoveragePriority | undefined> = {
  PRIMARY: 'SECONDARY',
  SECONDARY: 'TERTIARY',
  TERTIARY: undefined,
};

/**
 * The claim for the patient's next coverage, created (once) when a payer says another insurer owes part of the
 * bill (OI adjustments). It bills the same lines, links to this claim (`primaryClaim`) so its 837 carries this
 * payer's adjudication in loops 2320/2430, and is scrubbed at once: READY to submit, or SCRUB_FAILED saying why.
 * Null when the patient has no active coverage of the next priority. Its status changes (created, then scrubbed)
 * are pushed to `changes`, for the caller to publish as claimStatusChanged once the transaction commits.
 */
export async function secondaryClaimFor(
  tx: Db,
  ctx: DomainContext,
  claim: Claim & { lines: ClaimLine[] },
  changes: StatusChange[],
): Promise<Claim | null> {
  const existing = await tx.claim.findFirst({ where: { primaryClaimId: claim.id, status: { notIn: ['VOIDED'] } } });
  if (existing) return existing;
  const coverage = await tx.coverage.findUniqueOrThrow({ where: { id: claim.coverageId } });
  const nextPriority = NEXT[coverage.priority];
  const next = nextPriority
    ? await tx.coverage.findFirst({ where: { patientId: claim.patientId, priority: nextPriority, active: true } })
    : null;
  if (!next) return null;
  const secondary = await tx.claim.create({
    data: {
      organizationId: claim.organizationId,
      practiceId: claim.practiceId,
      patientId: claim.patientId,
      encounterId: claim.encounterId,
      coverageId: next.id,
      payerId: next.payerId,
      kind: claim.kind,
      primaryClaimId: claim.id,
      status: 'DRAFT',
      patientControlNumber: await newPatientControlNumber(tx),
      totalChargeCents: claim.totalChargeCents,
    },
  });
  await copyLines(tx, secondary, claim.lines);
  const reason = `created for the ${nextPriority?.toLowerCase()} coverage from the adjudication of claim ${claim.patientControlNumber}`;
  changes.push(await recordNewClaim(tx, secondary, { type: 'SYSTEM', reason }));
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
