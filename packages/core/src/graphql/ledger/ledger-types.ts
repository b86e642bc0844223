import { LedgerAccount, LedgerEntryKind } from '../../db/prisma-client.ts';
import { builder } from '../builder.ts';
import { accountWhere, balanceOf } from '../../ledger/balances.ts';
import type { Balance } from '../../ledger/balances.ts';

export const LedgerAccountEnum = builder.enumType(LedgerAccount, {
  name: 'LedgerAccount',
  description:
    'Whose A/R: INSURANCE (a payer, per claim), PATIENT (the guarantor account), PRACTICE (provider-level adjustments).',
});

export const LedgerEntryKindEnum = builder.enumType(LedgerEntryKind, { name: 'LedgerEntryKind' });

export const BalanceRef = builder.objectRef<Balance>('Balance').implement({
  description: 'A balance derived from the ledger at the moment of the query: the sum of the entries, by who owes it.',
  fields: (t) => ({
    insuranceCents: t.expose('insuranceCents', { type: 'Cents' }),
    patientCents: t.expose('patientCents', {
      type: 'Cents',
      description: 'Negative is a credit balance (refundable).',
    }),
    practiceCents: t.expose('practiceCents', { type: 'Cents' }),
    totalCents: t.expose('totalCents', { type: 'Cents' }),
  }),
});

export const LedgerEntryRef = builder.prismaNode('LedgerEntry', {
  id: { field: 'id' },
  nullable: true,
  description:
    'One append-only ledger entry in integer cents: positive raises what is owed to the practice, negative lowers it. ' +
    'Never changed: corrections and reversals are new entries (`reverses`).',
  fields: (t) => ({
    kind: t.expose('kind', { type: LedgerEntryKindEnum }),
    account: t.expose('account', { type: LedgerAccountEnum }),
    amountCents: t.expose('amountCents', { type: 'Cents' }),
    reasonCode: t.exposeString('reasonCode', {
      nullable: true,
      description: 'CARC group and code (CO-45, PR-1) or PLB reason.',
    }),
    category: t.exposeString('category', {
      nullable: true,
      description: 'DEDUCTIBLE, COINSURANCE, COPAY or OTHER on patient-responsibility transfers.',
    }),
    memo: t.exposeString('memo', { nullable: true }),
    effectiveDate: t.expose('effectiveDate', { type: 'Date' }),
    agingDate: t.expose('agingDate', {
      type: 'Date',
      description: 'The date A/R ages from (the claim’s first date of service).',
    }),
    transferId: t.exposeString('transferId', { nullable: true, description: 'The two halves of a transfer share it.' }),
    actorType: t.exposeString('actorType'),
    patient: t.relation('patient', { nullable: true }),
    claim: t.relation('claim', { nullable: true }),
    claimLine: t.relation('claimLine', { nullable: true }),
    remittance: t.relation('remittance', { nullable: true }),
    reverses: t.relation('reverses', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.prismaObjectField('Claim', 'balance', (t) =>
  t.field({
    type: BalanceRef,
    description: 'What is still owed on this claim, derived from its ledger entries.',
    resolve: (c, _a, ctx) => balanceOf(ctx.db, { claimId: c.id }),
  }),
);

builder.prismaObjectField('Claim', 'ledgerEntries', (t) =>
  t.relation('ledgerEntries', { query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } }),
);

builder.prismaObjectField('Claim', 'primaryClaim', (t) =>
  t.relation('primaryClaim', {
    nullable: true,
    description: 'For a secondary claim: the claim whose adjudication it carries.',
  }),
);

builder.prismaObjectField('Claim', 'secondaryClaims', (t) => t.relation('secondaryClaims'));

builder.prismaObjectField('Claim', 'crossover', (t) =>
  t.exposeBoolean('crossover', {
    description:
      'The prior payer forwarded this claim to its payer (a crossover): it is never submitted and waits for that payer’s 835.',
  }),
);

builder.prismaObjectField('Patient', 'balance', (t) =>
  t.field({
    type: BalanceRef,
    description: 'The patient’s balance: insurance A/R of their claims and their patient share.',
    resolve: (p, _a, ctx) => balanceOf(ctx.db, { patientId: p.id }),
  }),
);

builder.prismaObjectField('Patient', 'accountBalance', (t) =>
  t.field({
    type: BalanceRef,
    description:
      'The guarantor account this patient’s share is billed to (every patient of the guarantor, or the patient alone).',
    resolve: (p, _a, ctx) =>
      balanceOf(ctx.db, accountWhere(p.guarantorId ? { guarantorId: p.guarantorId } : { patientId: p.id })),
  }),
);

builder.prismaObjectField('Guarantor', 'balance', (t) =>
  t.field({
    type: BalanceRef,
    description: 'The guarantor account’s balance across the patients it guarantees.',
    resolve: (g, _a, ctx) => balanceOf(ctx.db, { guarantorId: g.id }),
  }),
);

builder.prismaObjectField('Practice', 'balance', (t) =>
  t.field({
    type: BalanceRef,
    description: 'The practice’s A/R: insurance, patient, and practice-level (PLB) entries.',
    resolve: (p, _a, ctx) => balanceOf(ctx.db, { practiceId: p.id }),
  }),
);

builder.prismaObjectField('Patient', 'ledgerEntries', (t) =>
  t.relation('ledgerEntries', { query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } }),
);

builder.prismaObjectField('Coverage', 'balance', (t) =>
  t.field({
    type: BalanceRef,
    description: 'What this coverage’s payer still owes on its claims.',
    resolve: (c, _a, ctx) => balanceOf(ctx.db, { coverageId: c.id }),
  }),
);
