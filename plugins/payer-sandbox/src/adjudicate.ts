import type { Adjustment, Claim837, Remittance835Input } from '@revcycle/x12';

/**
 * How the simulated payer decides a claim. Chosen from a marker in the member id (deterministic, for tests and
 * demos) or, for other members, drawn with a seeded random generator when `denialRate` > 0:
 * - `…DENY16` CO-16 missing information, `…DENY29` CO-29 timely filing, `…DENY50` CO-50 medical necessity,
 *   `…DENY197` CO-197 no authorization: the whole claim denied (CLP02 = 4);
 * - `…DENY97` the last line bundled (CO-97), the others paid;
 * - `…NONCOV` non-covered: the patient owes everything (PR-204);
 * - `…UNDERPAY` paid at 60 % of the usual allowed amount;
 * - `…COB` another insurer owes 30 % of the allowed amount (OI-23): revcycle bills the next coverage;
 * - `…REVERSE` paid, then reversed (CLP02 = 22) and paid again corrected, in three 835s;
 * - anything else: paid. Allowed = 80 % of the charge (CO-45 the rest), 20 % coinsurance (PR-2), and a $20 copay
 *   (PR-3) on an office visit (99xxx) line.
 * A secondary claim (one carrying a prior payer's adjudication) is paid what the primary left, the rest OA-23.
 */
export type Scenario =
  | 'PAY'
  | 'DENY16'
  | 'DENY29'
  | 'DENY50'
  | 'DENY197'
  | 'DENY97'
  | 'NONCOV'
  | 'UNDERPAY'
  | 'COB'
  | 'REVERSE';

const MARKERS: Scenario[] = ['DENY197', 'DENY16', 'DENY29', 'DENY50', 'DENY97', 'NONCOV', 'UNDERPAY', 'COB', 'REVERSE'];
const RANDOM_DENIALS: Scenario[] = ['DENY16', 'DENY29', 'DENY50', 'DENY97', 'DENY197', 'NONCOV'];

/** mulberry32: a small, well-known seeded generator, so a seed replays the same outcomes. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function scenarioFor(memberId: string, random: () => number, denialRate: number): Scenario {
  const upper = memberId.toUpperCase();
  const marked = MARKERS.find((m) => upper.endsWith(m));
  if (marked) return marked;
  if (denialRate > 0 && random() < denialRate) return RANDOM_DENIALS[Math.floor(random() * RANDOM_DENIALS.length)]!;
  return 'PAY';
}

type ClaimPayment = Remittance835Input['claims'][number];
type ServicePayment = ClaimPayment['services'][number];

const pct = (cents: number, percent: number) => Math.round((cents * percent) / 100);

function lineOf(line: Claim837['lines'][number]) {
  const p = line.professional ?? line.institutional;
  const procedure = line.professional?.procedure ??
    line.institutional?.procedure ?? { qualifier: 'HC', code: '', modifiers: [] };
  return {
    procedure: { qualifier: procedure.qualifier, code: procedure.code, modifiers: procedure.modifiers },
    chargeCents: p?.chargeCents ?? 0,
    serviceDate: line.dates.find((d) => d.qualifier === '472')?.date,
    lineControlNumber: line.references.find((r) => r.qualifier === '6R')?.value,
  };
}

/** One claim's payment under a scenario, balanced: charge − adjustments = paid, per line and per claim. */
export function adjudicate(
  claim: Claim837,
  scenario: Scenario,
  payerClaimControlNumber: string,
  patient: ClaimPayment['patient'],
): ClaimPayment {
  const lines = claim.lines.map(lineOf);
  const secondary = claim.otherPayers.length > 0;
  const denial: Record<string, string> = { DENY16: '16', DENY29: '29', DENY50: '50', DENY197: '197' };
  if (denial[scenario]) {
    const services: ServicePayment[] = lines.map((l) => ({
      ...l,
      paidCents: 0,
      adjustments: [{ groupCode: 'CO', reasonCode: denial[scenario]!, amountCents: l.chargeCents }],
      remarkCodes: scenario === 'DENY16' ? ['MA130'] : [],
    }));
    return {
      patientControlNumber: claim.patientControlNumber,
      statusCode: '4',
      chargeCents: claim.totalChargeCents,
      paidCents: 0,
      patientResponsibilityCents: 0,
      filingIndicator: '12',
      payerClaimControlNumber,
      patient,
      services,
    };
  }
  const services: ServicePayment[] = lines.map((l, i) => {
    const adjustments: Adjustment[] = [];
    let paid: number;
    if (secondary) {
      const prior = claim.lines[i]?.adjudications[0];
      const settled = prior
        ? prior.paidCents +
          prior.adjustmentGroups
            .filter((g) => g.groupCode === 'CO')
            .flatMap((g) => g.adjustments)
            .reduce((s, a) => s + a.amountCents, 0)
        : 0;
      paid = l.chargeCents - settled;
      if (settled) adjustments.push({ groupCode: 'OA', reasonCode: '23', amountCents: settled });
    } else if (scenario === 'NONCOV') {
      paid = 0;
      adjustments.push({ groupCode: 'PR', reasonCode: '204', amountCents: l.chargeCents });
    } else if (scenario === 'DENY97' && i === lines.length - 1 && lines.length > 1) {
      paid = 0;
      adjustments.push({ groupCode: 'CO', reasonCode: '97', amountCents: l.chargeCents });
    } else {
      const allowed = pct(l.chargeCents, scenario === 'UNDERPAY' ? 48 : 80);
      const copay = i === 0 && l.procedure.code.startsWith('99') ? Math.min(2_000, allowed) : 0;
      const coinsurance = pct(allowed - copay, 20);
      const otherInsurance = scenario === 'COB' ? pct(allowed, 30) : 0;
      paid = allowed - copay - coinsurance - otherInsurance;
      adjustments.push({ groupCode: 'CO', reasonCode: '45', amountCents: l.chargeCents - allowed });
      if (coinsurance) adjustments.push({ groupCode: 'PR', reasonCode: '2', amountCents: coinsurance });
      if (copay) adjustments.push({ groupCode: 'PR', reasonCode: '3', amountCents: copay });
      if (otherInsurance) adjustments.push({ groupCode: 'OI', reasonCode: '23', amountCents: otherInsurance });
    }
    return { ...l, paidCents: paid, adjustments: adjustments.filter((a) => a.amountCents !== 0), remarkCodes: [] };
  });
  const sum = (pick: (s: ServicePayment) => number) => services.reduce((s, x) => s + pick(x), 0);
  return {
    patientControlNumber: claim.patientControlNumber,
    statusCode: secondary ? '2' : '1',
    chargeCents: claim.totalChargeCents,
    paidCents: sum((s) => s.paidCents),
    patientResponsibilityCents: sum((s) =>
      (s.adjustments ?? []).filter((a) => a.groupCode === 'PR').reduce((t, a) => t + a.amountCents, 0),
    ),
    filingIndicator: '12',
    payerClaimControlNumber,
    patient,
    services,
  };
}

/** The payer's reversal of a payment: every amount negated, CLP02 = 22 (claim-level, as payers send it). */
export function reversalOf(payment: ClaimPayment): ClaimPayment {
  const adjustments = new Map<string, Adjustment>();
  for (const a of payment.services.flatMap((s) => s.adjustments ?? [])) {
    const key = `${a.groupCode}-${a.reasonCode}`;
    adjustments.set(key, { ...a, amountCents: (adjustments.get(key)?.amountCents ?? 0) - a.amountCents });
  }
  return {
    ...payment,
    statusCode: '22',
    chargeCents: -payment.chargeCents,
    paidCents: -payment.paidCents,
    patientResponsibilityCents: -payment.patientResponsibilityCents,
    adjustments: [...adjustments.values()],
    services: [],
  };
}
