import { builder } from '../builder.ts';
import { AddressInput } from './address-types.ts';
import {
  ContactChannelEnum,
  CoveragePriorityEnum,
  GuarantorRelationshipEnum,
  SexEnum,
  SubscriberRelationshipEnum,
} from './patient-types.ts';

export const PersonInput = builder.inputType('PersonInput', {
  description: 'A subscriber who is not the patient.',
  fields: (t) => ({
    firstName: t.string({ required: true }),
    lastName: t.string({ required: true }),
    dateOfBirth: t.field({ type: 'Date' }),
  }),
});

export const CoverageInput = builder.inputType('CoverageInput', {
  fields: (t) => ({
    payerId: t.id({ required: true }),
    memberId: t.string({ required: true }),
    groupNumber: t.string(),
    priority: t.field({
      type: CoveragePriorityEnum,
      required: true,
      description: 'A taken priority moves the coverage holding it (and those after it) down one.',
    }),
    subscriberRelationship: t.field({ type: SubscriberRelationshipEnum, description: '@default SELF' }),
    subscriber: t.field({ type: PersonInput, description: 'Required unless the patient is the subscriber.' }),
    effectiveDate: t.field({ type: 'Date', required: true }),
    terminationDate: t.field({ type: 'Date', description: 'Inclusive; omit while open-ended.' }),
  }),
});

export const GuarantorInput = builder.inputType('GuarantorInput', {
  description: 'Who owes the patient share. SELF copies the patient; anyone else needs a name.',
  fields: (t) => ({
    relationship: t.field({ type: GuarantorRelationshipEnum, required: true }),
    firstName: t.string(),
    lastName: t.string(),
    dateOfBirth: t.field({ type: 'Date' }),
    address: t.field({ type: AddressInput }),
    phone: t.string(),
    email: t.string(),
  }),
});

type InputFieldBuilder = Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0];

/** Demographic and contact fields shared by createPatient and updatePatient. */
export const patientFields = (t: InputFieldBuilder, required: boolean) => ({
  firstName: t.string({ required }),
  middleName: t.string(),
  lastName: t.string({ required }),
  dateOfBirth: t.field({ type: 'Date', required }),
  sex: t.field({ type: SexEnum, required }),
  address: t.field({ type: AddressInput }),
  homePhone: t.string(),
  mobilePhone: t.string(),
  workPhone: t.string(),
  noContactAtWork: t.boolean({
    description:
      'The debtor said not to be contacted at work (FDCPA §805(a)(3)): calls to the work number are refused.',
  }),
  email: t.string(),
  preferredChannel: t.field({ type: ContactChannelEnum, description: '@default MAIL' }),
  emailOptOut: t.boolean(),
  smsOptOut: t.boolean(),
  phoneOptOut: t.boolean(),
  timeZone: t.string({
    description: 'IANA zone; when omitted it is derived from the address’s state (then the practice’s).',
  }),
  guarantor: t.field({ type: GuarantorInput, description: '@default the patient (SELF)' }),
});
