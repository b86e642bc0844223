import { builder } from '../builder.ts';

export interface AddressShape {
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
}

export const Address = builder.objectRef<AddressShape>('Address').implement({
  description: 'A US postal address.',
  fields: (t) => ({
    line1: t.string({ nullable: true, resolve: (a) => a.addressLine1 }),
    line2: t.string({ nullable: true, resolve: (a) => a.addressLine2 }),
    city: t.string({ nullable: true, resolve: (a) => a.city }),
    state: t.string({ nullable: true, resolve: (a) => a.state, description: 'Two-letter state code.' }),
    postalCode: t.string({ nullable: true, resolve: (a) => a.postalCode }),
  }),
});

export const AddressInput = builder.inputType('AddressInput', {
  fields: (t) => ({
    line1: t.string({ required: true }),
    line2: t.string(),
    city: t.string({ required: true }),
    state: t.string({ required: true, description: 'Two-letter state code.' }),
    postalCode: t.string({ required: true, description: 'ZIP or ZIP+4.' }),
  }),
});
