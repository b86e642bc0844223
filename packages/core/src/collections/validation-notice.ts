import type { CollectionPlacement, Db, Practice } from '../db/prisma-client.ts';
import { ConflictError } from '../errors/billing-errors.ts';
import type { DomainContext } from '../context/domain-context.ts';
import { rulesFor } from '../compliance/rules.ts';
import { accountWhere } from '../ledger/balances.ts';
import { pluginKey } from '../plugins/contracts.ts';
import { collectorAgency, collectorOf } from './collector-of.ts';
import { validationNoticeLetter } from './validation-notice-wording.ts';
import type { NoticeLanguage } from './validation-notice-wording.ts';
import { validationPeriodEnd } from './validation-period.ts';
import type { ValidationPeriodPolicy } from './validation-period.ts';

/**
 * The Regulation F validation notice for a placement (12 CFR 1006.34), in model form B-1's wording (English, with
 * the Spanish-language offer, or Spanish when the consumer asked): who is collecting for whom with the collector's
 * address and telephone (required), the itemization from the itemization date to today, the amount now due, the
 * end of the validation period, how to dispute, the CFPB reference and the consumer-response form. Rendered by the
 * configured document renderer, stored, and recorded as a communication.
 */
export async function writeValidationNotice(
  ctx: DomainContext,
  tx: Db,
  placement: CollectionPlacement,
  practice: Practice,
  today: string,
  language: NoticeLanguage = 'ENGLISH',
) {
  const renderer = [...ctx.plugins.documents.values()][0];
  if (!renderer)
    throw new ConflictError(
      'No document renderer is configured (createBillingApi({ documents })) to write the validation notice',
    );
  const collector = collectorOf(await collectorAgency(tx, placement), practice);
  const periodEnd = validationPeriodEnd(
    today,
    rulesFor(practice).get('DISPUTE_PAUSE')!.params as unknown as ValidationPeriodPolicy,
  );
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
  const letter = validationNoticeLetter(
    {
      collector,
      creditor: practice.name,
      consumer: {
        name: `${person.firstName} ${person.lastName}`,
        addressLines: [
          person.addressLine1 ?? '',
          person.addressLine2 ?? '',
          [person.city && `${person.city},`, person.state, person.postalCode].filter(Boolean).join(' '),
        ].filter(Boolean),
      },
      accountNumber: patient.accountNumber,
      reference: placement.id,
      sentOn: today,
      itemizationDate: placement.itemizationDate,
      itemizationBalanceCents: placement.itemizationBalanceCents,
      // The product charges no interest or fees on patient balances.
      interestCents: 0,
      feesCents: 0,
      paymentsAndCreditsCents: payments + credits,
      amountDueCents: due,
      validationPeriodEnd: periodEnd,
    },
    language,
  );
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
      template: language === 'SPANISH' ? 'validation-notice-es' : 'validation-notice',
      outcome: 'QUEUED_FOR_MAIL',
      occurredAt: ctx.clock.now(),
      placementId: placement.id,
      actor: ctx.principal.userId,
      sentTo: [letter.to.name, ...letter.to.lines].join(', '),
      documentId: document.id,
      content: { language, amountDueCents: due, validationPeriodEnd: periodEnd },
    },
  });
  return { placement: updated, document, letter, amountDueCents: due };
}
