import { builder } from '../builder.ts';
import { pageSizeOptions } from '../connections.ts';

export const FeeScheduleEntryRef = builder.prismaObject('FeeScheduleEntry', {
  description: 'A rate for one procedure (and modifier) from a date.',
  fields: (t) => ({
    procedureCode: t.exposeString('procedureCode'),
    modifier: t.string({ nullable: true, resolve: (e) => e.modifier || null }),
    amountCents: t.expose('amountCents', {
      type: 'Cents',
      description: 'The charge (charge master) or the expected allowed amount (payer rates).',
    }),
    effectiveDate: t.expose('effectiveDate', { type: 'Date' }),
    endDate: t.expose('endDate', { type: 'Date', nullable: true }),
  }),
});

export const FeeScheduleRef = builder.prismaNode('FeeSchedule', {
  id: { field: 'id' },
  nullable: true,
  description: 'A practice’s charge master (no payer) or a payer’s contracted rates for the practice.',
  fields: (t) => ({
    name: t.exposeString('name'),
    isChargeMaster: t.boolean({ resolve: (f) => f.payerId === null }),
    practice: t.relation('practice'),
    payer: t.relation('payer', { nullable: true }),
    entries: t.relatedConnection('entries', {
      cursor: 'id',
      totalCount: true,
      ...pageSizeOptions,
      query: { orderBy: [{ procedureCode: 'asc' }, { modifier: 'asc' }, { effectiveDate: 'asc' }, { id: 'asc' }] },
    }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});
