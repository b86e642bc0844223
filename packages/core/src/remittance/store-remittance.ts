import { createHash } from 'node:crypto';
import type { Remittance835 } from '@revcycle/x12';
import type { Db, Remittance } from '../db/prisma-client.ts';
import { matchLines, remittedLine } from './match-claims.ts';
import type { MatchableClaim } from './match-claims.ts';

export function fileHash(x12: string): string {
  return createHash('sha256').update(x12).digest('hex');
}

/** Who issued the trace number: TRN03 (1 + the payer's EIN), else the payer's id, else its name. */
export function payerIdentifierOf(r: Remittance835): string {
  return r.payment.originatorId || r.payer.references['2U'] || r.payer.id || r.payer.name;
}

/** The practice the payee names (NPI or tax id), else none. */
async function payeePractice(tx: Db, r: Remittance835): Promise<string | null> {
  const ids = [r.payee.id, r.payee.references.TJ, r.payee.references.PQ].filter((v): v is string => Boolean(v));
  if (!ids.length) return null;
  const practice = await tx.practice.findFirst({
    where: { OR: [{ npi: { in: ids } }, { taxId: { in: ids } }] },
    select: { id: true },
  });
  return practice?.id ?? null;
}

async function payerOf(tx: Db, r: Remittance835, claims: Map<string, MatchableClaim>): Promise<string | null> {
  const ids = [r.payer.references['2U'], r.payer.id].filter((v): v is string => Boolean(v));
  if (ids.length) {
    const payer = await tx.payer.findFirst({ where: { payerIdentifier: { in: ids } }, select: { id: true } });
    if (payer) return payer.id;
  }
  for (const c of r.claims) {
    const claim = claims.get(c.patientControlNumber);
    if (claim) return claim.payerId;
  }
  return null;
}

/**
 * Writes one 835 payment as it was received — payment, claim payments (matched or not), service lines,
 * adjustments, provider-level adjustments — so that nothing the payer said is lost, whatever is posted.
 */
export async function storeRemittance(
  tx: Db,
  organizationId: string,
  r: Remittance835,
  claims: Map<string, MatchableClaim>,
  sha: string,
  importedById: string | null,
): Promise<Remittance> {
  const payerId = await payerOf(tx, r, claims);
  const practiceId =
    (await payeePractice(tx, r)) ??
    r.claims.map((c) => claims.get(c.patientControlNumber)?.practiceId).find(Boolean) ??
    (await tx.practice.findFirst({ orderBy: { createdAt: 'asc' }, select: { id: true } }))?.id ??
    null;
  const remittance = await tx.remittance.create({
    data: {
      organizationId,
      payerId,
      practiceId,
      traceNumber: r.payment.traceNumber,
      payerIdentifier: payerIdentifierOf(r),
      payerName: r.payer.name,
      paymentCents: r.payment.amountCents,
      providerAdjustmentsCents: r.providerAdjustments.reduce((s, p) => s + p.amountCents, 0),
      paymentMethod: r.payment.method,
      paymentDate: r.payment.paymentDate ?? null,
      fileSha256: sha,
      importedById,
    },
  });
  if (r.providerAdjustments.length) {
    await tx.providerAdjustment.createMany({
      data: r.providerAdjustments.map((p) => ({
        organizationId,
        remittanceId: remittance.id,
        providerId: p.providerId,
        reasonCode: p.reasonCode,
        reference: p.reference ?? null,
        amountCents: p.amountCents,
      })),
    });
  }
  for (const c of r.claims) {
    const claim = claims.get(c.patientControlNumber);
    const claimFinding = r.balance.find((f) => f.level === 'claim' && f.segmentIndex === c.segmentIndex);
    const patient = c.correctedPatient ?? c.patient;
    const stored = await tx.remittanceClaim.create({
      data: {
        organizationId,
        remittanceId: remittance.id,
        claimId: claim?.id ?? null,
        patientControlNumber: c.patientControlNumber,
        statusCode: c.statusCode,
        chargeCents: c.chargeCents,
        paidCents: c.paidCents,
        patientResponsibilityCents: c.patientResponsibilityCents,
        payerClaimControlNumber: c.payerClaimControlNumber ?? null,
        filingIndicator: c.filingIndicator ?? null,
        remarkCodes: c.remarkCodes.join(',') || null,
        patientName: patient ? [patient.lastOrOrganizationName, patient.firstName].filter(Boolean).join(', ') : null,
        unbalancedCents: claimFinding ? claimFinding.expectedCents - claimFinding.actualCents : null,
        reviewReason: claimFinding ? `Unbalanced: ${claimFinding.message}; posted as the payer stated it` : null,
      },
    });
    if (c.adjustments.length) {
      await tx.remittanceAdjustment.createMany({
        data: c.adjustments.map((a) => ({
          organizationId,
          remittanceClaimId: stored.id,
          serviceLineId: null,
          groupCode: a.groupCode,
          reasonCode: a.reasonCode,
          amountCents: a.amountCents,
          quantityMilli: a.quantityMilli ?? null,
        })),
      });
    }
    const lines = matchLines(claim, c.services.map(remittedLine));
    for (const [i, s] of c.services.entries()) {
      const line = await tx.remittanceServiceLine.create({
        data: {
          organizationId,
          remittanceClaimId: stored.id,
          claimLineId: lines[i]?.id ?? null,
          procedureCode: s.procedure.code,
          modifiers: s.procedure.modifiers.join(',') || null,
          chargeCents: s.chargeCents,
          paidCents: s.paidCents,
          allowedCents: s.allowedCents ?? null,
          unitsMilli: s.unitsPaidMilli,
          serviceDate: s.serviceDate ?? null,
          lineControlNumber: s.lineControlNumber ?? null,
          remarkCodes: s.remarkCodes.join(',') || null,
        },
      });
      if (s.adjustments.length) {
        await tx.remittanceAdjustment.createMany({
          data: s.adjustments.map((a) => ({
            organizationId,
            remittanceClaimId: stored.id,
            serviceLineId: line.id,
            groupCode: a.groupCode,
            reasonCode: a.reasonCode,
            amountCents: a.amountCents,
            quantityMilli: a.quantityMilli ?? null,
          })),
        });
      }
    }
  }
  return remittance;
}
