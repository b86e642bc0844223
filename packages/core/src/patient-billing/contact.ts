import type { ContactChannel, Patient, Practice } from '../db/prisma-client.ts';
import type { DomainContext } from '../context/domain-context.ts';
import type { NotifierChannel, NotifierMessage, NotifierReceipt } from '../plugins/contracts.ts';
import { pluginKey } from '../plugins/contracts.ts';
import type { DunningChannel } from './billing-policy.ts';
import { canContact } from '../compliance/can-contact.ts';
import { optOutNoticeFor } from '../compliance/opt-out-notice.ts';
import type { AttemptChannel, ContactDecision } from '../compliance/can-contact.ts';

/** The Communication channel each dunning channel is recorded as. */
const RECORDED_AS: Record<DunningChannel, ContactChannel> = {
  MAIL: 'MAIL',
  EMAIL: 'EMAIL',
  SMS: 'SMS',
  PHONE_TASK: 'PHONE',
};

/** Where a channel reaches the patient, or why it may not be used. */
function reach(patient: Patient, channel: DunningChannel): { to: string } | { refused: string } {
  switch (channel) {
    case 'MAIL':
      return patient.addressLine1
        ? { to: [patient.addressLine1, patient.city, patient.state, patient.postalCode].filter(Boolean).join(', ') }
        : { refused: 'no mailing address' };
    case 'EMAIL':
      if (patient.emailOptOut) return { refused: 'opted out of e-mail' };
      return patient.email ? { to: patient.email } : { refused: 'no e-mail address' };
    case 'SMS':
      if (patient.smsOptOut) return { refused: 'opted out of text messages' };
      return patient.mobilePhone ? { to: patient.mobilePhone } : { refused: 'no mobile number' };
    case 'PHONE_TASK': {
      if (patient.phoneOptOut) return { refused: 'opted out of calls' };
      const phone = patient.mobilePhone ?? patient.homePhone;
      return phone ? { to: phone } : { refused: 'no phone number' };
    }
  }
}

export interface ChannelChoice {
  channel: DunningChannel;
  to: string;
}

/**
 * The step's channels in the order to try them: the patient's preferred channel first when the step lists it,
 * then the step's order; channels the patient opted out of or cannot be reached on are refused with the reason.
 */
export function channelCandidates(
  patient: Patient,
  channels: readonly DunningChannel[],
): { usable: ChannelChoice[]; refused: string[] } {
  const preferred = (Object.keys(RECORDED_AS) as DunningChannel[]).find(
    (c) => RECORDED_AS[c] === patient.preferredChannel,
  );
  const ordered =
    preferred && channels.includes(preferred) ? [preferred, ...channels.filter((c) => c !== preferred)] : [...channels];
  const usable: ChannelChoice[] = [];
  const refused: string[] = [];
  for (const channel of ordered) {
    const r = reach(patient, channel);
    if ('to' in r) usable.push({ channel, to: r.to });
    else refused.push(`${channel}: ${r.refused}`);
  }
  return { usable, refused };
}

/** How the compliance engine names each dunning channel. */
const ATTEMPT_CHANNEL: Record<DunningChannel, AttemptChannel> = {
  MAIL: 'MAIL',
  EMAIL: 'EMAIL',
  SMS: 'SMS',
  PHONE_TASK: 'PHONE',
};

export interface ContactRequest {
  patient: Patient;
  practice: Practice;
  /** STATEMENT, REMINDER, FINAL_NOTICE. */
  purpose: string;
  template: string;
  channels: readonly DunningChannel[];
  variables: NotifierMessage['variables'];
  /** Makes the contact happen once, however often the job that asks for it runs. */
  dedupeKey: string;
  statementId?: string;
  at: Date;
}

/**
 * Reaches the patient on the best allowed channel and records the attempt as a Communication. MAIL is recorded
 * as queued for the practice's mailing (statements are printed from their files); other channels go through the
 * first notifier that carries them. A contact already recorded under the same key is returned, not repeated.
 */
export async function contactPatient(ctx: DomainContext, request: ContactRequest) {
  const earlier = await ctx.db.communication.findFirst({ where: { dedupeKey: request.dedupeKey } });
  if (earlier) return earlier;
  const base = {
    patientId: request.patient.id,
    direction: 'OUTBOUND' as const,
    purpose: request.purpose,
    template: request.template,
    dedupeKey: request.dedupeKey,
    statementId: request.statementId ?? null,
    occurredAt: request.at,
  };
  // Every contact goes through the compliance engine: the first usable channel it allows is used.
  const { usable, refused } = channelCandidates(request.patient, request.channels);
  let choice: ChannelChoice | undefined;
  let decision: ContactDecision | undefined;
  let firstRefusal: ContactDecision | undefined;
  for (const candidate of usable) {
    const d = await canContact(
      ctx.db,
      { practice: request.practice, patients: [request.patient] },
      ATTEMPT_CHANNEL[candidate.channel],
      request.at,
    );
    if (d.allowed) {
      choice = candidate;
      decision = d;
      break;
    }
    firstRefusal ??= d;
    refused.push(`${candidate.channel}: ${d.rule}: ${d.reason}`);
  }
  if (!choice || !decision) {
    return ctx.db.communication.create({
      data: {
        ...base,
        organizationId: ctx.principal.organizationId,
        channel: RECORDED_AS[request.channels[0] ?? 'MAIL'],
        outcome: `NOT_SENT: ${refused.join('; ')}`,
        allowed: false,
        complianceRule: firstRefusal ? `${firstRefusal.rule} (${firstRefusal.citation})` : null,
      },
    });
  }
  let receipt: NotifierReceipt = { outcome: 'SENT', detail: 'queued for mailing' };
  let notifierKey: string | null = null;
  let message: NotifierMessage | undefined;
  if (choice.channel !== 'MAIL') {
    const notifier = [...ctx.plugins.notifiers.values()].find((n) =>
      n.channels.includes(choice.channel as NotifierChannel),
    );
    if (!notifier) receipt = { outcome: 'FAILED', detail: `no notifier carries ${choice.channel}` };
    else {
      notifierKey = pluginKey(notifier);
      message = {
        channel: choice.channel as NotifierChannel,
        template: request.template,
        to: choice.to,
        variables: request.variables,
        idempotencyKey: request.dedupeKey,
        optOutNotice: optOutNoticeFor(choice.channel as NotifierChannel),
      };
      try {
        receipt = await notifier.send(message);
      } catch (error) {
        receipt = { outcome: 'FAILED', detail: error instanceof Error ? error.message : String(error) };
      }
    }
  }
  const outcome =
    choice.channel === 'MAIL' ? 'QUEUED_FOR_MAIL' : receipt.outcome + (receipt.detail ? `: ${receipt.detail}` : '');
  return ctx.db.communication.create({
    data: {
      ...base,
      organizationId: ctx.principal.organizationId,
      channel: RECORDED_AS[choice.channel],
      outcome,
      notifierKey,
      externalRef: receipt.externalRef ?? null,
      complianceRule: decision.rule,
      sentTo: choice.to,
      // The evidence of what went out: the message as the notifier was given it, opt-out notice included.
      content: message ? withoutDocument(message) : { template: request.template, variables: request.variables },
    },
  });
}

/** A message as JSON evidence: a document it carried is stored as a Document of its own, not in the record. */
function withoutDocument({ document: _document, ...message }: NotifierMessage) {
  return message;
}
