import type { CollectionPlacement, Db, Document, Practice } from '../db/prisma-client.ts';
import { ConflictError } from '../errors/billing-errors.ts';
import type { DomainContext } from '../context/domain-context.ts';
import { rulesFor } from '../compliance/rules.ts';
import { accountWhere } from '../ledger/balances.ts';
import { policyOf } from '../patient-billing/billing-policy.ts';
import { emailNotice } from './notice-email.ts';
import { storeNoticeDocument } from './notice-document.ts';
import { noticeRoute, paperRenderer } from './notice-route.ts';
import { collectorAgency, collectorOf } from './collector-of.ts';
import { validationNoticeLetter } from './validation-notice-wording.ts';
import type { NoticeLanguage } from './validation-notice-wording.ts';
import { validationPeriodEnd } from './validation-period.ts';
import type { ValidationPeriodPolicy } from './validation-period.ts';

/**
 * The Regulation F validation notice for a placement (12 CFR 1006.34), in model form B-1's wording (English, with
 * the Spanish-language offer, or Spanish when the consumer asked): who is collecting for whom with the collector's
 * address and telephone (required), the itemization from the itemization date to today, the amount now due, the
 * end of the validation period, how to dispute, the CFPB reference and the consumer-response form. Mailed (the PDF
 * renderer's file), or e-mailed as HTML where the practice's policy and the consumer's E-SIGN consent allow it
 * (notice-route.ts); stored, and recorded as a communication with why it was not e-mailed when policy wanted it.
 */
export async function writeValidationNotice(
  ctx: DomainContext,
  tx: Db,
  placement: CollectionPlacement,
  practice: Practice,
  today: string,
  language: NoticeLanguage = 'ENGLISH',
) {
  const paper = paperRenderer(ctx);
  if (!paper)
    throw new ConflictError(
      'No document renderer is configured (createBillingApi({ documents })) to write the validation notice',
    );
  const policy = policyOf(practice).validationNotice;
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
      spanishOffer: policy.spanishOffer,
    },
    language,
  );
  const route = await noticeRoute(ctx, tx, { practice, patient, email: person.email ?? null }, policy, ctx.clock.now());
  const template = language === 'SPANISH' ? 'validation-notice-es' : 'validation-notice';
  const evidence = { language, amountDueCents: due, validationPeriodEnd: periodEnd };
  let whyNotEmail = route.channel === 'MAIL' ? route.whyNotEmail : null;
  let document: Document | undefined;
  if (route.channel === 'EMAIL') {
    const variables = {
      patientName: letter.to.name,
      practiceName: practice.name,
      practicePhone: collector.phone,
      accountNumber: patient.accountNumber,
      amountDueCents: due,
      dueDate: periodEnd,
    };
    const emailed = await emailNotice(ctx, tx, placement, route, letter, { template, variables, evidence });
    if (emailed.receipt.outcome === 'SENT') document = emailed.document;
    else whyNotEmail = `the e-mail was not sent (${emailed.receipt.outcome}: ${emailed.receipt.detail ?? 'no detail'})`;
  }
  if (!document) {
    document = await storeNoticeDocument(tx, placement, await paper.render(letter), paper);
    await tx.communication.create({
      data: {
        organizationId: placement.organizationId,
        patientId: placement.patientId,
        channel: 'MAIL',
        direction: 'OUTBOUND',
        purpose: 'VALIDATION_NOTICE',
        template,
        outcome: 'QUEUED_FOR_MAIL',
        occurredAt: ctx.clock.now(),
        placementId: placement.id,
        actor: ctx.principal.userId,
        sentTo: [letter.to.name, ...letter.to.lines].join(', '),
        documentId: document.id,
        content: { ...evidence, whyNotEmail },
      },
    });
  }
  const updated = await tx.collectionPlacement.update({
    where: { id: placement.id },
    data: { validationNoticeSentAt: ctx.clock.now(), validationPeriodEnd: periodEnd },
  });
  const deliveredBy = route.channel === 'EMAIL' && !whyNotEmail ? 'EMAIL' : 'MAIL';
  return { placement: updated, document, letter, amountDueCents: due, deliveredBy, whyNotEmail } as const;
}
