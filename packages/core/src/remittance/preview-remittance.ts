import type {
  Adjustment,
  BalanceFinding,
  ClaimPayment,
  PaymentHeader,
  ProviderAdjustment,
  Remittance835,
} from '@revcycle/x12';
import type { Claim, Db } from '../db/prisma-client.ts';
import { claimsFor } from './match-claims.ts';
import { readRemittance } from './read-remittance.ts';
import { payerIdentifierOf } from './store-remittance.ts';

export interface ClaimPaymentPreview {
  payment: ClaimPayment;
  claim: Claim | null;
  /** Claim- and service-level adjustments together. */
  adjustments: Adjustment[];
}

export interface PaymentPreview {
  header: PaymentHeader;
  payerName: string;
  payerIdentifier: string;
  alreadyPosted: boolean;
  claimPayments: ClaimPaymentPreview[];
  providerAdjustments: ProviderAdjustment[];
}

export interface RemittancePreview {
  payments: PaymentPreview[];
  findings: BalanceFinding[];
  totalPaidCents: number;
  providerAdjustmentsCents: number;
  paymentCents: number;
  warnings: Remittance835['warnings'];
}

/** What importing the 835 would do, without changing anything: its payments, matches, adjustments and findings. */
export async function previewRemittance(db: Db, x12: string): Promise<RemittancePreview> {
  const parsed = readRemittance(x12);
  const claims = await claimsFor(db, parsed);
  const payments: PaymentPreview[] = [];
  for (const r of parsed) {
    const posted = await db.remittance.findFirst({
      where: { payerIdentifier: payerIdentifierOf(r), traceNumber: r.payment.traceNumber },
      select: { id: true },
    });
    payments.push({
      header: r.payment,
      payerName: r.payer.name,
      payerIdentifier: payerIdentifierOf(r),
      alreadyPosted: Boolean(posted),
      claimPayments: r.claims.map((c) => ({
        payment: c,
        claim: claims.get(c.patientControlNumber) ?? null,
        adjustments: [...c.adjustments, ...c.services.flatMap((s) => s.adjustments)],
      })),
      providerAdjustments: r.providerAdjustments,
    });
  }
  return {
    payments,
    findings: parsed.flatMap((r) => r.balance),
    totalPaidCents: parsed.reduce((s, r) => s + r.claims.reduce((t, c) => t + c.paidCents, 0), 0),
    providerAdjustmentsCents: parsed.reduce(
      (s, r) => s + r.providerAdjustments.reduce((t, p) => t + p.amountCents, 0),
      0,
    ),
    paymentCents: parsed.reduce((s, r) => s + r.payment.amountCents, 0),
    warnings: parsed.flatMap((r) => r.warnings),
  };
}
