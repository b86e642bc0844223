import { optOutNoticeFor } from '../compliance/opt-out-notice.ts';
import type { DomainContext } from '../context/domain-context.ts';
import type { CollectionPlacement, Db, Document } from '../db/prisma-client.ts';
import type { LetterDocument, NotifierMessage, NotifierReceipt } from '../plugins/contracts.ts';
import { pluginKey } from '../plugins/contracts.ts';
import type { NoticeRoute } from './notice-route.ts';
import { storeNoticeDocument } from './notice-document.ts';

export interface EmailedNotice {
  document: Document;
  receipt: NotifierReceipt;
}

/**
 * Sends the validation notice by e-mail: rendered as HTML, stored, and handed to the notifier inside the message
 * (`NotifierMessage.document`) so the consumer can read and keep it (12 CFR 1006.42(a)), with the e-mail opt-out
 * notice. The attempt is recorded as a Communication whatever the notifier answers; only SENT counts as delivered.
 */
export async function emailNotice(
  ctx: DomainContext,
  tx: Db,
  placement: CollectionPlacement,
  route: Extract<NoticeRoute, { channel: 'EMAIL' }>,
  letter: LetterDocument,
  facts: { template: string; variables: NotifierMessage['variables']; evidence: Record<string, unknown> },
): Promise<EmailedNotice> {
  const file = await route.renderer.render(letter);
  const document = await storeNoticeDocument(tx, placement, file, route.renderer);
  const message: NotifierMessage = {
    channel: 'EMAIL',
    template: facts.template,
    to: route.to,
    variables: facts.variables,
    // One message per notice document: a retried send of the same notice is the same message.
    idempotencyKey: `validation-notice:${document.id}`,
    optOutNotice: optOutNoticeFor('EMAIL'),
    document: file,
  };
  let receipt: NotifierReceipt;
  try {
    receipt = await route.notifier.send(message);
  } catch (error) {
    receipt = { outcome: 'FAILED', detail: error instanceof Error ? error.message : String(error) };
  }
  const { document: _html, ...sent } = message;
  await tx.communication.create({
    data: {
      organizationId: placement.organizationId,
      patientId: placement.patientId,
      channel: 'EMAIL',
      direction: 'OUTBOUND',
      purpose: 'VALIDATION_NOTICE',
      template: facts.template,
      outcome: receipt.outcome + (receipt.detail ? `: ${receipt.detail}` : ''),
      occurredAt: ctx.clock.now(),
      placementId: placement.id,
      actor: ctx.principal.userId,
      notifierKey: pluginKey(route.notifier),
      externalRef: receipt.externalRef ?? null,
      sentTo: route.to,
      documentId: document.id,
      // The message as handed over (the notice itself is the stored document), opt-out notice included.
      content: { ...sent, ...facts.evidence } as never,
    },
  });
  return { document, receipt };
}
