import type { BalanceFinding, ClaimPayment, Remittance835 } from './types.ts';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * Per claim: CLP03 − every CAS amount (claim and service level) = CLP04.
 * Per service: SVC02 − its CAS amounts = SVC03.
 * Findings are added to `findings` (a new list by default).
 */
export function claimFindings(claim: ClaimPayment, findings: BalanceFinding[] = []): BalanceFinding[] {
  let adjusted = 0;
  for (const a of claim.adjustments) adjusted += a.amountCents;
  for (const service of claim.services) for (const a of service.adjustments) adjusted += a.amountCents;
  const expectedPaid = claim.chargeCents - adjusted;
  if (expectedPaid !== claim.paidCents) {
    findings.push({
      level: 'claim',
      message: `Claim ${claim.patientControlNumber}: charge ${claim.chargeCents} − adjustments ${adjusted} = ${expectedPaid}, but paid is ${claim.paidCents}`,
      expectedCents: expectedPaid,
      actualCents: claim.paidCents,
      patientControlNumber: claim.patientControlNumber,
      segmentIndex: claim.segmentIndex,
    });
  }
  for (let i = 0; i < claim.services.length; i++) {
    const service = claim.services[i]!;
    let serviceAdjusted = 0;
    for (const a of service.adjustments) serviceAdjusted += a.amountCents;
    const expected = service.chargeCents - serviceAdjusted;
    if (expected !== service.paidCents) {
      findings.push({
        level: 'service',
        message: `Claim ${claim.patientControlNumber} service ${i + 1} (${service.procedure.code}): charge ${service.chargeCents} − adjustments ${serviceAdjusted} = ${expected}, but paid is ${service.paidCents}`,
        expectedCents: expected,
        actualCents: service.paidCents,
        patientControlNumber: claim.patientControlNumber,
        serviceNumber: i + 1,
        segmentIndex: service.segmentIndex,
      });
    }
  }
  return findings;
}

/** BPR02 = Σ CLP04 − Σ PLB amounts. Uses running totals, so it works when claims were streamed away. */
export function paymentFinding(
  remittance: Remittance835,
  bprIndex: number,
  paidTotal = sum(remittance.claims.map((c) => c.paidCents)),
): BalanceFinding | undefined {
  const plb = sum(remittance.providerAdjustments.map((a) => a.amountCents));
  const expected = paidTotal - plb;
  if (expected === remittance.payment.amountCents) return undefined;
  return {
    level: 'payment',
    message: `Payment ${remittance.payment.traceNumber}: claims paid ${paidTotal} − provider adjustments ${plb} = ${expected}, but BPR02 is ${remittance.payment.amountCents}`,
    expectedCents: expected,
    actualCents: remittance.payment.amountCents,
    segmentIndex: bprIndex,
  };
}
