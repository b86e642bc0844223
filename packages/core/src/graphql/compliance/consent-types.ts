import { builder } from '../builder.ts';

export const ConsentChannelEnum = builder.enumType('ConsentChannel', {
  values: ['CALLS', 'TEXTS', 'EMAIL'] as const,
  description: 'What a consent covers: autodialed or prerecorded calls, text messages, or e-mail.',
});

export const ContactConsentRef = builder.prismaNode('ContactConsent', {
  id: { field: 'id' },
  nullable: true,
  description:
    'A patient’s consent to be reached on a number or address by a channel, where and when it was given, and its revocation.',
  fields: (t) => ({
    channel: t.field({ type: ConsentChannelEnum, description: 'What it covers.', resolve: (c) => c.channel }),
    address: t.exposeString('address', { description: 'The number (10 digits) or e-mail address (lower case).' }),
    source: t.exposeString('source', { description: 'How it was given: intake form, portal, recorded call, …' }),
    consentedAt: t.expose('consentedAt', { type: 'DateTime', description: 'When it was given.' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true, description: 'When it was revoked.' }),
    revokedBy: t.exposeString('revokedBy', { nullable: true, description: 'How: a STOP reply, a request, …' }),
    electronicDisclosures: t.exposeBoolean('electronicDisclosures', {
      description: 'E-mail: the consumer also agreed (E-SIGN) to receive required disclosures here.',
    }),
  }),
});

builder.prismaObjectField('Patient', 'contactConsents', (t) =>
  t.relation('contactConsents', {
    type: ContactConsentRef,
    description: 'Consents to calls, texts and e-mail on record, revoked ones included (the evidence), newest first.',
    query: { orderBy: [{ consentedAt: 'desc' }, { id: 'asc' }] },
  }),
);
