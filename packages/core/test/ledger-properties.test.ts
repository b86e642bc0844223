import { createTestApi } from '@revcycle/testkit';
import type { TestApi } from '@revcycle/testkit';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeId } from '../src/ids/global-id.ts';
import { transaction } from '../src/db/prisma-client.ts';
import type { Db, LedgerEntry } from '../src/db/prisma-client.ts';
import { balanceOf } from '../src/ledger/balances.ts';
import { allocatePatientPayment } from '../src/ledger/patient-payments.ts';
import { Posting } from '../src/ledger/post-entries.ts';
import { arAging } from '../src/ledger/ar-aging.ts';
import { scopeToTenant } from '../src/db/tenant-scope.ts';
import { acceptingClearinghouse, remittanceWorld } from './remittance-fixtures.ts';

/**
 * Random sequences of charges, payments, adjustments, transfers, reversals and refunds, posted through the ledger
 * code, against a model that only adds numbers. After every sequence: each balance the ledger derives equals the
 * model's, equals the sum of its entries read one by one, and equals what A/R aging reports; transfers and
 * reversals net to zero; no earlier entry was changed.
 */
type Op =
  | { kind: 'charge' | 'insurancePayment' | 'contractual' | 'toPatient'; claim: 0 | 1; cents: number }
  | { kind: 'patientPayment' | 'refund'; cents: number }
  | { kind: 'reverse'; pick: number };

const cents = fc.integer({ min: 1, max: 50_000 });
const claimIndex = fc.constantFrom(0 as const, 1 as const);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('charge', 'insurancePayment', 'contractual', 'toPatient') as fc.Arbitrary<'charge'>,
    claim: claimIndex,
    cents,
  }),
  fc.record({ kind: fc.constantFrom('patientPayment', 'refund') as fc.Arbitrary<'refund'>, cents }),
  fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat() }),
);

interface Model {
  insurance: [number, number];
  patient: [number, number];
  credit: number;
}

let t: TestApi;
let organizationId: string;
let patient: { id: string; practiceId: string; guarantorId: string | null };
let claims: Array<{ id: string; coverageId: string; payerId: string; agingDate: string }>;

beforeAll(async () => {
  t = await createTestApi({ payers: [acceptingClearinghouse] });
  organizationId = (await t.createOrganization('Ledger properties')).id;
  const token = await t.token(organizationId, ['admin']);
  const w = await remittanceWorld(t, token);
  const p = await w.patient();
  const made = [await w.submittedClaim(p, '2026-09-01'), await w.submittedClaim(p, '2026-10-01')];
  const row = await t.db.patient.findUniqueOrThrow({ where: { id: decodeId('Patient', p.id) } });
  patient = { id: row.id, practiceId: row.practiceId, guarantorId: row.guarantorId };
  claims = await Promise.all(
    made.map(async (c) => {
      const claim = await t.db.claim.findUniqueOrThrow({
        where: { id: decodeId('Claim', c.id) },
        include: { lines: true },
      });
      return {
        id: claim.id,
        coverageId: claim.coverageId,
        payerId: claim.payerId,
        agingDate: claim.lines.map((l) => l.serviceDate).sort()[0]!,
      };
    }),
  );
});
afterAll(() => t.close());

async function modelFromLedger(db: Db): Promise<Model> {
  const of = async (claimId: string) => balanceOf(db, { claimId });
  const [a, b] = [await of(claims[0]!.id), await of(claims[1]!.id)];
  const credit = await balanceOf(db, { patientId: patient.id, claimId: null });
  return {
    insurance: [a.insuranceCents, b.insuranceCents],
    patient: [a.patientCents, b.patientCents],
    credit: credit.patientCents,
  };
}

async function apply(db: Db, ops: Op[], model: Model): Promise<LedgerEntry[]> {
  return transaction(db, async (tx) => {
    const posting = new Posting(tx, organizationId, { type: 'SYSTEM' });
    const base = (i: 0 | 1) => ({
      practiceId: patient.practiceId,
      patientId: patient.id,
      guarantorId: patient.guarantorId,
      claimId: claims[i]!.id,
      coverageId: claims[i]!.coverageId,
      payerId: claims[i]!.payerId,
      effectiveDate: '2026-11-01',
      agingDate: claims[i]!.agingDate,
    });
    for (const o of ops) {
      if (o.kind === 'charge' || o.kind === 'insurancePayment' || o.kind === 'contractual') {
        const amount = o.kind === 'charge' ? o.cents : -o.cents;
        await posting.post([
          {
            ...base(o.claim),
            account: 'INSURANCE',
            kind:
              o.kind === 'charge'
                ? 'CHARGE'
                : o.kind === 'insurancePayment'
                  ? 'INSURANCE_PAYMENT'
                  : 'CONTRACTUAL_ADJUSTMENT',
            amountCents: amount,
          },
        ]);
        model.insurance[o.claim] += amount;
      } else if (o.kind === 'toPatient') {
        await posting.transfer(
          { ...base(o.claim), account: 'INSURANCE', kind: 'PATIENT_RESPONSIBILITY_TRANSFER', category: 'COINSURANCE' },
          { account: 'PATIENT', coverageId: null, payerId: null },
          o.cents,
        );
        model.insurance[o.claim] -= o.cents;
        model.patient[o.claim] += o.cents;
      } else if (o.kind === 'patientPayment') {
        // The payment row is written through the tenant's checks, the way the API writes it.
        const scoped = scopeToTenant(db, { userId: 'ledger-properties', organizationId, roles: ['admin'] });
        await allocatePatientPayment(scoped, tx, posting, {
          organizationId,
          patient,
          amountCents: o.cents,
          method: 'CASH',
          receivedDate: '2026-11-02',
          createdById: null,
        });
        // Oldest claim first, never more than its open share; the rest is a credit.
        let left = o.cents;
        for (const i of [0, 1] as const) {
          const applied = Math.min(left, Math.max(0, model.patient[i]));
          model.patient[i] -= applied;
          left -= applied;
        }
        model.credit -= left;
      } else if (o.kind === 'refund') {
        const credit = -(await balanceOf(tx, { patientId: patient.id, account: 'PATIENT' })).patientCents;
        const amount = Math.min(o.cents, credit);
        if (amount <= 0) continue;
        await posting.post([
          {
            practiceId: patient.practiceId,
            account: 'PATIENT',
            kind: 'REFUND',
            amountCents: amount,
            patientId: patient.id,
            guarantorId: patient.guarantorId,
            effectiveDate: '2026-11-03',
          },
        ]);
        model.credit += amount;
      } else if (o.kind === 'reverse') {
        const candidates = posting.entries.filter(
          (e) => e.kind !== 'REVERSAL' && !posting.entries.some((r) => r.reversesEntryId === e.id),
        );
        if (!candidates.length) continue;
        const chosen = candidates[o.pick % candidates.length]!;
        const originals = chosen.transferId ? candidates.filter((e) => e.transferId === chosen.transferId) : [chosen];
        await posting.reverse(originals, 'property test');
        for (const e of originals) {
          const i = claims.findIndex((c) => c.id === e.claimId) as -1 | 0 | 1;
          if (i === -1) model.credit -= e.amountCents;
          else if (e.account === 'INSURANCE') model.insurance[i] -= e.amountCents;
          else model.patient[i] -= e.amountCents;
        }
      }
    }
    return posting.entries;
  });
}

describe('ledger invariants', () => {
  it('every balance is the sum of its entries; transfers and reversals create or lose nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
        const before = await t.db.ledgerEntry.findMany({ where: { patientId: patient.id }, orderBy: { id: 'asc' } });
        const model = await modelFromLedger(t.db);
        const created = await apply(t.db, ops, model);

        // The ledger's derived balances equal the model's.
        expect(await modelFromLedger(t.db)).toEqual(model);
        // Every balance equals the sum of its entries, read one by one.
        const all = await t.db.ledgerEntry.findMany({ where: { patientId: patient.id }, orderBy: { id: 'asc' } });
        const sum = (rows: LedgerEntry[]) => rows.reduce((s, e) => s + e.amountCents, 0);
        const derived = await balanceOf(t.db, { patientId: patient.id });
        expect(derived.totalCents).toBe(sum(all));
        expect(derived.patientCents).toBe(sum(all.filter((e) => e.account === 'PATIENT')));
        expect(derived.totalCents).toBe(
          model.insurance[0] + model.insurance[1] + model.patient[0] + model.patient[1] + model.credit,
        );
        // Transfers net to zero, a reversal is exactly the negative of what it reverses.
        const transfers = new Map<string, number>();
        for (const e of created)
          if (e.transferId)
            transfers.set(
              `${e.transferId}|${e.kind === 'REVERSAL'}`,
              (transfers.get(`${e.transferId}|${e.kind === 'REVERSAL'}`) ?? 0) + e.amountCents,
            );
        expect([...transfers.values()].every((v) => v === 0)).toBe(true);
        for (const r of created.filter((e) => e.kind === 'REVERSAL'))
          expect(r.amountCents).toBe(-all.find((e) => e.id === r.reversesEntryId)!.amountCents);
        // Append-only: nothing that existed before the sequence changed.
        const after = new Map(all.map((e) => [e.id, e]));
        for (const e of before) expect(after.get(e.id)).toEqual(e);
        // A/R aging (SQL) agrees with the ledger.
        const tenantDb = scopeToTenant(t.db, { userId: 'ledger-check', organizationId, roles: ['auditor'] });
        const rows = await arAging(tenantDb, '2099-12-31', 'PATIENT');
        const mine = rows.filter((r) => r.groupId === patient.id);
        expect(mine.reduce((s, r) => s + r.totalCents, 0)).toBe(derived.totalCents);
      }),
      { numRuns: 40, seed: 20261127 },
    );
  }, 120_000);
});
