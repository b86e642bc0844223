import { createHash } from 'node:crypto';
import type { BalanceFinding, ClaimPayment, Remittance835 } from '@revcycle/x12';
import type { Db, Remittance } from '../db/prisma-client.ts';
import { newId } from '../ids/new-id.ts';
import { insertMany } from '../db/bulk-insert.ts';
import { matchLines, remittedLine } from './match-claims.ts';
import type { MatchableClaim } from './match-claims.ts';
import { lineFigures } from './post-claim-payment.ts';
import type { ClaimToPost, StoredClaimPayment } from './post-claim-payment.ts';
import type { PostingBatch } from './posting-batch.ts';

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

/** The payer the 835 names (its 2U reference or N104 id), when that payer is on file; null otherwise. */
export async function namedPayer(tx: Db, r: Remittance835): Promise<string | null> {
  const ids = [r.payer.references['2U'], r.payer.id].filter((v): v is string => Boolean(v));
  if (!ids.length) return null;
  const payer = await tx.payer.findFirst({ where: { payerIdentifier: { in: ids } }, select: { id: true } });
  return payer?.id ?? null;
}

/** The payment's payer: the one it names, else the payer of the first claim it pays. */
async function payerOf(tx: Db, r: Remittance835, claims: Map<string, MatchableClaim>): Promise<string | null> {
  return (await namedPayer(tx, r)) ?? [...claims.values()][0]?.payerId ?? null;
}

/**
 * Writes the payment (BPR/TRN) of an 835 as it was received. The payer and practice are found from the payment's
 * own identifiers, else from the first claims matched (`claims`, a first chunk of them when streaming). Provider
 * adjustments (PLB) come at the end of a payment: `storeProviderAdjustments` writes them then.
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
    [...claims.values()][0]?.practiceId ??
    (await tx.practice.findFirst({ orderBy: { createdAt: 'asc' }, select: { id: true } }))?.id ??
    null;
  return tx.remittance.create({
    data: {
      organizationId,
      payerId,
      practiceId,
      traceNumber: r.payment.traceNumber,
      payerIdentifier: payerIdentifierOf(r),
      payerName: r.payer.name,
      paymentCents: r.payment.amountCents,
      providerAdjustmentsCents: 0,
      paymentMethod: r.payment.method,
      paymentDate: r.payment.paymentDate ?? null,
      fileSha256: sha,
      importedById,
    },
  });
}

/** The PLB adjustments of a payment, read at its end. */
export async function storeProviderAdjustments(tx: Db, remittance: Remittance, r: Remittance835): Promise<Remittance> {
  if (!r.providerAdjustments.length) return remittance;
  await tx.providerAdjustment.createMany({
    data: r.providerAdjustments.map((p) => ({
      organizationId: remittance.organizationId,
      remittanceId: remittance.id,
      providerId: p.providerId,
      reasonCode: p.reasonCode,
      reference: p.reference ?? null,
      amountCents: p.amountCents,
    })),
  });
  return tx.remittance.update({
    where: { id: remittance.id },
    data: { providerAdjustmentsCents: r.providerAdjustments.reduce((s, p) => s + p.amountCents, 0) },
  });
}

/**
 * Writes a chunk of one payment's claim payments as they were received — matched or not, with their service
 * lines and adjustments — in three multi-row INSERTs, so that nothing the payer said is lost, whatever is posted.
 * Returns them as posting reads them. Lines matched to a claim line with a contracted rate carry their expected
 * and allowed amounts from the start.
 */
export async function storeClaimPayments(
  batch: PostingBatch,
  remittance: Remittance,
  payments: readonly ClaimPayment[],
  findings: readonly BalanceFinding[],
  claims: Map<string, ClaimToPost>,
): Promise<StoredClaimPayment[]> {
  const organizationId = remittance.organizationId;
  const createdAt = new Date();
  const stored = payments.map((c): StoredClaimPayment => {
    const claim = claims.get(c.patientControlNumber);
    const claimFinding = findings.find((f) => f.level === 'claim' && f.segmentIndex === c.segmentIndex);
    const patient = c.correctedPatient ?? c.patient;
    const id = newId();
    const adjustment = (a: ClaimPayment['adjustments'][number], serviceLineId: string | null) => ({
      id: newId(),
      organizationId,
      remittanceClaimId: id,
      serviceLineId,
      groupCode: a.groupCode,
      reasonCode: a.reasonCode,
      amountCents: a.amountCents,
      quantityMilli: a.quantityMilli ?? null,
    });
    const matched = matchLines(claim, c.services.map(remittedLine));
    const lines = c.services.map((s, i) => {
      const lineId = newId();
      const line = {
        id: lineId,
        organizationId,
        remittanceClaimId: id,
        claimLineId: matched[i]?.id ?? null,
        procedureCode: s.procedure.code,
        modifiers: s.procedure.modifiers.join(',') || null,
        chargeCents: s.chargeCents,
        paidCents: s.paidCents,
        allowedCents: s.allowedCents ?? null,
        expectedCents: null as number | null,
        underpaid: false,
        unitsMilli: s.unitsPaidMilli ?? null,
        serviceDate: s.serviceDate ?? null,
        lineControlNumber: s.lineControlNumber ?? null,
        remarkCodes: s.remarkCodes.join(',') || null,
        adjustments: s.adjustments.map((a) => adjustment(a, lineId)),
      };
      const figures = claim && lineFigures(batch, claim, line);
      if (figures) Object.assign(line, { ...figures, underpaid: figures.allowedCents < figures.expectedCents });
      return line;
    });
    return {
      id,
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
      // Posted in the same transaction as it is stored, or not at all: a matched payment is written as posted.
      postedAt: claim ? createdAt : null,
      unbalancedCents: claimFinding ? claimFinding.expectedCents - claimFinding.actualCents : null,
      reviewReason: claimFinding ? `Unbalanced: ${claimFinding.message}; posted as the payer stated it` : null,
      createdAt,
      remittance,
      lines,
      adjustments: c.adjustments.map((a) => adjustment(a, null)),
    };
  });
  const tx = batch.tx;
  const rows = stored.map(({ remittance: _, lines: __, adjustments: ___, ...row }) => row);
  await insertMany(batch.scoped, tx, 'RemittanceClaim', rows);
  const lines = stored.flatMap((c) => c.lines.map(({ adjustments: _, ...row }) => row));
  await insertMany(batch.scoped, tx, 'RemittanceServiceLine', lines);
  const adjustments = stored.flatMap((c) => [...c.adjustments, ...c.lines.flatMap((l) => l.adjustments)]);
  await insertMany(batch.scoped, tx, 'RemittanceAdjustment', adjustments);
  return stored;
}
