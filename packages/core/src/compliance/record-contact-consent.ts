import { audited } from '../audit/audited.ts';
import type { ConsentChannel, ContactConsent } from '../db/prisma-client.ts';
import { NotFoundError, ValidationError } from '../errors/billing-errors.ts';
import { globalId } from '../ids/global-id.ts';
import { defineOperation } from '../operations/define-operation.ts';
import { contactAddress, isContactAddress } from './contact-address.ts';

export interface RecordContactConsentInput {
  patientId: string;
  channel: ConsentChannel;
  /** The number or e-mail address the consent is for. */
  address: string;
  /** How it was given: "intake form", "patient portal", "recorded call", … */
  source: string;
  /** @default now */
  consentedAt?: Date | null;
  /**
   * E-mail only: the consumer also agreed, with the disclosures E-SIGN requires (15 U.S.C. 7001(c)), to receive
   * required disclosures such as the validation notice at this address. @default false
   */
  electronicDisclosures?: boolean | null;
}

/**
 * Records a patient's consent to be reached on a number or address by a channel, with its source and date: texts
 * and autodialed or prerecorded calls are refused without one (CONSENT_REQUIRED). A new consent after a
 * revocation is a new record; the revoked one stays as evidence.
 */
export const recordContactConsent = defineOperation({
  name: 'recordContactConsent',
  roles: ['admin', 'biller', 'frontdesk', 'collector'],
  run: (ctx, input: RecordContactConsentInput): Promise<ContactConsent> =>
    audited(ctx, 'recordContactConsent', async (tx) => {
      const errors = [];
      if (!isContactAddress(input.channel, input.address))
        errors.push({
          path: ['input', 'address'],
          code: 'INVALID_ADDRESS',
          message: `address: "${input.address}" is not ${input.channel === 'EMAIL' ? 'an e-mail address' : 'a 10-digit phone number'}`,
        });
      if (input.electronicDisclosures && input.channel !== 'EMAIL')
        errors.push({
          path: ['input', 'electronicDisclosures'],
          code: 'INVALID',
          message: 'electronicDisclosures: only an e-mail consent can carry consent to electronic disclosures',
        });
      if (!input.source.trim())
        errors.push({ path: ['input', 'source'], code: 'REQUIRED', message: 'source: say how the consent was given' });
      if (errors.length) throw new ValidationError(errors);
      const patient = await tx.patient.findUnique({ where: { id: input.patientId } });
      if (!patient) throw new NotFoundError('Patient', globalId('Patient', input.patientId));
      const consent = await tx.contactConsent.create({
        data: {
          organizationId: ctx.principal.organizationId,
          patientId: patient.id,
          channel: input.channel,
          address: contactAddress(input.channel, input.address),
          source: input.source.trim(),
          consentedAt: input.consentedAt ?? ctx.clock.now(),
          electronicDisclosures: input.electronicDisclosures ?? false,
          recordedById: ctx.principal.userId,
        },
      });
      return {
        result: consent,
        recordIds: [globalId('ContactConsent', consent.id)],
        practiceId: patient.practiceId,
      };
    }),
});
