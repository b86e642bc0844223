import { ValidationError } from '../../errors/billing-errors.ts';
import { creditBalances } from '../../ledger/credit-balances.ts';
import type { InsuranceCredit, PatientCredit } from '../../ledger/credit-balances.ts';
import { isCalendarDate } from '../../util/calendar-date.ts';
import { AGGREGATE_COST, builder } from '../builder.ts';

const InsuranceCreditRef = builder.objectRef<InsuranceCredit>('InsuranceCredit').implement({
  description: 'A claim its payer paid more than it owed on: refund the payer, or let it offset (PLB).',
  fields: (t) => ({
    claim: t.prismaField({
      type: 'Claim',
      nullable: true,
      description: 'The claim (null if you may no longer see it).',
      resolve: (q, c, _a, ctx) => ctx.db.claim.findUnique({ ...q, where: { id: c.claimId } }),
    }),
    payer: t.prismaField({
      type: 'Payer',
      nullable: true,
      description: 'The payer owed the money back.',
      resolve: (q, c, _a, ctx) => ctx.db.payer.findUnique({ ...q, where: { id: c.payerId } }),
    }),
    amountCents: t.expose('amountCents', { type: 'Cents', description: 'What the payer is owed back.' }),
    sinceDate: t.expose('sinceDate', {
      type: 'Date',
      description: 'The last day money moved on the claim’s insurance balance: the credit is at least this old.',
    }),
  }),
});

const PatientCreditRef = builder.objectRef<PatientCredit>('PatientCredit').implement({
  description: 'A guarantor account that paid more than it owes: apply it to another balance or refund it.',
  fields: (t) => ({
    patient: t.prismaField({
      type: 'Patient',
      nullable: true,
      description: 'The patient (for a guarantor with several, the first with the credit).',
      resolve: (q, c, _a, ctx) => ctx.db.patient.findUnique({ ...q, where: { id: c.patientId } }),
    }),
    amountCents: t.expose('amountCents', { type: 'Cents', description: 'What the account is owed back.' }),
    sinceDate: t.expose('sinceDate', {
      type: 'Date',
      description: 'The last day money moved on the account: the credit is at least this old.',
    }),
  }),
});

const CreditBalancesRef = builder
  .objectRef<{ insurance: InsuranceCredit[]; patient: PatientCredit[] }>('CreditBalances')
  .implement({
    description: 'Credit balances, apart from A/R (never netted into it), largest first.',
    fields: (t) => ({
      insurance: t.field({
        type: [InsuranceCreditRef],
        description: 'Claims whose insurance balance is below zero.',
        resolve: (c) => c.insurance,
      }),
      patient: t.field({
        type: [PatientCreditRef],
        description: 'Guarantor accounts whose patient balance is below zero.',
        resolve: (c) => c.patient,
      }),
    }),
  });

builder.queryField('creditBalances', (t) =>
  t.field({
    type: CreditBalancesRef,
    description: 'Insurance credits by claim and payer, patient credits by guarantor account, as of a day.',
    complexity: AGGREGATE_COST,
    authScopes: { admin: true, biller: true, auditor: true },
    args: { asOf: t.arg({ type: 'Date', required: true, description: 'The day balances are taken on.' }) },
    resolve: (_root, args, ctx) => {
      if (!isCalendarDate(args.asOf))
        throw new ValidationError([{ path: ['asOf'], code: 'INVALID_DATE', message: 'asOf: not a calendar date' }]);
      return creditBalances(ctx.db, args.asOf);
    },
  }),
);
