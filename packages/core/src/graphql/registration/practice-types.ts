import { builder } from '../builder.ts';
import { pageSizeOptions } from '../connections.ts';
import { Address } from './address-types.ts';

export const PracticeRef = builder.prismaNode('Practice', {
  // A record of another tenant is simply not found: node(id:) answers null, never an error.
  nullable: true,
  id: { field: 'id' },
  description: 'A billing provider: claims go out under its NPI and tax id.',
  fields: (t) => ({
    externalId: t.exposeString('externalId', { nullable: true, description: 'The vendor’s own id for the record.' }),
    name: t.exposeString('name'),
    npi: t.exposeString('npi', { description: 'Type 2 (organization) NPI, 10 digits with a Luhn check digit.' }),
    taxId: t.exposeString('taxId', { description: 'Employer identification number (EIN), 9 digits.' }),
    taxonomyCode: t.exposeString('taxonomyCode', { nullable: true }),
    address: t.field({ type: Address, resolve: (p) => p }),
    phone: t.exposeString('phone', { nullable: true }),
    timeZone: t.exposeString('timeZone', { description: 'IANA time zone, e.g. America/Chicago.' }),
    providers: t.relatedConnection('providers', { cursor: 'id', totalCount: true, ...pageSizeOptions }),
    facilities: t.relation('facilities'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

export const ProviderRef = builder.prismaNode('Provider', {
  // A record of another tenant is simply not found: node(id:) answers null, never an error.
  nullable: true,
  id: { field: 'id' },
  description: 'A rendering or billing clinician of a practice.',
  fields: (t) => ({
    externalId: t.exposeString('externalId', { nullable: true }),
    firstName: t.exposeString('firstName'),
    lastName: t.exposeString('lastName'),
    credential: t.exposeString('credential', { nullable: true, description: 'e.g. MD, DO, NP.' }),
    npi: t.exposeString('npi', { description: 'Type 1 (individual) NPI.' }),
    taxonomyCode: t.exposeString('taxonomyCode', { nullable: true }),
    practice: t.relation('practice'),
  }),
});

export const FacilityRef = builder.prismaNode('Facility', {
  id: { field: 'id' },
  nullable: true,
  description: 'A service location of a practice: a clinic, a hospital, an ambulatory surgery center.',
  fields: (t) => ({
    externalId: t.exposeString('externalId', { nullable: true }),
    name: t.exposeString('name'),
    npi: t.exposeString('npi', { nullable: true }),
    placeOfService: t.exposeString('placeOfService', {
      nullable: true,
      description: 'Default CMS place-of-service code.',
    }),
    address: t.field({ type: Address, resolve: (f) => f }),
    practice: t.relation('practice'),
  }),
});
