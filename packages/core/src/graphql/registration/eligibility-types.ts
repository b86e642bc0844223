import { builder } from '../builder.ts';
import { ConnectorError } from '../../plugins/connector-call.ts';
import { ErrorInterface } from '../errors.ts';

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
