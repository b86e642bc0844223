import {
  ContactChannel,
  CoveragePriority,
  GuarantorRelationship,
  Sex,
  SubscriberRelationship,
} from '../../db/prisma-client.ts';
import { builder } from '../builder.ts';
import { pageSizeOptions } from '../connections.ts';
import { Address } from './address-types.ts';

export const SexEnum = builder.enumType(Sex, { name: 'Sex' });

export const ContactChannelEnum = builder.enumType(ContactChannel, { name: 'ContactChannel' });

export const CoveragePriorityEnum = builder.enumType(CoveragePriority, { name: 'CoveragePriority' });

export const SubscriberRelationshipEnum = builder.enumType(SubscriberRelationship, { name: 'SubscriberRelationship' });

export const GuarantorRelationshipEnum = builder.enumType(GuarantorRelationship, { name: 'GuarantorRelationship' });

export const GuarantorRef = builder.prismaNode('Guarantor', {
  id: { field: 'id' },
  nullable: true,
  description: 'Who owes the patient share: the patient (SELF) or another person, e.g. a parent.',
  fields: (t) => ({
    relationship: t.expose('relationship', { type: GuarantorRelationshipEnum }),
    firstName: t.exposeString('firstName'),
    lastName: t.exposeString('lastName'),
    dateOfBirth: t.expose('dateOfBirth', { type: 'Date', nullable: true }),
    address: t.field({ type: Address, resolve: (g) => g }),
    phone: t.exposeString('phone', { nullable: true }),
    email: t.exposeString('email', { nullable: true }),
    timeZone: t.exposeString('timeZone', { nullable: true }),
  }),
});

export const PatientRef = builder.prismaNode('Patient', {
  // A record of another tenant is simply not found: node(id:) answers null, never an error.
  nullable: true,
  id: { field: 'id' },
  description: 'A patient of a practice, with demographics, contact preferences and coverages.',
  fields: (t) => ({
    externalId: t.exposeString('externalId', { nullable: true }),
    accountNumber: t.exposeString('accountNumber'),
    firstName: t.exposeString('firstName'),
    middleName: t.exposeString('middleName', { nullable: true }),
    lastName: t.exposeString('lastName'),
    dateOfBirth: t.expose('dateOfBirth', { type: 'Date' }),
    sex: t.expose('sex', { type: SexEnum }),
    address: t.field({ type: Address, resolve: (p) => p }),
    homePhone: t.exposeString('homePhone', { nullable: true }),
    mobilePhone: t.exposeString('mobilePhone', { nullable: true }),
    email: t.exposeString('email', { nullable: true }),
    preferredChannel: t.expose('preferredChannel', { type: ContactChannelEnum }),
    emailOptOut: t.exposeBoolean('emailOptOut', { description: 'No email about this account.' }),
    smsOptOut: t.exposeBoolean('smsOptOut', { description: 'No text messages about this account.' }),
    phoneOptOut: t.exposeBoolean('phoneOptOut', { description: 'No calls about this account.' }),
    workPhone: t.exposeString('workPhone', { nullable: true }),
    noContactAtWork: t.exposeBoolean('noContactAtWork', { description: 'Not to be contacted at work.' }),
    ceaseCommunicationAt: t.expose('ceaseCommunicationAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When a written request to stop communicating was received; every contact is refused from then on.',
    }),
    timeZone: t.exposeString('timeZone', {
      nullable: true,
      description: 'IANA zone: derived from the state unless set.',
    }),
    timeZoneOverridden: t.exposeBoolean('timeZoneOverridden', {
      description: 'True when the zone was set explicitly, not derived.',
    }),
    guarantor: t.relation('guarantor', { nullable: true }),
    practice: t.relation('practice'),
    allCoverages: t.relation('coverages', {
      description: 'Every coverage, including inactive ones, newest first.',
      query: { orderBy: { createdAt: 'desc' } },
    }),
    encounters: t.relatedConnection('encounters', {
      cursor: 'id',
      totalCount: true,
      ...pageSizeOptions,
      query: { orderBy: [{ dateOfService: 'desc' }, { id: 'desc' }] },
    }),
    coverages: t.relation('coverages', {
      description: 'Active coverages, primary first.',
      query: { where: { active: true }, orderBy: { priority: 'asc' } },
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

export const CoverageRef = builder.prismaNode('Coverage', {
  // A record of another tenant is simply not found: node(id:) answers null, never an error.
  nullable: true,
  id: { field: 'id' },
  description: 'A patient’s insurance with one payer, at one priority.',
  fields: (t) => ({
    memberId: t.exposeString('memberId'),
    groupNumber: t.exposeString('groupNumber', { nullable: true }),
    priority: t.expose('priority', { type: CoveragePriorityEnum }),
    subscriberRelationship: t.expose('subscriberRelationship', { type: SubscriberRelationshipEnum }),
    effectiveDate: t.expose('effectiveDate', { type: 'Date' }),
    terminationDate: t.expose('terminationDate', { type: 'Date', nullable: true }),
    subscriberFirstName: t.exposeString('subscriberFirstName', {
      nullable: true,
      description: 'When the patient is not the subscriber.',
    }),
    subscriberLastName: t.exposeString('subscriberLastName', { nullable: true }),
    subscriberDateOfBirth: t.expose('subscriberDateOfBirth', { type: 'Date', nullable: true }),
    active: t.exposeBoolean('active'),
    payer: t.relation('payer'),
    patient: t.relation('patient'),
    eligibilityChecks: t.relation('eligibilityChecks', {
      description: 'Eligibility answers, newest first.',
      query: { orderBy: { createdAt: 'desc' }, take: 10 },
    }),
  }),
});
