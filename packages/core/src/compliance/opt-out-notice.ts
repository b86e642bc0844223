import type { NotifierChannel } from '../plugins/contracts.ts';

/**
 * The opt-out notice every electronic collection message carries (12 CFR 1006.6(e)): a clear and conspicuous,
 * reasonable and simple way to stop messages on that channel. A reply with the word revokes at once
 * (the inbound-message hook); staff call tasks are no message to the debtor and carry none.
 */
export function optOutNoticeFor(channel: NotifierChannel): string {
  if (channel === 'SMS') return 'Reply STOP to stop text messages from us.';
  if (channel === 'EMAIL') return 'To stop e-mails from us, reply with the word UNSUBSCRIBE.';
  return '';
}
