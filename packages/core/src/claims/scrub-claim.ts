import { audited } from '../audit/audited.ts';
import { modifiersOf } from './line-modifiers.ts';
import type { DomainContext } from '../context/domain-context.ts';
import type { Claim, Db } from '../db/prisma-client.ts';
import { NotFoundError } from '../errors/billing-errors.ts';
import { globalId } from '../ids/global-id.ts';
import { defineOperation } from '../operations/define-operation.ts';
import { todayIn } from '../util/calendar-date.ts';
import { OPEN_CLAIM_STATUSES, transitionClaim } from './claim-status.ts';
import { runScrub } from './scrub/run-scrub.ts';
import type { ScrubFinding } from './scrub/scrub-rule.ts';

/** What the scrub rules read of a claim. */
const SCRUB_INCLUDE = {
  lines: { orderBy: { lineNumber: 'asc' as const } },
  encounter: {
    include: {
      diagnoses: { orderBy: { sequence: 'asc' as const } },
      renderingProvider: true,
      billingProvider: true,
      facility: true,
    },
  },
  patient: true,
  coverage: true,
  payer: true,
  practice: true,
};

/** Runs the enabled scrub rules on a claim (loading what they need); changes nothing. */
export async function scrub(tx: Db, ctx: DomainContext, claimId: string) {
  const scrubbed = (await scrubMany(tx, ctx, [claimId])).get(claimId);
  if (!scrubbed) throw new NotFoundError('Claim', globalId('Claim', claimId));
  return scrubbed;
}

/**
 * Runs the enabled scrub rules on many claims (at most a chunk: their ids are one query's parameters), reading
 * what the rules need in a few queries for all of them; changes nothing. Claims not found are left out.
 */
export async function scrubMany(tx: Db, ctx: DomainContext, claimIds: readonly string[]) {
  const claims = await tx.claim.findMany({ where: { id: { in: [...claimIds] } }, include: SCRUB_INCLUDE });
  const openOfPatients = await tx.claim.findMany({
    where: {
      patientId: { in: [...new Set(claims.map((c) => c.patientId))] },
      status: { in: [...OPEN_CLAIM_STATUSES] },
      frequencyCode: '1',
    },
    include: { lines: true, encounter: true },
  });
  const byPatient = new Map<string, typeof openOfPatients>();
  for (const c of openOfPatients) {
    const list = byPatient.get(c.patientId) ?? [];
    list.push(c);
    byPatient.set(c.patientId, list);
  }
  const enrollments = await tx.payerEnrollment.findMany({
    where: {
      payerId: { in: [...new Set(claims.map((c) => c.payerId))] },
      practiceId: { in: [...new Set(claims.map((c) => c.practiceId))] },
    },
  });
  const disabled = await ctx.scrub.disabledFor(ctx.principal.organizationId);
  const codeFacts = await ctx.codeSets.factsFor(
    claims.map((c) => ({
      claimId: c.id,
      dateOfService: c.encounter.dateOfService,
      setting: c.kind === 'INSTITUTIONAL' ? 'OUTPATIENT' : 'PRACTITIONER',
      diagnoses: c.encounter.diagnoses.map((d) => d.code),
      procedures: [...new Set(c.lines.flatMap((l) => (l.procedureCode ? [l.procedureCode] : [])))],
      modifiers: [...new Set(c.lines.flatMap(modifiersOf))],
    })),
    tx,
  );
  const scrubbed = new Map<string, { findings: ScrubFinding[]; claim: (typeof claims)[number] }>();
  for (const claim of claims) {
    // A correction and its original, or a secondary and its primary, bill the same service on purpose.
    const related = (c: { id: string; originalClaimId: string | null; primaryClaimId: string | null }) =>
      c.originalClaimId === claim.id ||
      claim.originalClaimId === c.id ||
      c.primaryClaimId === claim.id ||
      claim.primaryClaimId === c.id;
    const otherOpenClaims = (byPatient.get(claim.patientId) ?? []).filter((c) => c.id !== claim.id && !related(c));
    const { encounter, patient, coverage, payer, practice, lines, ...rest } = claim;
    const findings = runScrub(
      {
        claim: { ...rest, lines },
        encounter,
        patient,
        coverage,
        payer,
        practice,
        today: todayIn(practice.timeZone, ctx.clock.now()),
        otherOpenClaims,
        codeFacts: codeFacts.get(claim.id),
        enrollments: enrollments.filter((e) => e.payerId === claim.payerId && e.practiceId === claim.practiceId),
      },
      ctx.scrub.rules,
      disabled,
    );
    scrubbed.set(claim.id, { findings, claim });
  }
  return scrubbed;
}

export interface ScrubClaimResult {
  claim: Claim;
  findings: ScrubFinding[];
  /** No ERROR was found: the claim is READY (else SCRUB_FAILED). */
  passed: boolean;
}

/** Checks a claim against every enabled scrub rule and moves it to READY or SCRUB_FAILED. */
export const scrubClaim = defineOperation({
  name: 'scrubClaim',
  roles: ['admin', 'biller', 'coder'],
  run: (ctx, input: { claimId: string }): Promise<ScrubClaimResult> =>
    audited(ctx, 'scrubClaim', async (tx) => {
      const { claimId } = input;
      const { findings, claim } = await scrub(tx, ctx, claimId);
      const errors = findings.filter((f) => f.severity === 'ERROR').length;
      const passed = errors === 0;
      await tx.claim.update({ where: { id: claimId }, data: { scrubErrors: findings as never } });
      const warnings = findings.length ? ` with ${findings.length} warning(s)` : '';
      const reason = passed ? `scrub passed${warnings}` : `scrub found ${errors} error(s)`;
      const change = await transitionClaim(tx, claim, passed ? 'READY' : 'SCRUB_FAILED', {
        type: 'USER',
        id: ctx.principal.userId,
        reason,
      });
      const updated = await tx.claim.findUniqueOrThrow({ where: { id: claimId } });
      return {
        result: { claim: updated, findings, passed },
        recordIds: [globalId('Claim', claimId)],
        practiceId: claim.practiceId,
        statusChanges: [change],
      };
    }),
});
