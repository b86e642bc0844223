import { canContact } from '../compliance/can-contact.ts';
import { contactAddress } from '../compliance/contact-address.ts';
import type { DomainContext } from '../context/domain-context.ts';
import type { Db, Patient, Practice } from '../db/prisma-client.ts';
import type { DocumentRenderer, Notifier } from '../plugins/contracts.ts';
import type { ValidationNoticePolicy } from '../patient-billing/billing-policy.ts';

/** How a validation notice goes out: by e-mail (with everything needed to send it) or by post, and why post. */
export type NoticeRoute =
  | { channel: 'EMAIL'; to: string; notifier: Notifier; renderer: DocumentRenderer }
  | { channel: 'MAIL'; whyNotEmail: string | null };

const isHtml = (r: DocumentRenderer) => r.contentType.startsWith('text/html');

/** The renderer for a letter on paper: a PDF one when configured, else whatever renders letters. */
export function paperRenderer(ctx: DomainContext): DocumentRenderer | undefined {
  const renderers = [...ctx.plugins.documents.values()];
  return renderers.find((r) => r.contentType === 'application/pdf') ?? renderers[0];
}

/**
 * Decides how the notice goes: by post unless the practice's policy says EMAIL and e-mail may carry it — an
 * address on file the consumer has not opted out of, an unrevoked consent for that very address that includes
 * E-SIGN consent to electronic disclosures (12 CFR 1006.42(b)(1); 15 U.S.C. 7001(c)), the compliance engine
 * allowing an e-mail now, an HTML renderer and a notifier that carries e-mail. Otherwise it is mailed and the
 * reason kept, so the notice is never lost for want of e-mail.
 */
export async function noticeRoute(
  ctx: DomainContext,
  tx: Db,
  subject: { practice: Practice; patient: Patient; email: string | null },
  policy: ValidationNoticePolicy,
  at: Date,
): Promise<NoticeRoute> {
  const mail = (whyNotEmail: string | null): NoticeRoute => ({ channel: 'MAIL', whyNotEmail });
  if (policy.delivery === 'MAIL') return mail(null);
  const { patient, email } = subject;
  if (!email) return mail('no e-mail address on file');
  if (patient.emailOptOut) return mail('the consumer opted out of e-mail');
  const address = contactAddress('EMAIL', email);
  const consent = await tx.contactConsent.findFirst({
    where: { patientId: patient.id, channel: 'EMAIL', address, revokedAt: null, electronicDisclosures: true },
  });
  if (!consent) return mail(`no E-SIGN consent to electronic disclosures on record for ${address}`);
  const decision = await canContact(tx, { practice: subject.practice, patients: [patient] }, 'EMAIL', at);
  if (!decision.allowed) return mail(`${decision.rule}: ${decision.reason}`);
  const renderer = [...ctx.plugins.documents.values()].find(isHtml);
  if (!renderer) return mail('no HTML document renderer is configured');
  const notifier = [...ctx.plugins.notifiers.values()].find((n) => n.channels.includes('EMAIL'));
  if (!notifier) return mail('no notifier carries e-mail');
  return { channel: 'EMAIL', to: address, notifier, renderer };
}
