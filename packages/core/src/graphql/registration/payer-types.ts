import { builder } from '../builder.ts';
import { Address } from './address-types.ts';

export const PayerRef = builder.prismaNode('Payer', {
  // A record of another tenant is simply not found: node(id:) answers null, never an error.
  nullable: true,
  id: { field: 'id' },
  description: 'An insurer as your organization knows it, and the connector that reaches it.',
  fields: (t) => ({
    externalId: t.exposeString('externalId', { nullable: true }),
    name: t.exposeString('name'),
    payerIdentifier: t.exposeString('payerIdentifier', {
      description: 'The payer id used in X12 (loop 2010BB NM109).',
    }),
    claimFilingIndicator: t.exposeString('claimFilingIndicator', { description: 'X12 SBR09, e.g. MB, CI, BL.' }),
    timelyFilingDays: t.exposeInt('timelyFilingDays', {
      description: 'Days from the date of service to file a claim.',
    }),
    appealWindowDays: t.exposeInt('appealWindowDays', { description: 'Days from the denial to file an appeal.' }),
    connectorId: t.exposeString('connectorId', {
      nullable: true,
      description: 'Key of the payer connector that serves it.',
    }),
    forbidsBalanceBilling: t.exposeBoolean('forbidsBalanceBilling', {
      description:
        'Payer of last resort that forbids balance billing (Medicaid): what it leaves to the patient is written off.',
    }),
    paperOnly: t.exposeBoolean('paperOnly', {
      description: 'Takes no EDI: its claims are printed on CMS-1500 or UB-04 forms and mailed.',
    }),
    address: t.field({
      type: Address,
      nullable: true,
      description: 'Where paper claims are mailed; null when not given.',
      resolve: (p) => (p.addressLine1 ? p : null),
    }),
  }),
});
