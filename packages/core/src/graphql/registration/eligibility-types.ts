import { AAA_REJECT_REASONS } from '@revcycle/x12';
import { builder } from '../builder.ts';
import { ConnectorError } from '../../plugins/connector-call.ts';
import { ErrorInterface } from '../errors.ts';

const EligibilityRejection = builder
  .objectRef<{ code: string; meaning: string | null }>('EligibilityRejection')
  .implement({
    description: 'Why the payer could not answer an eligibility inquiry.',
    fields: (t) => ({
      code: t.exposeString('code', { description: 'AAA03, e.g. 72.' }),
      meaning: t.exposeString('meaning', {
        nullable: true,
        description:
          'As the 271 guide words it, e.g. "Invalid/missing subscriber/insured ID"; null for a code it does not list.',
      }),
    }),
  });

export const EligibilityCheckRef = builder.prismaObject('EligibilityCheck', {
  description: 'One eligibility answer (270/271) from the payer, kept on the coverage.',
  fields: (t) => ({
    serviceDate: t.expose('serviceDate', { type: 'Date' }),
    active: t.exposeBoolean('active', { nullable: true, description: 'null when the payer did not say.' }),
    planName: t.exposeString('planName', { nullable: true }),
    copayCents: t.expose('copayCents', { type: 'Cents', nullable: true }),
    coinsuranceBasisPoints: t.int({
      nullable: true,
      description: '20 % is 2000.',
      resolve: (c) => c.coinsurancePercent,
    }),
    deductibleCents: t.expose('deductibleCents', { type: 'Cents', nullable: true }),
    deductibleRemainingCents: t.expose('deductibleRemainingCents', { type: 'Cents', nullable: true }),
    rejections: t.stringList({
      description: 'AAA reason codes when the payer could not answer (e.g. 72 invalid member id).',
      resolve: (c) => (Array.isArray(c.errors) ? (c.errors as string[]) : []),
    }),
    rejectionReasons: t.field({
      type: [EligibilityRejection],
      description: 'The AAA reason codes with what each means (the 271 guide’s list).',
      resolve: (c) =>
        (Array.isArray(c.errors) ? (c.errors as string[]) : []).map((code) => ({
          code,
          meaning: AAA_REJECT_REASONS[code] ?? null,
        })),
    }),
    connectorId: t.exposeString('connectorId'),
    checkedAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.objectType(ConnectorError, {
  name: 'ConnectorError',
  description: 'The payer connector failed; `retryable` says whether trying later may work.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ retryable: t.exposeBoolean('retryable') }),
});
