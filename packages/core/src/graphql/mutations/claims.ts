import { randomBytes } from 'node:crypto';
import type { Claim, ClaimLine } from '../../db/prisma-client.ts';
import { audited } from '../../audit/audited.ts';
import { OPEN_CLAIM_STATUSES, transitionClaim } from '../../domain/claim-status.ts';
import { runScrub } from '../../domain/scrub/run-scrub.ts';
import type { ScrubFinding } from '../../domain/scrub/scrub-rule.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../errors/billing-errors.ts';
import { InvalidStateTransitionError } from '../../errors/billing-errors.ts';
import { todayIn } from '../../util/calendar-date.ts';
import { builder } from '../builder.ts';
import type { BillingContext } from '../context.ts';
import { decodeId, globalId } from '../global-id.ts';
import { ClaimRef, ScrubFindingRef } from '../types/claim.ts';
import { COMMON_ERRORS } from '../types/errors.ts';
import type { Db } from '../../db/prisma-client.ts';

const CreateClaimInput = builder.inputType('CreateClaimInput', {
  fields: (t) => ({
    encounterId: t.id({ required: true }),
    coverageId: t.id({ required: true, description: 'The coverage (payer) billed; must be the patient’s.' }),
  }),
});

const CorrectionKind = builder.enumType('ClaimCorrectionKind', {
  values: { REPLACEMENT: { description: 'Frequency 7: replaces the payer’s claim with the encounter as it is now.' }, VOID: { description: 'Frequency 8: cancels the payer’s claim.' } } as const,
});

const CorrectClaimInput = builder.inputType('CorrectClaimInput', {
  fields: (t) => ({
    claimId: t.id({ required: true, description: 'The claim the payer has (it must carry the payer’s claim control number).' }),
    kind: t.field({ type: CorrectionKind, required: true }),
  }),
});

const ScrubClaimInput = builder.inputType('ScrubClaimInput', { fields: (t) => ({ claimId: t.id({ required: true }) }) });

const ClaimPayload = builder.objectRef<{ claim: Claim }>('ClaimSuccess').implement({
  fields: (t) => ({ claim: t.field({ type: ClaimRef, resolve: (r) => r.claim }) }),
});

const ScrubPayload = builder.objectRef<{ claim: Claim; findings: ScrubFinding[]; passed: boolean }>('ScrubClaimSuccess').implement({
  description: 'The scrub ran: the claim is READY when no ERROR was found, else SCRUB_FAILED with its findings.',
  fields: (t) => ({
    claim: t.field({ type: ClaimRef, resolve: (r) => r.claim }),
    passed: t.exposeBoolean('passed'),
    findings: t.field({ type: [ScrubFindingRef], resolve: (r) => r.findings }),
  }),
});

/** CLM01: 20 characters at most in the 837; "RC" and 10 random base-36 characters, unique in the organization. */
export async function newPatientControlNumber(tx: Db): Promise<string> {
  for (;;) {
    const candidate = `RC${BigInt(`0x${randomBytes(7).toString('hex')}`).toString(36).toUpperCase().padStart(10, '0').slice(-10)}`;
    if (!(await tx.claim.findFirst({ where: { patientControlNumber: candidate } }))) return candidate;
  }
}

type LineSource = Pick<ClaimLine, 'lineNumber' | 'procedureCode' | 'revenueCode' | 'modifier1' | 'modifier2' | 'modifier3' | 'modifier4' | 'unitsMilli' | 'chargeCents' | 'serviceDate' | 'serviceDateEnd' | 'diagnosisPointers'> & { serviceLineId?: string | null };

/** The claim's lines, copied from the encounter (or the claim being corrected), each with its REF*6R control number. */
export function copyLines(tx: Db, claim: Claim, lines: LineSource[]) {
  return tx.claimLine.createMany({
    data: lines.map((l) => ({
      organizationId: claim.organizationId, claimId: claim.id, serviceLineId: l.serviceLineId ?? null, lineNumber: l.lineNumber, procedureCode: l.procedureCode, revenueCode: l.revenueCode ?? null,
      modifier1: l.modifier1, modifier2: l.modifier2, modifier3: l.modifier3, modifier4: l.modifier4, unitsMilli: l.unitsMilli, chargeCents: l.chargeCents,
      serviceDate: l.serviceDate, serviceDateEnd: l.serviceDateEnd, diagnosisPointers: l.diagnosisPointers, lineControlNumber: `${claim.patientControlNumber}-${l.lineNumber}`,
    })),
  });
}

builder.mutationField('createClaim', (t) =>
  t.field({
    type: ClaimPayload,
    description: 'Builds a DRAFT claim from an encounter for one coverage: its lines, diagnoses, providers and charges. Admins and billers.',
    authScopes: { admin: true, biller: true },
    args: { input: t.arg({ type: CreateClaimInput, required: true }) },
    errors: { types: [...COMMON_ERRORS], union: { name: 'CreateClaimPayload' } },
    resolve: (_root, { input }, ctx) =>
      audited(ctx, 'createClaim', async (tx) => {
        const encounterId = decodeId('Encounter', String(input.encounterId), ['input', 'encounterId']);
        const coverageId = decodeId('Coverage', String(input.coverageId), ['input', 'coverageId']);
        const encounter = await tx.encounter.findUnique({ where: { id: encounterId }, include: { serviceLines: { orderBy: { lineNumber: 'asc' } } } });
        if (!encounter) throw new NotFoundError('Encounter', String(input.encounterId));
        const coverage = await tx.coverage.findUnique({ where: { id: coverageId } });
        if (!coverage || coverage.patientId !== encounter.patientId) throw new NotFoundError('Coverage', String(input.coverageId));
        if (encounter.status === 'VOIDED') throw new ValidationError([{ path: ['input', 'encounterId'], code: 'ENCOUNTER_VOIDED', message: 'encounterId: the encounter is voided' }]);
        const open = await tx.claim.findFirst({ where: { encounterId, coverageId, status: { in: [...OPEN_CLAIM_STATUSES] } } });
        if (open) throw new ConflictError(`Claim ${open.patientControlNumber} already bills this encounter to this coverage (${open.status})`);
        const organizationId = ctx.principal.organizationId;
        const claim = await tx.claim.create({
          data: {
            organizationId, practiceId: encounter.practiceId, patientId: encounter.patientId, encounterId, coverageId, payerId: coverage.payerId,
            kind: encounter.facilityTypeCode ? 'INSTITUTIONAL' : 'PROFESSIONAL',
            patientControlNumber: await newPatientControlNumber(tx), status: 'DRAFT',
            totalChargeCents: encounter.serviceLines.reduce((sum, l) => sum + l.chargeCents, 0),
          },
        });
        await copyLines(tx, claim, encounter.serviceLines.map((l) => ({ ...l, serviceLineId: l.id })));
        await tx.claimStatusEvent.create({ data: { organizationId, claimId: claim.id, fromStatus: null, toStatus: 'DRAFT', reason: 'created from the encounter', actorType: 'USER', actorId: ctx.principal.userId } });
        if (encounter.status === 'OPEN') await tx.encounter.update({ where: { id: encounterId }, data: { status: 'BILLED' } });
        return {
          result: { claim },
          recordIds: [globalId('Claim', claim.id)],
          practiceId: claim.practiceId,
          statusChanges: [{ claimId: claim.id, practiceId: claim.practiceId, from: null, to: 'DRAFT', reason: 'created from the encounter', at: claim.createdAt.toISOString() }],
        };
      }),
  }),
);

/**
 * A replacement (frequency 7, lines as the encounter is coded now) or void (8, the original's lines) of a claim the
 * payer accepted, linked to it; the 837 references the payer's claim number with REF*F8.
 */
export async function createCorrection(tx: Db, ctx: BillingContext, originalId: string, kind: 'REPLACEMENT' | 'VOID', rawId: string): Promise<{ claim: Claim; reason: string }> {
  const original = await tx.claim.findUnique({ where: { id: originalId }, include: { lines: { orderBy: { lineNumber: 'asc' } }, encounter: { include: { serviceLines: { orderBy: { lineNumber: 'asc' } } } } } });
  if (!original) throw new NotFoundError('Claim', rawId);
  if (!original.payerClaimControlNumber || !['ACCEPTED', 'PAID', 'PARTIALLY_PAID', 'DENIED', 'APPEALED'].includes(original.status)) {
    throw new ValidationError([{ path: ['input', 'claimId'], code: 'NOT_CORRECTABLE', message: `claimId: only a claim the payer accepted (with its claim number) can be replaced or voided; this one is ${original.status}` }]);
  }
  const open = await tx.claim.findFirst({ where: { originalClaimId: originalId, status: { in: [...OPEN_CLAIM_STATUSES] } } });
  if (open) throw new ConflictError(`Correction ${open.patientControlNumber} of this claim is still open (${open.status})`);
  const organizationId = ctx.principal.organizationId;
  const replacement = kind === 'REPLACEMENT';
  const lines = replacement ? original.encounter.serviceLines : original.lines;
  const claim = await tx.claim.create({
    data: {
      organizationId, practiceId: original.practiceId, patientId: original.patientId, encounterId: original.encounterId, coverageId: original.coverageId, payerId: original.payerId, kind: original.kind,
      patientControlNumber: await newPatientControlNumber(tx), status: 'DRAFT', frequencyCode: replacement ? '7' : '8', originalClaimId: originalId,
      totalChargeCents: lines.reduce((sum, l) => sum + l.chargeCents, 0),
    },
  });
  await copyLines(tx, claim, lines);
  const reason = `${replacement ? 'replacement' : 'void'} of ${original.patientControlNumber} (payer claim ${original.payerClaimControlNumber})`;
  await tx.claimStatusEvent.create({ data: { organizationId, claimId: claim.id, fromStatus: null, toStatus: 'DRAFT', reason, actorType: 'USER', actorId: ctx.principal.userId } });
  return { claim, reason };
}

builder.mutationField('correctClaim', (t) =>
  t.field({
    type: ClaimPayload,
    description: 'Makes a replacement (frequency 7) or void (frequency 8) claim linked to the original, which the 837 references with REF*F8. Admins and billers.',
    authScopes: { admin: true, biller: true },
    args: { input: t.arg({ type: CorrectClaimInput, required: true }) },
    errors: { types: [...COMMON_ERRORS], union: { name: 'CorrectClaimPayload' } },
    resolve: (_root, { input }, ctx) =>
      audited(ctx, 'correctClaim', async (tx) => {
        const originalId = decodeId('Claim', String(input.claimId), ['input', 'claimId']);
        const { claim, reason } = await createCorrection(tx, ctx, originalId, input.kind, String(input.claimId));
        return {
          result: { claim }, recordIds: [globalId('Claim', claim.id), globalId('Claim', originalId)], practiceId: claim.practiceId,
          statusChanges: [{ claimId: claim.id, practiceId: claim.practiceId, from: null, to: 'DRAFT', reason, at: claim.createdAt.toISOString() }],
        };
      }),
  }),
);

builder.mutationField('scrubClaim', (t) =>
  t.field({
    type: ScrubPayload,
    description: 'Checks a claim against every enabled scrub rule and moves it to READY or SCRUB_FAILED. Admins, billers and coders.',
    authScopes: { admin: true, biller: true, coder: true },
    args: { input: t.arg({ type: ScrubClaimInput, required: true }) },
    errors: { types: [...COMMON_ERRORS, InvalidStateTransitionError], union: { name: 'ScrubClaimPayload' } },
    resolve: (_root, { input }, ctx) =>
      audited(ctx, 'scrubClaim', async (tx) => {
        const claimId = decodeId('Claim', String(input.claimId), ['input', 'claimId']);
        const { findings, claim } = await scrub(tx, ctx, claimId, String(input.claimId));
        const passed = !findings.some((f) => f.severity === 'ERROR');
        await tx.claim.update({ where: { id: claimId }, data: { scrubErrors: findings as never } });
        const errors = findings.filter((f) => f.severity === 'ERROR').length;
        const change = await transitionClaim(tx, claim, passed ? 'READY' : 'SCRUB_FAILED', {
          type: 'USER', id: ctx.principal.userId, reason: passed ? `scrub passed${findings.length ? ` with ${findings.length} warning(s)` : ''}` : `scrub found ${errors} error(s)`,
        });
        const updated = await tx.claim.findUniqueOrThrow({ where: { id: claimId } });
        return { result: { claim: updated, findings, passed }, recordIds: [globalId('Claim', claimId)], practiceId: claim.practiceId, statusChanges: [change] };
      }),
  }),
);

/** Runs the enabled scrub rules on a claim (loading what they need). */
export async function scrub(tx: Db, ctx: BillingContext, claimId: string, rawId: string) {
  const claim = await tx.claim.findUnique({
    where: { id: claimId },
    include: {
      lines: { orderBy: { lineNumber: 'asc' } },
      encounter: { include: { diagnoses: { orderBy: { sequence: 'asc' } }, renderingProvider: true, billingProvider: true } },
      patient: true, coverage: true, payer: true, practice: true,
    },
  });
  if (!claim) throw new NotFoundError('Claim', rawId);
  const otherOpenClaims = await tx.claim.findMany({
    where: { patientId: claim.patientId, status: { in: [...OPEN_CLAIM_STATUSES] }, NOT: { id: claim.id }, frequencyCode: '1' },
    include: { lines: true, encounter: true },
  });
  const { encounter, patient, coverage, payer, practice, lines, ...rest } = claim;
  const findings = runScrub(
    { claim: { ...rest, lines }, encounter, patient, coverage, payer, practice, today: todayIn(practice.timeZone, ctx.clock.now()), otherOpenClaims: otherOpenClaims.filter((c) => c.originalClaimId !== claim.id && claim.originalClaimId !== c.id && c.primaryClaimId !== claim.id && claim.primaryClaimId !== c.id) },
    ctx.scrub.rules,
    await ctx.scrub.disabledFor(ctx.principal.organizationId),
  );
  return { findings, claim };
}
