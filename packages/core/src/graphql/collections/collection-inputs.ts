import type { builder } from '../builder.ts';
import { AddressInput } from '../registration/address-types.ts';

type InputFieldBuilder = Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0];

/** The contact fields an agency takes when created or updated: what its validation notices print. */
export const collectorContactFields = (t: InputFieldBuilder) => ({
  address: t.field({
    type: AddressInput,
    description: 'The mailing address consumers write to (required before a validation notice is sent).',
  }),
  phone: t.string({ description: 'The telephone number consumers call (required before a validation notice).' }),
  electronicDisputes: t.string({
    description: 'A web address or e-mail where disputes are accepted electronically, when the agency takes them.',
  }),
});
