import type { CollectionPlacement, Db, Practice } from '../db/prisma-client.ts';
import { ConflictError } from '../errors/billing-errors.ts';
import type { DomainContext } from '../context/domain-context.ts';
import { rulesFor } from '../compliance/rules.ts';
import { accountWhere } from '../ledger/balances.ts';
import type { LetterDocument } from '../plugins/contracts.ts';
import { pluginKey } from '../plugins/contracts.ts';
import { addDays } from '../util/calendar-date.ts';
import { formatCents } from '../util/money.ts';

/**
 * The Regulation F validation notice for a placement (12 CFR 1006.34): who is collecting for whom, the
 * itemization from the itemization date to today, the amount now due, and the end of the validation period with
 * how to dispute. Rendered by the configured document renderer, stored, and recorded as a communication.
 */
export async function writeValidationNotice(
  ctx: DomainContext,
  tx: Db,
  placement: CollectionPlacement,
  practice: Practice,
  today: string,
) {
  const renderer = [...ctx.plugins.documents.values()][0];
  if (!renderer)
    throw new ConflictError(
      'No document renderer is configured (createBillingApi({ documents })) to write the validation notice',
    );
  const { validationPeriodDays } = rulesFor(practice).get('DISPUTE_PAUSE')!.params as { validationPeriodDays: number };
  const periodEnd = addDays(today, validationPeriodDays);
  const patient = await tx.patient.findUniqueOrThrow({
    where: { id: placement.patientId },
    include: { guarantor: true },
  });
  const account = placement.guarantorId ? { guarantorId: placement.guarantorId } : { patientId: placement.patientId };
  const since = await tx.ledgerEntry.findMany({
    where: {
      ...accountWhere(account),
      account: 'PATIENT',
      effectiveDate: { gt: placement.itemizationDate, lte: today },
    },
  });
  const payments = -since.filter((e) => e.kind === 'PATIENT_PAYMENT').reduce((s, e) => s + e.amountCents, 0);
  const credits = -since
    .filter((e) => e.kind !== 'PATIENT_PAYMENT' && e.amountCents < 0)
    .reduce((s, e) => s + e.amountCents, 0);
  const added = since.filter((e) => e.amountCents > 0).reduce((s, e) => s + e.amountCents, 0);
  const due = placement.itemizationBalanceCents + added - payments - credits;
  const person = patient.guarantor ?? patient;
  const letter: LetterDocument = {
    kind: 'validation-notice',
    title: 'Notice of debt',
    from: { name: placement.agencyName, lines: [`collecting for ${practice.name}`] },
    to: {
      name: `${person.firstName} ${person.lastName}`,
      lines: [
        person.addressLine1 ?? '',
        [person.city, person.state, person.postalCode].filter(Boolean).join(' '),
      ].filter(Boolean),
    },
    date: today,
    references: [
      { label: 'Account', value: patient.accountNumber },
      { label: 'Original creditor', value: practice.name },
      { label: 'Reference', value: placement.id },
    ],
    salutation: `Dear ${person.firstName} ${person.lastName}:`,
    paragraphs: [
      `${placement.agencyName} is a debt collector. We are trying to collect a debt that you owe to ${practice.name}. We will use any information you give us to help collect the debt.`,
      `As of ${placement.itemizationDate}, you owed ${formatCents(placement.itemizationBalanceCents)}. Between ${placement.itemizationDate} and today: interest $0.00, fees $0.00, payments or credits ${formatCents(payments + credits)}. Total amount of the debt now: ${formatCents(due)}.`,
      `Call or write to us by ${periodEnd} to dispute all or part of the debt. If you do not, we will assume that our information is correct. If you write to us by ${periodEnd}, we must stop collection on any amount you dispute until we send you information that shows you owe the debt.`,
      `You may also request the name and address of the original creditor, if different from the current creditor; we must stop collection until we send you that information.`,
    ],
    table: {
      columns: ['Itemization', 'Amount'],
      rows: [
        [`Balance on ${placement.itemizationDate}`, formatCents(placement.itemizationBalanceCents)],
        ['Interest', '$0.00'],
        ['Fees', '$0.00'],
        ['Payments and credits', `-${formatCents(payments + credits)}`],
        ['Now due', formatCents(due)],
      ],
    },
    closing: 'Sincerely,',
    signature: [placement.agencyName],
    enclosures: [],
  };
  const file = await renderer.render(letter);
  const document = await tx.document.create({
    data: {
      organizationId: placement.organizationId,
      kind: 'validation-notice',
      contentType: file.contentType,
      fileName: file.fileName,
      bytes: Buffer.from(file.bytes),
      rendererKey: pluginKey(renderer),
      placementId: placement.id,
      agencyId: placement.agencyId,
    },
  });
  const updated = await tx.collectionPlacement.update({
    where: { id: placement.id },
    data: { validationNoticeSentAt: ctx.clock.now(), validationPeriodEnd: periodEnd },
  });
  await tx.communication.create({
    data: {
      organizationId: placement.organizationId,
      patientId: placement.patientId,
      channel: 'MAIL',
      direction: 'OUTBOUND',
      purpose: 'VALIDATION_NOTICE',
      template: 'validation-notice',
      outcome: 'QUEUED_FOR_MAIL',
      occurredAt: ctx.clock.now(),
      placementId: placement.id,
      actor: ctx.principal.userId,
    },
  });
  return { placement: updated, document, letter, amountDueCents: due };
}
