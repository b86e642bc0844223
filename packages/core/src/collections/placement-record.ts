import type { CollectionAgency, Db, Patient, Practice } from '../db/prisma-client.ts';
import { creditReportingDecision } from '../compliance/credit-reporting.ts';
import { rulesFor } from '../compliance/rules.ts';
import { accountWhere } from '../ledger/balances.ts';
import type { PlacementRecord } from '../plugins/contracts.ts';
import type { Account } from '../statements/build-statement.ts';
import { addDays } from '../util/calendar-date.ts';

const sumOf = (rows: Array<{ amountCents: number }>) => rows.reduce((s, r) => s + r.amountCents, 0);

/**
 * What an agency is given for one account: identity and contact, balances with the Regulation F itemization (the
 * last statement's date and balance, and the payments and credits since), dates of service — and nothing clinical.
 */
export async function placementRecord(
  db: Db,
  placementId: string,
  practice: Practice,
  agency: CollectionAgency,
  account: Account,
  patients: Patient[],
  sequenceStart: string,
  balanceCents: number,
  today: string,
  dueInDays: number,
): Promise<PlacementRecord> {
  const first = patients[0]!;
  const guarantor = first.guarantorId ? await db.guarantor.findUnique({ where: { id: first.guarantorId } }) : null;
  const person = guarantor ?? first;
  const where = { ...accountWhere(account), account: 'PATIENT' as const };
  const lastStatement = await db.statement.findFirst({
    where: { accountNumber: first.accountNumber, statementDate: { lte: today } },
    orderBy: { statementDate: 'desc' },
  });
  const firstStatement = await db.statement.findFirst({
    where: { accountNumber: first.accountNumber, statementDate: { gte: sequenceStart } },
    orderBy: { statementDate: 'asc' },
  });
  const itemizationDate = lastStatement?.statementDate ?? today;
  const since = await db.ledgerEntry.findMany({
    where: { ...where, effectiveDate: { gt: itemizationDate, lte: today } },
    select: { kind: true, amountCents: true },
  });
  const open = await db.ledgerEntry.groupBy({
    by: ['claimId', 'agingDate'],
    where: { ...where, claimId: { not: null } },
    _sum: { amountCents: true },
  });
  const contact = (value: string | null | undefined) => (value ? value : undefined);
  // A guarantor record has one phone; a self-guaranteed patient has a mobile and a home number.
  const phone = guarantor ? guarantor.phone : (first.mobilePhone ?? first.homePhone);
  const record: PlacementRecord = {
    placementId,
    accountNumber: first.accountNumber,
    practice: {
      name: practice.name,
      taxId: practice.taxId,
      ...(practice.phone ? { phone: practice.phone } : {}),
      addressLines: [
        practice.addressLine1,
        ...(practice.addressLine2 ? [practice.addressLine2] : []),
        `${practice.city}, ${practice.state} ${practice.postalCode}`,
      ],
    },
    guarantor: Object.fromEntries(
      Object.entries({
        firstName: person.firstName,
        lastName: person.lastName,
        dateOfBirth: contact(person.dateOfBirth),
        addressLine1: contact(person.addressLine1),
        addressLine2: contact(person.addressLine2),
        city: contact(person.city),
        state: contact(person.state),
        postalCode: contact(person.postalCode),
        phone: contact(phone),
        email: contact(person.email),
      }).filter(([, v]) => v !== undefined),
    ) as PlacementRecord['guarantor'],
    balanceCents,
    itemization: {
      itemizationDate,
      itemizationBalanceCents: lastStatement?.balanceCents ?? balanceCents,
      interestCents: 0,
      feesCents: 0,
      paymentsCents: -sumOf(since.filter((e) => e.kind === 'PATIENT_PAYMENT')),
      creditsCents: -sumOf(since.filter((e) => e.kind !== 'PATIENT_PAYMENT' && e.amountCents < 0)),
    },
    datesOfService: [
      ...new Set(open.filter((o) => Number(o._sum.amountCents ?? 0) > 0).map((o) => o.agingDate)),
    ].sort(),
    firstStatementDate: firstStatement?.statementDate ?? sequenceStart,
    delinquencyDate: firstStatement?.dueDate ?? addDays(sequenceStart, dueInDays),
    placedOn: today,
  };
  if (agency.reportsToCreditBureaus) {
    const contacted = await db.communication.count({
      where: { patientId: { in: patients.map((p) => p.id) }, direction: 'OUTBOUND', allowed: true },
    });
    record.creditReporting = creditReportingDecision(rulesFor(practice).get('CREDIT_REPORTING')!, {
      balanceCents,
      delinquencyDate: record.delinquencyDate,
      contacted: contacted > 0,
      paid: balanceCents <= 0,
      today,
    });
  }
  return record;
}
