import { EncounterStatus } from '../../db/prisma-client.ts';
import { modifiersOf } from '../../claims/line-modifiers.ts';
import { builder } from '../builder.ts';
import { EncounterCodeRef, inClaimOrder } from './institutional-code-types.ts';

export const EncounterStatusEnum = builder.enumType(EncounterStatus, {
  name: 'EncounterStatus',
  description: 'OPEN until billed; BILLED once a claim was made; CLOSED when nothing more will be billed; VOIDED.',
});

export const DiagnosisRef = builder.prismaObject('Diagnosis', {
  description: 'One ICD-10-CM diagnosis of an encounter, in order (the first is the principal one).',
  fields: (t) => ({
    sequence: t.exposeInt('sequence', { description: '1-based; service lines point at it.' }),
    code: t.exposeString('code', { description: 'ICD-10-CM as claims carry it, without the dot (E119).' }),
    formattedCode: t.string({
      description: 'With the dot after the category (E11.9).',
      resolve: (d) => (d.code.length > 3 ? `${d.code.slice(0, 3)}.${d.code.slice(3)}` : d.code),
    }),
  }),
});

const Ndc = builder
  .objectRef<{ code: string; quantity: number | null; unit: string | null }>('NationalDrugCode')
  .implement({
    description: 'The drug billed on a line (NDC 5-4-2) with its quantity and unit (UN, ML, GR, F2, ME).',
    fields: (t) => ({
      code: t.exposeString('code'),
      quantity: t.exposeFloat('quantity', { nullable: true }),
      unit: t.exposeString('unit', { nullable: true }),
    }),
  });

export const ServiceLineRef = builder.prismaObject('ServiceLine', {
  description: 'One procedure of an encounter.',
  fields: (t) => ({
    lineNumber: t.exposeInt('lineNumber'),
    procedureCode: t.exposeString('procedureCode', {
      nullable: true,
      description:
        'CPT or HCPCS Level II; null only on an institutional line billed by its revenue code alone (room and board).',
    }),
    revenueCode: t.exposeString('revenueCode', {
      nullable: true,
      description: 'UB-04 revenue code (institutional visits).',
    }),
    description: t.exposeString('description', {
      nullable: true,
      description: 'The service in the patient’s words, as the practice named it; statements show it.',
    }),
    modifiers: t.stringList({
      resolve: (l) => modifiersOf(l),
    }),
    units: t.float({ description: 'Units of service (exact to 3 decimals).', resolve: (l) => l.unitsMilli / 1000 }),
    chargeCents: t.expose('chargeCents', { type: 'Cents' }),
    serviceDate: t.expose('serviceDate', { type: 'Date' }),
    serviceDateEnd: t.expose('serviceDateEnd', { type: 'Date', nullable: true }),
    diagnosisPointers: t.intList({
      description: '1-based sequences of the encounter’s diagnoses.',
      resolve: (l) => l.diagnosisPointers.split(',').map(Number),
    }),
    ndc: t.field({
      type: Ndc,
      nullable: true,
      resolve: (l) =>
        l.ndcCode
          ? {
              code: l.ndcCode,
              quantity: l.ndcQuantityMilli === null ? null : l.ndcQuantityMilli / 1000,
              unit: l.ndcUnit,
            }
          : null,
    }),
  }),
});

export const EncounterRef = builder.prismaNode('Encounter', {
  id: { field: 'id' },
  nullable: true,
  description: 'A visit: who was seen, by whom, where and when, what was found (diagnoses) and done (service lines).',
  fields: (t) => ({
    externalId: t.exposeString('externalId', { nullable: true }),
    status: t.expose('status', { type: EncounterStatusEnum }),
    dateOfService: t.expose('dateOfService', { type: 'Date' }),
    placeOfService: t.exposeString('placeOfService', { description: 'CMS place-of-service code, e.g. 11 office.' }),
    priorAuthorization: t.exposeString('priorAuthorization', { nullable: true }),
    patient: t.relation('patient'),
    practice: t.relation('practice'),
    renderingProvider: t.relation('renderingProvider'),
    billingProvider: t.relation('billingProvider', { nullable: true }),
    facility: t.relation('facility', { nullable: true }),
    coverage: t.relation('coverage', { nullable: true, description: 'The coverage billed first; null for self-pay.' }),
    diagnoses: t.relation('diagnoses', { query: { orderBy: { sequence: 'asc' } } }),
    serviceLines: t.relation('serviceLines', { query: { orderBy: { lineNumber: 'asc' } } }),
    institutionalCodes: t.field({
      type: [EncounterCodeRef],
      description: 'UB-04 codes beyond the diagnoses (institutional visits), in the 837I’s order.',
      select: { codes: true },
      // In code: SQLite sorts an enum by its name, PostgreSQL by its declaration.
      resolve: (e) => [...e.codes].sort(inClaimOrder),
    }),
    totalChargeCents: t.field({
      type: 'Cents',
      select: { serviceLines: { select: { chargeCents: true } } },
      resolve: (e) => e.serviceLines.reduce((sum, l) => sum + l.chargeCents, 0),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});
