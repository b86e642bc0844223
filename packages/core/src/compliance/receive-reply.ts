import type { Db } from '../db/prisma-client.ts';
import type { InboundMessage } from '../plugins/contracts.ts';
import { contactAddress } from './contact-address.ts';
import { stopChannels } from './stop-contact.ts';

/** The words that revoke consent in a reply (47 CFR 64.1200(a)(10) and the FCC's 2024 revocation order). */
const STOP_WORDS = new Set(['STOP', 'STOPALL', 'QUIT', 'END', 'REVOKE', 'OPTOUT', 'CANCEL', 'UNSUBSCRIBE']);

/** Is the reply a request to stop (the whole message is one of the words, case, spaces and punctuation aside)? */
export function isStopReply(text: string): boolean {
  return STOP_WORDS.has(text.toUpperCase().replace(/[^A-Z]/g, ''));
}

/**
 * Handles a reply a notifier received. A STOP (texts) or UNSUBSCRIBE (e-mail) revokes at once, for every patient
 * with that number or address in every organization the installation serves — the sender the reply answered is
 * the installation's — and is kept as an inbound communication, the evidence of the revocation. Other replies are
 * kept too, for staff to read. Runs with the unscoped client: a reply belongs to no signed-in user.
 */
export async function receiveReply(root: Db, reply: InboundMessage): Promise<{ stopped: number }> {
  const stop = isStopReply(reply.text);
  const address = contactAddress(reply.channel === 'SMS' ? 'PHONE' : 'EMAIL', reply.from);
  const patients = await patientsReachedAt(root, reply.channel, address, reply.from);
  for (const patient of patients) {
    if (stop) await stopChannels(root, patient.id, reply.channel, reply.receivedAt, `${reply.text.trim()} reply`);
    await root.communication.create({
      data: {
        organizationId: patient.organizationId,
        patientId: patient.id,
        channel: reply.channel,
        direction: 'INBOUND',
        purpose: stop ? 'OPT_OUT' : 'REPLY',
        outcome: stop ? `OPTED_OUT of ${reply.channel === 'SMS' ? 'text messages' : 'e-mail'}` : 'RECEIVED',
        externalRef: reply.externalRef ?? null,
        occurredAt: reply.receivedAt,
        sentTo: reply.from,
        content: { from: reply.from, text: reply.text },
        actor: 'inbound',
      },
    });
  }
  return { stopped: stop ? patients.length : 0 };
}

/** The patients a number or address reaches: by a consent on record for it, or as their mobile number or e-mail. */
async function patientsReachedAt(root: Db, channel: 'SMS' | 'EMAIL', address: string, raw: string) {
  const consented = await root.contactConsent.findMany({
    where: { address, channel: channel === 'SMS' ? { in: ['TEXTS', 'CALLS'] } : 'EMAIL' },
    select: { patientId: true },
  });
  const digits = address;
  const forms =
    channel === 'SMS'
      ? [raw, digits, `+1${digits}`, `1${digits}`, `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`]
      : [raw, address];
  return root.patient.findMany({
    where: {
      OR: [
        { id: { in: consented.map((c) => c.patientId) } },
        channel === 'SMS' ? { mobilePhone: { in: forms } } : { email: { in: forms } },
        ...(channel === 'SMS'
          ? [{ mobilePhone: `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}` }]
          : []),
      ],
    },
  });
}
