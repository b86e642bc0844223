import type { ClaimLine, Db, Guarantor, LedgerEntry, Patient, Practice } from '../db/prisma-client.ts';
import type { StatementDocument, StatementVisit } from '../plugins/contracts.ts';
import { addDays, daysBetween } from '../util/calendar-date.ts';
import { formatCents } from '../util/money.ts';

/** A guarantor account: the guarantor's patients, or a patient who is their own guarantor. */
export type Account = { guarantorId: string } | { patientId: string };

/** A patient of the account with its guarantor, as statements address them; the first (by account number) is the addressee. */
export type AccountPatient = Patient & { guarantor: Guarantor | null };

/** The account's patients with their guarantor, first by account number. */
export function accountPatients(db: Db, account: Account): Promise<AccountPatient[]> {
  return db.patient.findMany({
    where: 'guarantorId' in account ? { guarantorId: account.guarantorId } : { id: account.patientId },
    include: { guarantor: true },
    orderBy: { accountNumber: 'asc' },
  });
}

const sum = (entries: LedgerEntry[]) => entries.reduce((s, e) => s + e.amountCents, 0);
const lines = (a: {
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
}) =>
  [
    a.addressLine1,
    a.addressLine2,
    [a.city, a.state].filter(Boolean).join(', ') + (a.postalCode ? ` ${a.postalCode}` : ''),
  ].filter((l): l is string => Boolean(l?.trim()));

/** A line as the patient reads it: the procedure (with its modifier) or revenue code, and what the practice calls it. */
function describeLine(l: Pick<ClaimLine, 'procedureCode' | 'modifier1' | 'revenueCode' | 'description'>): string {
  if (!l.procedureCode) return `Revenue code ${l.revenueCode}${l.description ? ` ${l.description}` : ''}`;
  const code = [l.procedureCode, l.modifier1].filter(Boolean).join('-');
  return l.description ? `${code} ${l.description}` : code;
}

/**
 * What a statement shows on `statementDate`, computed from the ledger as it stood that day: per visit the charges,
 * what insurance paid, adjusted or still owes, what the patient paid and owes; the prior statement's balance and
 * the payments since; the patient balance by age. Every visit balances: charges − insurance paid − adjustments −
 * insurance pending − patient paid = the patient's balance for it.
 */
export async function buildStatement(
  db: Db,
  practice: Practice,
  account: Account,
  patients: AccountPatient[],
  statementDate: string,
  statementId: string,
  dueInDays = 30,
): Promise<StatementDocument & { patientId: string; guarantorId: string | null }> {
  const first = patients[0]!;
  const patientIds = patients.map((p) => p.id);
  const entries = await db.ledgerEntry.findMany({
    where: { patientId: { in: patientIds }, effectiveDate: { lte: statementDate } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const accountEntries = entries.filter(
    (e) =>
      e.account === 'PATIENT' &&
      ('guarantorId' in account ? e.guarantorId === account.guarantorId : e.guarantorId === null),
  );
  const previous = await db.statement.findFirst({
    where: { accountNumber: first.accountNumber, statementDate: { lt: statementDate } },
    orderBy: { statementDate: 'desc' },
  });

  const byId = new Map(entries.map((e) => [e.id, e]));
  const kindOf = (e: LedgerEntry) =>
    e.kind === 'REVERSAL' && e.reversesEntryId ? (byId.get(e.reversesEntryId)?.kind ?? 'REVERSAL') : e.kind;
  // Visits with anything open, the patient's share or what insurance has not decided yet. A visit is an
  // encounter: its primary claim and the secondary or tertiary claims that carried it on, shown as one.
  const ownEntries = entries.filter((e) =>
    'guarantorId' in account ? e.guarantorId === account.guarantorId : e.guarantorId === null,
  );
  const claimIds = [...new Set(ownEntries.map((e) => e.claimId).filter((id): id is string => Boolean(id)))];
  const claims = await db.claim.findMany({
    where: { encounter: { claims: { some: { id: { in: claimIds } } } } },
    include: {
      lines: { orderBy: { lineNumber: 'asc' } },
      patient: true,
      payer: { select: { name: true } },
      encounter: { include: { renderingProvider: true } },
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const byEncounter = new Map<string, typeof claims>();
  for (const claim of claims)
    byEncounter.set(claim.encounterId, [...(byEncounter.get(claim.encounterId) ?? []), claim]);
  const visits: StatementVisit[] = [...byEncounter.values()]
    .map((chain) => {
      const ids = new Set(chain.map((c) => c.id));
      const mine = entries.filter((e) => e.claimId && ids.has(e.claimId));
      // The bill as it stands: the newest first-payer claim that is not a void (a replacement replaces the lines).
      const first = chain.filter((c) => !c.primaryClaimId && c.frequencyCode !== '8').at(-1) ?? chain[0]!;
      const adjudicated = (c: (typeof chain)[number]) => mine.some((e) => e.claimId === c.id && e.remittanceClaimId);
      const charges = sum(mine.filter((e) => kindOf(e) === 'CHARGE'));
      const insurancePaid = -sum(mine.filter((e) => kindOf(e) === 'INSURANCE_PAYMENT'));
      const patientPaid = -sum(mine.filter((e) => kindOf(e) === 'PATIENT_PAYMENT'));
      const insurancePending = sum(mine.filter((e) => e.account === 'INSURANCE'));
      const balance = sum(mine.filter((e) => e.account === 'PATIENT'));
      const provider = first.encounter.renderingProvider;
      return {
        serviceDate: first.lines.map((l) => l.serviceDate).sort()[0]!,
        patientName: `${first.patient.firstName} ${first.patient.lastName}`,
        provider: `${provider.firstName} ${provider.lastName}${provider.credential ? `, ${provider.credential}` : ''}`,
        reference: chain.find((c) => !c.primaryClaimId)?.patientControlNumber ?? first.patientControlNumber,
        payers: [...new Set(chain.filter(adjudicated).map((c) => c.payer.name))],
        lines: first.lines.map((l) => ({ description: describeLine(l), chargeCents: l.chargeCents })),
        chargesCents: charges,
        insurancePaidCents: insurancePaid,
        patientPaidCents: patientPaid,
        insurancePendingCents: insurancePending,
        adjustmentsCents: charges - insurancePaid - patientPaid - insurancePending - balance,
        balanceCents: balance,
      };
    })
    .filter((v) => v.balanceCents !== 0 || v.insurancePendingCents !== 0)
    .sort((a, b) => a.serviceDate.localeCompare(b.serviceDate) || a.reference.localeCompare(b.reference));

  const amountDue = sum(accountEntries);
  const since = previous?.statementDate;
  const sinceEntries = accountEntries.filter((e) => !since || e.effectiveDate > since);
  const newCharges = sum(sinceEntries.filter((e) => kindOf(e) === 'PATIENT_RESPONSIBILITY_TRANSFER'));
  const paymentsSince = -sum(sinceEntries.filter((e) => kindOf(e) === 'PATIENT_PAYMENT'));
  // Everything else that moved the account since (write-offs, refunds, reversed payments), as a reduction.
  const adjustmentsSince = newCharges - paymentsSince - sum(sinceEntries);
  const aging = { days0to30Cents: 0, days31to60Cents: 0, days61to90Cents: 0, over90Cents: 0 };
  for (const e of accountEntries) {
    const age = daysBetween(e.agingDate, statementDate);
    if (age <= 30) aging.days0to30Cents += e.amountCents;
    else if (age <= 60) aging.days31to60Cents += e.amountCents;
    else if (age <= 90) aging.days61to90Cents += e.amountCents;
    else aging.over90Cents += e.amountCents;
  }
  const plan = await db.paymentPlan.findFirst({
    where: { patientId: { in: patientIds }, status: 'ACTIVE' },
    include: { installments: { where: { status: { not: 'PAID' } }, orderBy: { sequence: 'asc' }, take: 1 } },
  });
  const unapplied = sum(accountEntries.filter((e) => !e.claimId));
  const guarantor = first.guarantor;
  const practiceLines = lines(practice);
  return {
    statementId,
    statementDate,
    dueDate: addDays(statementDate, dueInDays),
    accountNumber: first.accountNumber,
    patientId: first.id,
    guarantorId: guarantor?.id ?? null,
    practice: {
      name: practice.name,
      addressLines: practiceLines,
      ...(practice.phone ? { phone: practice.phone } : {}),
      taxId: practice.taxId,
    },
    remitTo: { name: practice.name, addressLines: practiceLines },
    guarantor: guarantor
      ? { name: `${guarantor.firstName} ${guarantor.lastName}`, addressLines: lines(guarantor) }
      : { name: `${first.firstName} ${first.lastName}`, addressLines: lines(first) },
    visits,
    priorBalanceCents: previous?.balanceCents ?? 0,
    newChargesCents: newCharges,
    paymentsSinceCents: paymentsSince,
    adjustmentsSinceCents: adjustmentsSince,
    amountDueCents: amountDue,
    aging,
    ...(plan
      ? {
          paymentPlan: {
            status: plan.status,
            installmentCents: plan.installmentCents,
            ...(plan.installments[0] ? { nextDueDate: plan.installments[0].dueDate } : {}),
          },
        }
      : {}),
    howToPay: [
      `Mail a check payable to ${practice.name} with the slip below to the address above; write account ${first.accountNumber} on it.`,
      ...(practice.phone ? [`Call ${practice.phone} to pay by card or to ask about a payment plan.`] : []),
    ],
    messages: [
      ...(unapplied < 0 ? [`You have an unapplied credit of ${formatCents(-unapplied)}.`] : []),
      ...(visits.some((v) => v.insurancePendingCents > 0)
        ? ['Some visits are still with your insurance; their balance may change when it pays.']
        : []),
    ],
  };
}
