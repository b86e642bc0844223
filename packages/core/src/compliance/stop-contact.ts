import { audited } from '../audit/audited.ts';
import type { ConsentChannel, Db, Patient, Prisma } from '../db/prisma-client.ts';
import { NotFoundError } from '../errors/billing-errors.ts';
import { globalId } from '../ids/global-id.ts';
import { defineOperation } from '../operations/define-operation.ts';

/** A channel to stop, or ALL contact. */
export type StopChannel = 'EMAIL' | 'SMS' | 'PHONE' | 'ALL';

export interface StopContactInput {
  patientId: string;
  channel: StopChannel;
  /** How the request came: "request by phone", "letter", "STOP reply", … */
  how: string;
  /** @default now */
  receivedAt?: Date | null;
}

const OPT_OUT: Record<Exclude<StopChannel, 'ALL'>, Prisma.PatientUpdateInput> = {
  EMAIL: { emailOptOut: true },
  SMS: { smsOptOut: true },
  PHONE: { phoneOptOut: true },
};
const CONSENTS: Record<Exclude<StopChannel, 'ALL'>, ConsentChannel> = { EMAIL: 'EMAIL', SMS: 'TEXTS', PHONE: 'CALLS' };

/**
 * Stops a channel, or all contact, at the debtor's request, at once: the channel's opt-out is set and its consents
 * are revoked (canContact refuses with CHANNEL_OPT_OUT from now on); ALL also records the request to cease
 * communication (CEASE_COMMUNICATION, mail included) — honoured whatever its form, though the FDCPA requires it
 * only in writing.
 */
export const stopContact = defineOperation({
  name: 'stopContact',
  roles: ['admin', 'biller', 'frontdesk', 'collector'],
  run: (ctx, input: StopContactInput): Promise<Patient> =>
    audited(ctx, 'stopContact', async (tx) => {
      const patient = await tx.patient.findUnique({ where: { id: input.patientId } });
      if (!patient) throw new NotFoundError('Patient', globalId('Patient', input.patientId));
      const at = input.receivedAt ?? ctx.clock.now();
      const updated = await stopChannels(tx, patient.id, input.channel, at, input.how.trim() || 'request');
      return { result: updated, recordIds: [globalId('Patient', patient.id)], practiceId: patient.practiceId };
    }),
});

/** Sets the opt-outs and revokes the consents a stop request covers; shared with STOP replies. */
export async function stopChannels(db: Db, patientId: string, channel: StopChannel, at: Date, how: string) {
  const channels = channel === 'ALL' ? (['EMAIL', 'SMS', 'PHONE'] as const) : [channel];
  await db.contactConsent.updateMany({
    where: { patientId, channel: { in: channels.map((c) => CONSENTS[c]) }, revokedAt: null },
    data: { revokedAt: at, revokedBy: how },
  });
  return db.patient.update({
    where: { id: patientId },
    data: {
      ...Object.assign({}, ...channels.map((c) => OPT_OUT[c])),
      ...(channel === 'ALL' && { ceaseCommunicationAt: at }),
    },
  });
}
